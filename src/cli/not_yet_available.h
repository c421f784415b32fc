// For subcommands whose work arrives in a later release: they are present with their full
// --help (so scripts and operators can rely on the interface), and say plainly that they
// cannot run yet.
#pragma once

#include <string_view>

namespace sunlight::cli {

// Prints "「sunlight NAME」尚未提供…" on stderr and returns exit code 1.
int NotYetAvailable(std::string_view name, std::string_view what);

}  // namespace sunlight::cli
