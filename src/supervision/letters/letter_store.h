// Issuing, reading and listing letters (table letters, migration 9). Issuing composes the
// letter from the records, takes its number, stores it, renders and archives its PDF as an
// attachment (owner_type 'letter') and records the workflow event ('letter', id, "" →
// "issued"), all in ONE write transaction: a letter either exists with its number, PDF and
// event, or not at all.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/letters/letter.h"
#include "supervision/letters/letter_compose.h"

namespace sunlight::supervision::letters {

// Errors: those of ComposeLetter and NextLetterNumber. A transfer letter whose transfer
// carries a 移送函文号 already used by a stored letter of the same transfer returns that
// letter (re-issuing is idempotent, like re-sending the transfer).
// REQUIRES: `conn` is not inside a transaction.
StatusOr<LetterRecord> IssueLetter(store::Connection& conn, const LetterRequest& request,
                                   const Actor& actor);

// NotFound (reason "letter_not_found").
StatusOr<LetterRecord> GetLetter(store::Connection& conn, std::int64_t id);

struct LetterFilter {
  // Region-code prefixes the caller may see (a letter matches when its region_code starts with
  // one); empty = every region.
  std::vector<std::string> region_prefixes;
  std::string kind;            // "" = all kinds
  std::int64_t source_id = 0;  // 0 = any
  std::string source_type;     // with source_id
  int limit = 50;
  int offset = 0;
};

struct LetterPage {
  std::vector<LetterRecord> letters;  // newest first
  std::int64_t total = 0;
};

StatusOr<LetterPage> ListLetters(store::Connection& conn, const LetterFilter& filter);

// The archived PDF's bytes. NotFound (reason "letter_pdf_missing") if the attachment is gone.
StatusOr<std::string> LetterPdf(store::Connection& conn, const LetterRecord& letter);

// The .docx, generated from the stored letter (so an edit of the template shows in old
// letters too; the text itself is the stored body).
StatusOr<std::string> LetterDocx(const LetterRecord& letter);

}  // namespace sunlight::supervision::letters
