// ResultSet: the rows of a query, read completely into memory.
//
// For results of bounded size (a page, a lookup, a count). Anything that may
// grow with the data (a whole table, an export) should stream through a
// Statement instead.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(ResultSet rs, conn.Query("SELECT code, name FROM regions "
//                                                      "WHERE parent_code = ?", {"52"}));
//   for (Row row : rs) Print(row["code"].text(), row[1].text());
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/value.h"

namespace sunlight::store {

class ResultSet;

// A view of one row of a ResultSet. REQUIRES: the ResultSet outlives the Row.
class Row {
 public:
  Row(const ResultSet& set, std::size_t row_idx) : set_(&set), row_idx_(row_idx) {}

  std::size_t size() const;
  // REQUIRES: column_idx < size().
  const Value& operator[](std::size_t column_idx) const;
  // By column name (as the query spelt it, or its alias). REQUIRES: the column
  // exists; a missing one is a programming error: it asserts in debug builds and
  // reads as NULL otherwise.
  const Value& operator[](std::string_view column) const;

 private:
  const ResultSet* set_;  // not owned
  std::size_t row_idx_;
};

class ResultSet {
 public:
  ResultSet() = default;
  explicit ResultSet(std::vector<std::string> columns) : columns_(std::move(columns)) {}

  const std::vector<std::string>& columns() const { return columns_; }
  std::optional<std::size_t> ColumnIndex(std::string_view name) const;

  std::size_t size() const { return columns_.empty() ? 0 : values_.size() / columns_.size(); }
  bool empty() const { return size() == 0; }
  // REQUIRES: row_idx < size().
  Row row(std::size_t row_idx) const { return Row(*this, row_idx); }
  const Value& at(std::size_t row_idx, std::size_t column_idx) const {
    return values_[row_idx * columns_.size() + column_idx];
  }

  // For engines filling the set: append exactly columns().size() values per row.
  void Append(Value value) { values_.push_back(std::move(value)); }

  class Iterator {
   public:
    Iterator(const ResultSet& set, std::size_t row_idx) : set_(&set), row_idx_(row_idx) {}
    Row operator*() const { return Row(*set_, row_idx_); }
    Iterator& operator++() {
      ++row_idx_;
      return *this;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) = default;

   private:
    const ResultSet* set_;  // not owned
    std::size_t row_idx_;
  };
  Iterator begin() const { return Iterator(*this, 0); }
  Iterator end() const { return Iterator(*this, size()); }

 private:
  std::vector<std::string> columns_;
  std::vector<Value> values_;  // row-major
};

}  // namespace sunlight::store
