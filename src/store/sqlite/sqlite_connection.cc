// SqliteConnection: statements, scripts and transactions on one SQLite handle.
#include "store/sqlite/sqlite_connection.h"

#include <string>

#include "store/bulk_insert.h"
#include "store/sqlite/sqlite_bulk_inserter.h"
#include "store/sqlite/sqlite_database.h"
#include "store/sqlite/sqlite_errors.h"

namespace sunlight::store::sqlite {

SqliteConnection::~SqliteConnection() { pool_->Release(std::move(handle_)); }

StatusOr<std::unique_ptr<Statement>> SqliteConnection::Prepare(std::string_view sql) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStatement> statement,
                            SqliteStatement::Compile(handle_->db(), sql));
  return std::unique_ptr<Statement>(std::move(statement));
}

StatusOr<Statement*> SqliteConnection::PrepareCached(std::string_view sql) {
  SUNLIGHT_ASSIGN_OR_RETURN(SqliteStatement * statement, handle_->Cached(sql));
  return static_cast<Statement*>(statement);
}

Status SqliteConnection::ExecuteScript(std::string_view sql) {
  std::string script(sql);  // sqlite3_exec wants a terminated string
  char* error = nullptr;
  int rc = sqlite3_exec(handle_->db(), script.c_str(), nullptr, nullptr, &error);
  sqlite3_free(error);  // the same text is available from sqlite3_errmsg
  if (rc != SQLITE_OK) return SqliteError(rc, handle_->db(), sql);
  return Status::Ok();
}

StatusOr<std::unique_ptr<BulkInserter>> SqliteConnection::BulkInsert(
    std::string_view table, const std::vector<std::string>& columns) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string sql, InsertStatementFor(table, columns));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStatement> insert,
                            SqliteStatement::Compile(handle_->db(), sql));
  return std::unique_ptr<BulkInserter>(
      std::make_unique<SqliteBulkInserter>(std::move(insert), columns.size()));
}

Status SqliteConnection::SetBulkLoad(bool on) {
  // The cache's size depends on the journal the load got, so on the way in the journal comes
  // first; on the way out the cache is set back first, so that a failure to return to WAL
  // does not also leave the pooled handle with a bulk load's cache.
  if (on) SUNLIGHT_RETURN_IF_ERROR(SetRollbackJournal(true));
  // SQLite's default cache is 2 MB. A load of hundreds of megabytes in one transaction then
  // writes and reads back the pages it keeps coming to as the B-trees grow; a bulk-load cache
  // keeps those in memory. Negative sizes are KiB.
  const int kib = !on ? kDefaultCacheKiB : left_wal_ ? kBulkLoadCacheKiB : kBulkLoadWalCacheKiB;
  const std::string cache = "PRAGMA cache_size = " + std::to_string(-kib);
  // No sorter helper threads (PRAGMA threads): with the small cache of an index build
  // (store::BuildIndex) one thread sorted the seven payments indexes faster than two (3.5 s
  // against 4.0 s), and the other core is left to the importer's reading thread.
  SUNLIGHT_RETURN_IF_ERROR(Exec(cache.c_str()));
  return on ? Status::Ok() : SetRollbackJournal(false);
}

// In WAL mode every page a load adds is written twice: into the WAL as the transaction runs,
// then into the file by the checkpoint after the commit (≈900 MiB each way at 400 000
// households, a fifth of the import). A rollback journal keeps only the old content of pages
// that existed before the transaction, so pages the load adds are written once, and a killed
// load still leaves no trace (the journal restores the file's old size on the next open).
// Leaving WAL needs the only connection to the file: when another is open (a server's pool,
// another process) the load keeps the WAL, at once rather than after the busy timeout.
Status SqliteConnection::SetRollbackJournal(bool on) {
  sqlite3* db = handle_->db();
  if (!on) {
    if (!left_wal_) return Status::Ok();
    left_wal_ = false;
    SUNLIGHT_ASSIGN_OR_RETURN(ResultSet mode, Query("PRAGMA journal_mode = WAL"));
    if (mode.at(0, 0).AsText() != "wal") {
      return InternalError("导入后未能恢复 WAL 日志模式（当前为 " + mode.at(0, 0).AsText() + "）",
                           "wal_not_restored");
    }
    return Status::Ok();
  }
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet current, Query("PRAGMA journal_mode"));
  if (current.at(0, 0).AsText() != "wal") return Status::Ok();
  sqlite3_busy_timeout(db, 0);
  StatusOr<ResultSet> mode = Query("PRAGMA journal_mode = DELETE");
  sqlite3_busy_timeout(db, static_cast<int>(handle_->busy_timeout().count()));
  left_wal_ = mode.ok() && mode->at(0, 0).AsText() == "delete";
  return Status::Ok();
}

std::string_view SqliteConnection::TokenSpelling(SqlToken token) const {
  switch (token) {
    // A rowid alias: 64-bit, assigned on insert, the cheapest key SQLite has.
    case SqlToken::kId:
      return "INTEGER PRIMARY KEY";
    case SqlToken::kBlob:
      return "BLOB";
    // ISO 8601 text in UTC sorts and compares correctly as text.
    case SqlToken::kTimestamp:
      return "TEXT";
    case SqlToken::kAppendOnly:
      return "CREATE TRIGGER @TABLE@_no_update BEFORE UPDATE ON @TABLE@\n"
             "BEGIN\n  SELECT RAISE(ABORT, '@TABLE@ is append-only');\nEND;\n"
             "CREATE TRIGGER @TABLE@_no_delete BEFORE DELETE ON @TABLE@\n"
             "BEGIN\n  SELECT RAISE(ABORT, '@TABLE@ is append-only');\nEND";
  }
  return "";
}

Status SqliteConnection::Exec(const char* sql) {
  int rc = sqlite3_exec(handle_->db(), sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteError(rc, handle_->db(), sql);
  return Status::Ok();
}

Status SqliteConnection::BeginTransaction(TransactionKind kind) {
  // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a
  // writing transaction cannot fail later when upgrading from a read lock.
  return Exec(kind == TransactionKind::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Status SqliteConnection::CommitTransaction() { return Exec("COMMIT"); }

Status SqliteConnection::RollbackTransaction() {
  // SQLite may already have rolled back by itself (after some errors); then
  // there is nothing left to do.
  if (sqlite3_get_autocommit(handle_->db()) != 0) return Status::Ok();
  return Exec("ROLLBACK");
}

}  // namespace sunlight::store::sqlite
