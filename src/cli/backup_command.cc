// `sunlight backup`: a consistent online copy of the database.
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"

namespace sunlight::cli {
namespace {

struct BackupOptions {
  std::string db = kDefaultDbUrl;
  std::string out;
};

int RunBackup(const BackupOptions& opts, const GlobalOptions& global) {
  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  if (Status s = (*db)->Backup(opts.out); !s.ok()) return ReportFailure(s);
  std::cout << "已备份到 " << opts.out << "\n";
  return kExitOk;
}

}  // namespace

void RegisterBackupCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<BackupOptions>();
  CLI::App* sub = app.add_subcommand(
      "backup", "在线备份数据库到一个新文件，备份期间服务照常 (back up the database)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("--out", opts->out, "备份文件（不得已存在）")->required();
  sub->callback([&ctx, opts] { ctx.exit_code = RunBackup(*opts, ctx.global); });
}

}  // namespace sunlight::cli
