#include "access/access_service.h"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "access/crypto.h"
#include "access/roles.h"
#include "access/scope.h"
#include "access/totp.h"
#include "access/users.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::access {
namespace {

constexpr std::size_t kSessionIdBytes = 32;  // 256 bits
// Writing last_seen_at on every request would turn every read into a write; a minute of
// slack on a 30-minute idle timeout is harmless.
constexpr std::int64_t kTouchSlackSeconds = 60;

Status BadCredentials() { return UnauthenticatedError("用户名或密码错误", "bad_credentials"); }

Status Locked() {
  return ResourceExhaustedError("登录失败次数过多，账号已临时锁定，请稍后再试",
                                "too_many_attempts");
}

// A lock the security administrator set (users.h) lasts until unlocked: telling the user to
// "try later" would be wrong, and a Retry-After of centuries useless.
Status LockedFor(std::int64_t locked_until) {
  if (locked_until >= kLockedByAdministrator) {
    return PermissionDeniedError("账号已被安全管理员锁定，请联系安全管理员解锁", "account_locked");
  }
  return Locked();
}

std::string SessionKey(std::string_view session_id) { return Sha256Hex(session_id); }

// Only hex ids of the right length reach the store; anything else is simply unknown.
bool WellFormedSessionId(std::string_view id) {
  if (id.size() != kSessionIdBytes * 2) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string Details(std::string_view key, std::string_view value) {
  return nlohmann::json{{key, value}}.dump();
}

}  // namespace

AccessService::AccessService(store::Database& db, AccessOptions options)
    : db_(&db), options_(std::move(options)) {}

std::int64_t AccessService::Now() const {
  if (options_.now) return options_.now();
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string AccessService::CsrfTokenFor(std::string_view session_id) {
  return Sha256Hex("sunlight-csrf\n" + std::string(session_id));
}

StatusOr<Principal> AccessService::PrincipalFor(store::Connection& conn, std::int64_t user_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserById(conn, user_id));
  if (!user) return UnauthenticatedError("请先登录", "unauthenticated");
  Principal p;
  p.user_id = user->id;
  p.login = user->login;
  p.display_name = user->display_name;
  p.role = user->role;
  p.org_id = user->org_id;
  p.must_change_password = user->must_change_password;
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<OrgInfo> org, FindOrg(conn, user->org_id));
  if (org) {
    p.org_name = org->name;
    p.region_code = org->region_code;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(p.scope, ScopeFor(conn, p.role, p.org_id, p.region_code));
  return p;
}

Status AccessService::CountFailure(store::Connection& conn, std::int64_t user_id,
                                   std::int64_t failed_count, const Status& refusal) {
  const std::int64_t failures = failed_count + 1;
  if (failures >= options_.max_failed_logins) {
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE users SET failed_count = 0, locked_until = ? WHERE id = ?",
                     {Now() + options_.lock_seconds, user_id}));
    return Locked();
  }
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE users SET failed_count = ? WHERE id = ?", {failures, user_id}));
  return refusal;
}

Status AccessService::Audit(const Principal* who, std::string_view remote_address,
                            std::string_view action, std::string_view target,
                            std::string_view outcome, std::string details) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  AuditEntry entry;
  if (who != nullptr) {
    entry.user_id = who->user_id;
    entry.login = who->login;
    entry.role = std::string(RoleName(who->role));
    entry.org_id = who->org_id;
  }
  entry.action = std::string(action);
  entry.target = std::string(target);
  entry.outcome = std::string(outcome);
  entry.remote_address = std::string(remote_address);
  entry.details = std::move(details);
  return AppendAudit(*conn, std::move(entry)).status();
}

