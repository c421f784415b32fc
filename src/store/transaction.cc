// Transaction life cycle, and Connection's engine-neutral operations (which
// need Transaction complete).
#include "store/transaction.h"

#include <utility>

namespace sunlight::store {

namespace {

Status TransactionEndedError() {
  return FailedPreconditionError("事务已经结束，不能再次提交或回滚", "transaction_ended");
}

}  // namespace

Transaction::Transaction(Transaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)) {}

Transaction& Transaction::operator=(Transaction&& other) noexcept {
  if (this != &other) {
    if (active()) Rollback().IgnoreError();
    conn_ = std::exchange(other.conn_, nullptr);
  }
  return *this;
}

Transaction::~Transaction() {
  // Nothing to report a failure to; a failed ROLLBACK leaves the engine to
  // discard the work when the connection is closed or reused (the pool checks).
  if (active()) Rollback().IgnoreError();
}

Status Transaction::Commit() {
  if (!active()) return TransactionEndedError();
  SUNLIGHT_RETURN_IF_ERROR(conn_->CommitTransaction());
  Finish();
  return Status::Ok();
}

Status Transaction::Rollback() {
  if (!active()) return TransactionEndedError();
  Status status = conn_->RollbackTransaction();
  Finish();  // even on failure: the transaction cannot be used any more
  return status;
}

void Transaction::Finish() {
  conn_->in_transaction_ = false;
  conn_ = nullptr;
}

StatusOr<Transaction> Connection::Begin(TransactionKind kind) {
  if (in_transaction_) {
    return FailedPreconditionError("事务不能嵌套：该连接上已有未结束的事务", "nested_transaction");
  }
  SUNLIGHT_RETURN_IF_ERROR(BeginTransaction(kind));
  in_transaction_ = true;
  return Transaction(*this);
}

Status Connection::Execute(std::string_view sql, const std::vector<Value>& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(Statement * statement, PrepareCached(sql));
  Status bound = statement->BindAll(params);
  if (!bound.ok()) {
    statement->Reset().IgnoreError();
    return bound;
  }
  return statement->Run();
}

StatusOr<ResultSet> Connection::Query(std::string_view sql, const std::vector<Value>& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(Statement * statement, PrepareCached(sql));
  Status status = statement->BindAll(params);
  std::vector<std::string> columns;
  for (int column_idx = 0; column_idx < statement->column_count(); ++column_idx) {
    columns.emplace_back(statement->column_name(column_idx));
  }
  ResultSet result(std::move(columns));
  while (status.ok()) {
    StatusOr<bool> has_row = statement->Step();
    if (!has_row.ok()) {
      status = has_row.status();
      break;
    }
    if (!*has_row) break;
    for (int column_idx = 0; column_idx < statement->column_count(); ++column_idx) {
      result.Append(statement->Column(column_idx));
    }
  }
  Status reset = statement->Reset();
  if (!status.ok()) return status;
  if (!reset.ok()) return reset;
  return result;
}

}  // namespace sunlight::store
