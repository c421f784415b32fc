// Which XLSX number formats show dates, so that date cells can be delivered as "YYYY-MM-DD".
//
// An XLSX date is a number (days since 1899-12-30) with a date number format on its style.
// styles.xml lists the custom formats (<numFmts>) and, in <cellXfs>, the style of each `s=`
// index with its numFmtId. A format is a date format when it is one of the built-in date/time
// formats (14-22, 45-47, and 27-36, 50-58 which are the 年/月/日 formats of the Chinese
// locale) or a custom code with y, m, d, h or s outside quotes, brackets and escapes.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(DateStyles styles, ParseDateStyles(styles_xml));
//   if (styles.IsDate(style_index)) ...
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::ledger {

// Does this number format code show a date or time? ("yyyy/m/d" yes, "0.00" no,
// "\"m\"0" no: quoted text, [Red]/[$-804] brackets, \x escapes, _x and *x are skipped.)
bool IsDateFormatCode(std::string_view code);

// Is the built-in format with this id (no <numFmt> in the file) a date or time format?
bool IsBuiltInDateFormat(int num_fmt_id);

// For each cell style index (the `s` attribute of a cell): does it show a date?
class DateStyles {
 public:
  DateStyles() = default;
  explicit DateStyles(std::vector<bool> is_date) : is_date_(std::move(is_date)) {}

  // An index without a style (or beyond the list) is not a date.
  bool IsDate(size_t style_index) const {
    return style_index < is_date_.size() && is_date_[style_index];
  }

 private:
  std::vector<bool> is_date_;
};

// Parses xl/styles.xml. Malformed XML is reason "xlsx_bad_xml".
StatusOr<DateStyles> ParseDateStyles(std::string_view styles_xml);

}  // namespace sunlight::ledger
