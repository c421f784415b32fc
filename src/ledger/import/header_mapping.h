// MapHeader: which interchange column each cell of a file's header row is.
//
// A header cell matches a column's canonical name or its Chinese alias, ignoring ASCII case and
// surrounding spaces (spec/interchange.md). Problems are reported into `errors`, all of them:
// an unknown header ("unknown_column", unless ignored), a column given twice
// ("duplicate_column"), a required column missing ("missing_column").
//
//   HeaderMapping mapping = MapHeader(*spec, header_cells, "payments.csv", header_line, false,
//                                     errors);
//   for (size_t cell_idx …) if (auto col = mapping.column_of_cell[cell_idx]) …
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/import/import_error.h"
#include "ledger/import/interchange_schema.h"

namespace sunlight::ledger {

struct HeaderMapping {
  // For each header cell: the index in TableSpec::columns, or nothing (ignored column).
  std::vector<std::optional<size_t>> column_of_cell;
  // For each TableSpec column: the header cell holding it, or nothing (absent column).
  std::vector<std::optional<size_t>> cell_of_column;
};

HeaderMapping MapHeader(const TableSpec& table, const std::vector<std::string>& header,
                        std::string_view file, int64_t header_row, bool ignore_unknown_columns,
                        ErrorList& errors);

}  // namespace sunlight::ledger
