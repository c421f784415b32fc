#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// Inspections (监督检查 / 巡察) with their members, targets and the planner's assignment, and the
// entries of dispatched cadres' integrity archives (廉政档案). spec/workflows.md "Inspection",
// "Integrity archive". Findings are rows of problems (m006) with inspection_id set.
const std::string_view kMigration010Inspections = R"sql(
-- kind: routine|special|joint|tour|cross. state: planned|in_progress|completed|cancelled.
-- Dates a person enters (period) are TEXT 'YYYY-MM-DD'.
CREATE TABLE inspections (
  id           {{ID}},
  kind         TEXT NOT NULL,
  title        TEXT NOT NULL,
  org_id       TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  period_from  TEXT NOT NULL,
  period_to    TEXT NOT NULL,
  team_size    INTEGER NOT NULL DEFAULT 1,
  state        TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL,
  updated_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX inspections_region ON inspections(region_code);

-- Members are persons identified by ID number (ties are looked up by it in officials, members
-- and kinship); login is set when the member is also a user of the system.
CREATE TABLE inspection_members (
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  seq           INTEGER NOT NULL,
  id_number     TEXT NOT NULL,
  name          TEXT NOT NULL,
  org_id        TEXT NOT NULL,
  login         TEXT,
  PRIMARY KEY (inspection_id, seq)
);

-- target_type: project|village|org; target_ref the ledger key (project_id, village code, org_id).
CREATE TABLE inspection_targets (
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  seq           INTEGER NOT NULL,
  target_type   TEXT NOT NULL,
  target_ref    TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  label         TEXT NOT NULL,
  PRIMARY KEY (inspection_id, seq)
);

-- The accepted plan: which member goes to which target.
CREATE TABLE inspection_assignments (
  inspection_id BIGINT NOT NULL REFERENCES inspections(id),
  target_seq    INTEGER NOT NULL,
  member_seq    INTEGER NOT NULL,
  PRIMARY KEY (inspection_id, target_seq, member_seq)
);

-- Entries of an integrity archive (一人一档), keyed by the cadre's ID number like the ledger's
-- integrity_archives; kind: posting|declaration|talk|evaluation|other. Talks, clues and warnings
-- recorded elsewhere are read from their own tables, not copied here.
CREATE TABLE integrity_archive_entries (
  id          {{ID}},
  id_number   TEXT NOT NULL,
  kind        TEXT NOT NULL,
  entry_on    TEXT NOT NULL,
  title       TEXT NOT NULL,
  content     TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  {{TIMESTAMP}} NOT NULL
);
CREATE INDEX integrity_archive_entries_person ON integrity_archive_entries(id_number);
)sql";

}  // namespace sunlight::store
