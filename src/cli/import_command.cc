// `sunlight import`: load a dataset in the interchange format (spec/interchange.md).
#include <string>

#include "cli/command.h"
#include "cli/not_yet_available.h"

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
  sub->callback([&ctx, opts] { ctx.exit_code = NotYetAvailable("import", "台账导入"); });
}

}  // namespace sunlight::cli
