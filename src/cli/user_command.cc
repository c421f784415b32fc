// `sunlight user add`: create an account (spec/interfaces.md), audited as done from the
// command line by the operating-system user who ran it.
#include <unistd.h>

#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/audit_log.h"
#include "access/roles.h"
#include "access/totp.h"
#include "access/users.h"
#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "store/transaction.h"

namespace sunlight::cli {
namespace {

struct UserAddOptions {
  std::string db = kDefaultDbUrl;
  std::string login;
  std::string role;
  std::string org;
  std::string name;
  bool password_stdin = false;
  bool temporary = false;
  bool totp = false;
};

// Who ran the command, for the audit record ("cli:root").
std::string OperatingSystemUser() {
  const char* user = std::getenv("USER");
  if (user != nullptr && *user != '\0') return std::string("cli:") + user;
  return "cli:uid" + std::to_string(::getuid());
}

int RunUserAdd(const UserAddOptions& opts, const GlobalOptions& global) {
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    return ReportFailure(InvalidArgumentError("未能从标准输入读到密码", "missing_password"));
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  std::optional<access::Role> role = access::ParseRole(opts.role);
  if (!role) return ReportFailure(InvalidArgumentError("未知角色：" + opts.role, "unknown_role"));

  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  access::NewUser user;
  user.login = opts.login;
  user.display_name = opts.name;
  user.role = *role;
  user.org_id = opts.org;
  user.password = password;
  user.temporary = opts.temporary;
  if (opts.totp) user.totp_secret = access::NewTotpSecret();

  const std::string actor = OperatingSystemUser();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  if (!conn.ok()) return ReportFailure(conn.status());
  auto audit = [&](std::string_view outcome) {
    access::AuditEntry entry;
    entry.login = actor;
    entry.action = "user.add";
    entry.target = user.login;
    entry.outcome = std::string(outcome);
    entry.remote_address = "local";
    entry.details = nlohmann::json{
        {"role", opts.role},
        {"org_id", opts.org},
        {"temporary", opts.temporary},
        {"totp",
         opts.totp}}.dump();
    return access::AppendAudit(**conn, std::move(entry)).status();
  };
  Status created = [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, (*conn)->Begin());
    SUNLIGHT_RETURN_IF_ERROR(access::CreateUser(**conn, user).status());
    SUNLIGHT_RETURN_IF_ERROR(audit("ok"));
    return tx.Commit();
  }();
  if (!created.ok()) {
    if (Status s = audit(created.reason()); !s.ok()) return ReportFailure(s);
    return ReportFailure(created);
  }
  std::cout << "已新建用户 " << user.login << "（" << access::RoleName(user.role) << "，"
            << user.org_id << "）" << (user.temporary ? "，首次登录须修改密码" : "") << "\n";
  if (opts.totp) {
    std::cout << "动态口令密钥（请录入身份验证器，仅显示一次）：" << user.totp_secret << "\n"
              << "otpauth://totp/Sunlight:" << user.login << "?secret=" << user.totp_secret
              << "&issuer=Sunlight\n";
  }
  return kExitOk;
}

}  // namespace

void RegisterUserCommand(CLI::App& app, CommandContext& ctx) {
  CLI::App* user = app.add_subcommand("user", "用户管理 (manage user accounts)");
  user->require_subcommand(1);
  auto opts = std::make_shared<UserAddOptions>();
  CLI::App* add = user->add_subcommand("add", "新建用户 (add a user)");
  add->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  add->add_option("--login", opts->login, "登录名")->required();
  std::vector<std::string> roles;
  for (const access::RoleCapabilities& row : access::RoleTable()) roles.emplace_back(row.name);
  add->add_option("--role", opts->role, "角色")->required()->check(CLI::IsMember(roles));
  add->add_option("--org", opts->org, "所属单位编码（org_id）")->required();
  add->add_option("--name", opts->name, "显示名称（默认为登录名）");
  add->add_flag("--password-stdin", opts->password_stdin, "从标准输入读取密码（第一行）")
      ->required();
  add->add_flag("--temporary", opts->temporary, "临时密码：首次登录须修改");
  add->add_flag("--totp", opts->totp, "启用动态口令（TOTP）第二因素，并打印密钥");
  add->footer(
      "密码规则：至少 12 个字符，不含登录名，不在常见密码表中。管理员角色（sysadmin、"
      "secadmin、auditadmin）的单位可以不在台账中；其他角色的单位须已导入。");
  add->callback([&ctx, opts] { ctx.exit_code = RunUserAdd(*opts, ctx.global); });
}

}  // namespace sunlight::cli
