// ?page=&page_size= of a list request (interfaces.md: lists are paged, with `total`).
#pragma once

#include <cstdint>

#include "core/status.h"
#include "http/request.h"

namespace sunlight::http {

struct Paging {
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

// page ≥ 1 (default 1), 1 ≤ page_size ≤ max_page_size (default 50); else 400 "bad_paging".
StatusOr<Paging> ParsePaging(const Request& request, std::int64_t max_page_size = 200);

}  // namespace sunlight::http
