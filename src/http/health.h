// GET /api/v1/health → 200 {"status":"ok"}, without login (spec/interfaces.md).
//
// It runs on the worker pool like every route, so it answers only when the server can
// actually serve a handler, which is what a load balancer wants to know.
#pragma once

#include "http/router.h"

namespace sunlight::http {

void RegisterHealthRoutes(Router& router);

}  // namespace sunlight::http
