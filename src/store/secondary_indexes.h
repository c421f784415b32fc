// SecondaryIndexes: a table's indexes other than its primary key, as the statements that
// create them — so that a bulk load into an empty table can drop them and build each one
// again afterwards with a single sort, instead of one B-tree insertion per row and index.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::vector<IndexDefinition> indexes,
//                             SecondaryIndexes(conn, "payments"));
//   for (const IndexDefinition& index : indexes) conn.Execute("DROP INDEX " + index.name);
//   ... insert the rows ...
//   for (const IndexDefinition& index : indexes) BuildIndex(conn, index);
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

// Runs index.create_sql. On a SQLite file under a rollback journal (a bulk load's, see
// SqliteConnection::SetBulkLoad) the page cache is cut to kIndexBuildCacheKiB for the build
// and set back after it, whether or not the build succeeds: SQLite's sorter writes a sorted run
// each time its keys fill the page cache's size, and with a bulk load's cache of hundreds of
// MiB the 1.5 M keys of an index of payments became one list sorted out of the CPU's caches.
// Runs of a few MiB sort in cache and merge in one streaming pass: the seven payments indexes
// of 400 000 households took 3.5 s instead of 5.5 s (bench/README.md).
Status BuildIndex(Connection& conn, const IndexDefinition& index);

// The page cache BuildIndex gives SQLite's sorter, in KiB.
inline constexpr int kIndexBuildCacheKiB = 4096;

}  // namespace sunlight::store
