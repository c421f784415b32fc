// PgHandle: one libpq connection, set up the way Sunlight requires, with its
// cache of server-side prepared statements. What the PgDatabase pool holds
// between uses; a PgConnection borrows one.
//
// Every session runs with TimeZone=UTC and DateStyle=ISO (so TIMESTAMPTZ
// reads back as the store's ISO form), client_encoding=UTF8, and the open
// options' busy timeout as lock_timeout (a wait for a lock fails as
// Unavailable, like SQLite's busy timeout).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

#include "core/status.h"

namespace sunlight::store::postgres {

struct ConnDeleter {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using PgConnPtr = std::unique_ptr<PGconn, ConnDeleter>;

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

struct PgConnectOptions {
  std::string url;              // postgresql://… as given to Database::Open
  std::string dbname_override;  // connect to this database instead (e.g. "postgres")
  std::chrono::milliseconds busy_timeout{5000};
};

class PgStatement;

class PgHandle {
 public:
  static StatusOr<std::unique_ptr<PgHandle>> Open(const PgConnectOptions& options);
  explicit PgHandle(PgConnPtr conn);
  ~PgHandle();
  PgHandle(const PgHandle&) = delete;
  PgHandle& operator=(const PgHandle&) = delete;

  PGconn* conn() const { return conn_.get(); }

  // Runs `sql` through the simple query protocol (no parameters; several
  // `;`-separated statements allowed). The last statement's result.
  StatusOr<PgResultPtr> Exec(std::string_view sql);

  // The cached prepared form of `sql`, prepared on first use; bounded like
  // SqliteHandle's cache (emptied when full).
  StatusOr<PgStatement*> Cached(std::string_view sql);

  // A name for the next server-side prepared statement ("s1", "s2", …).
  std::string NextStatementName() { return "s" + std::to_string(++statement_counter_); }
  // Drops a server-side prepared statement (now, or after the next rollback
  // when the transaction has failed and the server refuses commands).
  void Deallocate(const std::string& name);

  std::int64_t changes() const { return changes_; }
  void set_changes(std::int64_t changes) { changes_ = changes; }

  // Makes the handle fit for the next user: rolls back a transaction left
  // open. False when the connection is broken or that failed: close it.
  bool Recycle();

 private:
  static constexpr std::size_t kMaxCachedStatements = 64;

  PgConnPtr conn_;  // declared first: closed after the statements below are gone
  std::map<std::string, std::unique_ptr<PgStatement>, std::less<>> cache_;
  std::vector<std::string> pending_deallocate_;
  std::uint64_t statement_counter_ = 0;
  std::int64_t changes_ = 0;
  bool closing_ = false;
};

}  // namespace sunlight::store::postgres
