// ?page=&page_size= of a list request (interfaces.md: lists are paged, with `total`).
// One default and one maximum for every list of the API, the ledger lists' own parser
// (ledger_list.h) included, so that a page means the same number of rows everywhere.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "http/request.h"

namespace sunlight::http {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kMaxPageSize = 200;

struct Paging {
  std::int64_t page = 1;
  std::int64_t page_size = kDefaultPageSize;
};

// page ≥ 1 (default 1), 1 ≤ page_size ≤ max_page_size (default kMaxPageSize; page_size
// default kDefaultPageSize); else 400 "bad_paging".
StatusOr<Paging> ParsePaging(const Request& request, std::int64_t max_page_size = kMaxPageSize);

}  // namespace sunlight::http
