// /api/v1/users — accounts, for the system and security administrators only (三员分立: the
// audit administrator cannot manage users).
//
//   GET  /api/v1/users    {"items":[{"login","display_name","role","org_id",
//                          "must_change_password","locked"}], "total"}
//   POST /api/v1/users    {"login","display_name"?,"role","org_id","password","temporary"?}
//                         → 201 {"login",…}; the password must meet the rules (400
//                         "weak_password"); a taken login is 409 "login_taken". Audited.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

void RegisterUserRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
