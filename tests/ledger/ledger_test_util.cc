// Fixtures for the ledger tests (see ledger_test_util.h).
#include "ledger_test_util.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zip.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace sunlight::ledger::testing {

namespace {
std::string XmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}
}  // namespace

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "sunlight_ledger_" + std::to_string(getpid()) + "_" +
                     std::to_string(counter++) + "_" + (info != nullptr ? info->name() : "x");
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  path_ = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  ASSERT_TRUE(out.good()) << "cannot write " << path;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::string ToGb18030(std::string_view utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    ADD_FAILURE() << "iconv_open GB18030 failed";
    return {};
  }
  std::string in(utf8);
  std::string out(in.size() * 2 + 16, '\0');
  char* in_ptr = in.data();
  size_t in_left = in.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<size_t>(-1)) {
    ADD_FAILURE() << "iconv to GB18030 failed: " << std::strerror(errno);
  }
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

// Adds `parts` to an archive being written; the strings must live until zip_close.
void AddParts(zip_t* archive, const std::map<std::string, std::string>& parts) {
  for (const auto& [name, content] : parts) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    ASSERT_NE(source, nullptr);
    if (zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      FAIL() << "zip_file_add " << name << ": " << zip_strerror(archive);
    }
  }
}

zip_t* CreateZip(const std::filesystem::path& path) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr) << "zip_open error " << error;
  return archive;
}

void CloseZip(zip_t* archive) {
  if (zip_close(archive) != 0) {
    ADD_FAILURE() << "zip_close: " << zip_strerror(archive);
    zip_discard(archive);
  }
}

zip_int64_t GeneratorCallback(void* user, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
  auto* generator = static_cast<Generator*>(user);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
      return 0;
    case ZIP_SOURCE_READ:
      return static_cast<zip_int64_t>((*generator)(static_cast<char*>(data), length));
    case ZIP_SOURCE_STAT:
      zip_stat_init(static_cast<zip_stat_t*>(data));
      return sizeof(zip_stat_t);
    case ZIP_SOURCE_ERROR:
      std::memset(data, 0, 2 * sizeof(int));
      return 2 * sizeof(int);
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      return -1;
  }
}

}  // namespace

void WriteZip(const std::filesystem::path& path, const std::map<std::string, std::string>& parts) {
  zip_t* archive = CreateZip(path);
  if (archive == nullptr) return;
  AddParts(archive, parts);
  CloseZip(archive);
}

void WriteZipStreaming(const std::filesystem::path& path,
                       const std::map<std::string, std::string>& parts,
                       const std::string& generated_name, Generator generator) {
  zip_t* archive = CreateZip(path);
  if (archive == nullptr) return;
  AddParts(archive, parts);
  zip_source_t* source = zip_source_function(archive, GeneratorCallback, &generator);
  ASSERT_NE(source, nullptr);
  if (zip_file_add(archive, generated_name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
    zip_source_free(source);
    FAIL() << "zip_file_add " << generated_name;
  }
  CloseZip(archive);  // reads the generator here, while `generator` is alive
}

std::map<std::string, std::string> TestWorkbookParts(const TestWorkbook& book) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::map<std::string, std::string> parts;
  parts["[Content_Types].xml"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
  parts["_rels/.rels"] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      rel_ns + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<workbook xmlns=\"" +
      ns + "\" xmlns:r=\"" + rel_ns + "\">";
  if (book.date1904) workbook += "<workbookPr date1904=\"1\"/>";
  workbook += "<sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (size_t i = 0; i < book.sheets.size(); ++i) {
    const std::string id = std::to_string(i + 1);
    workbook += "<sheet name=\"" + XmlEscape(book.sheets[i].name) + "\" sheetId=\"" + id +
                "\" r:id=\"rId" + id + "\"/>";
    rels += "<Relationship Id=\"rId" + id + "\" Type=\"" + rel_ns +
            "/worksheet\" Target=\"worksheets/sheet" + id + ".xml\"/>";
    parts["xl/worksheets/sheet" + id + ".xml"] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + ns +
        "\" xmlns:r=\"" + rel_ns + "\"><dimension ref=\"A1\"/><sheetData>" +
        book.sheets[i].sheet_data + "</sheetData><pageMargins left=\"0.7\"/></worksheet>";
  }
  workbook += "</sheets></workbook>";
  if (!book.shared_strings.empty()) {
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_ns +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
    std::string sst = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + ns +
                      "\" count=\"" + std::to_string(book.shared_strings.size()) + "\">";
    for (const std::string& item : book.shared_strings) sst += "<si>" + item + "</si>";
    parts["xl/sharedStrings.xml"] = sst + "</sst>";
  }
  if (!book.styles.empty()) {
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rel_ns + "/styles\" Target=\"styles.xml\"/>";
    parts["xl/styles.xml"] = book.styles;
  }
  parts["xl/workbook.xml"] = workbook;
  parts["xl/_rels/workbook.xml.rels"] = rels + "</Relationships>";
  return parts;
}

std::string TestStyles(const std::vector<int>& cell_xf_num_fmt_ids,
                       const std::map<int, std::string>& custom) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  if (!custom.empty()) {
    xml += "<numFmts count=\"" + std::to_string(custom.size()) + "\">";
    for (const auto& [id, code] : custom) {
      xml += "<numFmt numFmtId=\"" + std::to_string(id) + "\" formatCode=\"" + XmlEscape(code) +
             "\"/>";
    }
    xml += "</numFmts>";
  }
  xml += "<cellXfs count=\"" + std::to_string(cell_xf_num_fmt_ids.size()) + "\">";
  for (int id : cell_xf_num_fmt_ids) {
    xml += "<xf numFmtId=\"" + std::to_string(id) + "\" fontId=\"0\" applyNumberFormat=\"1\"/>";
  }
  return xml + "</cellXfs></styleSheet>";
}

long PeakRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024L;  // Linux reports KiB
}

bool UnderSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

}  // namespace sunlight::ledger::testing
