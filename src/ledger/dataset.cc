// OpenDataset: map a folder's CSV files or a workbook's sheets onto the interchange tables.
#include "ledger/dataset.h"

#include <algorithm>
#include <exception>
#include <future>
#include <map>
#include <system_error>

#include "ledger/csv_table_source.h"
#include "ledger/interchange_tables.h"
#include "ledger/sha256.h"
#include "ledger/xlsx_workbook.h"

namespace sunlight::ledger {

namespace {

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

std::string JoinNames(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string joined;
  for (const std::string& name : names) {
    if (!joined.empty()) joined += "、";
    joined += name;
  }
  return joined;
}

int64_t FileSize(const std::filesystem::path& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<int64_t>(size);
}

// The source files of `tables` (a workbook's sheets share one), each with its checksum.
StatusOr<std::vector<SourceFile>> Checksums(const std::vector<DatasetTable>& tables) {
  try {
    std::vector<SourceFile> files;
    for (const DatasetTable& table : tables) {
      if (!files.empty() && files.back().path == table.path) continue;
      SourceFile& file = files.emplace_back();
      file.path = table.path;
      file.size_bytes = table.size_bytes;
      SUNLIGHT_ASSIGN_OR_RETURN(file.sha256, Sha256OfFile(table.path));
    }
    return files;
  } catch (const std::exception& e) {
    return InternalError("计算文件校验值时出现内部错误（" + std::string(e.what()) + "）",
                         "internal_exception");
  }
}

// Lists `folder`'s CSV files as tables (sorted by interchange order).
Status ListCsvFolder(const std::filesystem::path& folder, std::vector<DatasetTable>& tables) {
  std::error_code error;
  std::filesystem::directory_iterator it(folder, error);
  if (error) {
    return UnavailableError("无法读取数据集文件夹 " + folder.string(), "dataset_unreadable");
  }
  std::map<size_t, DatasetTable> by_index;
  std::vector<std::string> unknown;
  std::vector<std::string> duplicated;
  for (; it != std::filesystem::directory_iterator(); it.increment(error)) {
    if (error) {
      return UnavailableError("无法读取数据集文件夹 " + folder.string(), "dataset_unreadable");
    }
    const std::filesystem::path& path = it->path();
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    if (AsciiLower(path.extension().string()) != ".csv") continue;
    const std::string file_name = path.filename().string();
    const std::optional<size_t> index = InterchangeTableIndex(AsciiLower(path.stem().string()));
    if (!index.has_value()) {
      unknown.push_back(file_name);
      continue;
    }
    if (by_index.count(*index) > 0) {
      duplicated.push_back(by_index[*index].display_name + " 与 " + file_name);
      continue;
    }
    by_index[*index] =
        DatasetTable{std::string(kInterchangeTables[*index]), file_name, path, "", 0};
  }
  if (!unknown.empty()) {
    return InvalidArgumentError("数据集中有无法识别的文件：" + JoinNames(unknown) +
                                    "（文件名须为交换格式规定的表名，如 households.csv）",
                                "unknown_file");
  }
  if (!duplicated.empty()) {
    return InvalidArgumentError("数据集中同一张表有多个文件：" + JoinNames(duplicated),
                                "duplicate_table");
  }
  for (auto& [index, table] : by_index) tables.push_back(std::move(table));
  return Status::Ok();
}

// Lists the workbook's sheets as tables (sorted by interchange order).
Status ListWorkbook(const XlsxWorkbook& workbook, const std::filesystem::path& path,
                    std::vector<DatasetTable>& tables) {
  std::map<size_t, DatasetTable> by_index;
  std::vector<std::string> unknown;
  std::vector<std::string> duplicated;
  for (const XlsxSheet& sheet : workbook.sheets()) {
    const std::optional<size_t> index = InterchangeTableIndex(AsciiLower(TrimSpaces(sheet.name)));
    if (!index.has_value()) {
      unknown.push_back("“" + sheet.name + "”");
      continue;
    }
    if (by_index.count(*index) > 0) {
      duplicated.push_back("“" + by_index[*index].sheet + "”与“" + sheet.name + "”");
      continue;
    }
    by_index[*index] =
        DatasetTable{std::string(kInterchangeTables[*index]),
                     workbook.display_name() + ":" + sheet.name, path, sheet.name, 0};
  }
  if (!unknown.empty()) {
    return InvalidArgumentError(workbook.display_name() + "：有无法识别的工作表：" +
                                    JoinNames(unknown) +
                                    "（工作表名须为交换格式规定的表名，如 households）",
                                "unknown_sheet");
  }
  if (!duplicated.empty()) {
    return InvalidArgumentError(
        workbook.display_name() + "：同一张表有多个工作表：" + JoinNames(duplicated),
        "duplicate_table");
  }
  for (auto& [index, table] : by_index) tables.push_back(std::move(table));
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<SourceFile>> Dataset::files() const { return files_.get(); }

const DatasetTable* Dataset::Find(std::string_view table) const {
  for (const DatasetTable& candidate : tables_) {
    if (candidate.table == table) return &candidate;
  }
  return nullptr;
}

StatusOr<std::unique_ptr<TableSource>> Dataset::Open(const DatasetTable& table) const {
  try {
    if (kind_ == Kind::kXlsx) return workbook_->OpenSheet(table.sheet);
    SUNLIGHT_ASSIGN_OR_RETURN(
        std::unique_ptr<CsvTableSource> source,
        CsvTableSource::Open(table.path, options_.encoding, table.display_name));
    return std::unique_ptr<TableSource>(std::move(source));
  } catch (const std::exception& e) {
    return InternalError(table.display_name + "：打开时出现内部错误（" + e.what() + "）",
                         "internal_exception");
  }
}

StatusOr<Dataset> OpenDataset(const std::filesystem::path& path, const DatasetOptions& options) {
  try {
    Dataset dataset;
    dataset.path_ = path;
    dataset.options_ = options;
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(path, error);
    if (error || !std::filesystem::exists(status)) {
      return NotFoundError("数据集不存在：" + path.string(), "dataset_not_found");
    }
    const std::string extension = AsciiLower(path.extension().string());
    if (std::filesystem::is_directory(status)) {
      dataset.kind_ = Dataset::Kind::kCsvFolder;
      SUNLIGHT_RETURN_IF_ERROR(ListCsvFolder(path, dataset.tables_));
    } else if (extension == ".xlsx") {
      dataset.kind_ = Dataset::Kind::kXlsx;
      SUNLIGHT_ASSIGN_OR_RETURN(dataset.workbook_, XlsxWorkbook::Open(path));
      SUNLIGHT_RETURN_IF_ERROR(ListWorkbook(*dataset.workbook_, path, dataset.tables_));
    } else if (extension == ".xls" || extension == ".et") {
      return InvalidArgumentError(
          path.filename().string() + "：不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx",
          "xls_unsupported");
    } else {
      return InvalidArgumentError(
          path.filename().string() + "：数据集须为一个包含 CSV 文件的文件夹或一个 .xlsx 工作簿",
          "bad_dataset_path");
    }
    if (dataset.tables_.empty()) {
      return InvalidArgumentError(
          "数据集中没有可导入的表（" + path.string() + "）：须有如 households.csv 的文件或工作表",
          "empty_dataset");
    }
    for (DatasetTable& table : dataset.tables_) table.size_bytes = FileSize(table.path);
    // The thread reads its own copy of the list: the dataset may move meanwhile.
    dataset.files_ = std::async(std::launch::async, Checksums, dataset.tables_).share();
    return dataset;
  } catch (const std::exception& e) {
    return InternalError("打开数据集时出现内部错误（" + std::string(e.what()) + "）",
                         "internal_exception");
  }
}

}  // namespace sunlight::ledger
