// SqliteBulkInserter: the SQLite side of Connection::BulkInsert — one prepared INSERT, run
// per row, as the portable PreparedBulkInserter does, but binding each text without copying
// it (SQLITE_STATIC): the row outlives the step that reads it. At millions of rows the copies
// were a tenth of an import's time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "store/bulk_insert.h"
#include "store/sqlite/sqlite_statement.h"

namespace sunlight::store::sqlite {

class SqliteBulkInserter final : public BulkInserter {
 public:
  SqliteBulkInserter(std::unique_ptr<SqliteStatement> insert, std::size_t column_count)
      : insert_(std::move(insert)), column_count_(column_count) {}

  Status Add(const std::vector<Value>& row) override;
  StatusOr<std::int64_t> Finish() override;

 private:
  std::unique_ptr<SqliteStatement> insert_;
  std::size_t column_count_;
  std::int64_t rows_ = 0;
};

}  // namespace sunlight::store::sqlite
