// EstimateRows: about how many rows a table holds, cheaply, to size buffers before reading it
// in full (rules/snapshot.h). Engine-specific SQL, kept in the store like the rest of it.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::store {

// A hint, never a count: SQLite's largest rowid (one index read; more than the count after
// deletions), PostgreSQL's planner estimate (0 before the first ANALYZE or autovacuum).
// Capped at 2^27. REQUIRES: `table` is one of the schema's own table names (it is spliced
// into the statement, as a name cannot be a parameter).
[[nodiscard]] StatusOr<size_t> EstimateRows(Connection& conn, std::string_view table);

}  // namespace sunlight::store
