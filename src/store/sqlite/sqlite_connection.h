// SqliteConnection: Connection over a pooled SqliteHandle.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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
  StatusOr<std::unique_ptr<BulkInserter>> BulkInsert(
      std::string_view table, const std::vector<std::string>& columns) override;
  Status SetBulkLoad(bool on) override;
  std::int64_t changes() const override { return sqlite3_changes64(handle_->db()); }
  std::string_view TokenSpelling(SqlToken token) const override;

  // The page cache during a bulk load (SetBulkLoad), and SQLite's default. Under a rollback
  // journal 64 MiB holds the pages a load keeps coming back to (B-tree interiors and right
  // edges, the key indexes of 400 000 households), and pages beyond it go to the file once: a
  // larger cache only held written pages back until the index builds or the commit, when the
  // writer is busiest (256 MiB: ~0.5 s slower, 180 MiB more). In WAL mode (another connection
  // open) a page out of the cache goes to the WAL and is read back from it: 256 MiB there.
  static constexpr int kBulkLoadCacheKiB = 64 * 1024;
  static constexpr int kBulkLoadWalCacheKiB = 256 * 1024;
  static constexpr int kDefaultCacheKiB = 2000;

  // For engine-internal work (online backup). Still one thread at a time.
  sqlite3* raw_db() const { return handle_->db(); }

 protected:
  StatusOr<Statement*> PrepareCached(std::string_view sql) override;
  Status BeginTransaction(TransactionKind kind) override;
  Status CommitTransaction() override;
  Status RollbackTransaction() override;

 private:
  Status Exec(const char* sql);
  Status SetRollbackJournal(bool on);

  std::unique_ptr<SqliteHandle> handle_;
  SqliteDatabase* pool_;   // not owned
  bool left_wal_ = false;  // SetBulkLoad(true) switched the file to a rollback journal
};

}  // namespace sunlight::store::sqlite
