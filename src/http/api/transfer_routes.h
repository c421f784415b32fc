// Transfer routes (spec/workflows.md "Transfer"; docs/clues-transfers-cases.md):
//
//   GET  /api/v1/transfers                    ?box=sent|received&state=&batch_quarter=&page=
//   GET  /api/v1/transfers/{id}               the transfer, its items (clues and problems in
//                                             full: the receiver's way to read them) and every
//                                             feedback entry; only the two commissions
//   POST /api/v1/transfers                    send (idempotent by request_key /
//                                             Idempotency-Key): 201, or 200 for a retry
//   POST /api/v1/transfers/{id}/acknowledge   receiver
//   POST /api/v1/transfers/{id}/feedback      receiver, {"text", "reported_on"}
//   POST /api/v1/transfers/{id}/conclude      receiver, {"result"}
//   POST /api/v1/transfers/{id}/return        receiver, {"reason"}
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterTransferRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
