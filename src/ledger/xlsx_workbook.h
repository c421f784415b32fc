// XlsxWorkbook: an .xlsx file's sheet list, and its sheets opened as TableSources.
//
// Opening reads only the small parts: the package relationships, xl/workbook.xml (sheet names,
// the 1904 date system) and its relationships (sheet name -> part). The shared strings and the
// styles are read when the first sheet is opened; sheet rows are streamed (xlsx_sheet_source.h).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::shared_ptr<XlsxWorkbook> book, XlsxWorkbook::Open(path));
//   for (const XlsxSheet& sheet : book->sheets()) ...
//   SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> rows, book->OpenSheet("households"));
//
// Errors: not a zip "xlsx_not_zip", cut off "xlsx_truncated", a part missing
// "xlsx_missing_part", damaged "xlsx_corrupt", malformed XML "xlsx_bad_xml".
//
// Sources opened from a workbook share it (they hold a shared_ptr: the shared strings are
// needed by every sheet). Not safe for concurrent use: use a workbook and its sources from one
// thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/table_source.h"
#include "ledger/xlsx_shared_strings.h"
#include "ledger/xlsx_styles.h"
#include "ledger/zip_archive.h"

namespace sunlight::ledger {

struct XlsxSheet {
  std::string name;  // as shown on the sheet tab
  std::string part;  // its part in the zip, e.g. "xl/worksheets/sheet1.xml"
};

class XlsxWorkbook : public std::enable_shared_from_this<XlsxWorkbook> {
 public:
  // Messages name the workbook by its file name ("book.xlsx").
  static StatusOr<std::shared_ptr<XlsxWorkbook>> Open(const std::filesystem::path& path);

  const std::string& display_name() const { return display_name_; }
  // The worksheets in tab order (chart sheets and macro sheets are not tables and are left out).
  const std::vector<XlsxSheet>& sheets() const { return sheets_; }
  bool date1904() const { return date1904_; }

  // Opens the sheet with exactly this name; its rows are named "book.xlsx:<sheet>".
  // Unknown name: NotFound, reason "xlsx_no_such_sheet".
  StatusOr<std::unique_ptr<TableSource>> OpenSheet(std::string_view sheet_name);

  // For XlsxSheetSource: the parts every sheet needs. REQUIRES: a sheet was opened.
  const SharedStrings& shared_strings() const { return *shared_strings_; }
  const DateStyles& date_styles() const { return *date_styles_; }
  ZipArchive& archive() { return *archive_; }

 private:
  XlsxWorkbook() = default;
  Status ReadPackageParts(const std::string& workbook_part);
  Status LoadSharedParts();  // shared strings and styles, once

  std::unique_ptr<ZipArchive> archive_;
  std::string display_name_;
  std::vector<XlsxSheet> sheets_;
  bool date1904_ = false;
  std::string shared_strings_part_;  // empty when the workbook has none
  std::string styles_part_;          // empty when the workbook has none
  std::optional<SharedStrings> shared_strings_;
  std::optional<DateStyles> date_styles_;
};

}  // namespace sunlight::ledger
