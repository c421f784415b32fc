// The audit log, for the audit administrator only (三员分立: nobody else reads it, and the
// reading is audited too).
//
//   GET /api/v1/audit?page=&page_size=&action=&login=   the records, newest first.
//   GET /api/v1/audit/verify   the hash chain checked now, as `sunlight verify-audit` does
//       (access::VerifyAuditLog): {"ok", "records" (checked), "first_broken": null or
//       {"id", "problem" (Chinese), "present" (false when the record was removed), and when
//       present "occurred_at", "login", "action", "target"}, "checked_at"}. Audited as
//       "verify.audit" with outcome "ok" or "broken".
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

void RegisterAuditRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
