// Problems, rectification tasks and money recovered over HTTP (docs/warning-flow.md):
// /api/v1/problems (list, one with its tasks, create, add a task), /api/v1/tasks (list, one
// with its reports, claim/report/submit/close/reject/revisit), POST /api/v1/recoveries.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterRectificationRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
