// Case and outcome routes (spec/workflows.md "Case and outcomes";
// docs/clues-transfers-cases.md):
//
//   GET  /api/v1/cases                    ?state=&page=&page_size=
//   GET  /api/v1/cases/{id}               with outcomes and money recovered
//   POST /api/v1/cases                    file {"title", "clue_id"?, "region_code"?, "filed_on"?}
//   POST /api/v1/cases/{id}/advance       {"to", "reason"?, "on"?}
//   POST /api/v1/cases/{id}/outcomes      one outcome per person
//   POST /api/v1/cases/{id}/recoveries    {"kind": refund|recovery, "amount_fen", ...}
//   POST /api/v1/outcomes                 诫勉 / 谈话提醒 / 批评教育 / 函询 outside a case
//   GET  /api/v1/measures                 the measures and their four-forms class
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterCaseRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
