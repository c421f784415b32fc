// Test helper: reads a generated interchange dataset back with core's CsvReader, into
// memory (the tests use small datasets), by file and column name.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight::demo::testing {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of `column` in the header; -1 if absent.
  int Column(std::string_view column) const;
  // The cell of row `row` in `column`. REQUIRES: the column exists.
  const std::string& Cell(size_t row, std::string_view column) const;
};

// Every *.csv of `dir`, by file name ("payments.csv").
using Dataset = std::map<std::string, CsvTable>;

[[nodiscard]] StatusOr<Dataset> ReadDataset(const std::filesystem::path& dir);

// The lines of a file (for the .jsonl manifests).
std::vector<std::string> ReadLines(const std::filesystem::path& path);

}  // namespace sunlight::demo::testing
