// SqliteStatement: Statement over a sqlite3_stmt.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include <sqlite3.h>

#include "store/statement.h"

namespace sunlight::store::sqlite {

struct StmtDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

class SqliteStatement final : public Statement {
 public:
  explicit SqliteStatement(StmtPtr stmt) : stmt_(std::move(stmt)) {}

  // Compiles one statement. Trailing text after the first statement (other
  // than whitespace and comments) is refused: it would be silently ignored.
  static StatusOr<std::unique_ptr<SqliteStatement>> Compile(sqlite3* db, std::string_view sql);

  int parameter_count() const override { return sqlite3_bind_parameter_count(stmt_.get()); }
  Status BindNull(int index) override;
  Status BindInteger(int index, std::int64_t value) override;
  Status BindReal(int index, double value) override;
  Status BindText(int index, std::string_view value) override;
  Status BindBlob(int index, const Blob& value) override;

  // Binds values[i] to parameter i + 1 like Bind, but text and blobs without copying them
  // (SQLITE_STATIC), and with one check for the whole row: for bulk loads, where a Status per
  // value was a tenth of the writer's time. REQUIRES: the values outlive the next Step, and
  // before they are freed either Reset runs (it clears the bindings) or every parameter is
  // bound again before the statement is stepped.
  Status BindRowBorrowed(const std::vector<Value>& values);
  // sqlite3_reset without clearing the bindings, for a caller that binds every parameter of
  // each row anyway (see BindRowBorrowed).
  void ResetKeepingBindings() { sqlite3_reset(stmt_.get()); }

  StatusOr<bool> Step() override;
  Status Reset() override;

  int column_count() const override { return sqlite3_column_count(stmt_.get()); }
  std::string_view column_name(int column_idx) const override;
  ValueType column_type(int column_idx) const override;
  std::int64_t ColumnInteger(int column_idx) const override;
  double ColumnReal(int column_idx) const override;
  std::string_view ColumnText(int column_idx) const override;
  Blob ColumnBlob(int column_idx) const override;

 private:
  Status BindResult(int rc) const;
  // `destructor`: SQLITE_TRANSIENT (copy) or SQLITE_STATIC (borrow).
  Status BindTextAs(int index, std::string_view value, sqlite3_destructor_type destructor);
  Status BindBlobAs(int index, const Blob& value, sqlite3_destructor_type destructor);
  // The same, returning SQLite's code, for BindRowBorrowed's one check per row.
  int BindTextCode(int index, std::string_view value, sqlite3_destructor_type destructor);
  int BindBlobCode(int index, const Blob& value, sqlite3_destructor_type destructor);

  StmtPtr stmt_;
};

}  // namespace sunlight::store::sqlite
