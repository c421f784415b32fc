// ImportDataset: `sunlight import` — a dataset in the interchange format (spec/interchange.md)
// into the ledger tables, validated as a whole and written all or nothing.
//
//   ImportOptions options{.replace = false, .user = "zhangsan"};
//   SUNLIGHT_ASSIGN_OR_RETURN(ImportReport report, ImportDataset(*db, "data/batch-7", options));
//   if (!report.ok()) for (const ImportError& e : report.errors.kept()) Print(e.ToString());
//
// Guarantees (what the spec promises):
//   - Every cell is checked (core types, enums, region codes in the region table, references
//     resolved in the batch or the store, payments.period against its item's period_kind,
//     duplicate keys, required cells) and every error is listed, up to ErrorList::kMaxErrors.
//   - Any error: nothing is written (no rows, no batch record); report.ok() is false.
//   - Success: all rows and the batch record (files, SHA-256, row counts, user, times) are
//     written in one transaction, so a process killed half-way leaves no trace.
//   - A row equal to the stored row with its key is "unchanged" (not written); a different one
//     is an error ("changed_without_replace") unless options.replace, which overwrites it and
//     keeps the old values in replaced_rows.
// A returned Status (not a report) means the import could not run: the database failed, a bug.
//
// Memory: constant in the rows of a table except for the keys of the batch (one string per
// row, for duplicate detection and references within the batch).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/dataset.h"
#include "ledger/encoding.h"
#include "ledger/import/import_error.h"
#include "store/database.h"

namespace sunlight::ledger {

struct ImportProgress {
  std::string_view table;  // the table being read
  int64_t rows = 0;        // data rows read so far, all tables
  double seconds = 0;      // since the import started
};

struct ImportOptions {
  Encoding encoding = Encoding::kAuto;  // for CSV files
  bool replace = false;
  bool ignore_unknown_columns = false;
  std::string user;  // recorded with the batch; REQUIRES: not empty
  // Called every few thousand rows and once per table; may be empty.
  std::function<void(const ImportProgress&)> on_progress;
};

struct TableCounts {
  std::string table;   // "payments"
  std::string source;  // "payments.csv" or "book.xlsx:payments"
  int64_t rows = 0;    // data rows read
  int64_t inserted = 0;
  int64_t unchanged = 0;
  int64_t replaced = 0;
};

struct ImportReport {
  bool ok() const { return errors.empty(); }

  ErrorList errors;                 // empty on success
  std::vector<TableCounts> tables;  // in dataset order
  std::vector<SourceFile> files;    // what was read, with checksums
  int64_t batch_id = 0;             // the recorded batch; 0 when rejected
  int64_t total_rows = 0;
  double seconds = 0;
};

StatusOr<ImportReport> ImportDataset(store::Database& db, const std::filesystem::path& dataset,
                                     const ImportOptions& options);

}  // namespace sunlight::ledger
