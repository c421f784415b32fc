// CachedDirectory: a directory built once per build of a test binary and reused by its later
// processes.
//
// ctest runs every test as its own process. The API tests start from the demo world (generate
// 300 households, import, scan, create the demo accounts), which took most of each test's
// seconds when every process built it again; on PostgreSQL it costs more still. The cache key
// is the running executable (its path, size and modification time): a rebuilt binary builds
// afresh, and the entries of its earlier builds are removed then. Building happens under a file
// lock, into a scratch name renamed into place when complete, so concurrent processes wait for
// one builder and never see half a directory.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(std::filesystem::path dir,
//                             CachedDirectory("api-sqlite", [](const auto& into) {
//                               return BuildWorld(into);   // writes files under `into`
//                             }));
//
// The directory must be treated as read-only by its users (copy what you change).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "core/status.h"

namespace sunlight::testing {

StatusOr<std::filesystem::path> CachedDirectory(
    std::string_view name, const std::function<Status(const std::filesystem::path&)>& build);

}  // namespace sunlight::testing
