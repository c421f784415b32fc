#include "http/api/import_routes.h"

#include <stdlib.h>
#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "access/roles.h"
#include "http/error_response.h"
#include "http/response.h"
#include "ledger/encoding.h"
#include "ledger/import/error_report_csv.h"
#include "ledger/import/importer.h"

namespace sunlight::http {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
// Unpacked CSV files of one upload, at most: a guard against zip bombs (a small upload that
// unpacks into the disk's worth of zeros).
constexpr std::uint64_t kMaxUnpackedBytes = std::uint64_t{1} << 30;

// The roles that hand ledgers to Sunlight (docs/api.md "Decision: who may import").
bool MayImport(access::Role role) {
  return role == access::Role::kProjectOwner || role == access::Role::kFinance ||
         role == access::Role::kSupervisor;
}

// A private folder for one upload, removed with everything in it when the request is done:
// an upload is never kept (the batch records its checksums instead).
class TempDir {
 public:
  static StatusOr<TempDir> Create() {
    std::error_code ec;
    fs::path base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "sunlight-upload-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {  // mode 0700: no other user reads the upload
      return InternalError("无法创建临时目录", "temp_dir");
    }
    return TempDir(fs::path(pattern));
  }
  TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  TempDir& operator=(TempDir&&) = delete;
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         AsciiLower(text.substr(text.size() - suffix.size())) == AsciiLower(suffix);
}

// The last component of a client-given name, without control characters or separators; ""
// when nothing usable is left. Multi-byte UTF-8 (Chinese file names) is kept.
std::string SafeBaseName(std::string_view name) {
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
        c == '>' || c == '|') {
      continue;
    }
    out.push_back(c);
  }
  if (out.size() > 120) out.clear();  // not worth truncating inside a UTF-8 sequence
  if (out == "." || out == "..") out.clear();
  return out;
}

Status WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return InternalError("无法写入临时文件", "temp_write");
  return Status::Ok();
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// Unpacks the .csv entries of a zip upload into `folder`, flattened to their base names (a
// zip made from a folder has "folder/payments.csv"); other entries are skipped, as the CSV
// folder reader skips files that are not .csv.
Status UnpackCsvZip(std::string_view body, const fs::path& folder) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(body.data(), body.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return InternalError("无法读取上传内容", "zip_source");
  }
  std::unique_ptr<zip_t, ZipCloser> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  zip_error_fini(&error);
  if (!archive) {
    zip_source_free(source);
    return InvalidArgumentError("上传的文件不是有效的 zip 压缩包", "bad_zip");
  }
  std::set<std::string> written;
  std::uint64_t unpacked = 0;
  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* raw_name = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
    if (raw_name == nullptr) continue;
    const std::string_view name(raw_name);
    if (name.empty() || name.back() == '/' || name.find("__MACOSX/") != std::string_view::npos) {
      continue;
    }
    const std::string base = SafeBaseName(name);
    if (base.empty() || base.front() == '.' || !EndsWithIgnoreCase(base, ".csv")) continue;
    if (!written.insert(AsciiLower(base)).second) {
      return InvalidArgumentError("压缩包中有重名的文件：" + base, "zip_duplicate_file");
    }
    std::unique_ptr<zip_file_t, ZipFileCloser> file(
        zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
    if (!file) return InvalidArgumentError("无法解压文件：" + base, "bad_zip");
    std::ofstream out(folder / base, std::ios::binary | std::ios::trunc);
    char buffer[64 * 1024];
    for (;;) {
      const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
      if (n < 0) return InvalidArgumentError("压缩包已损坏：" + base, "bad_zip");
      if (n == 0) break;
      unpacked += static_cast<std::uint64_t>(n);
      if (unpacked > kMaxUnpackedBytes) {
        return ResourceExhaustedError("解压后的数据集过大", "dataset_too_large");
      }
      out.write(buffer, n);
    }
    out.close();
    if (!out) return InternalError("无法写入临时文件", "temp_write");
  }
  if (written.empty()) {
    return InvalidArgumentError("压缩包中没有 CSV 文件", "zip_without_csv");
  }
  return Status::Ok();
}

enum class UploadKind { kXlsx, kZip };

StatusOr<UploadKind> KindOf(const Request& request) {
  std::string type(request.Header("Content-Type").value_or(""));
  type = AsciiLower(type.substr(0, type.find(';')));
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back()))) type.pop_back();
  if (type == kXlsxType) return UploadKind::kXlsx;
  if (type == "application/zip" || type == "application/x-zip-compressed") return UploadKind::kZip;
  return InvalidArgumentError("请上传 .xlsx 工作簿（Content-Type: " + std::string(kXlsxType) +
                                  "）或 CSV 文件的 zip 压缩包（Content-Type: application/zip）",
                              "unsupported_media_type");
}

StatusOr<ledger::ImportOptions> OptionsOf(const Request& request, const access::Principal& who) {
  ledger::ImportOptions options;
  options.user = who.login;  // the batch records who uploaded it (`sunlight import --as`)
  if (std::optional<std::string_view> encoding = request.Query("encoding")) {
    SUNLIGHT_ASSIGN_OR_RETURN(options.encoding, ledger::ParseEncodingName(*encoding));
  }
  if (std::optional<std::string_view> ignore = request.Query("ignore_unknown_columns")) {
    options.ignore_unknown_columns = *ignore == "true" || *ignore == "1";
  }
  // No `replace` over HTTP: overwriting stored rows stays with `sunlight import --replace`
  // (docs/api.md), so an upload can add rows but never change what is recorded.
  return options;
}

nlohmann::json ErrorRows(const ledger::ErrorList& errors) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ledger::ImportError& error : errors.kept()) {
    rows.push_back({{"file", error.file},
                    {"row", error.row},
                    {"column", error.column},
                    {"code", error.code},
                    {"reason", error.message}});
  }
  return rows;
}

