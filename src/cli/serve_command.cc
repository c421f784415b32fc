// `sunlight serve`: the API and the web app, until SIGINT/SIGTERM.
#include <memory>
#include <string>

#include "cli/command.h"
#include "cli/database_setup.h"
#include "cli/serve_loop.h"

namespace sunlight::cli {
namespace {

struct ServeOptions {
  std::string db = kDefaultDbUrl;
  ServeSettings serve;
};

int RunServe(const ServeOptions& opts, const GlobalOptions& global) {
  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  return ServeUntilSignal(**db, opts.serve);
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "启动 API 与网页服务 (serve the API and web app)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("--listen", opts->serve.listen, "监听地址 ADDR:PORT")->capture_default_str();
  sub->add_option("--static-dir", opts->serve.static_dir, "网页应用目录（默认 web/dist，存在时）");
  sub->footer("按 Ctrl+C（SIGINT）或发送 SIGTERM 平稳停止：不再接受新连接，处理完进行中的请求。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunServe(*opts, ctx.global); });
}

}  // namespace sunlight::cli
