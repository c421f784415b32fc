// The migration list, and the code that applies it.
//
// To change the schema, append a Migration with the next version. Keep each
// one portable: no engine-only SQL; tokens from dialect.h for the few types
// that differ; BIGINT for 64-bit numbers (money in fen).
#include "store/migrations.h"

#include <array>
#include <string>

#include "store/migrations/migration_texts.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::store {

namespace {

// Not constexpr: the later texts live in other files; they are constant-initialised
// string_views, so copying them here is safe in any initialisation order.
const std::array kMigrations = {
    Migration{1, "regions_and_meta", R"sql(
-- The 5-level administrative division table (统计用区划代码): province (2 digits),
-- city (4), county (6), township (9), village (12). Loaded by region_table.cc.
CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code TEXT REFERENCES regions(code)
);
CREATE INDEX regions_parent_code ON regions(parent_code);

-- Facts about this database as a whole: where the region table came from, etc.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
)sql"},
    Migration{2, "ledger", R"sql(
-- The ledger: one table per file of spec/interchange.md, columns named and ordered as there,
-- keyed by the natural key. Money is BIGINT fen; dates TEXT 'YYYY-MM-DD'; enums the canonical
-- English value; category lists canonical values joined by ';'; booleans 0/1. batch_id is the
-- import batch that last wrote the row. References are checked by the importer over a whole
-- batch (a parent organisation may come later in the same file), so they are indexed, not
-- declared as foreign keys.
CREATE TABLE import_batches (
  id          {{ID}},
  started_at  {{TIMESTAMP}} NOT NULL,
  finished_at {{TIMESTAMP}},
  imported_by TEXT NOT NULL,
  source_path TEXT NOT NULL,
  status      TEXT NOT NULL
);
CREATE TABLE import_files (
  batch_id   BIGINT NOT NULL REFERENCES import_batches(id),
  file_name  TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  row_count  BIGINT NOT NULL,
  PRIMARY KEY (batch_id, file_name)
);
CREATE TABLE import_table_counts (
  batch_id   BIGINT NOT NULL REFERENCES import_batches(id),
  table_name TEXT NOT NULL,
  source     TEXT NOT NULL,
  row_count  BIGINT NOT NULL,
  inserted   BIGINT NOT NULL,
  unchanged  BIGINT NOT NULL,
  replaced   BIGINT NOT NULL,
  PRIMARY KEY (batch_id, table_name)
);
-- What --replace overwrote: the row's key and its old values, both as JSON objects.
CREATE TABLE replaced_rows (
  id         {{ID}},
  batch_id   BIGINT NOT NULL REFERENCES import_batches(id),
  table_name TEXT NOT NULL,
  row_key    TEXT NOT NULL,
  old_values TEXT NOT NULL
);
CREATE INDEX replaced_rows_batch ON replaced_rows(batch_id);
CREATE INDEX replaced_rows_key ON replaced_rows(table_name, row_key);

CREATE TABLE organizations (
  org_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, region_code TEXT NOT NULL,
  parent_org_id TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (org_id)
);
CREATE INDEX organizations_parent ON organizations(parent_org_id);
CREATE INDEX organizations_region ON organizations(region_code);

CREATE TABLE pairings (
  pairing_id TEXT NOT NULL, helper_region_code TEXT NOT NULL, recipient_region_code TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT, agreement_date TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (pairing_id)
);

CREATE TABLE officials (
  id_number TEXT NOT NULL, name TEXT NOT NULL, org_id TEXT NOT NULL, position TEXT,
  category TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number, org_id)
);
CREATE INDEX officials_org ON officials(org_id);

CREATE TABLE dispatched_cadres (
  id_number TEXT NOT NULL, name TEXT NOT NULL, home_org_id TEXT NOT NULL,
  host_org_id TEXT NOT NULL, host_position TEXT, start_date TEXT NOT NULL, end_date TEXT,
  batch TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number, start_date)
);
CREATE INDEX dispatched_cadres_home_org ON dispatched_cadres(home_org_id);
CREATE INDEX dispatched_cadres_host_org ON dispatched_cadres(host_org_id);

CREATE TABLE integrity_archives (
  id_number TEXT NOT NULL, created_date TEXT NOT NULL, last_updated TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number)
);

CREATE TABLE households (
  household_id TEXT NOT NULL, village_code TEXT NOT NULL, head_id_number TEXT NOT NULL,
  status TEXT NOT NULL, registered_year BIGINT, exit_year BIGINT, subsidy_account TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (household_id)
);
CREATE INDEX households_village ON households(village_code);
CREATE INDEX households_head ON households(head_id_number);

