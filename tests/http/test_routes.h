// The route table the server tests run against.
#pragma once

#include <atomic>
#include <chrono>

#include "http/router.h"

namespace sunlight::http::testing {

// Shared between the test thread and handler threads; atomics only.
struct TestRouteState {
  std::atomic<int> slow_started{0};
  std::atomic<int> slow_finished{0};
};

// /api/v1/health, plus:
//   GET  /api/v1/echo/{id}                  → {"id", "method", "query": {...}, "remote"}
//   POST /api/v1/echo                       → {"size", "body"}
//   POST /api/v1/upload                     → {"size"}, body limit 8 KiB
//   GET  /api/v1/status/{code}              → the error response of that Status code
//   GET  /api/v1/throw, /api/v1/throw-int   → throw
//   GET  /api/v1/bad-status                 → returns HTTP status 42
//   GET  /api/v1/slow?ms=N                  → sleeps N ms (default 1500), then 200
//   GET  /api/v1/custom                     → own Cache-Control and X-Custom headers
//   GET  /api/v1/public/reports/{query_code} → logged by pattern only
Router MakeTestRouter(TestRouteState& state);

}  // namespace sunlight::http::testing
