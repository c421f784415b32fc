// The "count, then page" query every supervision list runs (clues, cases, transfers, problems,
// tasks, letters, public reports and cases): the number of all matching rows, for the page
// links, then one page of them in a stable order.
//
//   std::vector<store::Value> params;
//   ListQuery q{kClueColumns, "clues", RegionPrefixClause("region_code", prefixes, params)};
//   q.params = std::move(params);
//   q.offset = PageOffset(filter.page, filter.page_size);
//   q.limit = filter.page_size;
//   SUNLIGHT_ASSIGN_OR_RETURN(RowPage rows, QueryPage(conn, q));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "store/result_set.h"
#include "store/value.h"

namespace sunlight::supervision {

struct ListQuery {
  std::string columns;               // the SELECT list
  std::string from;                  // the table, with any joins that keep one row per record
  std::string where;                 // the condition without "WHERE"; "" for every row
  std::vector<store::Value> params;  // the condition's parameters, in order
  std::string order_by = "id DESC";  // newest first; ties broken by the caller's columns
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct RowPage {
  std::int64_t total = 0;  // all matching rows, not only this page's
  store::ResultSet rows;
};

// SELECT COUNT(*) FROM <from> [WHERE <where>], then
// SELECT <columns> FROM <from> [WHERE <where>] ORDER BY <order_by> LIMIT ? OFFSET ?.
StatusOr<RowPage> QueryPage(store::Connection& conn, const ListQuery& query);

// The same for a list with a page number (from 1) and size, ordered newest (id) first.
StatusOr<RowPage> QueryPage(store::Connection& conn, std::string_view columns,
                            std::string_view from, std::string where,
                            std::vector<store::Value> params, std::int64_t page,
                            std::int64_t page_size);

// The offset of a page counted from 1.
std::int64_t PageOffset(std::int64_t page, std::int64_t page_size);

// "(column LIKE ? OR …)" for the jurisdiction prefixes, their "prefix%" parameters appended
// to `params` (no escaping is needed: region codes are digits). REQUIRES: !prefixes.empty().
std::string RegionPrefixClause(std::string_view column, const std::vector<std::string>& prefixes,
                               std::vector<store::Value>& params);

}  // namespace sunlight::supervision
