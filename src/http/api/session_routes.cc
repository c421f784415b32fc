#include "http/api/session_routes.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "access/crypto.h"
#include "access/roles.h"
#include "http/error_response.h"
#include "http/response.h"

namespace sunlight::http {
namespace {

bool IsStateChanging(std::string_view method) {
  return !(EqualsIgnoreCase(method, "GET") || EqualsIgnoreCase(method, "HEAD") ||
           EqualsIgnoreCase(method, "OPTIONS"));
}

std::string SessionCookie(std::string_view id) {
  return std::string(kSessionCookie) + "=" + std::string(id) +
         "; HttpOnly; SameSite=Strict; Path=/";
}

std::string ExpiredSessionCookie() {
  return std::string(kSessionCookie) + "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0";
}

nlohmann::json SessionBody(const access::Session& session) {
  const access::Principal& p = session.principal;
  return {{"user",
           {{"login", p.login},
            {"display_name", p.display_name},
            {"role", access::RoleName(p.role)},
            {"org_id", p.org_id},
            {"org_name", p.org_name},
            {"region_code", p.region_code},
            {"must_change_password", p.must_change_password}}},
          {"csrf_token", session.csrf_token}};
}

Response NoContent() {
  Response response;
  response.status = 204;
  return response;
}

// A required string member of a JSON body, or 400.
StatusOr<std::string> StringField(const nlohmann::json& body, const char* name, bool required) {
  if (!body.is_object() || !body.contains(name) || body[name].is_null()) {
    if (!required) return std::string();
    return InvalidArgumentError(std::string("缺少字段 ") + name, "missing_field");
  }
  if (!body[name].is_string()) {
    return InvalidArgumentError(std::string("字段 ") + name + " 须为字符串", "bad_field");
  }
  return body[name].get<std::string>();
}

Response Login(access::AccessService& service, const Request& request) {
  StatusOr<nlohmann::json> body = ParseJsonBody(request);
  if (!body.ok()) return ErrorResponse(body.status());
  access::LoginRequest login;
  StatusOr<std::string> name = StringField(*body, "login", true);
  StatusOr<std::string> password = StringField(*body, "password", true);
  StatusOr<std::string> totp = StringField(*body, "totp", false);
  for (const Status& s : {name.status(), password.status(), totp.status()}) {
    if (!s.ok()) return ErrorResponse(s);
  }
  login.login = *name;
  login.password = *password;
  login.totp = *totp;
  login.remote_address = request.remote_address;
  login.previous_session_id = SessionIdOf(request);
  StatusOr<access::Session> session = service.Login(login);
  if (!session.ok()) {
    const Status& failed = session.status();
    Response response;
    if (failed.code() == StatusCode::kUnauthenticated) {
      // Every 401 has the code "unauthenticated" (the web app's cue for the login form);
      // which one — bad_credentials, totp_required, bad_totp — is in details.reason.
      response = ErrorResponse(UnauthenticatedError(failed.message(), "unauthenticated"),
                               {{"reason", failed.reason()}});
    } else if (failed.code() == StatusCode::kResourceExhausted) {
      const std::int64_t wait = service.LockedSecondsLeft(login.login);
      response = ErrorResponse(failed, {{"retry_after_seconds", wait}});
      response.SetHeader("Retry-After", std::to_string(wait));
    } else {
      response = ErrorResponse(failed);
    }
    // The cookie the browser came with is dead on the server now; let it go there too.
    if (!login.previous_session_id.empty()) {
      response.SetHeader("Set-Cookie", ExpiredSessionCookie());
    }
    return response;
  }
  Response response = JsonResponse(200, SessionBody(*session));
  response.SetHeader("Set-Cookie", SessionCookie(session->id));
  return response;
}

}  // namespace

std::string SessionIdOf(const Request& request) {
  // Several Cookie headers are allowed (HTTP/2 splits them); look at each.
  for (const auto& [name, value] : request.headers) {
    if (!EqualsIgnoreCase(name, "Cookie")) continue;
    std::string_view rest = value;
    while (!rest.empty()) {
      std::size_t end = rest.find(';');
      std::string_view pair = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (pair.substr(0, eq) == kSessionCookie) return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

StatusOr<access::Session> AuthenticateRequest(access::AccessService& service,
                                              const Request& request, AuthenticateOptions options) {
  const std::string id = SessionIdOf(request);
  if (id.empty()) return UnauthenticatedError("请先登录", "unauthenticated");
  SUNLIGHT_ASSIGN_OR_RETURN(access::Session session, service.Resume(id));
  if (IsStateChanging(request.method)) {
    std::optional<std::string_view> token = request.Header(kCsrfHeader);
    if (!token || !access::ConstantTimeEquals(*token, session.csrf_token)) {
      return PermissionDeniedError("请求缺少有效的 CSRF 令牌，请刷新页面后重试", "csrf");
    }
  }
  if (session.principal.must_change_password && !options.allow_password_change_pending) {
    return PermissionDeniedError("请先修改初始密码", "password_change_required");
  }
  session.id = id;
  return session;
}

ApiContext MakeApiContext(store::Database& db, std::shared_ptr<access::AccessService> service) {
  ApiContext ctx;
  ctx.db = &db;
  ctx.access = service;
  ctx.authenticate = [service](const Request& request) -> StatusOr<access::Principal> {
    SUNLIGHT_ASSIGN_OR_RETURN(access::Session session, AuthenticateRequest(*service, request));
    return std::move(session.principal);
  };
  ctx.audit = [service](const access::Principal& who, const Request& request,
                        std::string_view action, std::string_view target,
                        std::string_view outcome) {
    Status written = service->Audit(&who, request.remote_address, action, target, outcome);
    if (!written.ok()) {
      std::cerr << "审计记录写入失败（" << action << "）：" << written << std::endl;
    }
  };
  return ctx;
}

void RegisterSessionRoutes(Router& router, const ApiContext& ctx) {
  std::shared_ptr<access::AccessService> service = ctx.access;
  router.Post("/api/v1/session",
              [service](const Request& request) { return Login(*service, request); });
  router.Get("/api/v1/session", [service](const Request& request) {
    StatusOr<access::Session> session =
        AuthenticateRequest(*service, request, {.allow_password_change_pending = true});
    if (!session.ok()) return ErrorResponse(session.status());
    return JsonResponse(200, SessionBody(*session));
  });
  router.Delete("/api/v1/session", [service](const Request& request) {
    StatusOr<access::Session> session =
        AuthenticateRequest(*service, request, {.allow_password_change_pending = true});
    if (!session.ok()) return ErrorResponse(session.status());
    if (Status s = service->Logout(session->id, request.remote_address); !s.ok()) {
      return ErrorResponse(s);
    }
    Response response = NoContent();
    response.SetHeader("Set-Cookie", ExpiredSessionCookie());
    return response;
  });
  router.Post("/api/v1/session/password", [service](const Request& request) {
    StatusOr<access::Session> session =
        AuthenticateRequest(*service, request, {.allow_password_change_pending = true});
    if (!session.ok()) return ErrorResponse(session.status());
    StatusOr<nlohmann::json> body = ParseJsonBody(request);
    if (!body.ok()) return ErrorResponse(body.status());
    StatusOr<std::string> old_password = StringField(*body, "old_password", true);
    StatusOr<std::string> new_password = StringField(*body, "new_password", true);
    for (const Status& s : {old_password.status(), new_password.status()}) {
      if (!s.ok()) return ErrorResponse(s);
    }
    Status changed = service->ChangePassword(session->principal, session->id, *old_password,
                                             *new_password, request.remote_address);
    if (!changed.ok()) return ErrorResponse(changed);
    return NoContent();
  });
}

}  // namespace sunlight::http
