#include "access/users.h"

#include <cctype>

#include "access/crypto.h"
#include "access/roles.h"
#include "store/timestamp.h"

namespace sunlight::access {
namespace {

constexpr char kUserColumns[] =
    "id, login, display_name, role, org_id, password_hash, must_change_password, failed_count, "
    "locked_until, totp_secret";

bool IsAdministrator(Role role) {
  return role == Role::kSysadmin || role == Role::kSecadmin || role == Role::kAuditadmin;
}

StatusOr<UserRecord> FromRow(const store::Row& row) {
  UserRecord u;
  u.id = row[0].AsInteger();
  u.login = row[1].AsText();
  u.display_name = row[2].AsText();
  std::optional<Role> role = ParseRole(row[3].AsText());
  if (!role) return DataLossError("用户 " + u.login + " 的角色无法识别", "unknown_role");
  u.role = *role;
  u.org_id = row[4].AsText();
  u.password_hash = row[5].AsText();
  u.must_change_password = row[6].AsInteger() != 0;
  u.failed_count = row[7].AsInteger();
  u.locked_until = row[8].AsInteger();
  u.totp_secret = row[9].AsText();
  return u;
}

StatusOr<std::optional<UserRecord>> FindOne(store::Connection& conn, std::string_view where,
                                            store::Value key) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs, conn.Query(std::string("SELECT ") + kUserColumns + " FROM users WHERE " +
                                          std::string(where) + " = ?",
                                      {std::move(key)}));
  if (rs.empty()) return std::optional<UserRecord>();
  SUNLIGHT_ASSIGN_OR_RETURN(UserRecord user, FromRow(rs.row(0)));
  return std::optional<UserRecord>(std::move(user));
}

Status NoSuchUser() { return NotFoundError("用户不存在", "user_not_found"); }

std::size_t Utf8Length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Whether a user with this id exists (so that an UPDATE touching no row is a 404, not a
// silent success).
StatusOr<UserRecord> Existing(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> user, FindUserById(conn, id));
  if (!user) return NoSuchUser();
  return *std::move(user);
}

}  // namespace

Status CheckLogin(std::string_view login) {
  bool ok =
      login.size() >= 3 && login.size() <= 64 && std::isalnum(static_cast<unsigned char>(login[0]));
  for (char c : login) {
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-');
  }
  if (!ok) {
    return InvalidArgumentError(
        "登录名须为 3–64 个字母、数字、下划线、点或连字符，以字母或数字开头", "bad_login");
  }
  return Status::Ok();
}

StatusOr<std::optional<OrgInfo>> FindOrg(store::Connection& conn, std::string_view org_id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT name, region_code FROM organizations WHERE org_id = ?", {org_id}));
  if (rs.empty()) return std::optional<OrgInfo>();
  return std::optional<OrgInfo>(OrgInfo{rs.at(0, 0).AsText(), rs.at(0, 1).AsText()});
}

StatusOr<std::int64_t> CreateUser(store::Connection& conn, const NewUser& user,
                                  const Argon2Params& params) {
  SUNLIGHT_RETURN_IF_ERROR(CheckLogin(user.login));
  if (user.org_id.empty()) return InvalidArgumentError("须指定所属单位", "missing_org");
  SUNLIGHT_RETURN_IF_ERROR(CheckPasswordRules(user.password, user.login));
  if (!IsAdministrator(user.role)) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<OrgInfo> org, FindOrg(conn, user.org_id));
    if (!org) {
      return InvalidArgumentError("单位 " + user.org_id + " 不在台账的单位表中", "unknown_org");
    }
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> existing, FindUserByLogin(conn, user.login));
  if (existing) return AlreadyExistsError("登录名 " + user.login + " 已被使用", "login_taken");
  SUNLIGHT_ASSIGN_OR_RETURN(std::string hash, HashPassword(user.password, params));
  const std::string now = store::TimestampNow();
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "INSERT INTO users(login, display_name, role, org_id, password_hash, "
      "must_change_password, failed_count, locked_until, totp_secret, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)",
      {user.login, user.display_name.empty() ? user.login : user.display_name, RoleName(user.role),
       user.org_id, hash, user.temporary ? 1 : 0,
       user.totp_secret.empty() ? store::Value() : store::Value(user.totp_secret), now, now}));
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn.Query("SELECT id FROM users WHERE login = ?", {user.login}));
  return rs.at(0, 0).AsInteger();
}

