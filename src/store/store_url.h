// StoreUrl: what `--db` names, parsed.
//
//   data/sunlight.db, /abs/path.db   a SQLite file
//   sqlite:PATH                      the same, explicitly
//   :memory:, sqlite::memory:        a private in-memory SQLite database (tests)
//   postgresql://…, postgres://…     PostgreSQL (libpq's URL form: user, password, host, port,
//                                    database, ?sslmode=… and other parameters)
//
// Any other `scheme://` is refused rather than taken for a file name.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"
#include "store/dialect.h"

namespace sunlight::store {

struct StoreUrl {
  Dialect dialect = Dialect::kSqlite;
  bool in_memory = false;         // SQLite only
  std::filesystem::path path;     // SQLite file; empty when in_memory
  std::string connection_string;  // PostgreSQL: the URL as given (may hold a password)
};

StatusOr<StoreUrl> ParseStoreUrl(std::string_view url);

}  // namespace sunlight::store
