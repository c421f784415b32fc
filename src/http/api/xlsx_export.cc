#include "http/api/xlsx_export.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include <xlsxwriter.h>

#include "ledger/import/interchange_schema.h"

namespace sunlight::http {
namespace {

// Columns the API adds to the ledger's own (joined names, derived regions) and the columns of
// the stored warnings.
const std::map<std::string_view, std::string_view>& ExtraHeaders() {
  static const std::map<std::string_view, std::string_view> kHeaders = {
      {"id", "编号"},
      {"region_code", "区划代码"},
      {"region_name", "区划名称"},
      {"payer_org_name", "付款单位名称"},
      {"home_org_name", "派出单位名称"},
      {"home_region_code", "派出单位区划"},
      {"host_org_name", "挂职单位名称"},
      {"host_region_code", "挂职单位区划"},
      {"archive_created_date", "廉政档案建档日期"},
      {"archive_last_updated", "廉政档案更新日期"},
      {"owner_org_name", "项目单位名称"},
      {"org_name", "单位名称"},
      {"village_name", "村名称"},
      {"rule", "规则"},
      {"rule_name", "规则名称"},
      {"subject_type", "对象类型"},
      {"subject_id", "对象标识"},
      {"severity", "风险等级"},
      {"amount_fen", "涉及金额（分）"},
      {"as_of", "数据截止日期"},
      {"state", "状态"},
      {"created_at", "生成时间"},
      {"status", "状态"},
      {"imported_by", "导入人"},
      {"started_at", "开始时间"},
      {"finished_at", "结束时间"},
  };
  return kHeaders;
}

std::string CellText(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::int64_t MaxExportRows() {
  if (const char* env = std::getenv("SUNLIGHT_EXPORT_MAX_ROWS")) {
    char* end = nullptr;
    const long long value = std::strtoll(env, &end, 10);
    if (end != env && *end == '\0' && value > 0) return value;
  }
  return kDefaultMaxExportRows;
}

Status ExportTooLarge(std::int64_t total) {
  return ResourceExhaustedError("符合条件的记录有 " + std::to_string(total) +
                                    " 条，超过单次导出上限 " + std::to_string(MaxExportRows()) +
                                    " 条，请缩小筛选范围",
                                "export_too_large");
}

std::string ColumnHeader(std::string_view collection, std::string_view column) {
  if (const ledger::TableSpec* table = ledger::FindTableSpec(collection)) {
    if (auto at = ledger::ColumnIndex(*table, column)) {
      const std::string_view alias = table->columns[*at].alias;
      if (!alias.empty()) return std::string(alias);
    }
  }
  auto it = ExtraHeaders().find(column);
  if (it != ExtraHeaders().end()) return std::string(it->second);
  // Ledger columns of other tables (a payment's household_id, a cadre's id_number …).
  for (const ledger::TableSpec& table : ledger::InterchangeSchema()) {
    if (auto at = ledger::ColumnIndex(table, column)) {
      const std::string_view alias = table.columns[*at].alias;
      if (!alias.empty()) return std::string(alias);
    }
  }
  return std::string(column);
}

StatusOr<std::string> WriteXlsx(std::string_view collection, const nlohmann::json& items) {
  // libxlsxwriter writes to a file: a private temporary one, read back and removed.
  std::string path_template =
      (std::filesystem::temp_directory_path() / "sunlight-export-XXXXXX").string();
  const int fd = mkstemp(path_template.data());
  if (fd < 0) return InternalError("无法创建导出临时文件", "export_tmpfile");
  close(fd);
  const std::filesystem::path path = path_template;
  struct Remove {
    std::filesystem::path p;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove(p, ec);
    }
  } cleanup{path};

  lxw_workbook* book = workbook_new(path.c_str());
  if (book == nullptr) return InternalError("无法创建导出文件", "export_workbook");
  lxw_worksheet* sheet =
      workbook_add_worksheet(book, std::string(collection).substr(0, 31).c_str());
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);

  std::vector<std::string> columns;
  if (!items.empty() && items.front().is_object()) {
    for (const auto& [key, value] : items.front().items()) columns.push_back(key);
  }
  for (size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                           ColumnHeader(collection, columns[c]).c_str(), bold);
  }
  lxw_row_t row = 1;
  for (const nlohmann::json& item : items) {
    for (size_t c = 0; c < columns.size(); ++c) {
      const auto it = item.find(columns[c]);
      if (it == item.end() || it->is_null()) continue;
      if (it->is_number()) {
        worksheet_write_number(sheet, row, static_cast<lxw_col_t>(c), it->get<double>(), nullptr);
      } else {
        worksheet_write_string(sheet, row, static_cast<lxw_col_t>(c), CellText(*it).c_str(),
                               nullptr);
      }
    }
    ++row;
  }
  if (workbook_close(book) != LXW_NO_ERROR) {
    return InternalError("生成 Excel 文件失败", "export_workbook");
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) return InternalError("读取导出文件失败", "export_read");
  return bytes;
}

Response XlsxResponse(std::string bytes, std::string_view collection) {
  Response response;
  response.status = 200;
  response.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"" + std::string(collection) + ".xlsx\"");
  response.body = std::move(bytes);
  return response;
}

}  // namespace sunlight::http
