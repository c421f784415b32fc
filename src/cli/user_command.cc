// `sunlight user add`: create an account (spec/interfaces.md).
#include <string>

#include "cli/command.h"
#include "cli/not_yet_available.h"

namespace sunlight::cli {
namespace {

struct UserAddOptions {
  std::string db = kDefaultDbUrl;
  std::string login;
  std::string role;
  std::string org;
  bool password_stdin = false;
  bool temporary = false;
};

}  // namespace

void RegisterUserCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* user = app.add_subcommand("user", "用户管理 (manage user accounts)");
  user->require_subcommand(1);
  auto opts = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand("add", "新建用户 (add a user)");
  add->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  add->add_option("--login", opts->login, "登录名")->required();
  add->add_option("--role", opts->role, "角色")
      ->required()
      ->check(CLI::IsMember({"sysadmin", "secadmin", "auditadmin", "supervisor", "case_handler",
                             "intake", "project_owner", "finance", "auditor", "tour_member",
                             "dispatched_cadre"}));
  add->add_option("--org", opts->org, "所属单位编码（org_id）")->required();
  add->add_flag("--password-stdin", opts->password_stdin, "从标准输入读取密码")->required();
  add->add_flag("--temporary", opts->temporary, "临时密码：首次登录须修改");
  add->callback([&ctx, opts] { ctx.exit_code = NotYetAvailable("user add", "用户管理"); });
}

}  // namespace sunlight::cli
