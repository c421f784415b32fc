// Database: the store's entry point — one database, any number of connections.
//
// One interface, one folder per engine: SQLite (src/store/sqlite/, the embedded
// default) and, later, PostgreSQL (src/store/postgres/). Code outside those
// folders sees only this interface and portable SQL (dialect.h).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Database> db,
//                             Database::Open("data/sunlight.db", {}));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, db->Connect());
//
// Open applies pending migrations (migrations.h), so a Database is always at
// the schema version this binary knows. Thread-safe: Connect and Backup may be
// called from any thread; each Connection then belongs to one thread.
// REQUIRES: every Connection is destroyed before its Database.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "core/status.h"
#include "store/connection.h"
#include "store/dialect.h"

namespace sunlight::store {

struct OpenOptions {
  // Create the database (and the file's parent directory) when it does not exist.
  bool create_if_missing = true;
  // Bring the schema up to date at open. Off only for tests of migrations.
  bool apply_migrations = true;
  // How long a statement waits for a lock held by another connection before
  // failing with Unavailable.
  std::chrono::milliseconds busy_timeout{5000};
  // Idle connections kept for reuse; more may be open while in use.
  std::size_t max_idle_connections = 4;
};

class Database {
 public:
  // `url` as ParseStoreUrl accepts: a SQLite file or a postgresql:// URL.
  static StatusOr<std::unique_ptr<Database>> Open(std::string_view url,
                                                  const OpenOptions& options = {});

  virtual ~Database() = default;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  virtual Dialect dialect() const = 0;

  // A connection from the pool (or a new one). Destroying it gives it back.
  virtual StatusOr<std::unique_ptr<Connection>> Connect() = 0;

  // Writes a consistent copy of the whole database to `out` (a new file; an
  // existing one is AlreadyExists). Other connections may keep working
  // meanwhile. The copy is a database of the same engine that Open accepts.
  virtual Status Backup(const std::filesystem::path& out) = 0;

 protected:
  Database() = default;
};

}  // namespace sunlight::store
