// /api/v1 over the ledger: paged lists and single records of organisations, projects,
// payments, households, companies, officials, dispatched cadres and import batches, each
// restricted to the principal's RecordScope and masked (ledger_masking.h). docs/api.md lists
// every route with its parameters.
//
//   GET /api/v1/{organizations|projects|payments|households|companies|officials|
//                dispatched_cadres|imports}           ?page=&page_size=&sort=&order=&region=…
//   GET /api/v1/<collection>/{id}                      the interchange id (404 / 403)
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterLedgerRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
