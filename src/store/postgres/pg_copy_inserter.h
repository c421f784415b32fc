// PgCopyInserter: BulkInserter over COPY … FROM STDIN (text format).
//
// Rows are encoded into a buffer and sent a few hundred kilobytes at a time;
// constraint errors (keys, foreign keys, NOT NULL) come back at Finish, for
// the whole load. Destroying it unfinished ends the COPY with an error, which
// the server rolls back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store/bulk_insert.h"
#include "store/postgres/pg_handle.h"

namespace sunlight::store::postgres {

class PgCopyInserter final : public BulkInserter {
 public:
  static StatusOr<std::unique_ptr<PgCopyInserter>> Start(PgHandle& handle, std::string_view table,
                                                         const std::vector<std::string>& columns);
  PgCopyInserter(PgHandle& handle, std::string table, std::size_t column_count)
      : handle_(&handle), table_(std::move(table)), column_count_(column_count) {}
  ~PgCopyInserter() override;

  Status Add(const std::vector<Value>& row) override;
  StatusOr<std::int64_t> Finish() override;

 private:
  static constexpr std::size_t kFlushBytes = 256 * 1024;

  Status Flush();
  // Ends the COPY (with `error` to abandon it) and collects the outcome.
  Status End(const char* error);

  PgHandle* handle_;  // not owned
  std::string table_;
  std::size_t column_count_;
  std::string buffer_;
  std::int64_t rows_ = 0;
  bool open_ = true;
};

}  // namespace sunlight::store::postgres
