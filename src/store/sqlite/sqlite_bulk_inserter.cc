// SqliteBulkInserter: bind without copying, step, reset.
#include "store/sqlite/sqlite_bulk_inserter.h"

namespace sunlight::store::sqlite {

Status SqliteBulkInserter::Add(const std::vector<Value>& row) {
  if (row.size() != column_count_) {
    return InternalError("批量写入的值个数与列数不符", "bulk_row_size_mismatch");
  }
  Status status;
  for (std::size_t column_idx = 0; column_idx < row.size() && status.ok(); ++column_idx) {
    status = insert_->BindBorrowed(static_cast<int>(column_idx) + 1, row[column_idx]);
  }
  if (status.ok()) status = insert_->Step().status();
  // Reset (which clears the bindings) before returning: the borrowed texts are the caller's.
  SUNLIGHT_RETURN_IF_ERROR(insert_->Reset());
  SUNLIGHT_RETURN_IF_ERROR(status);
  ++rows_;
  return Status::Ok();
}

}  // namespace sunlight::store::sqlite
