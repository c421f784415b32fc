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

// The org's name and region code (NotFound when the ledger has no such org).
struct OrgInfo {
  std::string name;
  std::string region_code;
};
StatusOr<std::optional<OrgInfo>> FindOrg(store::Connection& conn, std::string_view org_id);

}  // namespace sunlight::access
