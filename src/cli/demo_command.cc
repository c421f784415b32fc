// `sunlight demo`: make (or reuse) the demo database under --data-dir and serve it.
//
// interfaces.md: the demo generates the demo dataset, imports it, scans it, prints the address
// and the demo accounts, and serves. The steps run in that order; each is skipped when its
// result is already in the data directory, so a second `make run` starts at once.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/database_setup.h"
#include "cli/serve_loop.h"

namespace sunlight::cli {
namespace {

struct DemoOptions {
  std::string data_dir = "data";
  ServeSettings serve;
};

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
  std::cout << "演示数据库：" << db_path << "\n";
  return ServeUntilSignal(**db, opts.serve, [](const std::string& url) {
    std::cout << "健康检查：" << url << "/api/v1/health\n"
              << "区划查询示例：" << url << "/api/v1/regions/520521\n"
              << std::flush;
  });
}

}  // namespace

void RegisterDemoCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<DemoOptions>();
  CLI::App* sub = app.add_subcommand(
      "demo", "建立（或复用）演示数据库并启动服务 (make the demo database and serve it)");
  sub->add_option("--data-dir", opts->data_dir, "演示数据目录")->capture_default_str();
  sub->add_option("--listen", opts->serve.listen, "监听地址 ADDR:PORT")->capture_default_str();
  sub->add_option("--static-dir", opts->serve.static_dir, "网页应用目录（默认 web/dist，存在时）");
  sub->callback([&ctx, opts] { ctx.exit_code = RunDemo(*opts, ctx.global); });
}

}  // namespace sunlight::cli
