// Test helper: reads a dataset back (see dataset_reader.h).
#include "dataset_reader.h"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "core/csv_reader.h"

namespace sunlight::demo::testing {

int CsvTable::Column(std::string_view column) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return static_cast<int>(i);
  }
  return -1;
}

const std::string& CsvTable::Cell(size_t row, std::string_view column) const {
  const int index = Column(column);
  if (index < 0) {
    std::cerr << "no column " << column << "\n";
    std::abort();
  }
  return rows[row][static_cast<size_t>(index)];
}

StatusOr<Dataset> ReadDataset(const std::filesystem::path& dir) {
  Dataset dataset;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    CsvTable table;
    bool first = true;
    Status status =
        ReadCsvFile(entry.path(), [&](const std::vector<std::string>& fields, int64_t) -> Status {
          if (first) {
            table.header = fields;
            first = false;
          } else {
            table.rows.push_back(fields);
          }
          return Status::Ok();
        });
    if (!status.ok()) return status;
    dataset.emplace(entry.path().filename().string(), std::move(table));
  }
  return dataset;
}

std::vector<std::string> ReadLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace sunlight::demo::testing
