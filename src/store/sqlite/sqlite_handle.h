// SqliteHandle: one open sqlite3 connection, configured the way Sunlight
// requires, with its cache of prepared statements. It is what the
// SqliteDatabase pool holds between uses; a SqliteConnection borrows one.
//
// Every handle is opened with:
//   - extended result codes (so constraint kinds can be told apart),
//   - SQLITE_DBCONFIG_DEFENSIVE (no writable_schema, no corrupting the file
//     from SQL), TRUSTED_SCHEMA off, double-quoted string literals off,
//   - PRAGMA foreign_keys=ON, synchronous=NORMAL, the busy timeout,
//   - journal_mode=WAL for files (checked: anything else is an error).
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "core/status.h"
#include "store/sqlite/sqlite_statement.h"

namespace sunlight::store::sqlite {

struct DbDeleter {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbPtr = std::unique_ptr<sqlite3, DbDeleter>;

struct HandleOptions {
  std::string filename;  // a path, or a URI when `uri`
  bool uri = false;      // the in-memory database is named by a memdb URI
  bool create = true;
  bool wal = true;  // files only; the memdb VFS has no WAL
  std::chrono::milliseconds busy_timeout{5000};
};

class SqliteHandle {
 public:
  static StatusOr<std::unique_ptr<SqliteHandle>> Open(const HandleOptions& options);
  // Use Open; this only adopts an already configured connection.
  explicit SqliteHandle(DbPtr db, std::chrono::milliseconds busy_timeout = {})
      : db_(std::move(db)), busy_timeout_(busy_timeout) {}

  sqlite3* db() const { return db_.get(); }
  // How long a statement waits for a lock another connection holds (HandleOptions).
  std::chrono::milliseconds busy_timeout() const { return busy_timeout_; }

  // The cached compiled form of `sql`, compiled on first use. The cache is
  // bounded; when full it is emptied (cheap, and simpler than LRU for the
  // handful of statements a connection uses). REQUIRES: no statement from the
  // cache is mid-step when another is requested and the cache may be emptied,
  // i.e. callers reset a cached statement before asking for the next one.
  StatusOr<SqliteStatement*> Cached(std::string_view sql);

  // Makes the handle fit for the next user: rolls back a transaction left
  // open. False when that failed and the handle should be closed instead.
  bool Recycle();

 private:
  static constexpr std::size_t kMaxCachedStatements = 64;

  DbPtr db_;  // declared first: destroyed after the statements below
  std::chrono::milliseconds busy_timeout_;
  std::map<std::string, std::unique_ptr<SqliteStatement>, std::less<>> cache_;
};

}  // namespace sunlight::store::sqlite
