#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// The warning life cycle and rectification (supervision/warning_flow.h, tasks.h), on top of the
// shared records of migration 6:
// - rectification_tasks.assigned_on: the date a task was handed out (YYYY-MM-DD), from which
//   rule D02 counts a task's silence until its first progress report (last_report_on);
// - lists of problems and tasks are filtered by region, so both get an index on it;
// - a re-scan looks up the latest warning of a rule + subject with its evidence hash.
const std::string_view kMigration007WarningFlow = R"sql(
ALTER TABLE rectification_tasks ADD COLUMN assigned_on TEXT;
CREATE INDEX rectification_tasks_region ON rectification_tasks(region_code);
CREATE INDEX problems_warning ON problems(warning_id);
)sql";

}  // namespace sunlight::store
