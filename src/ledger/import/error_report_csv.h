// WriteErrorReportCsv: `sunlight import --report FILE` — the error list as CSV
// (file,row,column,code,message), UTF-8 with a BOM so that Excel on a Chinese Windows opens it
// as UTF-8 rather than GBK.
#pragma once

#include <filesystem>

#include "core/status.h"
#include "ledger/import/import_error.h"

namespace sunlight::ledger {

// Overwrites `path`. When the list was truncated, a last row says how many were left out.
Status WriteErrorReportCsv(const std::filesystem::path& path, const ErrorList& errors);

}  // namespace sunlight::ledger
