// `sunlight scan`: run the warning rules (spec/rules.md) over a snapshot of the ledger, store
// the warnings (no second open warning per rule and subject), and write them as JSON lines in
// the contract's order (rule, subject_id).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "cli/terminal.h"
#include "core/date.h"
#include "rules/engine.h"
#include "rules/scan.h"
#include "rules/snapshot.h"

namespace sunlight::cli {
namespace {

struct ScanOptions {
  std::string db = kDefaultDbUrl;
  std::string as_of;
  std::string rules;
  std::string out;
};

int RunScan(const ScanOptions& opts, const GlobalOptions& global) {
  Date as_of = Date::Today();
  if (!opts.as_of.empty()) {
    StatusOr<Date> parsed = Date::Parse(opts.as_of);
    if (!parsed.ok()) return ReportFailure(parsed.status().WithPrefix("--as-of"));
    as_of = *parsed;
  }
  StatusOr<std::vector<const rules::Rule*>> selected = rules::SelectRules(opts.rules);
  if (!selected.ok()) return ReportFailure(selected.status());

  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  if (!conn.ok()) return ReportFailure(conn.status());

  const bool show_progress = StderrIsTerminal();
  const auto started = std::chrono::steady_clock::now();
  rules::ScanProgressFn progress;
  if (show_progress) {
    progress = [](const rules::Rule& rule, size_t found) {
      std::fprintf(stderr, "%.*s %.*s：%zu 条预警\n", static_cast<int>(rule.code.size()),
                   rule.code.data(), static_cast<int>(rule.name_zh.size()), rule.name_zh.data(),
                   found);
    };
  }
  StatusOr<rules::ScanResult> scan = rules::ScanAndStore(**conn, *selected, as_of, progress);
  if (!scan.ok()) return ReportFailure(scan.status());
  const std::vector<rules::Warning>& warnings = scan->warnings;
  const rules::StoreCounts* stored = &scan->stored;

  if (!opts.out.empty()) {
    std::ofstream out(opts.out, std::ios::binary | std::ios::trunc);
    for (const rules::Warning& w : warnings) out << rules::WarningJsonLine(w) << '\n';
    out.close();
    if (!out) {
      return ReportFailure(InternalError("无法写入 " + opts.out, "write_failed"));
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "扫描完成（基准日 " << as_of.ToString() << "）：" << warnings.size()
            << " 条预警，新增 " << stored->inserted << " 条，已有未结 " << stored->already_open
            << " 条，用时 " << seconds << " 秒\n";
  return kExitOk;
}

}  // namespace

void RegisterScanCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ScanOptions>();
  CLI::App* sub =
      app.add_subcommand("scan", "运行预警规则，保存预警并输出 JSON Lines (run the warning rules)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("--as-of", opts->as_of, "基准日期 YYYY-MM-DD（默认今天）");
  sub->add_option("--rules", opts->rules, "只运行这些规则，如 A01,B02（默认全部已实现的规则）");
  sub->add_option("--out", opts->out, "把预警写入该 .jsonl 文件");
  sub->footer("退出码：0 成功；2 参数有误（如未知或尚未实现的规则）；1 其他失败。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunScan(*opts, ctx.global); });
}

}  // namespace sunlight::cli
