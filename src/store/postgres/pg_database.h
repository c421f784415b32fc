// PgDatabase: the production engine — a PostgreSQL database named by a
// postgresql:// URL, and a pool of configured sessions.
//
// Open checks the server is reachable and, when the database does not exist
// and OpenOptions::create_if_missing is set, creates it (through the
// `postgres` maintenance database; the role needs CREATEDB for that — in
// production the operator creates it, docs/deploy.md). Thread-safe: Connect,
// Release and Backup may be called from any thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "store/database.h"
#include "store/postgres/pg_handle.h"
#include "store/store_url.h"

namespace sunlight::store::postgres {

class PgDatabase final : public Database {
 public:
  // Does not migrate; Database::Open does that (under ApplyMigrationsExclusively).
  static StatusOr<std::unique_ptr<PgDatabase>> Open(const StoreUrl& url,
                                                    const OpenOptions& options);
  PgDatabase(PgConnectOptions connect_options, std::size_t max_idle);
  ~PgDatabase() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  StatusOr<std::unique_ptr<Connection>> Connect() override;
  // A pg_dump archive (custom format) of the database, written to `out`
  // through `out.partial` and renamed when complete. Restore it with
  // `pg_restore --dbname=postgresql://… out` into a new, empty database;
  // Database::Open then accepts that database. pg_dump is found through
  // $SUNLIGHT_PG_DUMP, then the server's major version's Debian directory
  // (/usr/lib/postgresql/N/bin), then PATH.
  Status Backup(const std::filesystem::path& out) override;

  // Called by PgConnection's destructor: back to the pool, or closed.
  void Release(std::unique_ptr<PgHandle> handle);

 private:
  PgConnectOptions connect_options_;
  std::size_t max_idle_;
  std::atomic<int> connections_out_{0};
  int server_version_ = 0;

  std::mutex mutex_;
  std::vector<std::unique_ptr<PgHandle>> idle_;  // guarded by mutex_
};

// Applies the migrations while holding a session advisory lock, so that two
// processes opening one new database at once do not both run them (in
// PostgreSQL, BEGIN alone does not serialise them the way SQLite's write lock
// does).
Status ApplyMigrationsExclusively(Connection& conn);

}  // namespace sunlight::store::postgres
