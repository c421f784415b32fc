// The engine-neutral parts of Statement, written once over the virtual primitives.
#include "store/statement.h"

#include <string>

namespace sunlight::store {

Status Statement::Bind(int index, const Value& value) {
  switch (value.type()) {
    case ValueType::kNull:
      return BindNull(index);
    case ValueType::kInteger:
      return BindInteger(index, value.integer());
    case ValueType::kReal:
      return BindReal(index, value.real());
    case ValueType::kText:
      return BindText(index, value.text());
    case ValueType::kBlob:
      return BindBlob(index, value.blob());
  }
  return InternalError("未知的参数类型", "unknown_value_type");
}

Status Statement::BindAll(const std::vector<Value>& params) {
  if (static_cast<int>(params.size()) != parameter_count()) {
    // A programming error; the values themselves are not shown (they may be personal data).
    return InternalError("SQL 参数个数不符：语句需要 " + std::to_string(parameter_count()) +
                             " 个，提供了 " + std::to_string(params.size()) + " 个",
                         "parameter_count_mismatch");
  }
  for (std::size_t param_idx = 0; param_idx < params.size(); ++param_idx) {
    SUNLIGHT_RETURN_IF_ERROR(Bind(static_cast<int>(param_idx) + 1, params[param_idx]));
  }
  return Status::Ok();
}

Status Statement::Run() {
  while (true) {
    StatusOr<bool> has_row = Step();
    if (!has_row.ok()) {
      Reset().IgnoreError();  // ready for the next attempt; the step's error is the news
      return has_row.status();
    }
    if (!*has_row) break;
  }
  return Reset();
}

Value Statement::Column(int column_idx) const {
  switch (column_type(column_idx)) {
    case ValueType::kNull:
      return Value();
    case ValueType::kInteger:
      return Value(ColumnInteger(column_idx));
    case ValueType::kReal:
      return Value(ColumnReal(column_idx));
    case ValueType::kText:
      return Value(ColumnText(column_idx));
    case ValueType::kBlob:
      return Value(ColumnBlob(column_idx));
  }
  return Value();
}

}  // namespace sunlight::store
