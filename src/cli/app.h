// Entry point of the `sunlight` command line: parses the subcommand and runs it.
#pragma once

namespace sunlight::cli {

// Exit codes (interfaces.md): 0 success, 1 failure, 2 rejected input or usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitRejected = 2;

int Main(int argc, char** argv);

}  // namespace sunlight::cli
