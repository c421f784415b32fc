// The text an XLSX cell value is delivered as, so that a workbook reads like the same table
// saved as CSV.
//
//   NumberCellText("1234.5")               -> "1234.5"
//   NumberCellText("43831")                -> "43831"
//   NumberCellText("0.30000000000000004")  -> "0.3"  (Excel shows 15 significant digits)
//   DateCellText(43831, false)             -> "2020-01-01"
//   DateCellText(43831.5, false)           -> "2020-01-01 12:00:00"
//   DecodeOoxmlEscapes("a_x000D_b")        -> "a\rb"
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight::ledger {

// The value of a number cell (`<v>` text) as the shortest plain decimal: no exponent, no
// trailing zeros, no ".0" on integers. A literal integer is kept digit for digit (a 16-digit
// account number written by a program survives); other values are rounded to 15 significant
// digits when longer, as Excel displays them, so that binary noise from formulas
// (0.1 + 0.2) does not reach money columns. Not a number: reason "xlsx_bad_number".
StatusOr<std::string> NumberCellText(std::string_view value);

// A date serial (1 = 1900-01-01, or 0 = 1904-01-01 in a 1904 workbook) as "YYYY-MM-DD", or
// "YYYY-MM-DD HH:MM:SS" when it has a time of day (rounded to the second). The day comes from
// core's Date::FromXlsxSerial, whose errors pass through: Excel's phantom 1900-02-29
// (serial 60, "bad_date"), serials before 1900 ("bad_xlsx_serial"), years after 2200
// ("date_out_of_range").
StatusOr<std::string> DateCellText(double serial, bool date1904);

// Decodes the `_xHHHH_` escapes OOXML uses in strings for characters XML cannot carry
// (`_x000D_` is a carriage return; `_x005F_` escapes a literal underscore).
std::string DecodeOoxmlEscapes(std::string_view text);

}  // namespace sunlight::ledger
