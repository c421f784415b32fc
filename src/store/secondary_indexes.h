// SecondaryIndexes: a table's indexes other than its primary key, as the statements that
// create them — so that a bulk load into an empty table can drop them and build each one
// again afterwards with a single sort, instead of one B-tree insertion per row and index.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::vector<IndexDefinition> indexes,
//                             SecondaryIndexes(conn, "payments"));
//   for (const IndexDefinition& index : indexes) conn.Execute("DROP INDEX " + index.name);
//   ... insert the rows ...
//   for (const IndexDefinition& index : indexes) conn.Execute(index.create_sql);
//
// Inside one transaction this is atomic (DDL is transactional in both engines): a rollback
// brings the indexes back. SQLite reads sqlite_master; the PostgreSQL engine returns no
// indexes for now (nothing is deferred there, which is correct, only not faster).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::store {

struct IndexDefinition {
  std::string name;        // from the schema, safe to splice into DROP INDEX
  std::string create_sql;  // the statement that created it
};

// REQUIRES: `table` is a name from the static schema.
StatusOr<std::vector<IndexDefinition>> SecondaryIndexes(Connection& conn, std::string_view table);

}  // namespace sunlight::store
