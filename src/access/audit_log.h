// The audit log (审计日志): who did what, when, from where, with what outcome — every login
// decision, read of personal data, change, export and reveal.
//
// Append-only: the store refuses UPDATE and DELETE on audit_log (triggers, migration 5).
// Tamper-evident: record n stores hash_n = SHA-256(hash_{n-1} + "\n" + canonical_n), where
// canonical_n is the JSON array [id, occurred_at, user_id, login, role, org_id, action, target,
// outcome, remote_address, details] (hash_0 = ""). Ids are consecutive from 1 and audit_head
// holds the last id and hash, so an edited record, a removed record (a gap) and a removed last
// record are all found by VerifyAuditLog.
//
// Never put passwords, session ids, CSRF tokens, full ID numbers or card numbers in an entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::access {

struct AuditEntry {
  std::int64_t id = 0;       // assigned by AppendAudit
  std::string occurred_at;   // ISO 8601 UTC; AppendAudit fills it when empty
  std::int64_t user_id = 0;  // 0: no user (a failed login with an unknown name, the CLI)
  std::string login;
  std::string role;
  std::string org_id;
  std::string action;   // "login", "read.household", "reveal.id_number", "user.add", …
  std::string target;   // the record's id, or ""
  std::string outcome;  // "ok" or the refusal's reason
  std::string remote_address;
  std::string details = "{}";  // a JSON object
  std::string hash;            // assigned by AppendAudit
};

// The canonical text that is hashed for `entry` (everything but `hash`).
std::string CanonicalAuditContent(const AuditEntry& entry);
// hash_n from hash_{n-1} and entry n.
std::string ChainHash(const std::string& previous_hash, const AuditEntry& entry);

// Appends one entry and returns it with its id and hash. Runs in the caller's transaction when
// `conn` is in one (so a change and its audit record commit together), else in its own.
StatusOr<AuditEntry> AppendAudit(store::Connection& conn, AuditEntry entry);

struct AuditVerification {
  std::int64_t count = 0;                    // records checked
  std::optional<std::int64_t> first_broken;  // id of the first record that fails, if any
  std::string problem;                       // what is wrong with it, in Chinese
  bool ok() const { return !first_broken.has_value(); }
};

// Walks the whole chain in id order.
StatusOr<AuditVerification> VerifyAuditLog(store::Connection& conn);

struct AuditQuery {
  std::int64_t page = 1;
  std::int64_t page_size = 50;
  std::string action;  // exact, or "" for all
  std::string login;   // exact, or "" for all
};
struct AuditPage {
  std::vector<AuditEntry> items;  // newest first
  std::int64_t total = 0;
};
StatusOr<AuditPage> ListAudit(store::Connection& conn, const AuditQuery& query);

}  // namespace sunlight::access
