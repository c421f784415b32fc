// `sunlight verify-audit`: check the hash chain of the audit log.
#include <string>

#include "cli/command.h"
#include "cli/not_yet_available.h"

namespace sunlight::cli {

void RegisterVerifyAuditCommand(CLI::App& app, CommandContext& ctx) {
  auto db = std::make_shared<std::string>(kDefaultDbUrl);
  CLI::App* sub = app.add_subcommand(
      "verify-audit", "校验审计日志的哈希链，指出第一条被篡改的记录 (verify the audit log)");
  sub->add_option("--db", *db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->callback([&ctx, db] { ctx.exit_code = NotYetAvailable("verify-audit", "审计日志校验"); });
}

}  // namespace sunlight::cli
