// Fixtures for the ledger tests: temporary folders, GB18030 text made with iconv, and zip
// (XLSX) files assembled from XML parts with libzip, so edge cases can be written by hand.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sunlight::ledger::testing {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void WriteFile(const std::filesystem::path& path, std::string_view bytes);
std::string ReadFile(const std::filesystem::path& path);

// Converts UTF-8 text to GB18030 with glibc iconv (aborts the test on failure).
std::string ToGb18030(std::string_view utf8);

// Writes a zip holding `parts` (name -> content), deflated.
void WriteZip(const std::filesystem::path& path, const std::map<std::string, std::string>& parts);

// Fills `buffer` with up to `capacity` bytes of generated content; returns 0 at the end.
using Generator = std::function<size_t(char* buffer, size_t capacity)>;
// Writes a zip whose part `generated_name` is produced by `generator` while zipping (so a huge
// part never sits in memory), plus the small `parts`.
void WriteZipStreaming(const std::filesystem::path& path,
                       const std::map<std::string, std::string>& parts,
                       const std::string& generated_name, Generator generator);

// A workbook described by its sheets' <sheetData> contents, for TestWorkbookParts.
struct TestSheet {
  std::string name;
  std::string sheet_data;  // the XML inside <sheetData>...</sheetData>
};
struct TestWorkbook {
  std::vector<TestSheet> sheets;
  std::vector<std::string> shared_strings;  // inner XML of each <si>; none: no sharedStrings part
  std::string styles;                       // whole styles.xml; empty: no styles part
  bool date1904 = false;
};

// The parts of a minimal, valid .xlsx for `book` (sheet i is xl/worksheets/sheet<i+1>.xml).
std::map<std::string, std::string> TestWorkbookParts(const TestWorkbook& book);

// A styles.xml whose cellXfs are, in order, these numFmtIds; `custom` adds <numFmt>s (id -> code).
std::string TestStyles(const std::vector<int>& cell_xf_num_fmt_ids,
                       const std::map<int, std::string>& custom = {});

// Peak resident set size of this process so far, in bytes (getrusage).
long PeakRssBytes();

// Is this build instrumented by AddressSanitizer (slower; more memory per allocation)?
bool UnderSanitizer();

}  // namespace sunlight::ledger::testing
