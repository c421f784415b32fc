// SqliteDatabase: the embedded engine — a SQLite file in WAL mode (or a
// private in-memory database for tests) and a pool of configured handles.
//
// WAL lets any number of readers work while one writer writes; writers queue
// on the busy timeout. Thread-safe: Connect, Release and Backup may be called
// from any thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/store_url.h"

namespace sunlight::store::sqlite {

class SqliteDatabase final : public Database {
 public:
  // Opens (creating if allowed, with the parent directory) the database `url`
  // names. Does not migrate; Database::Open does that for every engine.
  static StatusOr<std::unique_ptr<SqliteDatabase>> Open(const StoreUrl& url,
                                                        const OpenOptions& options);
  ~SqliteDatabase() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  StatusOr<std::unique_ptr<Connection>> Connect() override;
  Status Backup(const std::filesystem::path& out) override;

  // Called by SqliteConnection's destructor: back to the pool, or closed.
  void Release(std::unique_ptr<SqliteHandle> handle);

  SqliteDatabase(HandleOptions handle_options, std::size_t max_idle);

 private:
  HandleOptions handle_options_;
  std::size_t max_idle_;
  std::atomic<int> connections_out_{0};  // for the "Database outlives Connections" check

  std::mutex mutex_;
  std::vector<std::unique_ptr<SqliteHandle>> idle_;  // guarded by mutex_

  // In-memory only: keeps the shared memdb alive while no connection is out.
  std::unique_ptr<SqliteHandle> keeper_;
};

}  // namespace sunlight::store::sqlite
