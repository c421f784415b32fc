// One frame for the workflow lists (clues, transfers, cases, problems, tasks, inspections,
// letters, reports): the JSON page as before, or with ?format=xlsx every matching row — not one
// page — as a workbook (xlsx_export.h), audited as "export.<collection>" like the ledger lists'
// exports. A route gives only how to fetch one page of its rows, with its own filters and
// masking, so the workbook holds exactly what the JSON list shows.
//
//   return ListOrExport(ctx, who, request, "clues", "read.clues",
//                       [&](std::int64_t page, std::int64_t size) -> StatusOr<ListPage> { … });
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/request.h"
#include "http/response.h"

namespace sunlight::http {

// One page of a list: its items (already presented and masked) and the count of every
// matching row.
struct ListPage {
  nlohmann::json items = nlohmann::json::array();
  std::int64_t total = 0;
};

// Page `page` (from 1) of `page_size` rows.
using PageFetch = std::function<StatusOr<ListPage>(std::int64_t page, std::int64_t page_size)>;

// ?format=json (default): ?page=&page_size= (400 bad_paging), then 200 {items, total, page,
// page_size}, audited as `read_action` (target: the request target) unless it is empty.
// ?format=xlsx: every matching row in the list's order, up to MaxExportRows() (above it 413
// export_too_large, audited), as "<collection>.xlsx" audited "export.<collection>" with the
// query as target. Any other format: 400 invalid_format. A failed fetch is its error response.
Response ListOrExport(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      std::string_view collection, std::string_view read_action,
                      const PageFetch& fetch);

}  // namespace sunlight::http