StatusOr<Session> AccessService::Login(const LoginRequest& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  // The session the browser came with ends whatever the outcome (fixation defence).
  if (!request.previous_session_id.empty()) {
    SUNLIGHT_RETURN_IF_ERROR(conn->Execute("DELETE FROM sessions WHERE id_hash = ?",
                                           {SessionKey(request.previous_session_id)}));
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserByLogin(*conn, request.login));
  auto audit = [&](const std::string& outcome) {
    AuditEntry entry;
    entry.login = request.login.substr(0, 64);
    if (user) {
      entry.user_id = user->id;
      entry.role = std::string(RoleName(user->role));
      entry.org_id = user->org_id;
    }
    entry.action = "login";
    entry.outcome = outcome;
    entry.remote_address = request.remote_address;
    return AppendAudit(*conn, std::move(entry)).status();
  };
  if (!user) {
    // Spend the time a real check takes, so response timing does not tell which logins exist.
    static const std::string kDummy = HashPassword("timing-equaliser-0000").value_or("");
    VerifyPassword(request.password, kDummy);
    SUNLIGHT_RETURN_IF_ERROR(audit("unknown_login"));
    return BadCredentials();
  }
  if (user->locked_until > Now()) {
    SUNLIGHT_RETURN_IF_ERROR(audit("locked"));
    return LockedFor(user->locked_until);
  }
  Status refusal;
  if (!VerifyPassword(request.password, user->password_hash)) {
    refusal = BadCredentials();
  } else if (!user->totp_secret.empty()) {
    StatusOr<Bytes> key = Base32Decode(user->totp_secret);
    if (!key.ok()) return key.status();
    if (request.totp.empty()) {
      // The password was right: ask for the second factor without counting a failure.
      SUNLIGHT_RETURN_IF_ERROR(audit("totp_required"));
      return UnauthenticatedError("请输入动态口令", "totp_required");
    }
    if (!VerifyTotp(*key, request.totp, Now())) {
      refusal = UnauthenticatedError("动态口令错误", "bad_totp");
    }
  }
  if (!refusal.ok()) {
    Status sent = CountFailure(*conn, user->id, user->failed_count, refusal);
    SUNLIGHT_RETURN_IF_ERROR(audit(std::string(sent.reason())));
    return sent;
  }

  Session session;
  session.id = HexEncode(RandomBytes(kSessionIdBytes));
  session.csrf_token = CsrfTokenFor(session.id);
  {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn->Begin());
    SUNLIGHT_RETURN_IF_ERROR(conn->Execute(
        "UPDATE users SET failed_count = 0, locked_until = 0 WHERE id = ?", {user->id}));
    SUNLIGHT_RETURN_IF_ERROR(conn->Execute(
        "INSERT INTO sessions(id_hash, user_id, created_at, last_seen_at, remote_address) "
        "VALUES (?, ?, ?, ?, ?)",
        {SessionKey(session.id), user->id, Now(), Now(), request.remote_address}));
    SUNLIGHT_RETURN_IF_ERROR(audit("ok"));
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  }
  SUNLIGHT_ASSIGN_OR_RETURN(session.principal, PrincipalFor(*conn, user->id));
  return session;
}

std::int64_t AccessService::LockedSecondsLeft(std::string_view login) {
  StatusOr<std::unique_ptr<store::Connection>> conn = db_->Connect();
  if (!conn.ok()) return 0;
  StatusOr<std::optional<UserRecord>> user = FindUserByLogin(**conn, login);
  if (!user.ok() || !user->has_value()) return 0;
  return std::max<std::int64_t>(0, (*user)->locked_until - Now());
}