CREATE TABLE members (
  id_number TEXT NOT NULL, name TEXT NOT NULL, household_id TEXT NOT NULL, relation TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (household_id, id_number)
);
CREATE INDEX members_id_number ON members(id_number);

CREATE TABLE bank_accounts (
  account_no TEXT NOT NULL, holder_name TEXT NOT NULL, holder_id TEXT, bank TEXT,
  account_type TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (account_no)
);
CREATE INDEX bank_accounts_holder ON bank_accounts(holder_id);

CREATE TABLE companies (
  uscc TEXT NOT NULL, name TEXT NOT NULL, region_code TEXT, legal_rep_id_number TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (uscc)
);
CREATE INDEX companies_legal_rep ON companies(legal_rep_id_number);

CREATE TABLE company_officers (
  uscc TEXT NOT NULL, id_number TEXT NOT NULL, role TEXT NOT NULL, share_pct DOUBLE PRECISION,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (uscc, id_number, role)
);
CREATE INDEX company_officers_id_number ON company_officers(id_number);

CREATE TABLE kinship (
  id_number_a TEXT NOT NULL, id_number_b TEXT NOT NULL, relation TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number_a, id_number_b)
);
CREATE INDEX kinship_b ON kinship(id_number_b);

CREATE TABLE fund_programs (
  program_id TEXT NOT NULL, name TEXT NOT NULL, level TEXT NOT NULL,
  allowed_categories TEXT NOT NULL, restricted_to_registered INTEGER,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (program_id)
);

CREATE TABLE subsidy_items (
  item_id TEXT NOT NULL, program_id TEXT NOT NULL, name TEXT NOT NULL,
  standard_amount BIGINT NOT NULL, unit TEXT NOT NULL, period_kind TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (item_id)
);
CREATE INDEX subsidy_items_program ON subsidy_items(program_id);

CREATE TABLE projects (
  project_id TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL,
  region_code TEXT NOT NULL, helper_region_code TEXT, owner_org_id TEXT NOT NULL,
  program_id TEXT NOT NULL, budget BIGINT NOT NULL, procurement_method TEXT,
  contractor_uscc TEXT, approved_date TEXT, planned_start TEXT, planned_completion TEXT,
  planned_acceptance TEXT, actual_start TEXT, actual_completion TEXT, accepted_date TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (project_id)
);
CREATE INDEX projects_region ON projects(region_code);
CREATE INDEX projects_owner_org ON projects(owner_org_id);
CREATE INDEX projects_program ON projects(program_id);
CREATE INDEX projects_contractor ON projects(contractor_uscc);

CREATE TABLE project_progress (
  project_id TEXT NOT NULL, report_date TEXT NOT NULL, percent_complete DOUBLE PRECISION NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (project_id, report_date)
);

CREATE TABLE project_beneficiaries (
  project_id TEXT NOT NULL, household_id TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (project_id, household_id)
);
CREATE INDEX project_beneficiaries_household ON project_beneficiaries(household_id);

CREATE TABLE contracts (
  contract_id TEXT NOT NULL, project_id TEXT NOT NULL, supplier_uscc TEXT NOT NULL,
  amount BIGINT NOT NULL, signed_date TEXT NOT NULL, procurement_method TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (contract_id)
);
CREATE INDEX contracts_project ON contracts(project_id);
CREATE INDEX contracts_supplier ON contracts(supplier_uscc);

CREATE TABLE allocations (
  allocation_id TEXT NOT NULL, program_id TEXT NOT NULL, project_id TEXT,
  region_code TEXT NOT NULL, amount BIGINT NOT NULL, date TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (allocation_id)
);
CREATE INDEX allocations_program ON allocations(program_id);
CREATE INDEX allocations_project ON allocations(project_id);

CREATE TABLE payments (
  payment_id TEXT NOT NULL, program_id TEXT NOT NULL, project_id TEXT, item_id TEXT,
  period TEXT, payer_org_id TEXT NOT NULL, payee_name TEXT NOT NULL, payee_id TEXT,
  payee_account TEXT NOT NULL, amount BIGINT NOT NULL, pay_date TEXT NOT NULL,
  expense_date TEXT, voucher_no TEXT, approved_date TEXT, purpose_category TEXT NOT NULL,
  household_id TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (payment_id)
);
CREATE INDEX payments_program ON payments(program_id);
CREATE INDEX payments_project ON payments(project_id);
CREATE INDEX payments_item ON payments(item_id);
CREATE INDEX payments_payer_org ON payments(payer_org_id);
CREATE INDEX payments_household ON payments(household_id);
CREATE INDEX payments_payee_account ON payments(payee_account);
CREATE INDEX payments_payee_id ON payments(payee_id);

