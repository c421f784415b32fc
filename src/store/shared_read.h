// BeginSharedRead: read transactions on two connections that see the same committed state, so
// that two threads can each read part of one consistent snapshot (rules/snapshot.h loads
// payments on a second connection while the first reads the other tables).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> helper, db.Connect());
//   SUNLIGHT_ASSIGN_OR_RETURN(SharedRead read, BeginSharedRead(db, conn, *helper));
//   ... read on both, one thread each ...
//   read.first.Rollback(); read.second.Rollback();   // or let them go out of scope
#pragma once

#include "core/status.h"
#include "store/connection.h"
#include "store/database.h"
#include "store/transaction.h"

namespace sunlight::store {

struct SharedRead {
  Transaction first;
  Transaction second;
};

// REQUIRES: neither connection is in a transaction; both belong to `db`.
// SQLite (WAL): a third connection holds the write lock (BEGIN IMMEDIATE) while both reads
// take their snapshot, so no commit can fall between them; writers wait for those few
// milliseconds under their busy timeout, never for the reads themselves.
// PostgreSQL: both are REPEATABLE READ, and `second` adopts `first`'s exported snapshot.
[[nodiscard]] StatusOr<SharedRead> BeginSharedRead(Database& db, Connection& first,
                                                   Connection& second);

}  // namespace sunlight::store
