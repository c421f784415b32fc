#include "http/api/user_routes.h"

#include <charconv>
#include <chrono>
#include <optional>
#include <string>
#include <variant>

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

std::int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

nlohmann::json UserJson(const access::UserRecord& u, std::int64_t now) {
  return {{"id", u.id},
          {"login", u.login},
          {"display_name", u.display_name},
          {"role", access::RoleName(u.role)},
          {"org_id", u.org_id},
          {"must_change_password", u.must_change_password},
          {"totp", !u.totp_secret.empty()},
          {"locked", u.locked_until > now},
          // An administrator's lock lasts until unlocked; a failed-login lock expires.
          {"locked_by_admin", u.locked_until >= access::kLockedByAdministrator}};
}

// An audit record for a change made by `who`, to be appended in the change's transaction.
access::AuditEntry ChangeEntry(const access::Principal& who, const Request& request,
                               std::string_view action, std::string_view target,
                               nlohmann::json details) {
  access::AuditEntry entry;
  entry.user_id = who.user_id;
  entry.login = who.login;
  entry.role = std::string(access::RoleName(who.role));
  entry.org_id = who.org_id;
  entry.action = std::string(action);
  entry.target = std::string(target);
  entry.outcome = "ok";
  entry.remote_address = request.remote_address;
  entry.details = details.dump();
  return entry;
}

// Changing, locking and resetting accounts is the security administrator's duty alone (三员分立:
// the system administrator runs the system, the audit administrator reads the log).
StatusOr<access::Principal> RequireSecurityAdmin(const ApiContext& ctx, const Request& request,
                                                 std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(access::Principal who, ctx.authenticate(request));
  if (who.role != access::Role::kSecadmin) {
    ctx.audit(who, request, action, request.Param("id"), "forbidden");
    return PermissionDeniedError("只有安全管理员可以修改、锁定、解锁账号或重置密码", "forbidden");
  }
  return who;
}

// The {id} of the path: the user's numeric id (as the list gives it).
StatusOr<std::int64_t> UserIdOf(const Request& request) {
  const std::string_view text = request.Param("id");
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return NotFoundError("用户不存在", "user_not_found");
  }
  return id;
}

// 422 naming the refused field (details.field), as the web form marks it.
Response FieldError(std::string_view field, std::string_view code, std::string_view message) {
  return HttpErrorResponse(422, code, message, {{"field", field}});
}

// The field a refusal of access::UpdateUser concerns.
std::string_view FieldOfReason(std::string_view reason) {
  if (reason == "missing_org" || reason == "unknown_org") return "org_id";
  if (reason == "bad_display_name") return "display_name";
  return "";
}

Response ListUsersRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = RequireUserManager(ctx, request, "read.users");
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<std::vector<access::UserRecord>> users = access::ListUsers(**conn);
  if (!users.ok()) return ErrorResponse(users.status());
  const std::int64_t now = NowSeconds();
  nlohmann::json items = nlohmann::json::array();
  for (const access::UserRecord& u : *users) items.push_back(UserJson(u, now));
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

// The body of PATCH: only role, org_id and display_name, each a string. A 422 names the first
// field refused.
std::variant<access::UserChange, Response> ParseChange(const Request& request) {
  StatusOr<nlohmann::json> body = ParseJsonBody(request);
  if (!body.ok()) return ErrorResponse(body.status());
  if (!body->is_object()) {
    return ErrorResponse(InvalidArgumentError("请求体须为 JSON 对象", "bad_body"));
  }
  access::UserChange change;
  for (const auto& [key, value] : body->items()) {
    if (key != "role" && key != "org_id" && key != "display_name") {
      return FieldError(key, "unknown_field",
                        "不能修改字段 " + key + "（可修改：role、org_id、display_name）");
    }
    if (!value.is_string()) return FieldError(key, "bad_type", "字段 " + key + " 须为字符串");
    std::string text = value.get<std::string>();
    if (key == "role") {
      std::optional<access::Role> role = access::ParseRole(text);
      if (!role) return FieldError("role", "unknown_role", "未知角色：" + text);
      change.role = *role;
    } else if (key == "org_id") {
      change.org_id = std::move(text);
    } else {
      change.display_name = std::move(text);
    }
  }
  if (!change.role && !change.org_id && !change.display_name) {
    return FieldError("", "nothing_to_change",
                      "请求未包含要修改的字段（role、org_id、display_name）");
  }
  return change;
}

// Adds {"from","to"} for each field that really changes.
nlohmann::json ChangesOf(const access::UserRecord& before, const access::UserRecord& after) {
  nlohmann::json changes = nlohmann::json::object();
  auto note = [&](const char* field, std::string_view from, std::string_view to) {
    if (from != to) changes[field] = {{"from", from}, {"to", to}};
  };
  note("role", access::RoleName(before.role), access::RoleName(after.role));
  note("org_id", before.org_id, after.org_id);
  note("display_name", before.display_name, after.display_name);
  return changes;
}

