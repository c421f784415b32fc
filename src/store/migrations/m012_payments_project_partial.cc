#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// payments_project holds only the payments that name a project. Most payments are household
// subsidies without one (at 400 000 generated households 756 of 1 519 039 name a project), so
// the full index was 1.5 M entries of NULL that no query reads, and one of the seven index
// builds of a first import. Every query that looks payments up by project says which one
// (project_id = ?, a join on it, or project_id IS NOT NULL), which implies NOT NULL: both
// engines use a partial index for those (tests/store/payments_indexes_test.cc).
const std::string_view kMigration012PaymentsProjectPartial = R"sql(
DROP INDEX payments_project;
CREATE INDEX payments_project ON payments(project_id) WHERE project_id IS NOT NULL;
)sql";

}  // namespace sunlight::store
