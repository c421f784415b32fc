// XlsxSheetSource: <sheetData><row r="7"><c r="D7" t="s" s="2"><v>3</v></c>...</row>...
#include "ledger/xlsx_sheet_source.h"

#include <charconv>
#include <exception>
#include <utility>

#include "ledger/xlsx_cell_text.h"
#include "ledger/xlsx_workbook.h"

namespace sunlight::ledger {

namespace {

using Event = XmlPullParser::Event;

bool ParseInt(std::string_view text, int64_t& value) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && result.ec == std::errc() && result.ptr == text.data() + text.size();
}

Status BadFile(std::string message) {
  return InvalidArgumentError(std::move(message), "xlsx_bad_cell_ref");
}

// An ISO 8601 date cell (t="d", written by some tools) as the text a date-styled number gives.
std::string IsoDateText(std::string_view value) {
  const size_t t = value.find('T');
  if (t == std::string_view::npos) return std::string(value);
  std::string_view time = value.substr(t + 1);
  const size_t end = time.find_first_of(".Z+-");
  if (end != std::string_view::npos) time = time.substr(0, end);
  if (time.empty() || time == "00:00:00" || time == "00:00") return std::string(value.substr(0, t));
  return std::string(value.substr(0, t)) + " " + std::string(time);
}

}  // namespace

bool ParseCellRef(std::string_view ref, int64_t& column, int64_t& row) {
  size_t pos = 0;
  if (pos < ref.size() && ref[pos] == '$') ++pos;
  column = 0;
  const size_t letters_start = pos;
  while (pos < ref.size() && pos - letters_start < 4) {
    char c = ref[pos];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    ++pos;
  }
  if (pos == letters_start || column > kXlsxMaxColumns) return false;
  if (pos < ref.size() && ref[pos] == '$') ++pos;
  return ParseInt(ref.substr(pos), row) && row >= 1 && row <= kXlsxMaxRows;
}

std::string ColumnLetters(int64_t column) {
  std::string letters;
  while (column > 0) {
    const int64_t digit = (column - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + digit));
    column = (column - 1) / 26;
  }
  return letters;
}

XlsxSheetSource::XlsxSheetSource(std::shared_ptr<XlsxWorkbook> workbook,
                                 std::unique_ptr<ZipPart> part, std::string name)
    : workbook_(std::move(workbook)),
      part_(std::move(part)),
      xml_([this](char* buffer, size_t capacity) { return part_->Read(buffer, capacity); }),
      name_(std::move(name)) {}

Status XlsxSheetSource::Error(int64_t row, int64_t column, const Status& status) {
  done_ = true;
  // Worded like the CSV reader's messages ("第 12 行第 7 列：..."), so that the importer reports
  // both the same way.
  std::string message = name_ + ": ";
  if (row > 0) {
    message += "第 " + std::to_string(row) + " 行";
    if (column > 0) {
      message += "第 " + std::to_string(column) + " 列（" + ColumnLetters(column) +
                 std::to_string(row) + "）";
    }
    message += "：";
  }
  message += status.message();
  return Status(status.code(), std::move(message), std::string(status.reason()));
}

StatusOr<bool> XlsxSheetSource::Next(Row& row) {
  // Nothing here throws by design; an allocation failure still must not cross the API.
  try {
    return NextRow(row);
  } catch (const std::exception& e) {
    return Error(
        0, 0,
        InternalError(std::string("读取时出现内部错误（") + e.what() + "）", "internal_exception"));
  }
}

StatusOr<bool> XlsxSheetSource::NextRow(Row& row) {
  while (!done_) {
    StatusOr<Event> event = xml_.Next();
    if (!event.ok()) return Error(0, 0, event.status());  // outside any row
    if (*event == Event::kEndDocument) break;
    if (*event == Event::kStartElement && xml_.name() == "sheetData") in_sheet_data_ = true;
    if (*event == Event::kEndElement && xml_.name() == "sheetData") break;
    if (*event == Event::kStartElement && xml_.name() == "row" && in_sheet_data_) {
      SUNLIGHT_ASSIGN_OR_RETURN(bool has_values, ReadRow(row));
      if (has_values) return true;
    }
  }
  done_ = true;
  return false;
}

