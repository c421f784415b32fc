// Excel export of a list (?format=xlsx on the ledger lists and /api/v1/warnings): every row
// that matches the filters — not one page — as an .xlsx workbook with Chinese column headers,
// masked exactly as the JSON list is (the rows given here are the JSON list's items, after the
// same masking and presentation). Above MaxExportRows() the export is refused with 413
// ("export_too_large") so that one request cannot pull a whole province's ledger.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::string bytes, WriteXlsx("payments", items));
//   return XlsxResponse(bytes, "payments");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/response.h"

namespace sunlight::http {

inline constexpr std::int64_t kDefaultMaxExportRows = 50'000;

// The most rows one export may hold: SUNLIGHT_EXPORT_MAX_ROWS from the environment when it is a
// positive integer (an operator's setting, and how tests reach the limit), else the default.
std::int64_t MaxExportRows();

// ResourceExhausted "export_too_large" (413) naming the limit, for `total` rows.
Status ExportTooLarge(std::int64_t total);

// The Chinese header of `column` in `collection`: the interchange format's header for ledger
// columns (spec/interchange.md), a fixed table for the API's added columns, else the name.
std::string ColumnHeader(std::string_view collection, std::string_view column);

// An .xlsx workbook with one sheet: a header row, then one row per item (flat JSON objects; the
// columns are the first item's keys in order; nested values are written as JSON text).
StatusOr<std::string> WriteXlsx(std::string_view collection, const nlohmann::json& items);

// 200 with the workbook, its content type and a download file name "<collection>.xlsx".
Response XlsxResponse(std::string bytes, std::string_view collection);

}  // namespace sunlight::http
