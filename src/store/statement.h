// Statement: one prepared SQL statement, for streaming reads and bulk writes.
//
// Bind the `?` parameters (numbered from 1, left to right), Step through the
// rows, read columns (numbered from 0), Reset to run it again with new values.
// Values are only ever bound, never spliced into the SQL text.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto insert, conn.Prepare(
//       "INSERT INTO regions(code, name, level, parent_code) VALUES (?, ?, ?, ?)"));
//   for (const Region& r : regions) {
//     SUNLIGHT_RETURN_IF_ERROR(insert->BindText(1, r.code));
//     …
//     SUNLIGHT_RETURN_IF_ERROR(insert->Run());
//   }
//
// A Statement belongs to the Connection that prepared it and, like it, is used
// by one thread at a time. REQUIRES: the Connection outlives the Statement.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/value.h"

namespace sunlight::store {

class Statement {
 public:
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binding. `index` counts the `?` from 1. Text and blobs are copied, so the
  // argument need not outlive the call.
  virtual Status BindNull(int index) = 0;
  virtual Status BindInteger(int index, std::int64_t value) = 0;
  virtual Status BindReal(int index, double value) = 0;
  virtual Status BindText(int index, std::string_view value) = 0;
  virtual Status BindBlob(int index, const Blob& value) = 0;
  Status Bind(int index, const Value& value);
  // How many `?` the statement has.
  virtual int parameter_count() const = 0;
  // Binds params[0] to `?` 1, params[1] to `?` 2, …; the count must match.
  Status BindAll(const std::vector<Value>& params);

  // Runs the statement up to the next row: true when a row is ready to read,
  // false when the statement is done (for INSERT/UPDATE/DELETE: at once).
  virtual StatusOr<bool> Step() = 0;
  // Steps to completion, ignoring any rows, then resets so the statement can
  // be bound and run again (the bulk-insert loop).
  Status Run();
  // Makes the statement ready to run again; clears the bindings too.
  virtual Status Reset() = 0;

  // Reading the current row. REQUIRES: the last Step() returned true and
  // column_idx < column_count(). A view (ColumnText) is valid until the next
  // Step or Reset.
  virtual int column_count() const = 0;
  virtual std::string_view column_name(int column_idx) const = 0;
  virtual ValueType column_type(int column_idx) const = 0;
  virtual std::int64_t ColumnInteger(int column_idx) const = 0;
  virtual double ColumnReal(int column_idx) const = 0;
  virtual std::string_view ColumnText(int column_idx) const = 0;
  virtual Blob ColumnBlob(int column_idx) const = 0;
  Value Column(int column_idx) const;

 protected:
  Statement() = default;
};

}  // namespace sunlight::store
