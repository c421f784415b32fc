// /api/v1/warnings: the warnings the rules raised, in the principal's scope.
//
//   GET /api/v1/warnings        ?rule=&state=&severity=&subject_type=&region=&period=&from=&to=
//                               &page=&page_size=&sort=id|rule|severity|amount|as_of|created_at
//   GET /api/v1/warnings/{id}   one warning, its evidence resolved into the rows it names
//
// The warning's region_code decides the scope. See docs/api.md.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterWarningRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
