// The catalogue query is engine-specific, so it is chosen by dialect here and nowhere else.
#include "store/secondary_indexes.h"

#include <string>

namespace sunlight::store {

StatusOr<std::vector<IndexDefinition>> SecondaryIndexes(Connection& conn, std::string_view table) {
  std::vector<IndexDefinition> indexes;
  if (conn.dialect() != Dialect::kSqlite) return indexes;
  // Indexes SQLite makes for PRIMARY KEY and UNIQUE constraints have no sql: they stay.
  SUNLIGHT_ASSIGN_OR_RETURN(
      ResultSet rs, conn.Query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                               "tbl_name = ? AND sql IS NOT NULL ORDER BY name",
                               {std::string(table)}));
  for (size_t row_idx = 0; row_idx < rs.size(); ++row_idx) {
    indexes.push_back({rs.at(row_idx, 0).AsText(), rs.at(row_idx, 1).AsText()});
  }
  return indexes;
}

Status BuildIndex(Connection& conn, const IndexDefinition& index) {
  if (conn.dialect() != Dialect::kSqlite) return conn.Execute(index.create_sql);
  // In WAL mode the pages a small cache pushes out go to the WAL and are read back from it
  // later: there the build keeps the cache it has (decision 39).
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet mode, conn.Query("PRAGMA journal_mode"));
  if (mode.at(0, 0).AsText() == "wal") return conn.Execute(index.create_sql);
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet cache, conn.Query("PRAGMA cache_size"));
  const int64_t previous = cache.at(0, 0).AsInteger();
  SUNLIGHT_RETURN_IF_ERROR(
      conn.Execute("PRAGMA cache_size = " + std::to_string(-kIndexBuildCacheKiB)));
  Status built = conn.Execute(index.create_sql);
  Status restored = conn.Execute("PRAGMA cache_size = " + std::to_string(previous));
  SUNLIGHT_RETURN_IF_ERROR(built);
  return restored;
}

}  // namespace sunlight::store
