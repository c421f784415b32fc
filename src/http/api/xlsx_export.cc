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
      // The workflow lists (clues, transfers, cases, problems, tasks, inspections, letters,
      // reports): one meaning per name across them, so one header each.
      {"number", "登记编号"},
      {"title", "标题"},
      {"summary", "内容摘要"},
      {"description", "问题描述"},
      {"note", "备注"},
      {"result", "办理结果"},
      {"allowed", "可执行操作"},
      {"state_label", "状态说明"},
      {"created_by", "登记人"},
      {"updated_at", "更新时间"},
      {"channel", "来源渠道"},
      {"channel_label", "来源渠道说明"},
      {"received_on", "收到日期"},
      {"persons", "被反映人"},
      {"informant", "反映人"},
      {"proposal", "拟办意见"},
      {"approval", "审批意见"},
      {"approved_on", "审批日期"},
      {"disposal", "处置方式"},
      {"disposal_label", "处置方式说明"},
      {"handling_org_id", "承办单位"},
      {"warning_id", "预警编号"},
      {"problem_id", "问题编号"},
      {"case_id", "案件编号"},
      {"clue_id", "线索编号"},
      {"filed_on", "立案日期"},
      {"decided_on", "处理决定日期"},
      {"direction", "移送方向"},
      {"from_org_id", "移出单位"},
      {"from_region", "移出地区"},
      {"to_org_id", "接收单位"},
      {"to_region", "接收地区"},
      {"letter_no", "函件文号"},
      {"items", "移送事项"},
      {"batch_quarter", "批次季度"},
      {"sent_on", "移送日期"},
      {"sent_at", "移送时间"},
      {"acknowledged_at", "签收时间"},
      {"feedback_due", "反馈期限"},
      {"concluded_at", "办结时间"},
      {"return_reason", "退回理由"},
      {"behaviour", "问题表现"},
      {"category_label", "问题类别说明"},
      {"evidence", "证据材料"},
      {"responsible_org_id", "责任单位"},
      {"responsible_login", "责任人"},
      {"measures", "整改措施"},
      {"deadline", "整改时限"},
      {"cadence", "调度频次"},
      {"assigned_on", "交办日期"},
      {"last_report_on", "最近报告日期"},
      {"closed_at", "销号时间"},
      {"closed_by", "销号人"},
      {"kind_label", "类型说明"},
      {"period_from", "检查期间起"},
      {"period_to", "检查期间止"},
      {"team_size", "每组人数"},
      {"findings", "发现问题"},
      {"kind_name", "函件种类"},
      {"issued_on", "印发日期"},
      {"issuer_name", "发函单位"},
      {"issuing_org_id", "发函单位编码"},
      {"recipient_name", "收函单位"},
      {"recipient_org_id", "收函单位编码"},
      {"source_type", "来源类型"},
      {"source_id", "来源编号"},
      {"year", "年度"},
      {"seq", "年度序号"},
      {"files", "文件"},
      {"pdf_attachment_id", "PDF附件编号"},
      {"content", "举报内容"},
      {"anonymous", "是否匿名"},
      {"hidden", "是否隐藏"},
      {"reported_name", "被举报人"},
      {"reported_org", "被举报单位"},
      {"acceptance_due", "受理期限"},
      {"accepted_on", "受理日期"},
      {"result_due", "办结期限"},
      {"concluded_on", "办结日期"},
      {"reply", "答复内容"},
      {"replied_on", "答复日期"},
      {"repeat_of", "重复举报原件编号"},
      {"repeats", "重复举报"},
      {"attachments", "附件数"},
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
