// PgStatement: prepare, bind, execute and read through libpq.
#include "store/postgres/pg_statement.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "store/postgres/pg_errors.h"
#include "store/postgres/pg_values.h"
#include "store/sql_text.h"

namespace sunlight::store::postgres {

StatusOr<std::unique_ptr<PgStatement>> PgStatement::Compile(PgHandle& handle,
                                                            std::string_view sql) {
  std::string numbered = NumberPlaceholders(sql);
  std::string name = handle.NextStatementName();
  PgResultPtr prepared(PQprepare(handle.conn(), name.c_str(), numbered.c_str(), 0, nullptr));
  if (prepared == nullptr || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
    return PgError(prepared.get(), handle.conn(), sql);
  }
  // From here the server holds the statement: the object owns (and drops) it.
  PgResultPtr description(PQdescribePrepared(handle.conn(), name.c_str()));
  if (description == nullptr || PQresultStatus(description.get()) != PGRES_COMMAND_OK) {
    Status status = PgError(description.get(), handle.conn(), sql);
    handle.Deallocate(name);
    return status;
  }
  return std::make_unique<PgStatement>(handle, std::move(name), sql, *description);
}

PgStatement::PgStatement(PgHandle& handle, std::string name, std::string_view sql,
                         const PGresult& description)
    : handle_(&handle), name_(std::move(name)), sql_(sql) {
  for (int param_idx = 0; param_idx < PQnparams(&description); ++param_idx) {
    param_types_.push_back(PQparamtype(&description, param_idx));
  }
  for (int column_idx = 0; column_idx < PQnfields(&description); ++column_idx) {
    column_names_.emplace_back(PQfname(&description, column_idx));
    column_types_.push_back(PQftype(&description, column_idx));
  }
  values_.resize(param_types_.size());
  formats_.assign(param_types_.size(), 0);
  timestamps_.resize(column_names_.size());
}

PgStatement::~PgStatement() { handle_->Deallocate(name_); }

Status PgStatement::CheckIndex(int index) const {
  if (index < 1 || index > parameter_count()) {
    return InternalError("SQL 参数序号超出范围", "parameter_out_of_range");
  }
  return Status::Ok();
}

Status PgStatement::Set(int index, std::string value, int format) {
  SUNLIGHT_RETURN_IF_ERROR(CheckIndex(index));
  values_[index - 1] = std::move(value);
  formats_[index - 1] = format;
  return Status::Ok();
}

Status PgStatement::BindNull(int index) {
  SUNLIGHT_RETURN_IF_ERROR(CheckIndex(index));
  values_[index - 1].reset();
  formats_[index - 1] = 0;
  return Status::Ok();
}

Status PgStatement::BindInteger(int index, std::int64_t value) {
  return Set(index, std::to_string(value), 0);
}

Status PgStatement::BindReal(int index, double value) { return Set(index, FormatReal(value), 0); }

Status PgStatement::BindText(int index, std::string_view value) {
  SUNLIGHT_RETURN_IF_ERROR(CheckIndex(index));
  // Into bytea, text goes as its bytes (binary form), not as bytea's escaped input.
  int format = param_types_[index - 1] == kByteaOid ? 1 : 0;
  return Set(index, std::string(value), format);
}

Status PgStatement::BindBlob(int index, const Blob& value) {
  return Set(index, std::string(value.begin(), value.end()), 1);
}

Status PgStatement::Execute() {
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (std::size_t param_idx = 0; param_idx < values_.size(); ++param_idx) {
    if (values_[param_idx].has_value()) {
      values[param_idx] = values_[param_idx]->data();
      lengths[param_idx] = static_cast<int>(values_[param_idx]->size());
    }
  }
  result_.reset(PQexecPrepared(handle_->conn(), name_.c_str(), static_cast<int>(values.size()),
                               values.data(), lengths.data(), formats_.data(), /*resultFormat=*/0));
  ExecStatusType status = result_ != nullptr ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY) {
    Status error = PgError(result_.get(), handle_->conn(), sql_);
    result_.reset();
    return error;
  }
  std::string_view command = PQcmdStatus(result_.get());
  if (command.starts_with("INSERT") || command.starts_with("UPDATE") ||
      command.starts_with("DELETE") || command.starts_with("MERGE")) {
    handle_->set_changes(std::atoll(PQcmdTuples(result_.get())));
  }
  return Status::Ok();
}

StatusOr<bool> PgStatement::Step() {
  if (!executed_) {
    SUNLIGHT_RETURN_IF_ERROR(Execute());
    executed_ = true;
    row_ = -1;
  }
  if (result_ == nullptr || PQresultStatus(result_.get()) != PGRES_TUPLES_OK) return false;
  if (row_ + 1 >= PQntuples(result_.get())) {
    row_ = PQntuples(result_.get());
    return false;
  }
  ++row_;
  for (std::size_t column_idx = 0; column_idx < column_types_.size(); ++column_idx) {
    if (column_types_[column_idx] == kTimestampTzOid) {
      timestamps_[column_idx] = TimestampToIso(Raw(static_cast<int>(column_idx)));
    }
  }
  return true;
}

Status PgStatement::Reset() {
  result_.reset();
  executed_ = false;
  row_ = -1;
  for (auto& value : values_) value.reset();
  formats_.assign(formats_.size(), 0);
  return Status::Ok();
}

std::string_view PgStatement::column_name(int column_idx) const {
  return column_names_[static_cast<std::size_t>(column_idx)];
}

std::string_view PgStatement::Raw(int column_idx) const {
  return std::string_view(PQgetvalue(result_.get(), row_, column_idx),
                          static_cast<std::size_t>(PQgetlength(result_.get(), row_, column_idx)));
}

ValueType PgStatement::column_type(int column_idx) const {
  if (PQgetisnull(result_.get(), row_, column_idx)) return ValueType::kNull;
  return KindOf(column_types_[static_cast<std::size_t>(column_idx)], Raw(column_idx));
}

std::int64_t PgStatement::ColumnInteger(int column_idx) const {
  std::string_view text = Raw(column_idx);
  Oid type = column_types_[static_cast<std::size_t>(column_idx)];
  if (type == kBoolOid) return text == "t" ? 1 : 0;
  if (type == kFloat4Oid || type == kFloat8Oid ||
      (type == kNumericOid && KindOf(type, text) == ValueType::kReal)) {
    return static_cast<std::int64_t>(std::llround(ColumnReal(column_idx)));
  }
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

double PgStatement::ColumnReal(int column_idx) const {
  std::string_view text = Raw(column_idx);
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string_view PgStatement::ColumnText(int column_idx) const {
  if (column_types_[static_cast<std::size_t>(column_idx)] == kTimestampTzOid) {
    return timestamps_[static_cast<std::size_t>(column_idx)];
  }
  return Raw(column_idx);
}

Blob PgStatement::ColumnBlob(int column_idx) const {
  std::string_view text = Raw(column_idx);
  if (column_types_[static_cast<std::size_t>(column_idx)] == kByteaOid) return DecodeBytea(text);
  return Blob(text.begin(), text.end());
}

}  // namespace sunlight::store::postgres
