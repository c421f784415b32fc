// TableSource: one table of a dataset (a CSV file, or one sheet of a workbook), read row by row.
//
// The importer reads every table through this interface and does not care where the rows come
// from: cells are raw text, the same text whichever the file type (XLSX numbers and dates are
// rendered as a CSV export would show them; see xlsx_cell_text.h). Typing cells (money, dates,
// ID numbers) is the importer's job, column by column.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> source, dataset.Open(table));
//   Row row;
//   while (true) {
//     SUNLIGHT_ASSIGN_OR_RETURN(bool more, source->Next(row));
//     if (!more) break;
//     // row.number: where the row is in the file; row.cells[i]: the i-th column
//   }
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::ledger {

struct Row {
  // 1-based: the physical line on which a CSV record starts, or the sheet row number in XLSX
  // (row numbers of skipped empty rows are not reused, so messages match what people see).
  int64_t number = 0;
  // The cells in column order. A CSV record has exactly the fields written; an XLSX row ends
  // at its last non-empty cell, so it may be shorter than the header: treat missing cells as
  // empty. Never contains invalid UTF-8.
  std::vector<std::string> cells;
};

class TableSource {
 public:
  virtual ~TableSource() = default;

  // Reads the next row into `row` (overwriting it); returns false after the last row. Blank
  // rows (a CSV line with nothing on it, an XLSX row without values) are skipped. An error
  // message is "<name()>: 第 <row> 行...：<what>" where the row is known, e.g.
  // "households.csv: 第 12 行第 7 列：..." or "book.xlsx:households: 第 5 行第 3 列（C5）：...";
  // after an error, do not call Next again.
  virtual StatusOr<bool> Next(Row& row) = 0;

  // Names the table in messages: "households.csv" or "book.xlsx:households".
  virtual std::string_view name() const = 0;
};

}  // namespace sunlight::ledger
