// /api/v1/session: log in, who am I, log out, change password; and the request-level
// authentication every other route uses through ApiContext::authenticate.
//
//   POST   /api/v1/session            {"login","password","totp"?} → 200 {"user":{…},"csrf_token"}
//                                     + Set-Cookie sunlight_session=…; HttpOnly; SameSite=Strict;
//                                     or 401 "unauthenticated" with details.reason
//                                     bad_credentials / totp_required / bad_totp, or 429
//                                     "too_many_attempts" (locked after failures),
//                                     403 "account_locked" (locked by the security administrator)
//   GET    /api/v1/session            the same body for the current session, or 401
//   DELETE /api/v1/session            204; the session is deleted on the server
//   POST   /api/v1/session/password   {"old_password","new_password"} → 204
//
// Every state-changing request but POST /api/v1/session carries X-CSRF-Token.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "access/access_service.h"
#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

inline constexpr std::string_view kSessionCookie = "sunlight_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// The value of the sunlight_session cookie, or "".
std::string SessionIdOf(const Request& request);

struct AuthenticateOptions {
  // The session routes serve users who must still change a temporary password.
  bool allow_password_change_pending = false;
};

// See ApiContext::authenticate.
StatusOr<access::Session> AuthenticateRequest(access::AccessService& service,
                                              const Request& request,
                                              AuthenticateOptions options = {});

// An ApiContext over `service`: authenticate and audit bound to it.
ApiContext MakeApiContext(store::Database& db, std::shared_ptr<access::AccessService> service);

void RegisterSessionRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
