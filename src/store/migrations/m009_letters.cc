#include "store/migrations/migration_texts.h"

namespace sunlight::store {

// Letters (文书, spec/workflows.md "Letters"): the numbered official letters generated from the
// supervision records. The PDF of each letter is archived in attachments (owner_type
// 'letter'); the .docx is generated again from the stored body when asked for, so that the
// stored JSON is the single source of the letter's text.
const std::string_view kMigration009Letters = R"sql(
-- The 发文字号 prefix per issuing org (穗纪协 in 穗纪协〔2020〕12号). An org without a row gets
-- a default derived from its region and kind (supervision/letters/letter_numbering.h).
CREATE TABLE letter_prefixes (
  org_id     TEXT NOT NULL PRIMARY KEY,
  prefix     TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at {{TIMESTAMP}} NOT NULL
);

-- The last sequence number used per issuing org and year. Incremented by one upsert inside
-- the transaction that stores the letter, so two letters never share a number; a rolled-back
-- transaction gives its number back (no gaps unless a commit fails half-way on the server).
CREATE TABLE letter_sequences (
  org_id   TEXT NOT NULL,
  year     INTEGER NOT NULL,
  last_seq BIGINT NOT NULL,
  PRIMARY KEY (org_id, year)
);

-- kind: supervision_notice | rectification_order | transfer_letter | feedback_letter.
-- source_type/source_id: the record the letter was made from ('problem' or 'transfer');
-- body: JSON text {"paragraphs": [...], "items": [...], ...} (docs/letters.md).
CREATE TABLE letters (
  id               {{ID}},
  kind             TEXT NOT NULL,
  number           TEXT NOT NULL UNIQUE,
  year             INTEGER NOT NULL,
  seq              BIGINT NOT NULL,
  issuing_org_id   TEXT NOT NULL,
  issuer_name      TEXT NOT NULL,
  recipient_org_id TEXT NOT NULL,
  recipient_name   TEXT NOT NULL,
  region_code      TEXT NOT NULL,
  source_type      TEXT NOT NULL,
  source_id        BIGINT NOT NULL,
  title            TEXT NOT NULL,
  body             TEXT NOT NULL,
  issued_on        TEXT NOT NULL,
  created_by       TEXT NOT NULL,
  created_at       {{TIMESTAMP}} NOT NULL
);
CREATE INDEX letters_issuer ON letters(issuing_org_id, year);
CREATE INDEX letters_source ON letters(source_type, source_id);
CREATE INDEX letters_region ON letters(region_code);
)sql";

}  // namespace sunlight::store
