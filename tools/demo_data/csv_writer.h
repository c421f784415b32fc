// CsvWriter and DatasetWriter: how generated rows reach the interchange files.
//
// Rows are written as they are made (a province-sized dataset does not fit in memory), into
// a buffer flushed in 1 MiB blocks. Fields are quoted per RFC 4180 only when they hold a
// comma, a quote or a line break, so the common row costs no copy beyond the buffer.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto dataset, DatasetWriter::Open(dir));
//   dataset->Get(Table::kDeaths).Field(id).Field(name).Field(date).Field("民政").EndRow();
//   SUNLIGHT_RETURN_IF_ERROR(dataset->Close());
//
// An I/O failure is remembered and returned by Close(); rows after it are dropped.
// Not safe for concurrent use.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "demo_data/schema.h"

namespace sunlight::demo {

class CsvWriter {
 public:
  // Creates (truncates) `path` and writes the header row of `schema`.
  [[nodiscard]] static StatusOr<std::unique_ptr<CsvWriter>> Open(const std::filesystem::path& path,
                                                                 const TableSchema& schema);

  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;
  ~CsvWriter();

  // Appends one field to the current row; an empty view is an empty cell (null).
  CsvWriter& Field(std::string_view text);
  CsvWriter& Field(int64_t value);
  CsvWriter& Empty() { return Field(std::string_view()); }
  // Ends the current row. REQUIRES: as many fields as the header has columns.
  void EndRow();

  // Flushes and closes the file; returns the first I/O error met, if any.
  [[nodiscard]] Status Close();

  int64_t rows() const { return rows_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  CsvWriter(std::filesystem::path path, std::unique_ptr<std::FILE, FileCloser> file,
            size_t columns);
  void Flush();

  std::filesystem::path path_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  size_t columns_;
  size_t fields_in_row_ = 0;
  int64_t rows_ = 0;
  std::string buffer_;
  Status error_;
};

// One CsvWriter per interchange file, all open at once.
class DatasetWriter {
 public:
  // Creates `dir` if needed and opens every file of kSchemas in it.
  [[nodiscard]] static StatusOr<std::unique_ptr<DatasetWriter>> Open(
      const std::filesystem::path& dir);

  CsvWriter& Get(Table table) { return *writers_[static_cast<size_t>(table)]; }
  int64_t Rows(Table table) const { return writers_[static_cast<size_t>(table)]->rows(); }

  // Closes every file; returns the first error.
  [[nodiscard]] Status Close();

 private:
  DatasetWriter() = default;
  std::array<std::unique_ptr<CsvWriter>, kTableCount> writers_;
};

}  // namespace sunlight::demo
