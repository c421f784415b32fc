// `sunlight verify-audit`: check the hash chain of the audit log (access/audit_log.h).
// Exit 0 with "OK" and the count; exit 1 naming the first broken record.
#include <iostream>
#include <memory>
#include <string>

#include "access/audit_log.h"
#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"

namespace sunlight::cli {
namespace {

int RunVerifyAudit(const std::string& url, const GlobalOptions& global) {
  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(url, global);
  if (!db.ok()) return ReportFailure(db.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  if (!conn.ok()) return ReportFailure(conn.status());
  StatusOr<access::AuditVerification> result = access::VerifyAuditLog(**conn);
  if (!result.ok()) return ReportFailure(result.status());
  if (result->ok()) {
    std::cout << "OK " << result->count << " 条审计记录，哈希链完整 (audit chain intact)\n";
    return kExitOk;
  }
  std::cout << "BROKEN 第一条损坏的审计记录：" << *result->first_broken << "（" << result->problem
            << "）\n";
  std::cerr << "错误：审计日志被篡改：记录 " << *result->first_broken << " [audit_chain_broken]\n";
  return kExitFailure;
}

}  // namespace

void RegisterVerifyAuditCommand(CLI::App& app, CommandContext& ctx) {
  auto db = std::make_shared<std::string>(kDefaultDbUrl);
  CLI::App* sub = app.add_subcommand(
      "verify-audit", "校验审计日志的哈希链，指出第一条被篡改的记录 (verify the audit log)");
  sub->add_option("--db", *db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->footer("完整时输出 OK 与记录数并以 0 退出；发现被修改或删除的记录时指出其编号并以 1 退出。");
  sub->callback([&ctx, db] { ctx.exit_code = RunVerifyAudit(*db, ctx.global); });
}

}  // namespace sunlight::cli
