// Shares (东西部协作 前后方联动): a commission lets its paired commission see a region subtree
// of its own (table `shares`; access/scope.cc adds them to the receiver's jurisdiction).
//   GET    /api/v1/shares          administrators: all; a commission: what it granted or received
//   POST   /api/v1/shares          {to_org_id, region_prefix[, from_org_id]}
//   DELETE /api/v1/shares/{id}     the granting commission or an administrator
// See docs/api.md "Shares" and docs/access.md.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterShareRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
