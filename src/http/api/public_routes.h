// The public side (spec/workflows.md "Public side"; docs/public.md), and the commission's
// handling of public reports and typical cases.
//
// Without login (rate-limited per client address; 429 with Retry-After):
//   GET  /api/v1/public/villages/{code}/disclosure   公示 of one village, names masked
//   POST /api/v1/public/reports                       信访举报 → {"query_code": …}
//   GET  /api/v1/public/reports/{query_code}          stage and reply only
//   POST /api/v1/public/self-query                    惠民资金查询 (name + ID number; audited)
//   GET  /api/v1/public/cases                         曝光台
// With login (Duty::kPublicReports, jurisdiction by the report's region):
//   GET  /api/v1/reports, GET /api/v1/reports/{id}    informant only with Duty::kInformants
//   POST /api/v1/reports/{id}/accept | reject | register-as-clue | conclude | reply
//   POST /api/v1/public-cases, POST /api/v1/public-cases/{id}/withdraw | publish
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterPublicRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
