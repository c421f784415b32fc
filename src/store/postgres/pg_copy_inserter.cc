// COPY FROM STDIN through libpq's copy-in calls.
#include "store/postgres/pg_copy_inserter.h"

#include "store/postgres/pg_errors.h"
#include "store/postgres/pg_values.h"

namespace sunlight::store::postgres {

StatusOr<std::unique_ptr<PgCopyInserter>> PgCopyInserter::Start(
    PgHandle& handle, std::string_view table, const std::vector<std::string>& columns) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string insert,
                            InsertStatementFor(table, columns));  // checks names
  std::string sql = "COPY " + std::string(table) + " (";
  for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    if (column_idx > 0) sql += ", ";
    sql += columns[column_idx];
  }
  sql += ") FROM STDIN";
  PgResultPtr result(PQexec(handle.conn(), sql.c_str()));
  if (result == nullptr || PQresultStatus(result.get()) != PGRES_COPY_IN) {
    return PgError(result.get(), handle.conn(), insert);
  }
  return std::make_unique<PgCopyInserter>(handle, std::string(table), columns.size());
}

PgCopyInserter::~PgCopyInserter() {
  if (open_) End("abandoned by the client").IgnoreError();
}

Status PgCopyInserter::Add(const std::vector<Value>& row) {
  if (!open_) return FailedPreconditionError("批量写入已经结束", "bulk_insert_finished");
  if (row.size() != column_count_) {
    return InternalError("批量写入的值个数与列数不符", "bulk_row_size_mismatch");
  }
  for (std::size_t column_idx = 0; column_idx < row.size(); ++column_idx) {
    if (column_idx > 0) buffer_ += '\t';
    AppendCopyField(buffer_, row[column_idx]);
  }
  buffer_ += '\n';
  ++rows_;
  if (buffer_.size() >= kFlushBytes) return Flush();
  return Status::Ok();
}

Status PgCopyInserter::Flush() {
  if (buffer_.empty()) return Status::Ok();
  if (PQputCopyData(handle_->conn(), buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    Status status = PgError(nullptr, handle_->conn(), {});
    End("send failed").IgnoreError();
    return status;
  }
  buffer_.clear();
  return Status::Ok();
}

Status PgCopyInserter::End(const char* error) {
  open_ = false;
  PQputCopyEnd(handle_->conn(), error);
  Status status;
  // Every result of the COPY must be read before the session is usable again.
  while (PGresult* raw = PQgetResult(handle_->conn())) {
    PgResultPtr result(raw);
    if (PQresultStatus(raw) != PGRES_COMMAND_OK && status.ok()) {
      status = PgError(raw, handle_->conn(), "INSERT INTO " + table_);
    }
  }
  return status;
}

StatusOr<std::int64_t> PgCopyInserter::Finish() {
  if (!open_) return FailedPreconditionError("批量写入已经结束", "bulk_insert_finished");
  SUNLIGHT_RETURN_IF_ERROR(Flush());
  SUNLIGHT_RETURN_IF_ERROR(End(nullptr));
  handle_->set_changes(rows_);
  return rows_;
}

}  // namespace sunlight::store::postgres
