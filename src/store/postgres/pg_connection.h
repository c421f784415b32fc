// PgConnection: Connection over a pooled PgHandle.
//
// Transactions: kWrite is BEGIN (READ COMMITTED) plus a transaction-scoped
// advisory lock shared by every Sunlight writer of the database, so write
// transactions queue one at a time exactly as SQLite's BEGIN IMMEDIATE makes
// them (callers check-then-write under that lock: migrations, the region
// load, imports); readers never wait for it. kRead is REPEATABLE READ READ
// ONLY: one snapshot for several reads.
//
// One difference stays visible: after a failed statement inside a
// transaction, PostgreSQL refuses further statements until rollback
// (transaction_aborted), where SQLite undoes only the failed statement.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/connection.h"
#include "store/postgres/pg_handle.h"

namespace sunlight::store::postgres {

class PgDatabase;

// The advisory-lock key of write transactions ("SUNLIGHT" in ASCII, as a number).
inline constexpr std::int64_t kWriterLockKey = 0x53554e4c49474854;

class PgConnection final : public Connection {
 public:
  // `pool` receives the handle back at destruction. REQUIRES: it outlives this.
  PgConnection(std::unique_ptr<PgHandle> handle, PgDatabase& pool)
      : handle_(std::move(handle)), pool_(&pool) {}
  ~PgConnection() override;

  Dialect dialect() const override { return Dialect::kPostgres; }
  StatusOr<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  Status ExecuteScript(std::string_view sql) override;
  StatusOr<std::unique_ptr<BulkInserter>> BulkInsert(
      std::string_view table, const std::vector<std::string>& columns) override;
  std::int64_t changes() const override { return handle_->changes(); }
  std::string_view TokenSpelling(SqlToken token) const override;

  PgHandle& handle() { return *handle_; }

 protected:
  StatusOr<Statement*> PrepareCached(std::string_view sql) override;
  Status BeginTransaction(TransactionKind kind) override;
  Status CommitTransaction() override;
  Status RollbackTransaction() override;

 private:
  std::unique_ptr<PgHandle> handle_;
  PgDatabase* pool_;  // not owned
};

}  // namespace sunlight::store::postgres
