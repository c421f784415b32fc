// Being written; see docs/api.md when they land.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterImportRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
