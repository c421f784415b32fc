#include "http/api/user_routes.h"

#include <chrono>

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "access/audit_log.h"
#include "access/roles.h"
#include "access/users.h"
#include "http/error_response.h"
#include "http/response.h"
#include "store/transaction.h"

namespace sunlight::http {
namespace {

StatusOr<access::Principal> RequireUserManager(const ApiContext& ctx, const Request& request,
                                               std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(access::Principal who, ctx.authenticate(request));
  if (!access::CapabilitiesOf(who.role).manages_users) {
    ctx.audit(who, request, action, "", "forbidden");
    return PermissionDeniedError("只有系统管理员和安全管理员可以管理用户", "forbidden");
  }
  return who;
}

Response ListUsersRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = RequireUserManager(ctx, request, "read.users");
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<std::vector<access::UserRecord>> users = access::ListUsers(**conn);
  if (!users.ok()) return ErrorResponse(users.status());
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  nlohmann::json items = nlohmann::json::array();
  for (const access::UserRecord& u : *users) {
    items.push_back({{"login", u.login},
                     {"display_name", u.display_name},
                     {"role", access::RoleName(u.role)},
                     {"org_id", u.org_id},
                     {"must_change_password", u.must_change_password},
                     {"totp", !u.totp_secret.empty()},
                     {"locked", u.locked_until > now}});
  }
  ctx.audit(*who, request, "read.users", "", "ok");
  const auto total = static_cast<std::int64_t>(items.size());
  return JsonResponse(200, {{"items", std::move(items)}, {"total", total}});
}

StatusOr<access::NewUser> ParseNewUser(const Request& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(request));
  if (!body.is_object()) return InvalidArgumentError("请求体须为 JSON 对象", "bad_body");
  access::NewUser user;
  try {
    user.login = body.at("login").get<std::string>();
    user.display_name = body.value("display_name", "");
    const std::string role = body.at("role").get<std::string>();
    std::optional<access::Role> parsed = access::ParseRole(role);
    if (!parsed) return InvalidArgumentError("未知角色：" + role, "unknown_role");
    user.role = *parsed;
    user.org_id = body.at("org_id").get<std::string>();
    user.password = body.at("password").get<std::string>();
    user.temporary = body.value("temporary", false);
  } catch (const nlohmann::json::exception&) {
    return InvalidArgumentError("须提供字符串字段 login、role、org_id、password", "bad_body");
  }
  return user;
}

Response AddUserRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = RequireUserManager(ctx, request, "user.add");
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<access::NewUser> user = ParseNewUser(request);
  if (!user.ok()) return ErrorResponse(user.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  Status created = [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_RETURN_IF_ERROR(
        access::CreateUser(**conn, *user, ctx.access->options().argon2).status());
    access::AuditEntry entry;
    entry.user_id = who->user_id;
    entry.login = who->login;
    entry.role = std::string(access::RoleName(who->role));
    entry.org_id = who->org_id;
    entry.action = "user.add";
    entry.target = user->login;
    entry.outcome = "ok";
    entry.remote_address = request.remote_address;
    entry.details = nlohmann::json{{"role", access::RoleName(user->role)},
                                   {"org_id", user->org_id},
                                   {"temporary", user->temporary}}
                        .dump();
    SUNLIGHT_RETURN_IF_ERROR(access::AppendAudit(**conn, std::move(entry)).status());
    return tx.Commit();
  }();
  if (!created.ok()) {
    ctx.audit(*who, request, "user.add", user->login, created.reason());
    return ErrorResponse(created);
  }
  return JsonResponse(
      201, {{"login", user->login},
            {"display_name", user->display_name.empty() ? user->login : user->display_name},
            {"role", access::RoleName(user->role)},
            {"org_id", user->org_id},
            {"must_change_password", user->temporary}});
}

}  // namespace

void RegisterUserRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/users",
             [ctx](const Request& request) { return ListUsersRoute(ctx, request); });
  router.Post("/api/v1/users",
              [ctx](const Request& request) { return AddUserRoute(ctx, request); });
}

}  // namespace sunlight::http
