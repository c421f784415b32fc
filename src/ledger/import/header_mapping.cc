// Header matching: canonical names and Chinese aliases, case and spaces ignored.
#include "ledger/import/header_mapping.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace sunlight::ledger {
namespace {

std::string Folded(std::string_view text) {
  std::string out = TrimSpace(text);
  // A UTF-8 BOM the reader left on the first header cell is not part of the name.
  if (out.starts_with("\xEF\xBB\xBF")) out.erase(0, 3);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

HeaderMapping MapHeader(const TableSpec& table, const std::vector<std::string>& header,
                        std::string_view file, int64_t header_row, bool ignore_unknown_columns,
                        ErrorList& errors) {
  HeaderMapping mapping;
  mapping.column_of_cell.resize(header.size());
  mapping.cell_of_column.resize(table.columns.size());
  for (size_t cell_idx = 0; cell_idx < header.size(); ++cell_idx) {
    std::string name = Folded(header[cell_idx]);
    std::optional<size_t> found;
    for (size_t column_idx = 0; column_idx < table.columns.size(); ++column_idx) {
      const ColumnSpec& column = table.columns[column_idx];
      if (name == column.name || (!column.alias.empty() && name == Folded(column.alias))) {
        found = column_idx;
        break;
      }
    }
    if (!found) {
      if (!ignore_unknown_columns) {
        errors.Add({std::string(file), header_row, TrimSpace(header[cell_idx]), "unknown_column",
                    "未知的列“" + TrimSpace(header[cell_idx]) + "”（" + std::string(table.name) +
                        " 不含此列；如确需忽略，请使用 --ignore-unknown-columns）"});
      }
      continue;
    }
    if (mapping.cell_of_column[*found]) {
      errors.Add({std::string(file), header_row, std::string(table.columns[*found].name),
                  "duplicate_column", "列“" + TrimSpace(header[cell_idx]) + "”重复出现"});
      continue;
    }
    mapping.column_of_cell[cell_idx] = found;
    mapping.cell_of_column[*found] = cell_idx;
  }
  for (size_t column_idx = 0; column_idx < table.columns.size(); ++column_idx) {
    const ColumnSpec& column = table.columns[column_idx];
    if (column.required && !mapping.cell_of_column[column_idx]) {
      std::string names(column.name);
      if (!column.alias.empty()) names += "/" + std::string(column.alias);
      errors.Add({std::string(file), header_row, std::string(column.name), "missing_column",
                  "缺少必填列“" + names + "”"});
    }
  }
  return mapping;
}

}  // namespace sunlight::ledger
