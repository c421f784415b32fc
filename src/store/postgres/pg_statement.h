// PgStatement: Statement over a server-side prepared statement.
//
// `?` placeholders are numbered ($1, $2, …) and the statement is prepared
// with parameter types left to the server, which infers them from context;
// values are then sent in text form (bytes in binary form), so an integer
// bound where the column is TEXT is stored as its decimal text, as SQLite's
// TEXT affinity does. A parameter whose type cannot be inferred (`? IS NULL`
// alone) is an error at Prepare: write CAST(? AS TEXT) in portable SQL.
//
// A statement's rows are read into memory when it runs (the first Step), so
// other statements may run on the connection between Steps, as in SQLite.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/pg_handle.h"
#include "store/statement.h"

namespace sunlight::store::postgres {

class PgStatement final : public Statement {
 public:
  static StatusOr<std::unique_ptr<PgStatement>> Compile(PgHandle& handle, std::string_view sql);
  PgStatement(PgHandle& handle, std::string name, std::string_view sql,
              const PGresult& description);
  ~PgStatement() override;

  int parameter_count() const override { return static_cast<int>(param_types_.size()); }
  Status BindNull(int index) override;
  Status BindInteger(int index, std::int64_t value) override;
  Status BindReal(int index, double value) override;
  Status BindText(int index, std::string_view value) override;
  Status BindBlob(int index, const Blob& value) override;

  StatusOr<bool> Step() override;
  Status Reset() override;

  int column_count() const override { return static_cast<int>(column_names_.size()); }
  std::string_view column_name(int column_idx) const override;
  ValueType column_type(int column_idx) const override;
  std::int64_t ColumnInteger(int column_idx) const override;
  double ColumnReal(int column_idx) const override;
  std::string_view ColumnText(int column_idx) const override;
  Blob ColumnBlob(int column_idx) const override;

 private:
  Status CheckIndex(int index) const;
  Status Set(int index, std::string value, int format);
  Status Execute();
  std::string_view Raw(int column_idx) const;

  PgHandle* handle_;  // not owned
  std::string name_;
  std::string sql_;  // as given, for error messages
  std::vector<Oid> param_types_;
  std::vector<std::string> column_names_;
  std::vector<Oid> column_types_;

  std::vector<std::optional<std::string>> values_;  // nullopt: NULL
  std::vector<int> formats_;                        // 0 text, 1 binary

  PgResultPtr result_;
  bool executed_ = false;
  int row_ = -1;
  std::vector<std::string> timestamps_;  // the current row's TIMESTAMPTZ, in ISO form
};

}  // namespace sunlight::store::postgres
