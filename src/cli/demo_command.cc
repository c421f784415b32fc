// `sunlight demo`: make (or reuse) the demo database under --data-dir and serve it.
//
// interfaces.md: the demo generates the demo dataset, imports it, scans it, prints the address
// and the demo accounts, and serves. The steps run in that order; a step whose result is
// already in the data directory is skipped, so a second `make run` starts at once.
// The demo accounts (access/demo_accounts.h) are created on every start when missing, and
// printed with their password so that people and the browser tests can log in.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "access/demo_accounts.h"
#include "access/roles.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "cli/serve_loop.h"
#include "cli/terminal.h"
#include "demo_data/demo_data.h"
#include "ledger/import/importer.h"
#include "rules/scan.h"
#include "supervision/transfers.h"
#include "supervision/work_calendar.h"

namespace sunlight::cli {
namespace {

struct DemoOptions {
  std::string data_dir = "data";
  int64_t households = 3000;
  uint64_t seed = 1;
  ServeSettings serve;
};

// Whether an earlier run already imported the demo dataset into this database.
StatusOr<bool> HasImportedData(store::Database& db) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn->Query("SELECT COUNT(*) FROM import_batches"));
  return !rs.empty() && rs.at(0, 0).AsInteger() > 0;
}

Status GenerateAndImport(store::Database& db, const DemoOptions& opts,
                         const GlobalOptions& global) {
  demo::DemoOptions gen;
  gen.households = opts.households;
  gen.seed = opts.seed;
  gen.as_of = demo::DefaultAsOf();
  gen.out_dir = std::filesystem::path(opts.data_dir) / "dataset";
  gen.division_dir = global.regions_dir;
  std::cout << "正在生成演示数据集（" << opts.households << " 户）：" << gen.out_dir.string()
            << std::endl;
  SUNLIGHT_ASSIGN_OR_RETURN(demo::DemoSummary summary, demo::GenerateDemoDataset(gen));

  ledger::ImportOptions import_options;
  import_options.user = "demo";
  if (StderrIsTerminal()) {
    import_options.on_progress = [](const ledger::ImportProgress& p) {
      std::cerr << "\r导入中：" << p.table << "，已读 " << p.rows << " 行      " << std::flush;
    };
  }
  SUNLIGHT_ASSIGN_OR_RETURN(ledger::ImportReport report,
                            ledger::ImportDataset(db, summary.out_dir, import_options));
  if (StderrIsTerminal()) std::cerr << "\n";
  if (!report.ok()) {
    // The generator and the importer disagree: a bug, not bad user input. Show where.
    for (const ledger::ImportError& error : report.errors.kept()) {
      std::cerr << error.ToString() << "\n";
    }
    return InternalError("演示数据集未通过导入校验（生成器与导入规则不一致）",
                         "demo_import_rejected");
  }
  std::cout << "已导入演示数据：" << report.total_rows << " 行，批次 " << report.batch_id
            << "，用时 " << report.seconds << " 秒" << std::endl;

  // Scan at the dataset's own as-of date: the planted anomalies are anomalies on that day.
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<const rules::Rule*> selected, rules::SelectRules(""));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(rules::ScanResult scan,
                            rules::ScanAndStore(*conn, selected, summary.as_of));
  std::cout << "预警扫描（基准日 " << summary.as_of.ToString() << "，" << selected.size()
            << " 条规则）：" << scan.warnings.size() << " 条预警" << std::endl;
  return Status::Ok();
}

// A few supervision records on top of the scanned ledger, so that the workflow pages have
// something to show at once (a transfer from 广州 to 毕节 awaiting acknowledgement, one with
// feedback). Idempotent. Without the official calendar the demo still starts, without them.
Status SeedDemoWorkflows(store::Database& db) {
  StatusOr<supervision::WorkCalendar> calendar = supervision::WorkCalendar::LoadDefault();
  if (!calendar.ok()) {
    std::cerr << "未能读取工作日历，演示数据中不含移送记录：" << calendar.status().message()
              << std::endl;
    return Status::Ok();
  }
  SUNLIGHT_ASSIGN_OR_RETURN(auto conn, db.Connect());
  return supervision::SeedDemoCluesTransfers(*conn, *calendar);
}

int RunDemo(const DemoOptions& opts, const GlobalOptions& global) {
  std::error_code ec;
  std::filesystem::create_directories(opts.data_dir, ec);
  if (ec) {
    return ReportFailure(
        UnavailableError("无法创建数据目录 " + opts.data_dir + "：" + ec.message(), "data_dir"));
  }
  const std::string db_path = (std::filesystem::path(opts.data_dir) / "sunlight.db").string();
  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(db_path, global);
  if (!db.ok()) return ReportFailure(db.status());
  std::cout << "演示数据库：" << db_path << std::endl;

  StatusOr<bool> imported = HasImportedData(**db);
  if (!imported.ok()) return ReportFailure(imported.status());
  if (!*imported) {
    if (Status s = GenerateAndImport(**db, opts, global); !s.ok()) return ReportFailure(s);
  } else {
    std::cout << "沿用已导入的演示数据（删除 " << opts.data_dir << " 可重新生成）" << std::endl;
  }
  StatusOr<int> accounts = access::EnsureDemoAccounts(**db);
  if (!accounts.ok()) return ReportFailure(accounts.status());
  if (Status s = SeedDemoWorkflows(**db); !s.ok()) return ReportFailure(s);
  return ServeUntilSignal(**db, opts.serve, [](const std::string& url) {
    std::cout << "健康检查：" << url << "/api/v1/health\n"
              << "区划查询示例：" << url << "/api/v1/regions/520521\n"
              << "演示账号（密码均为 " << access::kDemoPassword << "）：\n";
    for (const access::DemoAccount& account : access::DemoAccounts()) {
      std::cout << "  " << account.login << "  " << access::RoleName(account.role) << "  "
                << account.org_id << "  " << account.what << "\n";
    }
    std::cout << std::flush;
  });
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<DemoOptions>();
  CLI::App* sub = app.add_subcommand(
      "demo", "建立（或复用）演示数据库并启动服务 (make the demo database and serve it)");
  sub->add_option("--data-dir", opts->data_dir, "演示数据目录")->capture_default_str();
  sub->add_option("--households", opts->households, "演示数据集的户数（首次建立时）")
      ->capture_default_str()
      ->check(CLI::Range(int64_t{demo::kMinHouseholds}, int64_t{10'000'000}));
  sub->add_option("--seed", opts->seed, "演示数据的随机种子")->capture_default_str();
  sub->add_option("--listen", opts->serve.listen, "监听地址 ADDR:PORT")->capture_default_str();
  sub->add_option("--static-dir", opts->serve.static_dir, "网页应用目录（默认 web/dist，存在时）");
  sub->callback([&ctx, opts] { ctx.exit_code = RunDemo(*opts, ctx.global); });
}

}  // namespace sunlight::cli
