// User accounts in the store: create, look up, and the login-failure counters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/password.h"
#include "access/principal.h"
#include "core/status.h"
#include "store/connection.h"

namespace sunlight::access {

struct UserRecord {
  std::int64_t id = 0;
  std::string login;
  std::string display_name;
  Role role = Role::kSupervisor;
  std::string org_id;
  std::string password_hash;
  bool must_change_password = false;
  std::int64_t failed_count = 0;
  std::int64_t locked_until = 0;  // Unix seconds; 0 or past: not locked
  std::string totp_secret;        // base32, "" without a second factor
};

struct NewUser {
  std::string login;
  std::string display_name;  // "" → the login
  Role role = Role::kSupervisor;
  std::string org_id;
  std::string password;  // checked against the password rules, then hashed
  bool temporary = false;
  std::string totp_secret;  // "" for none
};

// Logins: 3–64 characters of [A-Za-z0-9_.-], starting with a letter or digit.
Status CheckLogin(std::string_view login);

// Creates the user (AlreadyExists "login_taken" for a login in use). The org must exist in the
// ledger's organizations table, except for the three administrator roles, which have no
// jurisdiction and may be created before any ledger is imported. Runs in the caller's
// transaction when there is one.
StatusOr<std::int64_t> CreateUser(store::Connection& conn, const NewUser& user,
                                  const Argon2Params& params = {});

StatusOr<std::optional<UserRecord>> FindUserByLogin(store::Connection& conn,
                                                    std::string_view login);
StatusOr<std::optional<UserRecord>> FindUserById(store::Connection& conn, std::int64_t id);

StatusOr<std::vector<UserRecord>> ListUsers(store::Connection& conn);

// --- Administration by the security administrator (http/api/user_routes.h) ---------------

// locked_until of an account locked by an administrator: 9999-12-31T23:59:59Z, so the login
// check `locked_until > now` refuses it until someone unlocks it (failed-login locks expire).
inline constexpr std::int64_t kLockedByAdministrator = 253402300799;

// The fields an administrator may change; unset ones stay as they are.
struct UserChange {
  std::optional<Role> role;
  std::optional<std::string> org_id;
  std::optional<std::string> display_name;
};

// Applies `change` to user `id` and returns the record after it. InvalidArgument when a value
// is refused, the reason naming the field: "missing_org" / "unknown_org" (org_id; a role other
// than the three administrators needs an org of the ledger, also when only the role changes),
// "bad_display_name" (1–64 characters). NotFound "user_not_found". Runs in the caller's
// transaction when there is one.
StatusOr<UserRecord> UpdateUser(store::Connection& conn, std::int64_t id, const UserChange& change);

// Locks the account until an administrator unlocks it, and ends its sessions (a lock that left
// a logged-in browser working would not be one). NotFound "user_not_found".
Status LockUser(store::Connection& conn, std::int64_t id);
// Lifts any lock (an administrator's, or the failed-login one) and clears the failure count.
Status UnlockUser(store::Connection& conn, std::int64_t id);

// A fresh random password that meets the password rules for `login` (16 characters from an
// alphabet without look-alikes such as 0/O and 1/l, ~93 bits).
std::string GenerateTemporaryPassword(std::string_view login);

// Gives user `id` a new temporary password (returned, so it can be shown once), marks it for
// change at the next login, clears the failure count and ends the user's sessions. The lock,
// if any, stays. NotFound "user_not_found".
StatusOr<std::string> ResetPassword(store::Connection& conn, std::int64_t id,
                                    const Argon2Params& params = {});

// The org's name and region code (NotFound when the ledger has no such org).
struct OrgInfo {
  std::string name;
  std::string region_code;
};
StatusOr<std::optional<OrgInfo>> FindOrg(store::Connection& conn, std::string_view org_id);

}  // namespace sunlight::access
