// ParseCell: one raw cell of an interchange file → the value the store holds, or why not.
//
//   StatusOr<store::Value> v = ParseCell(column, "￥1,234.50", regions);  // integer 123450
//   Status s = ParseCellInto(column, raw, regions, row[column_idx]);     // the same, in place
//
// Stored forms (ColumnType in interchange_schema.h): money as integer fen, dates as text
// 'YYYY-MM-DD', periods canonical ("2024-Q1"), ID numbers with an upper-case X, bank accounts
// as digits only, region codes in the region table's form, enums and category lists canonical
// (English), booleans 1/0. An empty cell (after trimming) is NULL; whether NULL is allowed is
// the caller's question (ColumnSpec::required).
//
// Failures are InvalidArgument with a Chinese message and the English reason of the core type
// (bad_check_digit, too_many_decimals, bad_date, region_not_found, …) or of this file
// (bad_enum_value, bad_integer, bad_decimal, bad_bool).
#pragma once

#include <string_view>

#include "core/status.h"
#include "ledger/import/interchange_schema.h"
#include "store/region_index.h"
#include "store/value.h"

namespace sunlight::ledger {

StatusOr<store::Value> ParseCell(const ColumnSpec& column, std::string_view raw,
                                 const store::RegionIndex& regions);
// As ParseCell, into `out`: on success `out` is the value, on failure NULL. A text result is
// written into the string `out` already holds, if any, so that refilling one row of values
// per row of a file allocates nothing for most cells.
Status ParseCellInto(const ColumnSpec& column, std::string_view raw,
                     const store::RegionIndex& regions, store::Value& out);

// The canonical value of `text` in `domain` (canonical English, any case, or the Chinese
// value), or nullptr.
const EnumValue* FindEnumValue(const EnumDomain& domain, std::string_view text);

}  // namespace sunlight::ledger
