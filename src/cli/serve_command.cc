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

// Lockout and session settings (docs/access.md); the defaults are the level-3 baseline.
void AddAccessOptions(CLI::App& sub, access::AccessOptions& access) {
  sub.add_option("--max-failed-logins", access.max_failed_logins, "连续登录失败多少次后锁定账号")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  sub.add_option_function<int64_t>(
         "--lock-minutes", [&access](int64_t minutes) { access.lock_seconds = minutes * 60; },
         "账号锁定时长（分钟，默认 15）")
      ->check(CLI::Range(int64_t{1}, int64_t{24 * 60}));
  sub.add_option_function<int64_t>(
         "--idle-minutes",
         [&access](int64_t minutes) { access.idle_timeout_seconds = minutes * 60; },
         "会话空闲超时（分钟，默认 30）")
      ->check(CLI::Range(int64_t{1}, int64_t{24 * 60}));
  sub.add_option_function<int64_t>(
         "--session-hours",
         [&access](int64_t hours) { access.absolute_timeout_seconds = hours * 60 * 60; },
         "会话最长时限（小时，自登录起计，默认 12）")
      ->check(CLI::Range(int64_t{1}, int64_t{7 * 24}));
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* sub = app.add_subcommand("serve", "启动 API 与网页服务 (serve the API and web app)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("--listen", opts->serve.listen, "监听地址 ADDR:PORT")->capture_default_str();
  sub->add_option("--static-dir", opts->serve.static_dir, "网页应用目录（默认 web/dist，存在时）");
  AddAccessOptions(*sub, opts->serve.access);
  sub->footer("按 Ctrl+C（SIGINT）或发送 SIGTERM 平稳停止：不再接受新连接，处理完进行中的请求。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunServe(*opts, ctx.global); });
}

}  // namespace sunlight::cli
