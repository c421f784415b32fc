// SqliteConnection: Connection over a pooled SqliteHandle.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "store/connection.h"
#include "store/sqlite/sqlite_handle.h"

namespace sunlight::store::sqlite {

class SqliteDatabase;

class SqliteConnection final : public Connection {
 public:
  // `pool` receives the handle back at destruction. REQUIRES: it outlives this.
  SqliteConnection(std::unique_ptr<SqliteHandle> handle, SqliteDatabase& pool)
      : handle_(std::move(handle)), pool_(&pool) {}
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::kSqlite; }
  StatusOr<std::unique_ptr<Statement>> Prepare(std::string_view sql) override;
  Status ExecuteScript(std::string_view sql) override;
  std::int64_t changes() const override { return sqlite3_changes64(handle_->db()); }
  std::string_view TokenSpelling(SqlToken token) const override;

  // For engine-internal work (online backup). Still one thread at a time.
  sqlite3* raw_db() const { return handle_->db(); }

 protected:
  StatusOr<Statement*> PrepareCached(std::string_view sql) override;
  Status BeginTransaction(TransactionKind kind) override;
  Status CommitTransaction() override;
  Status RollbackTransaction() override;

 private:
  Status Exec(const char* sql);

  std::unique_ptr<SqliteHandle> handle_;
  SqliteDatabase* pool_;  // not owned
};

}  // namespace sunlight::store::sqlite
