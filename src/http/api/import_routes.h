// POST /api/v1/imports: a ledger dataset uploaded over HTTP (an .xlsx workbook, or a zip of
// CSV files), imported exactly as `sunlight import` does (docs/api.md "Import batches").
// The batches themselves are listed by the ledger routes (GET /api/v1/imports[/{id}]).
#pragma once

#include <cstddef>

#include "http/api/api_context.h"
#include "http/router.h"

namespace sunlight::http {

// The largest upload accepted (413 "body_too_large" above it, before a byte is read).
inline constexpr size_t kMaxUploadBytes = size_t{200} << 20;

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterImportRoutes(Router& router, const ApiContext& ctx);

}  // namespace sunlight::http