Response UpdateUserRoute(const ApiContext& ctx, const Request& request) {
  constexpr std::string_view kAction = "user.update";
  StatusOr<access::Principal> who = RequireSecurityAdmin(ctx, request, kAction);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::int64_t> id = UserIdOf(request);
  if (!id.ok()) return ErrorResponse(id.status());
  std::variant<access::UserChange, Response> parsed = ParseChange(request);
  if (Response* refused = std::get_if<Response>(&parsed)) {
    ctx.audit(*who, request, kAction, request.Param("id"), "bad_input");
    return std::move(*refused);
  }
  const access::UserChange& change = std::get<access::UserChange>(parsed);
  // Own role or org: an administrator could otherwise leave the system without one.
  if (*id == who->user_id && (change.role || change.org_id)) {
    ctx.audit(*who, request, kAction, who->login, "own_account");
    return ErrorResponse(FailedPreconditionError(
        "不能修改自己的角色或单位，请由另一位安全管理员操作", "own_account"));
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<access::UserRecord> after = [&]() -> StatusOr<access::UserRecord> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<access::UserRecord> before,
                              access::FindUserById(**conn, *id));
    if (!before) return NotFoundError("用户不存在", "user_not_found");
    SUNLIGHT_ASSIGN_OR_RETURN(access::UserRecord updated, access::UpdateUser(**conn, *id, change));
    SUNLIGHT_RETURN_IF_ERROR(
        access::AppendAudit(**conn, ChangeEntry(*who, request, kAction, updated.login,
                                                {{"changes", ChangesOf(*before, updated)}}))
            .status());
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
    return updated;
  }();
  if (!after.ok()) {
    ctx.audit(*who, request, kAction, request.Param("id"), after.status().reason());
    const std::string_view field = FieldOfReason(after.status().reason());
    if (!field.empty()) {
      return FieldError(field, after.status().reason(), after.status().message());
    }
    return ErrorResponse(after.status());
  }
  return JsonResponse(200, UserJson(*after, NowSeconds()));
}

// Lock or unlock: `lock` chooses. Locking oneself is refused (it would end this session and
// leave nobody to undo it).
Response LockRoute(const ApiContext& ctx, const Request& request, bool lock) {
  const std::string_view action = lock ? "user.lock" : "user.unlock";
  StatusOr<access::Principal> who = RequireSecurityAdmin(ctx, request, action);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::int64_t> id = UserIdOf(request);
  if (!id.ok()) return ErrorResponse(id.status());
  if (*id == who->user_id) {
    ctx.audit(*who, request, action, who->login, "own_account");
    return ErrorResponse(FailedPreconditionError("不能锁定或解锁自己的账号", "own_account"));
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<access::UserRecord> after = [&]() -> StatusOr<access::UserRecord> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_RETURN_IF_ERROR(lock ? access::LockUser(**conn, *id)
                                  : access::UnlockUser(**conn, *id));
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<access::UserRecord> user,
                              access::FindUserById(**conn, *id));
    if (!user) return NotFoundError("用户不存在", "user_not_found");
    SUNLIGHT_RETURN_IF_ERROR(
        access::AppendAudit(
            **conn, ChangeEntry(*who, request, action, user->login, nlohmann::json::object()))
            .status());
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
    return *std::move(user);
  }();
  if (!after.ok()) {
    ctx.audit(*who, request, action, request.Param("id"), after.status().reason());
    return ErrorResponse(after.status());
  }
  return JsonResponse(200, UserJson(*after, NowSeconds()));
}

// A new random temporary password, shown in this answer only (never stored in clear, never
// audited); the account must change it at its next login, like an account created with
// `temporary`.
Response ResetPasswordRoute(const ApiContext& ctx, const Request& request) {
  constexpr std::string_view kAction = "user.reset_password";
  StatusOr<access::Principal> who = RequireSecurityAdmin(ctx, request, kAction);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::int64_t> id = UserIdOf(request);
  if (!id.ok()) return ErrorResponse(id.status());
  if (*id == who->user_id) {
    ctx.audit(*who, request, kAction, who->login, "own_account");
    return ErrorResponse(
        FailedPreconditionError("不能重置自己的密码，请在“修改密码”中更改", "own_account"));
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  std::string login;
  StatusOr<std::string> password = [&]() -> StatusOr<std::string> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_ASSIGN_OR_RETURN(std::string fresh,
                              access::ResetPassword(**conn, *id, ctx.access->options().argon2));
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<access::UserRecord> user,
                              access::FindUserById(**conn, *id));
    if (!user) return NotFoundError("用户不存在", "user_not_found");
    login = user->login;
    SUNLIGHT_RETURN_IF_ERROR(
        access::AppendAudit(
            **conn, ChangeEntry(*who, request, kAction, login, {{"must_change_password", true}}))
            .status());
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
    return fresh;
  }();
  if (!password.ok()) {
    ctx.audit(*who, request, kAction, request.Param("id"), password.status().reason());
    return ErrorResponse(password.status());
  }
  return JsonResponse(200, {{"id", *id},
                            {"login", login},
                            {"temporary_password", *password},
                            {"must_change_password", true}});
}

}  // namespace

void RegisterUserRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/users",
             [ctx](const Request& request) { return ListUsersRoute(ctx, request); });
  router.Post("/api/v1/users",
              [ctx](const Request& request) { return AddUserRoute(ctx, request); });
  router.Patch("/api/v1/users/{id}",
               [ctx](const Request& request) { return UpdateUserRoute(ctx, request); });
  router.Post("/api/v1/users/{id}/lock",
              [ctx](const Request& request) { return LockRoute(ctx, request, true); });
  router.Post("/api/v1/users/{id}/unlock",
              [ctx](const Request& request) { return LockRoute(ctx, request, false); });
  router.Post("/api/v1/users/{id}/reset-password",
              [ctx](const Request& request) { return ResetPasswordRoute(ctx, request); });
}

}  // namespace sunlight::http
