// Paged, filtered, sorted lists over the ledger, restricted to a principal's RecordScope.
//
// A collection is described once (CollectionSpec: its FROM clause, the region expressions that
// decide visibility, its filters and sortable fields); ParseListRequest turns the query string
// into a ListRequest (400 naming the parameter on bad input); RunList builds the SQL with
// bound parameters only and returns {"items","total","page","page_size"}.
//
// Query parameters common to every list:
//   page (default 1), page_size (default 20, max 200)
//   sort (a field of the collection's whitelist), order (asc | desc; default asc)
//   region  — a region code prefix (2–12 digits), intersected with the scope
//   period  — YYYY, YYYY-Qn or YYYY-MM; from / to — YYYY-MM-DD (inclusive); only for
//             collections with a date (CollectionSpec::date_expr)
//   format  — json (default) | xlsx: every matching row, not one page (RunList returns them
//             with "export": "xlsx", HandleLedgerRequest turns that into the workbook;
//             http/api/xlsx_export.h), refused with 413 above MaxExportRows()
// Unknown parameters are a 400 too, so that a misspelt filter does not silently show all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_paging.h"
#include "http/request.h"
#include "store/connection.h"
#include "store/value.h"

namespace sunlight::http::ledger {

// The API's paging default and maximum (api_paging.h).
using http::kDefaultPageSize;
using http::kMaxPageSize;

struct FilterSpec {
  enum class Kind {
    kText,     // equality with the value
    kInteger,  // equality with the value read as an integer
  };
  std::string_view param;  // the query parameter, e.g. "program"
  std::string_view expr;   // the SQL expression compared, e.g. "p.program_id"
  Kind kind = Kind::kText;
  // Accepted values (empty: any); a value outside is a 400 listing them.
  std::vector<std::string_view> allowed = {};
};

struct SortSpec {
  std::string_view field;  // ?sort=field
  std::string_view expr;   // SQL expression
};

struct CollectionSpec {
  std::string_view name;  // "payments": for messages and audit slugs
  std::string select;     // the select list (aliases are the JSON keys; see ledger_json.h)
  std::string_view from;  // FROM clause body, joins included
  // A row is visible when any of these expressions (region codes) is in the scope, and, with
  // ?region=, the same expression also starts with that prefix. Empty: the collection has no
  // region (import batches): visible to any principal whose scope is not empty.
  std::vector<std::string_view> region_exprs;
  std::string_view order_by_id;  // the stable default order, e.g. "p.payment_id"
  std::string_view date_expr;    // "" when the rows have no date to filter on
  std::vector<FilterSpec> filters;
  std::vector<SortSpec> sorts;
};

struct ListRequest {
  int page = 1;
  int page_size = kDefaultPageSize;
  std::string sort_expr;  // empty: default order
  bool descending = false;
  std::string region_prefix;            // empty: none
  std::optional<std::string> date_min;  // inclusive, YYYY-MM-DD
  std::optional<std::string> date_end;  // exclusive (the day after `to`), YYYY-MM-DD
  std::vector<std::pair<std::string, store::Value>> equals;  // expr = value
  bool export_xlsx = false;  // ?format=xlsx: all rows, paging ignored
};

// Reads the query string; InvalidArgument with reason "invalid_<param>" naming it.
StatusOr<ListRequest> ParseListRequest(const Request& request, const CollectionSpec& spec);

// The WHERE condition (without "WHERE") that restricts `region_exprs` to the scope and to
// `region_prefix`, with its parameters appended to `params`. "1 = 0" for an empty scope.
std::string ScopeCondition(const std::vector<std::string_view>& region_exprs,
                           const access::RecordScope& scope, std::string_view region_prefix,
                           std::vector<store::Value>& params);

// Runs the list: {"items": [...], "total": n, "page": p, "page_size": s}.
StatusOr<nlohmann::json> RunList(store::Connection& conn, const CollectionSpec& spec,
                                 const ListRequest& list, const access::RecordScope& scope);

}  // namespace sunlight::http::ledger
