// GET /api/v1/audit?page=&page_size=&action=&login= — the audit log, newest first, for the
// audit administrator only (三员分立: nobody else reads it, and the reading is audited too).
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

void RegisterAuditRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
