#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// Not yet written: a statement that changes nothing (schema_migrations exists by now), so that
// the version sequence has no gap while this migration is in progress.
const std::string_view kMigration011PublicSide = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at {{TIMESTAMP}} NOT NULL
);
)sql";

}  // namespace sunlight::store
