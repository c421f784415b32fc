// ResultSet lookups by column name.
#include "store/result_set.h"

#include <cassert>

namespace sunlight::store {

std::optional<std::size_t> ResultSet::ColumnIndex(std::string_view name) const {
  for (std::size_t column_idx = 0; column_idx < columns_.size(); ++column_idx) {
    if (columns_[column_idx] == name) return column_idx;
  }
  return std::nullopt;
}

std::size_t Row::size() const { return set_->columns().size(); }

const Value& Row::operator[](std::size_t column_idx) const {
  assert(column_idx < size());
  return set_->at(row_idx_, column_idx);
}

const Value& Row::operator[](std::string_view column) const {
  static const Value kNull;
  std::optional<std::size_t> column_idx = set_->ColumnIndex(column);
  assert(column_idx.has_value() && "no such column in the result");
  if (!column_idx) return kNull;
  return set_->at(row_idx_, *column_idx);
}

}  // namespace sunlight::store
