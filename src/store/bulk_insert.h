// BulkInserter: many rows into one table, as fast as the engine can take them.
//
// SQLite: a prepared INSERT run once per row (inside the caller's transaction
// that is already SQLite's fast path). PostgreSQL: COPY … FROM STDIN, which is
// one round trip per few hundred kilobytes instead of one per row.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Transaction tx, conn.Begin());
//   SUNLIGHT_ASSIGN_OR_RETURN(auto bulk, conn.BulkInsert("regions", {"code", "name"}));
//   for (…) SUNLIGHT_RETURN_IF_ERROR(bulk->Add({code, name}));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t rows, bulk->Finish());
//   return tx.Commit();
//
// Constraint errors may be reported by Add (SQLite, at the row) or only by
// Finish (PostgreSQL, for the whole load): callers treat the load as all or
// nothing and roll back on any error. Between BulkInsert and Finish nothing
// else may run on the connection (COPY holds the PostgreSQL session). A
// BulkInserter destroyed without Finish abandons the rows not yet committed
// by the engine; roll the transaction back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/statement.h"
#include "store/value.h"

namespace sunlight::store {

class BulkInserter {
 public:
  virtual ~BulkInserter() = default;
  BulkInserter(const BulkInserter&) = delete;
  BulkInserter& operator=(const BulkInserter&) = delete;

  // One row: a value per column, in the order the columns were given.
  virtual Status Add(const std::vector<Value>& row) = 0;
  // Sends what is still buffered and ends the load; the number of rows added.
  virtual StatusOr<std::int64_t> Finish() = 0;

 protected:
  BulkInserter() = default;
};

// The portable implementation: one prepared INSERT, run per row.
class PreparedBulkInserter final : public BulkInserter {
 public:
  PreparedBulkInserter(std::unique_ptr<Statement> insert, std::size_t column_count)
      : insert_(std::move(insert)), column_count_(column_count) {}

  Status Add(const std::vector<Value>& row) override;
  StatusOr<std::int64_t> Finish() override;

 private:
  std::unique_ptr<Statement> insert_;
  std::size_t column_count_;
  std::int64_t rows_ = 0;
};

// Table and column names are spliced into SQL, so they must be plain
// identifiers ([a-z_][a-z0-9_]*); anything else is Internal (a programming
// error, never user input).
Status CheckIdentifier(std::string_view name);

// "INSERT INTO table(a, b) VALUES (?, ?)" for the portable implementation.
StatusOr<std::string> InsertStatementFor(std::string_view table,
                                         const std::vector<std::string>& columns);

}  // namespace sunlight::store
