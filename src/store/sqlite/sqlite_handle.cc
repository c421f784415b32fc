// Opening and configuring a SQLite connection.
#include "store/sqlite/sqlite_handle.h"

#include <mutex>
#include <string>

#include "store/sqlite/sqlite_errors.h"

namespace sunlight::store::sqlite {

namespace {

// The page size of new database files. SQLite's default, 4 KiB, suits small rows updated one
// at a time; a ledger is mostly loaded in batches of millions of rows and read in full scans
// (the rules' snapshot), where each page costs a system call and a WAL frame on the way in.
// Measured by bench/import_bench (bench/README.md).
constexpr int kPageSize = 16384;

Status Configure(sqlite3* db, int option, int value, std::string_view what) {
  int applied = -1;
  int rc = sqlite3_db_config(db, option, value, &applied);
  if (rc != SQLITE_OK || applied != value) {
    return InternalError("无法设置 SQLite 选项 " + std::string(what), "sqlite_config_failed");
  }
  return Status::Ok();
}

// Runs a pragma and returns the first column of its first row (or empty).
StatusOr<std::string> Pragma(sqlite3* db, std::string_view sql) {
  SUNLIGHT_ASSIGN_OR_RETURN(auto statement, SqliteStatement::Compile(db, sql));
  SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, statement->Step());
  std::string result = has_row ? std::string(statement->ColumnText(0)) : std::string();
  SUNLIGHT_RETURN_IF_ERROR(statement->Reset());
  return result;
}

}  // namespace

StatusOr<std::unique_ptr<SqliteHandle>> SqliteHandle::Open(const HandleOptions& options) {
  // SQLite counts every allocation under a global mutex for sqlite3_memory_used, which nothing
  // here reads; an import's writer took and released it for most cells it stored. Only
  // possible before SQLite initialises (the first open); later it is refused, harmlessly.
  static std::once_flag no_memory_statistics;
  std::call_once(no_memory_statistics, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
  // NOMUTEX: a handle is used by one thread at a time (the pool hands it over
  // under a mutex), so SQLite's per-connection mutex would only cost time.
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create) flags |= SQLITE_OPEN_CREATE;
  if (options.uri) flags |= SQLITE_OPEN_URI;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(options.filename.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);  // SQLite allocates a handle even when opening fails
  if (rc != SQLITE_OK) {
    Status status = SqliteError(rc, db.get(), {});
    if ((rc & 0xff) == SQLITE_CANTOPEN) {
      status = UnavailableError("无法打开数据库文件：" + options.filename, "cannot_open_database");
    }
    return status;
  }
  sqlite3_extended_result_codes(db.get(), 1);

  SUNLIGHT_RETURN_IF_ERROR(Configure(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, "DEFENSIVE"));
  SUNLIGHT_RETURN_IF_ERROR(
      Configure(db.get(), SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, "TRUSTED_SCHEMA"));
  SUNLIGHT_RETURN_IF_ERROR(Configure(db.get(), SQLITE_DBCONFIG_DQS_DML, 0, "DQS_DML"));
  SUNLIGHT_RETURN_IF_ERROR(Configure(db.get(), SQLITE_DBCONFIG_DQS_DDL, 0, "DQS_DDL"));
  SUNLIGHT_RETURN_IF_ERROR(
      Configure(db.get(), SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, "ENABLE_LOAD_EXTENSION"));
  sqlite3_busy_timeout(db.get(), static_cast<int>(options.busy_timeout.count()));

  SUNLIGHT_ASSIGN_OR_RETURN(std::string ignored, Pragma(db.get(), "PRAGMA foreign_keys = ON"));
  SUNLIGHT_ASSIGN_OR_RETURN(ignored, Pragma(db.get(), "PRAGMA synchronous = NORMAL"));
  SUNLIGHT_ASSIGN_OR_RETURN(std::string foreign_keys, Pragma(db.get(), "PRAGMA foreign_keys"));
  if (foreign_keys != "1") {
    return InternalError("SQLite 未能启用外键约束", "foreign_keys_unavailable");
  }
  if (options.wal) {
    // A new file gets kPageSize pages. It must be set before the first table and before WAL;
    // an existing file keeps the size it was made with.
    SUNLIGHT_ASSIGN_OR_RETURN(std::string pages, Pragma(db.get(), "PRAGMA page_count"));
    if (pages == "0") {
      SUNLIGHT_ASSIGN_OR_RETURN(
          ignored, Pragma(db.get(), "PRAGMA page_size = " + std::to_string(kPageSize)));
    }
    SUNLIGHT_ASSIGN_OR_RETURN(std::string mode, Pragma(db.get(), "PRAGMA journal_mode = WAL"));
    if (mode != "wal") {
      return FailedPreconditionError("无法为数据库文件启用 WAL 日志模式（当前为 " + mode + "）",
                                     "wal_unavailable");
    }
  }
  return std::make_unique<SqliteHandle>(std::move(db), options.busy_timeout);
}

StatusOr<SqliteStatement*> SqliteHandle::Cached(std::string_view sql) {
  if (auto found = cache_.find(sql); found != cache_.end()) return found->second.get();
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<SqliteStatement> statement,
                            SqliteStatement::Compile(db_.get(), sql));
  if (cache_.size() >= kMaxCachedStatements) cache_.clear();
  SqliteStatement* borrowed = statement.get();
  cache_.emplace(std::string(sql), std::move(statement));
  return borrowed;
}

bool SqliteHandle::Recycle() {
  if (sqlite3_get_autocommit(db_.get()) != 0) return true;
  return sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr) == SQLITE_OK;
}

}  // namespace sunlight::store::sqlite
