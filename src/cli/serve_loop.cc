#include "cli/serve_loop.h"

#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>

#include "cli/app.h"
#include "cli/command.h"
#include "http/api/api_routes.h"
#include "http/server.h"

namespace sunlight::cli {
namespace {

// The built web app: --static-dir, else web/dist beside the sources or the working directory.
std::filesystem::path FindStaticDir(const std::string& configured) {
  if (!configured.empty()) return configured;
  for (const std::filesystem::path& candidate :
       {std::filesystem::path(SUNLIGHT_SOURCE_DIR) / "web" / "dist",
        std::filesystem::path("web") / "dist"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate / "index.html", ec)) return candidate;
  }
  return {};
}

}  // namespace

int ServeUntilSignal(store::Database& db, const ServeSettings& settings,
                     const std::function<void(const std::string& url)>& on_started) {
  StatusOr<std::pair<std::string, uint16_t>> listen = http::ParseListenAddress(settings.listen);
  if (!listen.ok()) return ReportFailure(listen.status());

  http::ServerOptions options;
  options.address = listen->first;
  options.port = listen->second;
  options.static_dir = FindStaticDir(settings.static_dir);

  http::Router router;
  http::RegisterApiRoutes(router, db, settings.access);

  // Block the stop signals in every thread the server will start, so that only sigwait below
  // receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  http::Server server(std::move(options), std::move(router));
  if (Status started = server.Start(); !started.ok()) return ReportFailure(started);

  std::string host =
      listen->first.find(':') != std::string::npos ? "[" + listen->first + "]" : listen->first;
  if (host.empty() || host == "0.0.0.0") host = "127.0.0.1";
  std::string url = "http://" + host + ":" + std::to_string(server.port());
  std::cout << "阳光已启动：" << url << "  （按 Ctrl+C 停止）" << std::endl;
  if (on_started) on_started(url);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  std::cout << "正在停止…" << std::endl;
  server.Stop();
  return kExitOk;
}

}  // namespace sunlight::cli
