// `sunlight scan`: run the warning rules (spec/rules.md) over a snapshot of the ledger (or as
// reference SQL inside the store with --engine sql), with parameters from --config, store the
// warnings (no second open warning per rule and subject), and write them as JSON lines in the
// contract's order (rule, subject_id). After the ledger rules come the workflow rules over the
// supervision records (supervision/workflow_rules.h: D02), and unexplained warnings past their
// due date are escalated (supervision/escalation.h). --timings prints per-rule times on stderr, one
// line each, for people and for bench/scan_bench, which parses them:
//   [计时] 快照 <ms> ms <bytes> 字节
//   [计时] <code> <ms> ms <warnings> 条
//   [计时] 保存 <ms> ms
//   [计时] 合计 <ms> ms
#include <algorithm>
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
#include "supervision/escalation.h"
#include "supervision/work_calendar.h"
#include "supervision/workflow_rules.h"

namespace sunlight::cli {
namespace {

struct ScanOptions {
  std::string db = kDefaultDbUrl;
  std::string as_of;
  std::string rules;
  std::string out;
  std::string config;
  std::string engine = "kernel";
  bool timings = false;
  int threads = 2;
};

void PrintTimings(const rules::ScanResult& scan, double total_seconds) {
  if (scan.snapshot_bytes > 0 || scan.snapshot_seconds > 0) {
    std::fprintf(stderr, "[计时] 快照 %.3f ms %zu 字节\n", scan.snapshot_seconds * 1e3,
                 scan.snapshot_bytes);
  }
  for (const rules::RuleTiming& timing : scan.rules) {
    std::fprintf(stderr, "[计时] %.*s %.3f ms %zu 条\n", static_cast<int>(timing.rule->code.size()),
                 timing.rule->code.data(), timing.seconds * 1e3, timing.found);
  }
  std::fprintf(stderr, "[计时] 保存 %.3f ms\n", scan.store_seconds * 1e3);
  std::fprintf(stderr, "[计时] 合计 %.3f ms\n", total_seconds * 1e3);
}

int RunScan(const ScanOptions& opts, const GlobalOptions& global) {
  Date as_of = Date::Today();
  if (!opts.as_of.empty()) {
    StatusOr<Date> parsed = Date::Parse(opts.as_of);
    if (!parsed.ok()) return ReportFailure(parsed.status().WithPrefix("--as-of"));
    as_of = *parsed;
  }
  // The workflow rules (D02, …) are not in the ledger engine: take their codes out of --rules
  // and run them after the ledger rules. Without --rules, every rule of both kinds runs.
  std::string ledger_codes;
  std::vector<const supervision::WorkflowRule*> workflow_rules;
  bool run_ledger = opts.rules.empty();
  if (opts.rules.empty()) {
    for (const supervision::WorkflowRule& rule : supervision::WorkflowRules()) {
      workflow_rules.push_back(&rule);
    }
  } else {
    size_t start = 0;
    while (start <= opts.rules.size()) {
      const size_t end = std::min(opts.rules.find(',', start), opts.rules.size());
      std::string code = opts.rules.substr(start, end - start);
      start = end + 1;
      while (!code.empty() && code.front() == ' ') code.erase(0, 1);
      while (!code.empty() && code.back() == ' ') code.pop_back();
      if (code.empty()) continue;
      if (const supervision::WorkflowRule* rule = supervision::FindWorkflowRule(code)) {
        workflow_rules.push_back(rule);
        continue;
      }
      if (!ledger_codes.empty()) ledger_codes += ',';
      ledger_codes += code;
      run_ledger = true;
    }
  }
  std::vector<const rules::Rule*> no_rules;
  StatusOr<std::vector<const rules::Rule*>> selected =
      run_ledger ? rules::SelectRules(ledger_codes) : no_rules;
  if (!selected.ok()) return ReportFailure(selected.status());
  rules::RuleConfig config;
  if (!opts.config.empty()) {
    StatusOr<rules::RuleConfig> loaded = rules::RuleConfig::Load(opts.config);
    if (!loaded.ok()) {
      // A bad configuration stops the scan before it starts; exit 1 (not 2) as the scan
      // issue asks: the file is the deployment's set-up, not this command line.
      ReportFailure(loaded.status());
      return kExitFailure;
    }
    config = std::move(loaded).value();
  }

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
  rules::ScanOptions scan_options;
  scan_options.as_of = as_of;
  scan_options.engine = opts.engine == "sql" ? rules::ScanEngine::kSql : rules::ScanEngine::kKernel;
  scan_options.config = &config;
  scan_options.threads = opts.threads;
  scan_options.database = db->get();
  scan_options.progress = progress;
  StatusOr<rules::ScanResult> scan =
      run_ledger ? rules::Scan(**conn, *selected, scan_options) : rules::ScanResult{};
  if (!scan.ok()) return ReportFailure(scan.status());
  StatusOr<std::vector<supervision::WorkflowRuleRun>> workflow =
      supervision::RunWorkflowRules(**conn, workflow_rules, as_of);
  if (!workflow.ok()) return ReportFailure(workflow.status());
  // Ledger rules' codes (A01–D01) sort before the workflow rules' (D02…), so appending keeps
  // the contract's order.
  std::vector<rules::Warning>& warnings = scan->warnings;
  rules::StoreCounts* stored = &scan->stored;
  for (supervision::WorkflowRuleRun& run : *workflow) {
    if (progress) {
      std::fprintf(stderr, "%.*s %.*s：%zu 条预警\n", static_cast<int>(run.rule->code.size()),
                   run.rule->code.data(), static_cast<int>(run.rule->name_zh.size()),
                   run.rule->name_zh.data(), run.warnings.size());
    }
    stored->inserted += run.stored.inserted;
    stored->already_open += run.stored.already_open;
    warnings.insert(warnings.end(), run.warnings.begin(), run.warnings.end());
  }
  // Unexplained warnings past their due date rise a level (超时升级); a calendar that cannot be
  // read falls back to Monday–Friday, which the message says.
  StatusOr<supervision::WorkCalendar> calendar = supervision::WorkCalendar::LoadDefault();
  if (!calendar.ok()) {
    std::fprintf(stderr, "工作日历不可用（%s），超时升级按周一至周五计算\n",
                 calendar.status().message().c_str());
    calendar = supervision::WorkCalendar();
  }
  StatusOr<supervision::EscalationResult> escalated =
      supervision::EscalateOverdue(**conn, as_of, *calendar);
  if (!escalated.ok()) return ReportFailure(escalated.status());

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
  if (opts.timings) PrintTimings(*scan, seconds);
  std::cout << "扫描完成（基准日 " << as_of.ToString() << "）：" << warnings.size()
            << " 条预警，新增 " << stored->inserted << " 条，已有未结 " << stored->already_open
            << " 条，用时 " << seconds << " 秒\n";
  int still_handled = scan->still_handled;
  for (const supervision::WorkflowRuleRun& run : *workflow)
    still_handled += run.stored.still_handled;
  if (still_handled > 0) {
    std::cout << "已排除或已移交且证据未变、未重复预警 " << still_handled << " 条\n";
  }
  if (escalated->escalated > 0) {
    std::cout << "超时未说明的预警升级 " << escalated->escalated << " 条\n";
  }
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
  sub->add_option("--config", opts->config,
                  "规则参数配置 JSON 文件，按规则代码给参数值，可按区划代码前缀覆盖，"
                  "如 {\"A07\":{\"tolerance\":0.05,\"regions\":{\"5205\":{\"tolerance\":0.1}}}}");
  sub->add_option("--engine", opts->engine,
                  "kernel：在内存快照上运行规则（默认）；sql：在数据库内运行各规则的参考 SQL")
      ->check(CLI::IsMember({"kernel", "sql"}))
      ->capture_default_str();
  sub->add_option(
         "--threads", opts->threads,
         "同时运行规则内核的线程数；2 及以上时快照也分两个线程读取（payments 另用一个数据库连接）")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  sub->add_flag("--timings", opts->timings, "在标准错误输出每条规则的用时（毫秒）");
  sub->footer(
      "退出码：0 成功；2 参数有误（如未知或尚未实现的规则）；1 规则参数配置有误或其他失败。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunScan(*opts, ctx.global); });
}

}  // namespace sunlight::cli