CREATE TABLE loans (
  loan_id TEXT NOT NULL, household_id TEXT NOT NULL, borrower_id_number TEXT NOT NULL,
  amount BIGINT NOT NULL, issue_date TEXT NOT NULL, account_no TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (loan_id)
);
CREATE INDEX loans_household ON loans(household_id);

CREATE TABLE account_transfers (
  transfer_id TEXT NOT NULL, from_account TEXT NOT NULL, to_account TEXT NOT NULL,
  amount BIGINT NOT NULL, date TEXT NOT NULL,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (transfer_id)
);
CREATE INDEX account_transfers_from ON account_transfers(from_account);
CREATE INDEX account_transfers_to ON account_transfers(to_account);

CREATE TABLE employment (
  id_number TEXT NOT NULL, employer_uscc TEXT, region_code TEXT NOT NULL,
  start_date TEXT NOT NULL, end_date TEXT, kind TEXT NOT NULL, subsidy_amount BIGINT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number, start_date)
);
CREATE INDEX employment_employer ON employment(employer_uscc);

CREATE TABLE deaths (
  id_number TEXT NOT NULL, name TEXT NOT NULL, death_date TEXT NOT NULL, source TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number)
);

CREATE TABLE vehicles (
  id_number TEXT NOT NULL, plate TEXT NOT NULL, vehicle_type TEXT NOT NULL,
  registered_date TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number, plate)
);

CREATE TABLE properties (
  id_number TEXT NOT NULL, certificate_no TEXT NOT NULL, kind TEXT NOT NULL,
  area_sqm DOUBLE PRECISION, region_code TEXT, registered_date TEXT,
  batch_id BIGINT NOT NULL,
  PRIMARY KEY (id_number, certificate_no)
);
)sql"},
    Migration{3, "warnings", R"sql(
-- Warnings raised by `sunlight scan` (spec/rules.md). evidence and params are JSON text;
-- state starts at 'new'. A scan does not add a second open warning for a rule+subject.
CREATE TABLE warnings (
  id           {{ID}},
  rule         TEXT NOT NULL,
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  region_code  TEXT,
  severity     TEXT NOT NULL,
  amount_fen   BIGINT NOT NULL,
  evidence     TEXT NOT NULL,
  params       TEXT NOT NULL,
  as_of        TEXT NOT NULL,
  state        TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX warnings_rule_subject ON warnings(rule, subject_id);
CREATE INDEX warnings_region ON warnings(region_code);
)sql"},
    Migration{4, "normalised_names", R"sql(
-- Names as rules compare them (spec/rules.md: trim, full-width to half-width, Traditional to
-- Simplified; core/text.h NormalizeName). Written by the importer next to the raw name, so
-- that a rule's reference SQL compares names with `=` in any engine, with no engine function.
ALTER TABLE members ADD COLUMN name_norm TEXT;
ALTER TABLE bank_accounts ADD COLUMN holder_name_norm TEXT;
ALTER TABLE payments ADD COLUMN payee_name_norm TEXT;
)sql"},
    Migration{5, "access", R"sql(
-- Users, sessions, shares and the audit log (access/, docs/access.md). Instants that code
-- compares (lock expiry, session idleness) are BIGINT Unix seconds, so that both engines
-- return them unchanged; created/updated are {{TIMESTAMP}}.
CREATE TABLE users (
  id                   {{ID}},
  login                TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL,
  org_id               TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  failed_count         INTEGER NOT NULL DEFAULT 0,
  locked_until         BIGINT NOT NULL DEFAULT 0,
  totp_secret          TEXT,
  created_at           {{TIMESTAMP}} NOT NULL,
  updated_at           {{TIMESTAMP}} NOT NULL
);
CREATE INDEX users_org ON users(org_id);

-- A session is known by the SHA-256 of its random id: the database never holds a usable id.
CREATE TABLE sessions (
  id_hash        TEXT PRIMARY KEY,
  user_id        BIGINT NOT NULL REFERENCES users(id),
  created_at     BIGINT NOT NULL,
  last_seen_at   BIGINT NOT NULL,
  remote_address TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- A paired commission shares a region subtree with another org (东西部协作 前后方联动).
CREATE TABLE shares (
  id            {{ID}},
  from_org_id   TEXT NOT NULL,
  to_org_id     TEXT NOT NULL,
  region_prefix TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    {{TIMESTAMP}} NOT NULL,
  UNIQUE (to_org_id, region_prefix)
);

-- The audit log: append-only and hash-chained. id is assigned by the writer (previous + 1,
-- under the lock of audit_head's row) so that a removed record leaves a gap; hash is
-- SHA-256(previous hash + canonical content), see access/audit_log.h. occurred_at is TEXT, not
-- {{TIMESTAMP}}, because it is hashed and must read back byte for byte.
CREATE TABLE audit_log (
  id             BIGINT PRIMARY KEY,
  occurred_at    TEXT NOT NULL,
  user_id        BIGINT NOT NULL,
  login          TEXT NOT NULL,
  role           TEXT NOT NULL,
  org_id         TEXT NOT NULL,
  action         TEXT NOT NULL,
  target         TEXT NOT NULL,
  outcome        TEXT NOT NULL,
  remote_address TEXT NOT NULL,
  details        TEXT NOT NULL,
  hash           TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log(action);
CREATE INDEX audit_log_login ON audit_log(login);
-- The last record's id and hash: serialises writers and lets verification notice a removed
-- last record.
CREATE TABLE audit_head (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_id   BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head(id, last_id, last_hash) VALUES (1, 0, '');

-- Append-only in the store itself: triggers refusing UPDATE and DELETE, spelt per engine
-- (dialect.h; SQLite: audit_log_no_update/_no_delete with RAISE(ABORT, …)).
{{APPEND_ONLY(audit_log)}};
)sql"},
    // From here on each migration's text is in its own file (migrations/migration_texts.h).
    Migration{6, "supervision", kMigration006Supervision},
    Migration{7, "warning_flow", kMigration007WarningFlow},
    Migration{8, "clues_transfers", kMigration008CluesTransfers},
    Migration{9, "letters", kMigration009Letters},
    Migration{10, "inspections", kMigration010Inspections},
    Migration{11, "public_side", kMigration011PublicSide},
    Migration{12, "payments_project_partial", kMigration012PaymentsProjectPartial},
};

constexpr std::string_view kCreateSchemaMigrations = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at {{TIMESTAMP}} NOT NULL
)
)sql";

Status Expanded(Connection& conn, std::string_view sql, std::string* out) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      *out, ExpandSqlTokens(sql, [&](SqlToken token) { return conn.TokenSpelling(token); }));
  return Status::Ok();
}

