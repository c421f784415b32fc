// Maps PostgreSQL errors (SQLSTATE) to Sunlight statuses, as sqlite_errors.h
// does for SQLite: the same codes and reasons for the same situations.
//
// Messages name the table, column or constraint (from the error's fields),
// never a value: the server's DETAIL and CONTEXT fields quote rows and are
// never used, and the primary message is left out for data exceptions
// (class 22), whose text may quote the bad input.
#pragma once

#include <string_view>

#include <libpq-fe.h>

#include "core/status.h"

namespace sunlight::store::postgres {

// The status for a failed result (`result` may be null: then the
// connection's message is used). `sql` is the statement, or empty.
Status PgError(const PGresult* result, const PGconn* conn, std::string_view sql);

// A connection attempt that failed (no SQLSTATE is available).
Status PgConnectError(const PGconn* conn);

}  // namespace sunlight::store::postgres
