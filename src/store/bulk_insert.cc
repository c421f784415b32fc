// The portable BulkInserter (a prepared INSERT per row) and Connection's
// default BulkInsert, which engines with a faster path override.
#include "store/bulk_insert.h"

#include "store/connection.h"

namespace sunlight::store {

Status CheckIdentifier(std::string_view name) {
  bool ok = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
  for (char c : name) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (!ok) return InternalError("批量写入的表名或列名不合法", "bad_identifier");
  return Status::Ok();
}

StatusOr<std::string> InsertStatementFor(std::string_view table,
                                         const std::vector<std::string>& columns) {
  SUNLIGHT_RETURN_IF_ERROR(CheckIdentifier(table));
  if (columns.empty()) return InternalError("批量写入没有指定列", "no_columns");
  std::string sql = "INSERT INTO " + std::string(table) + "(";
  std::string marks;
  for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    SUNLIGHT_RETURN_IF_ERROR(CheckIdentifier(columns[column_idx]));
    if (column_idx > 0) {
      sql += ", ";
      marks += ", ";
    }
    sql += columns[column_idx];
    marks += "?";
  }
  return sql + ") VALUES (" + marks + ")";
}

Status PreparedBulkInserter::Add(const std::vector<Value>& row) {
  if (row.size() != column_count_) {
    return InternalError("批量写入的值个数与列数不符", "bulk_row_size_mismatch");
  }
  Status bound = insert_->BindAll(row);
  if (!bound.ok()) {
    insert_->Reset().IgnoreError();
    return bound;
  }
  SUNLIGHT_RETURN_IF_ERROR(insert_->Run());
  ++rows_;
  return Status::Ok();
}

StatusOr<std::int64_t> PreparedBulkInserter::Finish() { return rows_; }

StatusOr<std::unique_ptr<BulkInserter>> Connection::BulkInsert(
    std::string_view table, const std::vector<std::string>& columns) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string sql, InsertStatementFor(table, columns));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Statement> insert, Prepare(sql));
  return std::unique_ptr<BulkInserter>(
      std::make_unique<PreparedBulkInserter>(std::move(insert), columns.size()));
}

}  // namespace sunlight::store
