#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// The public side (spec/workflows.md "Public side", docs/public.md).
//
// public_reports: 信访举报 sent by the public without login. The query code the reporter gets
// is never stored: only code_locator (its first 4 characters, so that a lookup needs no scan)
// and code_hash = SHA-256(salt || code) with a random per-record salt. informant_* are NULL
// for an anonymous report and readable only by the intake role (every view audited).
// state: received|accepted|rejected|clue|concluded|replied. repeat_of: the earliest report
// this one repeats (same region and reported person, or similar text), NULL for a first one.
//
// public_cases: 曝光台, typical cases a commission publishes; only what the commission writes.
const std::string_view kMigration011PublicSide = R"sql(
CREATE TABLE public_reports (
  id                {{ID}},
  code_locator      TEXT NOT NULL,
  code_salt         TEXT NOT NULL,
  code_hash         TEXT NOT NULL,
  region_code       TEXT NOT NULL,
  reported_name     TEXT NOT NULL,
  reported_org      TEXT NOT NULL,
  content           TEXT NOT NULL,
  anonymous         INTEGER NOT NULL,
  informant_name    TEXT,
  informant_id_number TEXT,
  informant_contact TEXT,
  state             TEXT NOT NULL,
  received_on       TEXT NOT NULL,
  acceptance_due    TEXT NOT NULL,
  accepted_on       TEXT,
  concluded_on      TEXT,
  result_due        TEXT,
  reply             TEXT,
  replied_on        TEXT,
  clue_id           BIGINT,
  repeat_of         BIGINT,
  handled_by        TEXT,
  created_at        {{TIMESTAMP}} NOT NULL,
  updated_at        {{TIMESTAMP}} NOT NULL
);
CREATE INDEX public_reports_locator ON public_reports(code_locator);
CREATE INDEX public_reports_region ON public_reports(region_code);
CREATE INDEX public_reports_repeat ON public_reports(repeat_of);

CREATE TABLE public_cases (
  id           {{ID}},
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  region_code  TEXT NOT NULL,
  case_date    TEXT NOT NULL,
  outcome      TEXT NOT NULL,
  published    INTEGER NOT NULL,
  org_id       TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   {{TIMESTAMP}} NOT NULL,
  updated_at   {{TIMESTAMP}} NOT NULL
);
CREATE INDEX public_cases_region ON public_cases(region_code);
)sql";

}  // namespace sunlight::store
