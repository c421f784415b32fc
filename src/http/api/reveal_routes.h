// POST /api/v1/reveal — one full ID or card number, for roles that may see them
// (access/roles.cc may_reveal), with a stated reason and the user's password again.
//
//   {"kind": "id_number" | "account_no",
//    "record": {"type": "household" | "payment", "id": "…"},
//    "reason": "核查一卡多户线索", "password": "…"}
//   → 200 {"kind", "record", "value"}
//
// household: the head's ID number / the subsidy account; payment: the payee's ID / account.
// Refusals: 403 "forbidden" (role), 403 "outside_jurisdiction", 403 "bad_password", 400
// "missing_reason", 404. Every attempt, granted or not, is audited ("reveal.<kind>", target
// "<type>:<id>", the reason in details) — never the value itself.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

void RegisterRevealRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
