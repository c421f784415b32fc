// Reading back what the API exports, for the export tests of every layer: an .xlsx response's
// rows (through the ledger's own workbook reader, the one imports use), and every item of a
// paged JSON list.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {

// The rows of `sheet` in the workbook a response carries, header row first; a test failure
// (and no rows) when the body is not a readable workbook with that sheet.
std::vector<std::vector<std::string>> XlsxSheetRows(const HttpResponse& response,
                                                    const std::string& sheet);

// Every item of the JSON list at `base` (a target, with or without a query string, e.g.
// "/api/v1/clues?state=registered"), fetched page by page at the largest page size; `total`,
// if given, receives the list's total (-1 when no page was read).
std::vector<nlohmann::json> AllListItems(ApiClient& client, const std::string& base,
                                         std::int64_t* total = nullptr);

}  // namespace sunlight::http::testing
