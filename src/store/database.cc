// Database::Open: picks the engine from the URL, then migrates.
#include "store/database.h"

#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "store/store_url.h"

namespace sunlight::store {

StatusOr<std::unique_ptr<Database>> Database::Open(std::string_view url,
                                                   const OpenOptions& options) {
  SUNLIGHT_ASSIGN_OR_RETURN(StoreUrl parsed, ParseStoreUrl(url));
  std::unique_ptr<Database> db;
  switch (parsed.dialect) {
    case Dialect::kSqlite: {
      SUNLIGHT_ASSIGN_OR_RETURN(db, sqlite::SqliteDatabase::Open(parsed, options));
      break;
    }
    case Dialect::kPostgres:
      return UnimplementedError("PostgreSQL 引擎尚未提供", "postgres_not_available");
  }
  if (options.apply_migrations) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, db->Connect());
    SUNLIGHT_RETURN_IF_ERROR(ApplyMigrations(*conn));
  }
  return db;
}

}  // namespace sunlight::store