StatusOr<bool> XlsxSheetSource::ReadRow(Row& row) {
  int64_t number = last_row_ + 1;
  if (const auto r = xml_.Attribute("r")) {
    if (!ParseInt(*r, number) || number < 1 || number > kXlsxMaxRows) {
      return Error(0, 0, BadFile("行号“" + std::string(*r) + "”无效"));
    }
  }
  last_row_ = number;
  row.number = number;
  row.cells.clear();
  int64_t last_column = 0;
  bool in_cell = false;
  while (true) {
    StatusOr<Event> event = xml_.Next();
    if (!event.ok()) return Error(number, 0, event.status());
    if (*event == Event::kEndDocument) return Error(number, 0, BadFile("行未结束"));
    const bool start = *event == Event::kStartElement;
    const bool end = *event == Event::kEndElement;
    if (end && xml_.name() == "row") break;
    if (!in_cell) {
      if (start && xml_.name() == "c") {
        SUNLIGHT_RETURN_IF_ERROR(StartCell(number, last_column));
        in_cell = true;
      }
      continue;
    }
    if (cell_.in_inline) {
      if (end && xml_.name() == "is") {
        cell_.in_inline = false;
      } else {
        cell_.inline_text.OnEvent(*event, xml_);
      }
    } else if (start && xml_.name() == "is") {
      cell_.in_inline = true;
    } else if (start && xml_.name() == "v") {
      cell_.in_value = true;
    } else if (end && xml_.name() == "v") {
      cell_.in_value = false;
    } else if (*event == Event::kText && cell_.in_value) {
      cell_.value += xml_.text();
    } else if (end && xml_.name() == "c") {
      in_cell = false;
      last_column = cell_.column;
      StatusOr<std::string> text = CellText();
      if (!text.ok()) return Error(number, cell_.column, text.status());
      if (text->empty()) continue;  // an empty cell is a gap: filled only if a value follows
      const auto index = static_cast<size_t>(cell_.column - 1);
      if (index < row.cells.size()) {
        if (!row.cells[index].empty()) {
          return Error(number, cell_.column, BadFile("单元格重复出现"));
        }
        row.cells[index] = std::move(text).value();
      } else {
        row.cells.resize(index);
        row.cells.push_back(std::move(text).value());
      }
    }
  }
  return !row.cells.empty();
}

Status XlsxSheetSource::StartCell(int64_t row_number, int64_t previous_column) {
  cell_.column = previous_column + 1;
  if (const auto r = xml_.Attribute("r")) {
    // The reference's row should be row_number; only its column is used.
    int64_t ref_row = 0;
    if (!ParseCellRef(*r, cell_.column, ref_row)) {
      return Error(row_number, 0, BadFile("单元格引用“" + std::string(*r) + "”无效"));
    }
  } else if (cell_.column > kXlsxMaxColumns) {
    return Error(row_number, 0, BadFile("列数超出 Excel 上限"));
  }
  cell_.type = xml_.Attribute("t").value_or("n");
  cell_.style = 0;
  if (const auto s = xml_.Attribute("s")) {
    int64_t style = 0;
    if (ParseInt(*s, style) && style >= 0) cell_.style = static_cast<size_t>(style);
  }
  cell_.value.clear();
  cell_.in_value = false;
  cell_.in_inline = false;
  cell_.inline_text.Reset();
  return Status::Ok();
}

StatusOr<std::string> XlsxSheetSource::CellText() {
  const std::string& type = cell_.type;
  const std::string& value = cell_.value;
  if (type == "inlineStr") {
    std::string text = cell_.inline_text.Take();
    return text.empty() ? DecodeOoxmlEscapes(value) : text;
  }
  if (type == "str") return DecodeOoxmlEscapes(value);
  if (value.empty()) return std::string();
  if (type == "s") {
    int64_t index = -1;
    std::optional<std::string_view> text;
    if (ParseInt(value, index) && index >= 0) {
      text = workbook_->shared_strings().Get(static_cast<size_t>(index));
    }
    if (!text.has_value()) {
      return InvalidArgumentError("共享字符串编号“" + value + "”不存在", "xlsx_bad_shared_string");
    }
    return std::string(*text);
  }
  if (type == "b") {
    if (value == "1") return std::string("TRUE");
    if (value == "0") return std::string("FALSE");
    return InvalidArgumentError("布尔值“" + value + "”无效", "xlsx_bad_boolean");
  }
  if (type == "e") {
    return InvalidArgumentError("单元格是错误值 " + value + "，请在 Excel 中改正后再导入",
                                "xlsx_error_cell");
  }
  if (type == "d") return IsoDateText(value);
  if (type != "n") {
    return InvalidArgumentError("单元格类型“" + type + "”无法识别", "xlsx_bad_cell_type");
  }
  if (workbook_->date_styles().IsDate(cell_.style)) {
    double serial = 0;
    const auto parsed = std::from_chars(value.data(), value.data() + value.size(), serial);
    if (parsed.ec != std::errc() || parsed.ptr != value.data() + value.size()) {
      return InvalidArgumentError("日期值“" + value + "”无法识别", "bad_xlsx_serial");
    }
    return DateCellText(serial, workbook_->date1904());
  }
  return NumberCellText(value);
}

}  // namespace sunlight::ledger