StatusOr<std::optional<UserRecord>> FindUserByLogin(store::Connection& conn,
                                                    std::string_view login) {
  return FindOne(conn, "login", login);
}

StatusOr<std::optional<UserRecord>> FindUserById(store::Connection& conn, std::int64_t id) {
  return FindOne(conn, "id", id);
}

StatusOr<std::vector<UserRecord>> ListUsers(store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs, conn.Query(std::string("SELECT ") + kUserColumns +
                                                            " FROM users ORDER BY login"));
  std::vector<UserRecord> out;
  for (store::Row row : rs) {
    SUNLIGHT_ASSIGN_OR_RETURN(UserRecord user, FromRow(row));
    out.push_back(std::move(user));
  }
  return out;
}

StatusOr<UserRecord> UpdateUser(store::Connection& conn, std::int64_t id,
                                const UserChange& change) {
  SUNLIGHT_ASSIGN_OR_RETURN(UserRecord user, Existing(conn, id));
  if (change.display_name) {
    const std::size_t length = Utf8Length(*change.display_name);
    if (length == 0 || length > 64) {
      return InvalidArgumentError("显示名称须为 1–64 个字符", "bad_display_name");
    }
    user.display_name = *change.display_name;
  }
  if (change.role) user.role = *change.role;
  if (change.org_id) {
    if (change.org_id->empty()) return InvalidArgumentError("须指定所属单位", "missing_org");
    user.org_id = *change.org_id;
  }
  // Checked on the result, not only on a new org: turning a system administrator of an org
  // outside the ledger into a supervisor must still name a ledger org.
  if (!IsAdministrator(user.role)) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<OrgInfo> org, FindOrg(conn, user.org_id));
    if (!org) {
      return InvalidArgumentError("单位 " + user.org_id + " 不在台账的单位表中", "unknown_org");
    }
  }
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
      "UPDATE users SET display_name = ?, role = ?, org_id = ?, updated_at = ? WHERE id = ?",
      {user.display_name, RoleName(user.role), user.org_id, store::TimestampNow(), id}));
  return user;
}

Status LockUser(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_RETURN_IF_ERROR(Existing(conn, id).status());
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE users SET locked_until = ?, failed_count = 0, updated_at = ? "
                   "WHERE id = ?",
                   {kLockedByAdministrator, store::TimestampNow(), id}));
  return conn.Execute("DELETE FROM sessions WHERE user_id = ?", {id});
}

Status UnlockUser(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_RETURN_IF_ERROR(Existing(conn, id).status());
  return conn.Execute(
      "UPDATE users SET locked_until = 0, failed_count = 0, updated_at = ? WHERE id = ?",
      {store::TimestampNow(), id});
}

std::string GenerateTemporaryPassword(std::string_view login) {
  // 56 symbols without 0/O, 1/l/I; 16 of them carry ~93 bits. Rejection sampling keeps every
  // symbol equally likely (256 is not a multiple of 56).
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  constexpr std::size_t kLength = 16;
  constexpr unsigned kLimit = 256 - 256 % kAlphabet.size();
  while (true) {
    std::string password;
    while (password.size() < kLength) {
      for (std::uint8_t b : RandomBytes(kLength)) {
        if (b < kLimit && password.size() < kLength) password += kAlphabet[b % kAlphabet.size()];
      }
    }
    // Practically always true; the loop only guards against the login turning up inside it.
    if (CheckPasswordRules(password, login).ok()) return password;
  }
}

StatusOr<std::string> ResetPassword(store::Connection& conn, std::int64_t id,
                                    const Argon2Params& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(UserRecord user, Existing(conn, id));
  std::string password = GenerateTemporaryPassword(user.login);
  SUNLIGHT_ASSIGN_OR_RETURN(std::string hash, HashPassword(password, params));
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("UPDATE users SET password_hash = ?, must_change_password = 1, "
                   "failed_count = 0, updated_at = ? WHERE id = ?",
                   {hash, store::TimestampNow(), id}));
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute("DELETE FROM sessions WHERE user_id = ?", {id}));
  return password;
}

}  // namespace sunlight::access
