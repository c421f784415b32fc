#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// The records of spec/workflows.md that several parts of supervision/ share: the event log of
// every transition, attachments, money recovered, the warning life cycle's columns, problems
// and their rectification tasks, clues, transfers, cases and outcomes. Record ids are {{ID}}
// integers (the API's {id}); human numbers (clue 编号, case 案号, letter 文号) are separate
// columns. Dates a person enters are TEXT 'YYYY-MM-DD'; instants are {{TIMESTAMP}}.
const std::string_view kMigration006Supervision = R"sql(
-- Every transition of every workflow record: who, when, from which state to which, why.
-- Append-only like the audit log; details is JSON text.
CREATE TABLE workflow_events (
  id          {{ID}},
  entity      TEXT NOT NULL,
  entity_id   BIGINT NOT NULL,
  from_state  TEXT NOT NULL,
  to_state    TEXT NOT NULL,
  actor_login TEXT NOT NULL,
  actor_org   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  details     TEXT NOT NULL,
  occurred_at {{TIMESTAMP}} NOT NULL
);
CREATE INDEX workflow_events_entity ON workflow_events(entity, entity_id);
{{APPEND_ONLY(workflow_events)}};

-- Files attached to a record (task evidence, public report attachments, letters' archived
-- PDF). owner is ('task_report', id), ('public_report', id), ('letter', id), …
CREATE TABLE attachments (
  id           {{ID}},
  owner_type   TEXT NOT NULL,
  owner_id     BIGINT NOT NULL,
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes   BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  content      {{BLOB}} NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner_type, owner_id);

-- Money recovered (清退 refund / 追缴 recovery), against the record it came from.
CREATE TABLE recoveries (
  id          {{ID}},
  source_type TEXT NOT NULL,
  source_id   BIGINT NOT NULL,
  kind        TEXT NOT NULL,
  amount_fen  BIGINT NOT NULL,
  recovered_on TEXT NOT NULL,
  note        TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  {{TIMESTAMP}} NOT NULL
);
CREATE INDEX recoveries_source ON recoveries(source_type, source_id);

-- The warning life cycle (workflows.md "Warning"): the org asked to explain and by when, the
-- explanation, the outcome's reason and links, escalation level (0 none, 1 org leader,
-- 2 supervising department, 3 commission), and the evidence's hash so that a dismissed
-- warning reopens only when its evidence changed.
ALTER TABLE warnings ADD COLUMN responsible_org_id TEXT;
ALTER TABLE warnings ADD COLUMN explanation_due TEXT;
ALTER TABLE warnings ADD COLUMN explanation TEXT;
ALTER TABLE warnings ADD COLUMN outcome_reason TEXT;
ALTER TABLE warnings ADD COLUMN correcting_batch_id BIGINT;
ALTER TABLE warnings ADD COLUMN problem_id BIGINT;
ALTER TABLE warnings ADD COLUMN clue_id BIGINT;
ALTER TABLE warnings ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
ALTER TABLE warnings ADD COLUMN evidence_hash TEXT;
ALTER TABLE warnings ADD COLUMN updated_at {{TIMESTAMP}};
CREATE INDEX warnings_state ON warnings(state);

-- Problems (问题清单). source: inspection|tour|audit|warning|petition|transfer|other;
-- category: fund_management 资金管理 | project_construction 项目建设 | work_implementation 工作落实.
-- state: open (tasks outstanding) | closed (every task closed) | reopened (a revisit).
CREATE TABLE problems (
  id                 {{ID}},
  source             TEXT NOT NULL,
  category           TEXT NOT NULL,
  behaviour          TEXT NOT NULL,
  title              TEXT NOT NULL,
  description        TEXT NOT NULL,
  region_code        TEXT NOT NULL,
  responsible_org_id TEXT NOT NULL,
  owner_org_id       TEXT NOT NULL,
  warning_id         BIGINT,
  clue_id            BIGINT,
  transfer_id        BIGINT,
  inspection_id      BIGINT,
  state              TEXT NOT NULL,
  amount_fen         BIGINT NOT NULL DEFAULT 0,
  created_by         TEXT NOT NULL,
  created_at         {{TIMESTAMP}} NOT NULL,
  updated_at         {{TIMESTAMP}} NOT NULL
);
CREATE INDEX problems_region ON problems(region_code);
CREATE INDEX problems_state ON problems(state);

-- Links from a problem to its evidence: ('warning', id), ('payment', payment_id), …
CREATE TABLE problem_evidence (
  problem_id BIGINT NOT NULL,
  kind       TEXT NOT NULL,
  ref        TEXT NOT NULL,
  note       TEXT NOT NULL,
  PRIMARY KEY (problem_id, kind, ref)
);

-- Rectification tasks (任务清单 + 责任清单). cadence: daily|weekly|monthly. state:
-- assigned|claimed|in_progress|submitted|closed|reopened (spec/workflows.md).
-- last_report_on: the date of the latest progress report (rule D02).
CREATE TABLE rectification_tasks (
  id                 {{ID}},
  problem_id         BIGINT NOT NULL REFERENCES problems(id),
  description        TEXT NOT NULL,
  measures           TEXT NOT NULL,
  deadline           TEXT NOT NULL,
  responsible_org_id TEXT NOT NULL,
  responsible_login  TEXT NOT NULL,
  cadence            TEXT NOT NULL,
  state              TEXT NOT NULL,
  region_code        TEXT NOT NULL,
  last_report_on     TEXT,
  closed_by          TEXT,
  closed_at          {{TIMESTAMP}},
  created_by         TEXT NOT NULL,
  created_at         {{TIMESTAMP}} NOT NULL,
  updated_at         {{TIMESTAMP}} NOT NULL
);
CREATE INDEX rectification_tasks_problem ON rectification_tasks(problem_id);
CREATE INDEX rectification_tasks_state ON rectification_tasks(state);