StatusOr<Session> AccessService::Resume(std::string_view session_id) {
  if (!WellFormedSessionId(session_id)) return UnauthenticatedError("请先登录", "unauthenticated");
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  const std::string key = SessionKey(session_id);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn->Query("SELECT user_id, last_seen_at, created_at FROM sessions WHERE id_hash = ?",
                  {key}));
  if (rs.empty()) return UnauthenticatedError("请先登录", "unauthenticated");
  const std::int64_t user_id = rs.at(0, 0).AsInteger();
  const std::int64_t last_seen = rs.at(0, 1).AsInteger();
  const std::int64_t created = rs.at(0, 2).AsInteger();
  const std::int64_t now = Now();
  if (now - created > options_.absolute_timeout_seconds) {
    SUNLIGHT_RETURN_IF_ERROR(conn->Execute("DELETE FROM sessions WHERE id_hash = ?", {key}));
    return UnauthenticatedError("会话已达最长时限，请重新登录", "unauthenticated");
  }
  if (now - last_seen > options_.idle_timeout_seconds) {
    SUNLIGHT_RETURN_IF_ERROR(conn->Execute("DELETE FROM sessions WHERE id_hash = ?", {key}));
    return UnauthenticatedError("会话已超时，请重新登录", "unauthenticated");
  }
  if (now - last_seen >= kTouchSlackSeconds) {
    SUNLIGHT_RETURN_IF_ERROR(
        conn->Execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", {now, key}));
  }
  Session session;
  session.csrf_token = CsrfTokenFor(session_id);
  SUNLIGHT_ASSIGN_OR_RETURN(session.principal, PrincipalFor(*conn, user_id));
  return session;
}

Status AccessService::Logout(std::string_view session_id, std::string_view remote_address) {
  if (!WellFormedSessionId(session_id)) return Status::Ok();
  StatusOr<Session> session = Resume(session_id);
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  SUNLIGHT_RETURN_IF_ERROR(
      conn->Execute("DELETE FROM sessions WHERE id_hash = ?", {SessionKey(session_id)}));
  if (!session.ok()) return Status::Ok();
  return Audit(&session->principal, remote_address, "logout", "", "ok");
}

Status AccessService::ChangePassword(const Principal& who, std::string_view session_id,
                                     std::string_view old_password, std::string_view new_password,
                                     std::string_view remote_address) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserById(*conn, who.user_id));
  if (!user) return UnauthenticatedError("请先登录", "unauthenticated");
  Status checked = Reauthenticate(who, old_password, remote_address);
  if (!checked.ok()) {
    SUNLIGHT_RETURN_IF_ERROR(
        Audit(&who, remote_address, "password.change", who.login, checked.reason()));
    return checked;
  }
  Status rules = CheckPasswordRules(new_password, who.login);
  if (rules.ok() && old_password == new_password) {
    rules = InvalidArgumentError("新密码不能与原密码相同", "weak_password");
  }
  if (!rules.ok()) {
    SUNLIGHT_RETURN_IF_ERROR(
        Audit(&who, remote_address, "password.change", who.login, rules.reason()));
    return rules;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::string hash, HashPassword(new_password, options_.argon2));
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn->Begin());
  SUNLIGHT_RETURN_IF_ERROR(conn->Execute(
      "UPDATE users SET password_hash = ?, must_change_password = 0, updated_at = ? WHERE id = ?",
      {hash, store::TimestampNow(), who.user_id}));
  SUNLIGHT_RETURN_IF_ERROR(conn->Execute("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
                                         {who.user_id, SessionKey(session_id)}));
  AuditEntry entry;
  entry.user_id = who.user_id;
  entry.login = who.login;
  entry.role = std::string(RoleName(who.role));
  entry.org_id = who.org_id;
  entry.action = "password.change";
  entry.target = who.login;
  entry.outcome = "ok";
  entry.remote_address = std::string(remote_address);
  SUNLIGHT_RETURN_IF_ERROR(AppendAudit(*conn, std::move(entry)).status());
  return tx.Commit();
}

Status AccessService::Reauthenticate(const Principal& who, std::string_view password,
                                     std::string_view remote_address) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db_->Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserById(*conn, who.user_id));
  if (!user) return UnauthenticatedError("请先登录", "unauthenticated");
  if (user->locked_until > Now()) return LockedFor(user->locked_until);
  if (VerifyPassword(password, user->password_hash)) {
    return conn->Execute("UPDATE users SET failed_count = 0 WHERE id = ?", {user->id});
  }
  Status sent = CountFailure(*conn, user->id, user->failed_count,
                             PermissionDeniedError("密码错误", "bad_password"));
  SUNLIGHT_RETURN_IF_ERROR(Audit(&who, remote_address, "reauthenticate", who.login, sent.reason(),
                                 Details("result", "refused")));
  return sent;
}

}  // namespace sunlight::access
