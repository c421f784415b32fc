// BeginSharedRead (see shared_read.h).
#include "store/shared_read.h"

#include <memory>
#include <string>

namespace sunlight::store {

StatusOr<SharedRead> BeginSharedRead(Database& db, Connection& first, Connection& second) {
  if (db.dialect() == Dialect::kPostgres) {
    SUNLIGHT_ASSIGN_OR_RETURN(Transaction first_tx, first.Begin(TransactionKind::kRead));
    SUNLIGHT_ASSIGN_OR_RETURN(ResultSet exported, first.Query("SELECT pg_export_snapshot()"));
    SUNLIGHT_ASSIGN_OR_RETURN(Transaction second_tx, second.Begin(TransactionKind::kRead));
    // The snapshot id is PostgreSQL's own text (like 00000003-0000001B-1); it is not a
    // parameter position, so it is quoted here.
    const std::string snapshot_id = exported.at(0, 0).AsText();
    if (snapshot_id.find('\'') != std::string::npos) {
      return InternalError("pg_export_snapshot 返回了意外的快照号：" + snapshot_id,
                           "unexpected_snapshot_id");
    }
    SUNLIGHT_RETURN_IF_ERROR(second.Execute("SET TRANSACTION SNAPSHOT '" + snapshot_id + "'"));
    return SharedRead{std::move(first_tx), std::move(second_tx)};
  }
  // SQLite: a deferred transaction takes its snapshot at its first read; with the write lock
  // held elsewhere, both first reads see the last commit.
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> lock, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(Transaction lock_tx, lock->Begin(TransactionKind::kWrite));
  constexpr std::string_view kFirstRead = "SELECT count(*) FROM sqlite_master";
  SUNLIGHT_ASSIGN_OR_RETURN(Transaction first_tx, first.Begin(TransactionKind::kRead));
  SUNLIGHT_RETURN_IF_ERROR(first.Query(kFirstRead).status());
  SUNLIGHT_ASSIGN_OR_RETURN(Transaction second_tx, second.Begin(TransactionKind::kRead));
  SUNLIGHT_RETURN_IF_ERROR(second.Query(kFirstRead).status());
  SUNLIGHT_RETURN_IF_ERROR(lock_tx.Rollback());
  return SharedRead{std::move(first_tx), std::move(second_tx)};
}

}  // namespace sunlight::store
