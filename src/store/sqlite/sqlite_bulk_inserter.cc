// SqliteBulkInserter: bind without copying, step, reset.
#include "store/sqlite/sqlite_bulk_inserter.h"

namespace sunlight::store::sqlite {

Status SqliteBulkInserter::Add(const std::vector<Value>& row) {
  if (row.size() != column_count_) {
    return InternalError("批量写入的值个数与列数不符", "bulk_row_size_mismatch");
  }
  Status status = insert_->BindRowBorrowed(row);
  if (status.ok()) status = insert_->Step().status();
  if (!status.ok()) {
    // Reset clears the bindings: the borrowed texts are the caller's.
    SUNLIGHT_RETURN_IF_ERROR(insert_->Reset());
    return status;
  }
  // The bindings stay until the next row's, which bind every parameter before the next step;
  // Finish clears them. Clearing them here cost a pass over every parameter per row.
  insert_->ResetKeepingBindings();
  ++rows_;
  return Status::Ok();
}

StatusOr<std::int64_t> SqliteBulkInserter::Finish() {
  SUNLIGHT_RETURN_IF_ERROR(insert_->Reset());
  return rows_;
}

}  // namespace sunlight::store::sqlite
