// EstimateRows (see row_estimate.h).
#include "store/row_estimate.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "store/result_set.h"

namespace sunlight::store {

StatusOr<size_t> EstimateRows(Connection& conn, std::string_view table) {
  const std::string name(table);
  const std::string sql =
      conn.dialect() == Dialect::kPostgres
          ? "SELECT COALESCE((SELECT GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = "
            "to_regclass('" +
                name + "')), 0)"
          : "SELECT COALESCE(max(rowid), 0) FROM " + name;
  SUNLIGHT_ASSIGN_OR_RETURN(ResultSet result, conn.Query(sql));
  constexpr std::int64_t kLimit = std::int64_t{1} << 27;  // a bad estimate must not exhaust memory
  return static_cast<size_t>(std::clamp<std::int64_t>(result.at(0, 0).AsInteger(), 0, kLimit));
}

}  // namespace sunlight::store
