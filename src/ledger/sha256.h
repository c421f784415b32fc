// SHA-256 of a source file, recorded with each import batch (spec/interchange.md: "Each batch
// records its source files, their SHA-256, ...") so that the file imported can be proven later.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace sunlight::ledger {

// Lowercase hex SHA-256 of the file's bytes, read in chunks. Error reason "file_unreadable".
StatusOr<std::string> Sha256OfFile(const std::filesystem::path& path);

}  // namespace sunlight::ledger
