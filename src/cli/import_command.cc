// `sunlight import`: load a dataset in the interchange format (spec/interchange.md).
//
// Exit codes (interfaces.md): 0 imported; 2 the dataset was rejected (every error listed on
// stderr, and with --report as CSV; nothing written); 1 any other failure (database, files).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "cli/terminal.h"
#include "ledger/encoding.h"
#include "ledger/import/error_report_csv.h"
#include "ledger/import/importer.h"

namespace sunlight::cli {
namespace {

struct ImportOptions {
  std::string db = kDefaultDbUrl;
  std::string dataset;
  std::string encoding;
  bool replace = false;
  bool ignore_unknown_columns = false;
  std::string report;
  std::string as_user;
};

std::string ImportingUser(const ImportOptions& opts) {
  if (!opts.as_user.empty()) return opts.as_user;
  const char* user = std::getenv("USER");
  return user != nullptr && *user != '\0' ? user : "unknown";
}

void PrintSummary(const ledger::ImportReport& report) {
  std::cout << "导入成功：批次 " << report.batch_id << "，共 " << report.total_rows << " 行，用时 "
            << report.seconds << " 秒\n";
  std::cout << "文件\t行数\t新增\t未变\t替换\n";
  for (const ledger::TableCounts& counts : report.tables) {
    std::cout << counts.source << '\t' << counts.rows << '\t' << counts.inserted << '\t'
              << counts.unchanged << '\t' << counts.replaced << '\n';
  }
}

void PrintErrors(const ledger::ImportReport& report) {
  std::cerr << "导入被拒绝：发现 " << report.errors.total() << " 个错误，未写入任何数据\n";
  for (const ledger::ImportError& error : report.errors.kept()) {
    std::cerr << error.ToString() << '\n';
  }
  if (report.errors.truncated()) {
    std::cerr << "……另有 " << report.errors.total() - report.errors.kept().size()
              << " 个错误未列出\n";
  }
}

int RunImport(const ImportOptions& opts, const GlobalOptions& global) {
  ledger::ImportOptions options;
  if (!opts.encoding.empty()) {
    StatusOr<ledger::Encoding> encoding = ledger::ParseEncodingName(opts.encoding);
    if (!encoding.ok()) return ReportFailure(encoding.status());
    options.encoding = *encoding;
  }
  options.replace = opts.replace;
  options.ignore_unknown_columns = opts.ignore_unknown_columns;
  options.user = ImportingUser(opts);
  bool show_progress = StderrIsTerminal();
  if (show_progress) {
    options.on_progress = [](const ledger::ImportProgress& progress) {
      double rate = progress.seconds > 0 ? progress.rows / progress.seconds : 0;
      std::fprintf(stderr, "\r正在导入 %-24.*s %12lld 行  %10.0f 行/秒",
                   static_cast<int>(progress.table.size()), progress.table.data(),
                   static_cast<long long>(progress.rows), rate);
      std::fflush(stderr);
    };
  }

  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  StatusOr<ledger::ImportReport> report = ledger::ImportDataset(**db, opts.dataset, options);
  if (show_progress) std::fputs("\n", stderr);
  // An import that could not run is not a verdict on the data: exit 1, whatever the code.
  if (!report.ok()) {
    std::cerr << "错误：" << report.status().message() << " (" << report.status().reason() << ")\n";
    return kExitFailure;
  }
  if (!opts.report.empty()) {
    Status written = ledger::WriteErrorReportCsv(opts.report, report->errors);
    if (!written.ok()) {
      std::cerr << "错误：" << written.message() << " (" << written.reason() << ")\n";
      if (report->ok()) return kExitFailure;
    }
  }
  if (!report->ok()) {
    PrintErrors(*report);
    return kExitRejected;
  }
  PrintSummary(*report);
  return kExitOk;
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ImportOptions>();
  CLI::App* sub =
      app.add_subcommand("import",
                         "导入台账数据集（CSV 文件夹或 .xlsx 工作簿），整批校验、原子写入 "
                         "(import a ledger dataset)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("dataset", opts->dataset, "数据集：CSV 文件夹或 .xlsx 工作簿")->required();
  sub->add_option("--encoding", opts->encoding, "CSV 编码（默认自动识别）")
      ->check(CLI::IsMember({"utf-8", "gb18030", "gbk"}));
  sub->add_flag("--replace", opts->replace, "允许以新内容替换同键记录（旧值留档）");
  sub->add_flag("--ignore-unknown-columns", opts->ignore_unknown_columns, "忽略未知列");
  sub->add_option("--report", opts->report, "把错误报告另存为 CSV 文件");
  sub->add_option("--as", opts->as_user, "以该用户名义导入（记入导入批次与审计日志）");
  sub->footer("退出码：0 成功；2 数据有误（未写入任何内容）；1 其他失败。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunImport(*opts, ctx.global); });
}

}  // namespace sunlight::cli
