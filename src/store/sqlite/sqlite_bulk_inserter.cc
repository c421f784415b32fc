// SqliteBulkInserter: bind without copying, step, reset.
#include "store/sqlite/sqlite_bulk_inserter.h"

#include "store/sqlite/sqlite_errors.h"

namespace sunlight::store::sqlite {
namespace {

// Binds `value` to parameter `index`; text and blobs are borrowed for the next step.
int BindBorrowed(sqlite3_stmt* stmt, int index, const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
      return sqlite3_bind_null(stmt, index);
    case ValueType::kInteger:
      return sqlite3_bind_int64(stmt, index, value.integer());
    case ValueType::kReal:
      return sqlite3_bind_double(stmt, index, value.real());
    case ValueType::kText:
      return sqlite3_bind_text64(stmt, index, value.text().data(), value.text().size(),
                                 SQLITE_STATIC, SQLITE_UTF8);
    case ValueType::kBlob: {
      // A zero-length blob must stay a blob, not NULL (an empty vector's data() may be null).
      static const std::uint8_t kEmpty = 0;
      const void* data = value.blob().empty() ? &kEmpty : value.blob().data();
      return sqlite3_bind_blob64(stmt, index, data, value.blob().size(), SQLITE_STATIC);
    }
  }
  return SQLITE_MISUSE;
}

}  // namespace

Status SqliteBulkInserter::Add(const std::vector<Value>& row) {
  if (row.size() != column_count_) {
    return InternalError("批量写入的值个数与列数不符", "bulk_row_size_mismatch");
  }
  sqlite3_stmt* stmt = insert_.get();
  for (std::size_t column_idx = 0; column_idx < row.size(); ++column_idx) {
    int rc = BindBorrowed(stmt, static_cast<int>(column_idx) + 1, row[column_idx]);
    if (rc != SQLITE_OK) {
      sqlite3_reset(stmt);
      return SqliteError(rc, sqlite3_db_handle(stmt), sqlite3_sql(stmt));
    }
  }
  int rc = sqlite3_step(stmt);
  Status status = rc == SQLITE_DONE ? Status::Ok()
                                    : SqliteError(rc, sqlite3_db_handle(stmt), sqlite3_sql(stmt));
  // Reset before returning; the borrowed texts belong to the caller's row, and every Add binds
  // every parameter again before it steps.
  sqlite3_reset(stmt);
  SUNLIGHT_RETURN_IF_ERROR(status);
  ++rows_;
  return Status::Ok();
}

}  // namespace sunlight::store::sqlite
