// Dataset: what `sunlight import DATASET` reads — a folder of CSV files, or one XLSX workbook —
// listed as tables with their source files and checksums.
//
// A folder holds files named as spec/interchange.md lists (households.csv, payments.csv, ...;
// case of the name and of ".csv" ignored; files that are not .csv are ignored). A workbook holds
// sheets with the same names without ".csv". A .csv file or a sheet with another name is an
// error that lists them all (reasons "unknown_file", "unknown_sheet"): a misspelt file name
// must not make a table silently missing from a batch.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Dataset dataset, OpenDataset(path, {.encoding = Encoding::kAuto}));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::vector<SourceFile> files, dataset.files());  // waits
//   for (const DatasetTable& table : dataset.tables()) {
//     SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> rows, dataset.Open(table));
//     ...
//   }
//
// Not safe for concurrent use (an XLSX dataset's sources share one workbook).
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ledger/encoding.h"
#include "ledger/table_source.h"

namespace sunlight::ledger {

class XlsxWorkbook;

struct DatasetOptions {
  // For CSV files: kAuto detects each file's encoding on its own.
  Encoding encoding = Encoding::kAuto;
};

// One file the dataset is read from, as recorded with the import batch.
struct SourceFile {
  std::filesystem::path path;
  std::string sha256;  // lowercase hex
  int64_t size_bytes = 0;
};

// One table of the dataset.
struct DatasetTable {
  std::string table;           // the interchange name: "households"
  std::string display_name;    // for messages: "households.csv" or "book.xlsx:households"
  std::filesystem::path path;  // the CSV file, or the workbook
  std::string sheet;           // XLSX: the sheet's name as written in the workbook
  int64_t size_bytes = 0;      // the file's size (the workbook's, for a sheet)
};

class Dataset {
 public:
  enum class Kind { kCsvFolder, kXlsx };

  Kind kind() const { return kind_; }
  const std::filesystem::path& path() const { return path_; }
  // The tables present, in the order of spec/interchange.md (referenced tables first).
  const std::vector<DatasetTable>& tables() const { return tables_; }
  // The files read: each CSV file, or the one workbook, with their checksums. These are taken
  // on a thread of their own from when the dataset is opened, while the rows are read and
  // written (reading 400 MB to hash it was half a second with both of the import's threads
  // idle); this waits for them. Error: the checksum's ("file_unreadable").
  StatusOr<std::vector<SourceFile>> files() const;

  // The table with this interchange name, or nullptr when the dataset has none.
  const DatasetTable* Find(std::string_view table) const;

  // Opens a table for reading. REQUIRES: `table` is one of tables().
  StatusOr<std::unique_ptr<TableSource>> Open(const DatasetTable& table) const;

 private:
  friend StatusOr<Dataset> OpenDataset(const std::filesystem::path&, const DatasetOptions&);

  Kind kind_ = Kind::kCsvFolder;
  std::filesystem::path path_;
  DatasetOptions options_;
  std::vector<DatasetTable> tables_;
  // Destroying the last copy waits for the checksums' thread (std::async's shared state).
  std::shared_future<StatusOr<std::vector<SourceFile>>> files_;
  std::shared_ptr<XlsxWorkbook> workbook_;  // XLSX only
};

// Lists the dataset at `path` (a folder or an .xlsx file) and starts checksumming its files;
// reads no rows. Errors: "dataset_not_found", "bad_dataset_path" (neither a folder nor .xlsx),
// "xls_unsupported", "unknown_file", "unknown_sheet", "duplicate_table", "empty_dataset",
// and the workbook's (xlsx_*).
StatusOr<Dataset> OpenDataset(const std::filesystem::path& path,
                              const DatasetOptions& options = {});

}  // namespace sunlight::ledger
