// AccessService: logins, sessions, password changes and the audit log over one database.
//
// Sessions: a random 256-bit id (hex) goes to the browser in the `sunlight_session` cookie;
// the store keeps only its SHA-256. Every login issues a new id (and ends the session the
// browser came with), so a planted pre-login id is useless. A session idle for longer than
// idle_timeout_seconds is over, and so is one older than absolute_timeout_seconds however
// busy (a stolen cookie must not be kept alive by using it); logout deletes it on the server.
// The CSRF token of a session is derived from its id (SHA-256 of a label and the id), so it
// needs no storage, changes with every login, and cannot be computed without the cookie.
//
// Failed logins: each wrong password (or wrong TOTP code) counts; at max_failed_logins the
// account is locked for lock_seconds and attempts during the lock are refused with
// ResourceExhausted "too_many_attempts" (HTTP 429) without looking at the password.
//
// Thread-safe: one instance serves every request thread (each call takes its own
// connection). REQUIRES: the Database outlives the service.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "access/audit_log.h"
#include "access/password.h"
#include "access/principal.h"
#include "core/status.h"
#include "store/database.h"

namespace sunlight::access {

struct AccessOptions {
  int max_failed_logins = 5;
  std::int64_t lock_seconds = 15 * 60;
  std::int64_t idle_timeout_seconds = 30 * 60;
  // From login, whatever the activity (`sunlight serve --session-hours`).
  std::int64_t absolute_timeout_seconds = 12 * 60 * 60;
  Argon2Params argon2;
  // Unix seconds; empty: the system clock. Tests move time with it.
  std::function<std::int64_t()> now;
};

struct LoginRequest {
  std::string login;
  std::string password;
  std::string totp;  // "" when not given
  std::string remote_address;
  std::string previous_session_id;  // the cookie the browser came with, if any: ended
};

struct Session {
  std::string id;  // the raw id (only ever in the cookie); "" when resumed from the cookie
  std::string csrf_token;
  Principal principal;
};

class AccessService {
 public:
  AccessService(store::Database& db, AccessOptions options = {});

  // A new session, or: Unauthenticated "bad_credentials" (unknown login or wrong password),
  // "totp_required" / "bad_totp", ResourceExhausted "too_many_attempts" (locked). Every
  // decision is audited (action "login").
  StatusOr<Session> Login(const LoginRequest& request);

  // The session behind a cookie value, refreshing its idle timer; Unauthenticated
  // "unauthenticated" when unknown, idle too long, or older than the absolute lifetime (then
  // it is deleted; the message says so).
  StatusOr<Session> Resume(std::string_view session_id);

  // Ends the session on the server (audited). Unknown ids are not an error.
  Status Logout(std::string_view session_id, std::string_view remote_address);

  // Checks the old password, the rules for the new one, stores it, clears
  // must_change_password, and ends the user's other sessions. Audited.
  Status ChangePassword(const Principal& who, std::string_view session_id,
                        std::string_view old_password, std::string_view new_password,
                        std::string_view remote_address);

  // Re-authentication for sensitive actions (reveal): the password of `who`. A wrong password
  // counts as a failed login (and may lock the account); it is PermissionDenied "bad_password"
  // (HTTP 403), not 401, because the session itself is fine.
  Status Reauthenticate(const Principal& who, std::string_view password,
                        std::string_view remote_address);

  // Appends an audit record for `who` (nullptr: no user). Failures are returned.
  Status Audit(const Principal* who, std::string_view remote_address, std::string_view action,
               std::string_view target, std::string_view outcome, std::string details = "{}");

  // Seconds until the lock on `login` expires (0: not locked), for a 429's Retry-After.
  std::int64_t LockedSecondsLeft(std::string_view login);

  // The CSRF token of a session id.
  static std::string CsrfTokenFor(std::string_view session_id);

  store::Database& db() const { return *db_; }
  const AccessOptions& options() const { return options_; }

 private:
  std::int64_t Now() const;
  StatusOr<Principal> PrincipalFor(store::Connection& conn, std::int64_t user_id);
  // Records one failed attempt; returns the refusal to send (401, or 429 when this locked).
  Status CountFailure(store::Connection& conn, std::int64_t user_id, std::int64_t failed_count,
                      const Status& refusal);

  store::Database* db_;  // not owned
  AccessOptions options_;
};

}  // namespace sunlight::access
