// /api/v1/users — accounts. Listing and creating: the system and security administrators;
// changing, locking, unlocking and resetting passwords: the security administrator alone
// (三员分立: the audit administrator manages no account, the system administrator runs the
// system but does not administer other people's access).
//
//   GET   /api/v1/users    {"items":[{"id","login","display_name","role","org_id",
//                           "must_change_password","totp","locked","locked_by_admin"}], "total"}
//   POST  /api/v1/users    {"login","display_name"?,"role","org_id","password","temporary"?}
//                          → 201 {"login",…}; the password must meet the rules (400
//                          "weak_password"); a taken login is 409 "login_taken".
//   PATCH /api/v1/users/{id}  {"role"?,"org_id"?,"display_name"?} → 200 the user (as listed).
//                          A refused value is 422 with details.field naming it ("unknown_role",
//                          "unknown_org", "missing_org", "bad_display_name", "unknown_field",
//                          "bad_type", "nothing_to_change"); one's own role or org: 409
//                          "own_account".
//   POST  /api/v1/users/{id}/lock     → 200 the user; locked until unlocked, sessions ended.
//   POST  /api/v1/users/{id}/unlock   → 200 the user; also lifts a failed-login lock.
//   POST  /api/v1/users/{id}/reset-password → 200 {"id","login","temporary_password",
//                          "must_change_password":true}; shown this once, to be changed at
//                          the next login; the user's sessions end.
// {id} is the numeric id of the list; an unknown one is 404 "user_not_found". Every change and
// every refusal is audited (user.update with the changed fields' before/after, user.lock,
// user.unlock, user.reset_password); a password never is.
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

void RegisterUserRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