nlohmann::json BatchJson(const ledger::ImportReport& report, std::string_view source) {
  nlohmann::json tables = nlohmann::json::array();
  for (const ledger::TableCounts& counts : report.tables) {
    tables.push_back({{"table", counts.table},
                      {"source", counts.source},
                      {"rows", counts.rows},
                      {"inserted", counts.inserted},
                      {"unchanged", counts.unchanged},
                      {"replaced", counts.replaced}});
  }
  nlohmann::json files = nlohmann::json::array();
  for (const ledger::SourceFile& file : report.files) {
    files.push_back({{"file_name", file.path.filename().string()},
                     {"sha256", file.sha256},
                     {"size_bytes", file.size_bytes}});
  }
  return {{"id", report.batch_id},           {"source_path", source},
          {"total_rows", report.total_rows}, {"seconds", report.seconds},
          {"tables", std::move(tables)},     {"files", std::move(files)}};
}

// The CSV error report (as `sunlight import --report` writes it), read back from a temp file.
StatusOr<std::string> ErrorReportCsv(const fs::path& dir, const ledger::ErrorList& errors) {
  const fs::path path = dir / "errors.csv";
  SUNLIGHT_RETURN_IF_ERROR(ledger::WriteErrorReportCsv(path, errors));
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Response Import(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  auto audit = [&](std::string_view target, std::string_view outcome, nlohmann::json details) {
    Status written = ctx.access->Audit(&*who, request.remote_address, "import.dataset", target,
                                       outcome, details.dump());
    (void)written;  // like ctx.audit: a failed audit write cannot undo the answer
  };
  if (!MayImport(who->role)) {
    audit("", "forbidden", nlohmann::json::object());
    return ErrorResponse(
        PermissionDeniedError("只有项目单位、财政和监督检查人员可以导入数据集", "forbidden"));
  }
  StatusOr<UploadKind> kind = KindOf(request);
  if (!kind.ok()) return ErrorResponse(kind.status());
  if (request.body.empty())
    return ErrorResponse(InvalidArgumentError("上传内容为空", "empty_body"));
  StatusOr<ledger::ImportOptions> options = OptionsOf(request, *who);
  if (!options.ok()) return ErrorResponse(options.status());

  std::string name = SafeBaseName(request.Query("name").value_or(""));
  const std::string_view extension = *kind == UploadKind::kXlsx ? ".xlsx" : ".zip";
  if (name.empty()) name = "upload" + std::string(extension);
  if (!EndsWithIgnoreCase(name, extension)) name += extension;

  StatusOr<TempDir> dir = TempDir::Create();
  if (!dir.ok()) return ErrorResponse(dir.status());
  fs::path dataset;
  if (*kind == UploadKind::kXlsx) {
    dataset = dir->path() / name;
    if (Status s = WriteFile(dataset, request.body); !s.ok()) return ErrorResponse(s);
  } else {
    // The folder takes the zip's stem, so whole-dataset messages name what was uploaded.
    std::string stem = name.substr(0, name.size() - extension.size());
    if (stem.empty() || stem.front() == '.') stem = "upload";
    dataset = dir->path() / stem;
    std::error_code ec;
    fs::create_directory(dataset, ec);
    if (ec) return ErrorResponse(InternalError("无法创建临时目录", "temp_dir"));
    if (Status s = UnpackCsvZip(request.body, dataset); !s.ok()) {
      audit("", s.reason(), {{"name", name}, {"bytes", request.body.size()}});
      return ErrorResponse(s);
    }
  }

  StatusOr<ledger::ImportReport> report = ledger::ImportDataset(*ctx.db, dataset, *options);
  if (!report.ok()) {
    audit("", "failed", {{"name", name}, {"bytes", request.body.size()}});
    return ErrorResponse(report.status());
  }
  if (!report->ok()) {
    const ledger::ErrorList& errors = report->errors;
    audit("", "rejected",
          {{"name", name}, {"bytes", request.body.size()}, {"errors", errors.total()}});
    if (request.Query("report").value_or("") == "csv") {
      StatusOr<std::string> csv = ErrorReportCsv(dir->path(), errors);
      if (!csv.ok()) return ErrorResponse(csv.status());
      Response response;
      response.status = 422;
      response.content_type = "text/csv; charset=utf-8";
      response.SetHeader("Content-Disposition", "attachment; filename=\"import-errors.csv\"");
      response.body = std::move(*csv);
      return response;
    }
    return HttpErrorResponse(
        422, "dataset_rejected",
        "导入被拒绝：发现 " + std::to_string(errors.total()) + " 个错误，未写入任何数据",
        {{"total", errors.total()},
         {"truncated", errors.truncated()},
         {"errors", ErrorRows(errors)}});
  }

  // The importer recorded the temporary path, which is gone once we answer: record what the
  // user uploaded instead.
  const std::string source = "upload:" + name;
  if (StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect(); conn.ok()) {
    Status renamed = (*conn)->Execute("UPDATE import_batches SET source_path = ? WHERE id = ?",
                                      {source, report->batch_id});
    (void)renamed;  // the batch stands; only its label would be the temp path
  }
  audit(std::to_string(report->batch_id), "ok",
        {{"name", name}, {"bytes", request.body.size()}, {"rows", report->total_rows}});
  return JsonResponse(201, BatchJson(*report, source));
}

}  // namespace

void RegisterImportRoutes(Router& router, const ApiContext& ctx) {
  router.Post("/api/v1/imports", [ctx](const Request& request) { return Import(ctx, request); },
              {.body_limit = kMaxUploadBytes});
}

}  // namespace sunlight::http
