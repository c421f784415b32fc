// Letters (文书, spec/workflows.md "Letters"; docs/letters.md):
//   POST /api/v1/letters                 issue one (Duty::kLetters; the source in jurisdiction)
//   GET  /api/v1/letters                 the letters of the user's jurisdiction, paged
//   GET  /api/v1/letters/{id}            one letter, with its structured body
//   GET  /api/v1/letters/{id}/docx       the editable .docx (generated from the stored body)
//   GET  /api/v1/letters/{id}/pdf        the archived PDF
// Issue, reads and downloads are audited ("issue.letter", "read.letter", "download.letter").
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterLetterRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