Status ApplyOne(Connection& conn, const Migration& migration) {
  std::string sql;
  SUNLIGHT_RETURN_IF_ERROR(Expanded(conn, migration.sql, &sql));
  SUNLIGHT_ASSIGN_OR_RETURN(Transaction tx, conn.Begin());
  // Checked again under the write lock: another process may have just applied it.
  SUNLIGHT_ASSIGN_OR_RETURN(int current, SchemaVersion(conn));
  if (current >= migration.version) return Status::Ok();
  if (current != migration.version - 1) {
    return InternalError("数据库迁移版本不连续：当前为 " + std::to_string(current) + "，下一个为 " +
                             std::to_string(migration.version),
                         "migration_gap");
  }
  Status applied = conn.ExecuteScript(sql);
  if (!applied.ok()) {
    return applied.WithPrefix("数据库迁移 " + std::to_string(migration.version) + "（" +
                              std::string(migration.name) + "）失败");
  }
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                   {migration.version, migration.name, TimestampNow()}));
  return tx.Commit();
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

StatusOr<int> SchemaVersion(Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      ResultSet rs,
      conn.Query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"));
  return static_cast<int>(rs.row(0)[0].AsInteger());
}

Status ApplyMigrations(Connection& conn, std::span<const Migration> migrations) {
  std::string create;
  SUNLIGHT_RETURN_IF_ERROR(Expanded(conn, kCreateSchemaMigrations, &create));
  SUNLIGHT_RETURN_IF_ERROR(conn.ExecuteScript(create));

  int known = migrations.empty() ? 0 : migrations.back().version;
  SUNLIGHT_ASSIGN_OR_RETURN(int current, SchemaVersion(conn));
  if (current > known) {
    return FailedPreconditionError("数据库结构版本为 " + std::to_string(current) +
                                       "，比本程序支持的版本 " + std::to_string(known) +
                                       " 更新；请使用新版程序打开",
                                   "schema_too_new");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    SUNLIGHT_RETURN_IF_ERROR(ApplyOne(conn, migration));
  }
  return Status::Ok();
}

}  // namespace sunlight::store
