// `sunlight scan`: run the warning rules (spec/rules.md) and store the warnings.
#include <string>

#include "cli/command.h"
#include "cli/not_yet_available.h"

namespace sunlight::cli {
namespace {

struct ScanOptions {
  std::string db = kDefaultDbUrl;
  std::string as_of;
  std::string rules;
  std::string out;
};

}  // namespace

void RegisterScanCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ScanOptions>();
  CLI::App* sub =
      app.add_subcommand("scan", "运行预警规则，保存预警并输出 JSON Lines (run the warning rules)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("--as-of", opts->as_of, "基准日期 YYYY-MM-DD（默认今天）");
  sub->add_option("--rules", opts->rules, "只运行这些规则，如 A01,B02");
  sub->add_option("--out", opts->out, "把预警写入该 .jsonl 文件");
  sub->callback([&ctx, opts] { ctx.exit_code = NotYetAvailable("scan", "预警扫描"); });
}

}  // namespace sunlight::cli
