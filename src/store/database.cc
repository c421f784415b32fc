// Database::Open: picks the engine from the URL, then migrates.
#include "store/database.h"

#include "store/migrations.h"
#include "store/postgres/pg_database.h"
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
    case Dialect::kPostgres: {
      SUNLIGHT_ASSIGN_OR_RETURN(db, postgres::PgDatabase::Open(parsed, options));
      break;
    }
  }
  if (options.apply_migrations) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<Connection> conn, db->Connect());
    // SQLite's write lock serialises concurrent openers; PostgreSQL needs a lock of its own.
    SUNLIGHT_RETURN_IF_ERROR(parsed.dialect == Dialect::kPostgres
                                 ? postgres::ApplyMigrationsExclusively(*conn)
                                 : ApplyMigrations(*conn));
  }
  return db;
}

}  // namespace sunlight::store
