// XlsxSheetSource: the rows of one worksheet, streamed from its XML part.
//
// Memory: one decompression buffer, one XML token and the current row; independent of the
// sheet's size (the workbook's shared strings are held by XlsxWorkbook, see there).
//
// Cells are delivered as text (xlsx_cell_text.h): shared and inline strings (rich text
// concatenated), formula results (cached values), numbers as the shortest decimal, date-styled
// numbers as "YYYY-MM-DD", booleans as "TRUE"/"FALSE". A missing cell between two others is "";
// trailing empty cells and rows without any value are dropped; row numbers are the sheet's.
// An error cell (#N/A, #DIV/0!, ...) is an error naming it, reason "xlsx_error_cell", because
// its real value is unknown. Messages read like the CSV reader's:
// "book.xlsx:payments: 第 4 行第 3 列（C4）：单元格是错误值 #DIV/0!...".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "ledger/table_source.h"
#include "ledger/xlsx_shared_strings.h"
#include "ledger/xml_pull_parser.h"
#include "ledger/zip_archive.h"

namespace sunlight::ledger {

class XlsxWorkbook;

// Excel's limits: columns A..XFD, rows 1..1048576. Larger references are refused.
inline constexpr int64_t kXlsxMaxColumns = 16384;
inline constexpr int64_t kXlsxMaxRows = 1048576;

// Parses a cell reference ("D7", "$D$7" or "d7") into 1-based column and row.
bool ParseCellRef(std::string_view ref, int64_t& column, int64_t& row);
// Column number -> letters (1 -> "A", 28 -> "AB").
std::string ColumnLetters(int64_t column);

class XlsxSheetSource : public TableSource {
 public:
  // Use XlsxWorkbook::OpenSheet.
  XlsxSheetSource(std::shared_ptr<XlsxWorkbook> workbook, std::unique_ptr<ZipPart> part,
                  std::string name);
  XlsxSheetSource(const XlsxSheetSource&) = delete;  // xml_ reads through `this`
  XlsxSheetSource& operator=(const XlsxSheetSource&) = delete;

  StatusOr<bool> Next(Row& row) override;
  std::string_view name() const override { return name_; }

 private:
  // What the current <c> element has shown so far.
  struct Cell {
    int64_t column = 0;
    std::string ref;    // as written, or made up from row and column when absent
    std::string type;   // the t attribute; "n" when absent
    size_t style = 0;   // the s attribute
    std::string value;  // text of <v>
    bool in_value = false;
    bool in_inline = false;
    StringItemText inline_text;  // text of <is>
  };

  StatusOr<bool> NextRow(Row& row);
  StatusOr<bool> ReadRow(Row& row);
  Status StartCell(int64_t row_number, int64_t previous_column);
  StatusOr<std::string> CellText();
  // Prefixes `status` with the sheet and, when not 0, the row and column; ends the source.
  Status Error(int64_t row, int64_t column, const Status& status);

  std::shared_ptr<XlsxWorkbook> workbook_;
  std::unique_ptr<ZipPart> part_;  // declared before xml_, which reads from it
  XmlPullParser xml_;
  std::string name_;
  bool in_sheet_data_ = false;
  bool done_ = false;
  int64_t last_row_ = 0;
  Cell cell_;
};

}  // namespace sunlight::ledger
