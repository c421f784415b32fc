#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// Clues, transfers, cases (supervision/clues.h, transfers.h, cases.h, rule_d03.h), on top of
// the shared records of migration 6:
// - clue_case_numbers: the counters behind clue numbers (编号) and case numbers (案号), per
//   kind ('clue' | 'case'), handling org and year, so a number is never issued twice even
//   when two people register at once (the UPDATE takes the row's lock);
// - clues.approved_on: the date of the collective approval (集体研究) of the proposal;
// - transfers.sent_on and transfer_feedback.reported_on: calendar days (YYYY-MM-DD, the
//   server's local date), because rule D03 counts working days between days, and a day
//   derived from a TIMESTAMPTZ would depend on the session's time zone in PostgreSQL;
// - work_days: the working-day calendar as rows (day, working, wd_index = the number of
//   working days from the table's first day up to and including `day`), so that D03's
//   reference SQL can count working days: between a and b there are b.wd_index − a.wd_index.
//   Filled from data/calendar by rule_d03.h before the query runs; not a record of its own.
// - transfer_items by item: "is this clue carried by a transfer to my commission?" is the
//   receiver's way into a transferred record.
const std::string_view kMigration008CluesTransfers = R"sql(
CREATE TABLE clue_case_numbers (
  kind    TEXT NOT NULL,
  org_id  TEXT NOT NULL,
  year    INTEGER NOT NULL,
  last_no BIGINT NOT NULL,
  PRIMARY KEY (kind, org_id, year)
);
ALTER TABLE clues ADD COLUMN approved_on TEXT;
CREATE INDEX clues_state ON clues(state);
ALTER TABLE transfers ADD COLUMN sent_on TEXT;
CREATE INDEX transfers_state ON transfers(state);
ALTER TABLE transfer_feedback ADD COLUMN reported_on TEXT;
CREATE INDEX transfer_items_item ON transfer_items(item_type, item_id);
CREATE INDEX cases_state ON cases(state);
CREATE TABLE work_days (
  day      TEXT NOT NULL PRIMARY KEY,
  working  INTEGER NOT NULL,
  wd_index BIGINT NOT NULL
);
)sql";

}  // namespace sunlight::store
