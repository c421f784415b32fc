// Connection: one session with the database, used by one thread at a time.
//
// Obtained from Database::Connect(); give it back by destroying it (it returns
// to the Database's pool). Every value goes in as a bound parameter:
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto conn, db.Connect());
//   SUNLIGHT_RETURN_IF_ERROR(conn->Execute("UPDATE meta SET value = ? WHERE key = ?",
//                                          {"2023", "regions.year"}));
//   SUNLIGHT_ASSIGN_OR_RETURN(ResultSet rs, conn->Query("SELECT name FROM regions WHERE code = ?",
//                                                       {"52"}));
//
// SQL given here must be portable (see dialect.h): `?` placeholders, no
// engine-only syntax. Engine-specific SQL lives only in the engine's folder.
//
// Not thread-safe: use one Connection per thread. REQUIRES: the Database
// outlives its Connections, and a Connection outlives its Statements and
// Transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/bulk_insert.h"
#include "store/dialect.h"
#include "store/result_set.h"
#include "store/statement.h"

namespace sunlight::store {

class Transaction;

enum class TransactionKind {
  // Takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE), so that a
  // read-then-write transaction never fails half-way for lack of the lock.
  kWrite,
  // A consistent snapshot for several reads; writing in it is an error in
  // PostgreSQL (READ ONLY) and may fail with Aborted in SQLite.
  kRead,
};

class Connection {
 public:
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  virtual Dialect dialect() const = 0;

  // Runs one statement that returns no rows we want (rows, if any, are ignored).
  Status Execute(std::string_view sql, const std::vector<Value>& params = {});
  // Runs one statement and reads all its rows into memory.
  StatusOr<ResultSet> Query(std::string_view sql, const std::vector<Value>& params = {});
  // Prepares a statement for streaming or repeated execution.
  virtual StatusOr<std::unique_ptr<Statement>> Prepare(std::string_view sql) = 0;
  // Runs several `;`-separated statements without parameters (schema scripts).
  virtual Status ExecuteScript(std::string_view sql) = 0;
  // Many rows into `table` (see bulk_insert.h). The default is a prepared
  // INSERT per row; PostgreSQL overrides it with COPY.
  virtual StatusOr<std::unique_ptr<BulkInserter>> BulkInsert(
      std::string_view table, const std::vector<std::string>& columns);

  // Says that a load of many rows starts (true) or has ended (false), so the engine can size
  // its buffers for it (SQLite: a larger page cache). Only a hint: nothing else changes.
  virtual Status SetBulkLoad(bool /*on*/) { return Status::Ok(); }

  // Rows inserted, updated or deleted by the most recent such statement that
  // finished on this connection.
  virtual std::int64_t changes() const = 0;

  // Starts a transaction; see Transaction. Transactions do not nest: a second
  // Begin before the first ends is FailedPrecondition (reason
  // "nested_transaction").
  StatusOr<Transaction> Begin(TransactionKind kind = TransactionKind::kWrite);
  bool in_transaction() const { return in_transaction_; }

  // How the engine writes a dialect token (dialect.h), for migrations.
  virtual std::string_view TokenSpelling(SqlToken token) const = 0;

 protected:
  Connection() = default;

  // Execute/Query run through these so that engines can cache prepared
  // statements. The returned statement is bound, stepped and reset by the
  // caller before the next call; it stays owned by the engine.
  virtual StatusOr<Statement*> PrepareCached(std::string_view sql) = 0;

  virtual Status BeginTransaction(TransactionKind kind) = 0;
  virtual Status CommitTransaction() = 0;
  virtual Status RollbackTransaction() = 0;

 private:
  friend class Transaction;
  bool in_transaction_ = false;
};

}  // namespace sunlight::store
