#include "access/demo_accounts.h"

#include <nlohmann/json.hpp>

#include "access/audit_log.h"
#include "access/roles.h"
#include "access/scope.h"
#include "access/users.h"
#include "store/transaction.h"

namespace sunlight::access {

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> kAccounts = {
      {"admin", "系统管理员", Role::kSysadmin, "5205-JW",
       "系统管理员（管理用户，不能查看审计日志）"},
      {"secadmin", "安全管理员", Role::kSecadmin, "5205-JW", "安全管理员"},
      {"auditadmin", "审计管理员", Role::kAuditadmin, "5205-JW",
       "审计管理员（只读审计日志，不能管理用户）"},
      {"gz_jw", "广州市纪委监委监督员", Role::kSupervisor, "4401-JW",
       "广州市纪委监委（帮扶方；毕节市已共享其区域）"},
      {"bj_jw", "毕节市纪委监委监督员", Role::kSupervisor, "5205-JW", "毕节市纪委监委（受援方）"},
      {"dafang_ny", "大方县农业农村局项目负责人", Role::kProjectOwner, "520521-NY",
       "大方县农业农村局（县级项目单位）"},
      {"sj_auditor", "大方县审计局审计员", Role::kAuditor, "520521-SJ", "大方县审计局（审计）"},
  };
  return kAccounts;
}

StatusOr<int> EnsureDemoAccounts(store::Database& db, const Argon2Params& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  int created = 0;
  for (const DemoAccount& account : DemoAccounts()) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::optional<UserRecord> existing,
                              FindUserByLogin(*conn, account.login));
    if (existing) continue;
    NewUser user;
    user.login = std::string(account.login);
    user.display_name = std::string(account.display_name);
    user.role = account.role;
    user.org_id = std::string(account.org_id);
    user.password = std::string(kDemoPassword);
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn->Begin());
    SUNLIGHT_RETURN_IF_ERROR(CreateUser(*conn, user, params).status());
    AuditEntry entry;
    entry.login = "demo";
    entry.action = "user.add";
    entry.target = user.login;
    entry.outcome = "ok";
    entry.remote_address = "local";
    entry.details = nlohmann::json{{"role", RoleName(user.role)}, {"org_id", user.org_id}}.dump();
    SUNLIGHT_RETURN_IF_ERROR(AppendAudit(*conn, std::move(entry)).status());
    SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
    ++created;
  }
  SUNLIGHT_RETURN_IF_ERROR(AddShare(*conn, "5205-JW", "4401-JW", "5205", "demo"));
  return created;
}

}  // namespace sunlight::access
