// Maps SQLite result codes to Sunlight statuses.
//
// Constraint failures become the codes callers act on (a duplicate key is
// AlreadyExists, a broken reference FailedPrecondition); contention becomes
// Unavailable or Aborted (worth a retry); the rest is Internal. Messages name
// the table and columns involved, never a bound value: values may be personal
// data, and SQLite's own messages do not contain them either.
#pragma once

#include <string_view>

#include <sqlite3.h>

#include "core/status.h"

namespace sunlight::store::sqlite {

// `db` may be null (then SQLite's message is not consulted); `sql` is the
// statement that failed, or empty.
Status SqliteError(int rc, sqlite3* db, std::string_view sql);

}  // namespace sunlight::store::sqlite
