// Migrations: the schema's history, applied in order when a database opens.
//
// Each migration is portable SQL (dialect.h) with {{TOKENS}} for what the
// engines spell differently. Adding a table is adding one entry at the end of
// the list in migrations.cc; never edit an entry that has shipped.
//
// The table schema_migrations(version, name, applied_at) records what was
// applied. Each migration runs in its own transaction, so a failure leaves the
// database at the previous version. A database whose version is newer than
// the newest migration this binary knows is refused (FailedPrecondition,
// reason "schema_too_new"): an old binary must not write to a newer schema.
#pragma once

#include <span>
#include <string_view>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::store {

struct Migration {
  int version;            // 1, 2, 3, … without gaps
  std::string_view name;  // short English slug, e.g. "regions_and_meta"
  std::string_view sql;   // one or more statements, `;`-separated
};

// The list, oldest first.
std::span<const Migration> Migrations();

// The version after all of Migrations().
int LatestSchemaVersion();

// The highest version recorded in the database, 0 for a database without
// schema_migrations (a new one).
StatusOr<int> SchemaVersion(Connection& conn);

// Brings the database up to the last of `migrations` (default: the real list).
// REQUIRES: not inside a transaction on `conn`.
Status ApplyMigrations(Connection& conn, std::span<const Migration> migrations = Migrations());

}  // namespace sunlight::store
