// The error report as RFC 4180 CSV.
#include "ledger/import/error_report_csv.h"

#include <fstream>
#include <string>
#include <string_view>

namespace sunlight::ledger {
namespace {

std::string Quoted(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Status WriteErrorReportCsv(const std::filesystem::path& path, const ErrorList& errors) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return UnavailableError("无法写入错误报告 " + path.string(), "report_unwritable");
  out << "\xEF\xBB\xBF"
      << "file,row,column,code,message\r\n";
  for (const ImportError& error : errors.kept()) {
    out << Quoted(error.file) << ',' << error.row << ',' << Quoted(error.column) << ','
        << Quoted(error.code) << ',' << Quoted(error.message) << "\r\n";
  }
  if (errors.truncated()) {
    out << ",0,,errors_truncated,"
        << Quoted("另有 " + std::to_string(errors.total() - errors.kept().size()) +
                  " 个错误未列出（最多列出 " + std::to_string(ErrorList::kMaxErrors) + " 个）")
        << "\r\n";
  }
  out.close();
  if (!out) return UnavailableError("写入错误报告 " + path.string() + " 失败", "report_unwritable");
  return Status::Ok();
}

}  // namespace sunlight::ledger