-- Progress reports, submissions, rejections and revisits of a task (kind says which).
CREATE TABLE task_reports (
  id           {{ID}},
  task_id      BIGINT NOT NULL REFERENCES rectification_tasks(id),
  kind         TEXT NOT NULL,
  report_on    TEXT NOT NULL,
  text         TEXT NOT NULL,
  author_login TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task_id);

-- Clues (问题线索). channel: petition|tour|audit|inspection|warning|transfer|other.
-- state: registered|proposed|disposing|concluded|case|transferred. disposal:
-- talk_inquiry|preliminary_verification|held|closed_out. Informant fields are read only by
-- the intake role, every read audited (access/).
CREATE TABLE clues (
  id                     {{ID}},
  number                 TEXT NOT NULL UNIQUE,
  channel                TEXT NOT NULL,
  summary                TEXT NOT NULL,
  received_on            TEXT NOT NULL,
  handling_org_id        TEXT NOT NULL,
  region_code            TEXT NOT NULL,
  state                  TEXT NOT NULL,
  proposal               TEXT,
  approval               TEXT,
  disposal               TEXT,
  result                 TEXT,
  warning_id             BIGINT,
  problem_id             BIGINT,
  case_id                BIGINT,
  informant_confidential INTEGER NOT NULL DEFAULT 1,
  informant_name         TEXT,
  informant_contact      TEXT,
  created_by             TEXT NOT NULL,
  created_at             {{TIMESTAMP}} NOT NULL,
  updated_at             {{TIMESTAMP}} NOT NULL
);
CREATE INDEX clues_region ON clues(region_code);
CREATE INDEX clues_org ON clues(handling_org_id);

-- The persons a clue reports (被反映人); authority is the cadre management level (管理权限).
CREATE TABLE clue_persons (
  clue_id   BIGINT NOT NULL REFERENCES clues(id),
  seq       INTEGER NOT NULL,
  name      TEXT NOT NULL,
  id_number TEXT,
  org_name  TEXT NOT NULL,
  position  TEXT NOT NULL,
  authority TEXT NOT NULL,
  PRIMARY KEY (clue_id, seq)
);

-- Transfers between commissions (移送). state: sent|acknowledged|in_progress|concluded|returned.
-- request_key makes sending idempotent: a retried request finds the transfer it made.
-- batch_quarter '2026Q3' when part of a quarterly batch (每季度汇总移送).
CREATE TABLE transfers (
  id              {{ID}},
  letter_no       TEXT NOT NULL,
  from_org_id     TEXT NOT NULL,
  to_org_id       TEXT NOT NULL,
  from_region     TEXT NOT NULL,
  to_region       TEXT NOT NULL,
  state           TEXT NOT NULL,
  feedback_due    TEXT NOT NULL,
  batch_quarter   TEXT,
  note            TEXT NOT NULL,
  result          TEXT,
  return_reason   TEXT,
  request_key     TEXT NOT NULL UNIQUE,
  sent_at         {{TIMESTAMP}} NOT NULL,
  acknowledged_at {{TIMESTAMP}},
  concluded_at    {{TIMESTAMP}},
  created_by      TEXT NOT NULL
);
CREATE INDEX transfers_from ON transfers(from_org_id);
CREATE INDEX transfers_to ON transfers(to_org_id);

-- What a transfer carries: ('clue', id) or ('problem', id).
CREATE TABLE transfer_items (
  transfer_id BIGINT NOT NULL REFERENCES transfers(id),
  item_type   TEXT NOT NULL,
  item_id     BIGINT NOT NULL,
  PRIMARY KEY (transfer_id, item_type, item_id)
);

-- Feedback entries (反馈办理进展) by the receiving commission.
CREATE TABLE transfer_feedback (
  id           {{ID}},
  transfer_id  BIGINT NOT NULL REFERENCES transfers(id),
  text         TEXT NOT NULL,
  author_login TEXT NOT NULL,
  author_org   TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX transfer_feedback_transfer ON transfer_feedback(transfer_id);

-- Cases (案件). state: filed|investigating|trial|decided|appeal.
CREATE TABLE cases (
  id          {{ID}},
  number      TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL,
  clue_id     BIGINT,
  org_id      TEXT NOT NULL,
  region_code TEXT NOT NULL,
  state       TEXT NOT NULL,
  filed_on    TEXT NOT NULL,
  decided_on  TEXT,
  created_by  TEXT NOT NULL,
  created_at  {{TIMESTAMP}} NOT NULL,
  updated_at  {{TIMESTAMP}} NOT NULL
);
CREATE INDEX cases_region ON cases(region_code);

-- Outcomes per person (处分/处理), inside a case or not (诫勉, 谈话提醒 outside cases: case_id
-- NULL). category: party|government|organisational|judicial; measure the Chinese term
-- (警告 …); form 1–4 (四种形态), derived from category+measure by supervision/.
CREATE TABLE case_outcomes (
  id            {{ID}},
  case_id       BIGINT,
  person_name   TEXT NOT NULL,
  id_number     TEXT,
  org_id        TEXT NOT NULL,
  region_code   TEXT NOT NULL,
  category      TEXT NOT NULL,
  measure       TEXT NOT NULL,
  form          INTEGER NOT NULL,
  decided_on    TEXT NOT NULL,
  deciding_body TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    {{TIMESTAMP}} NOT NULL
);
CREATE INDEX case_outcomes_case ON case_outcomes(case_id);
CREATE INDEX case_outcomes_region ON case_outcomes(region_code);
)sql";

}  // namespace sunlight::store
