// The migration list, and the code that applies it.
//
// To change the schema, append a Migration with the next version. Keep each
// one portable: no engine-only SQL; tokens from dialect.h for the few types
// that differ; BIGINT for 64-bit numbers (money in fen).
#include "store/migrations.h"

#include <array>
#include <string>

#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::store {

namespace {

constexpr std::array kMigrations = {
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
