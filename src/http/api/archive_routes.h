// Integrity archives (廉政档案), one per dispatched cadre, seen by the home and the host
// commission's regions (前后方联动):
//
//   GET  /api/v1/archives?page=&page_size=&region=   rows with "key", the masked "id_number",
//        name, latest posting, last_updated, has_archive. ?format=xlsx: every visible row
//        as a workbook (masked alike; 413 above the export limit; audited "export.archives").
//   GET  /api/v1/archives/{id}                 {id} is the row's "key" or the full ID number.
//   POST /api/v1/archives/{id}/entries         adds a record (the archives duty).
//
// The key is an HMAC of the ID number under a key drawn at server start (archive_routes.cc):
// it opens the archive without the list showing the number, and a key from before a restart
// is 404 "archive_not_found".
#pragma once

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterArchiveRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
