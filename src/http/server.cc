// Server: listening, accepting, threads and graceful stop. Connections live in connection.cc.
#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "http/access_log.h"
#include "http/connection.h"
#include "http/fd_limit.h"
#include "http/static_files.h"

namespace sunlight::http {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

// After Stop()'s shutdown_timeout has cut the remaining connections, how long to wait for
// their coroutines to notice before stopping the event loop under them.
constexpr std::chrono::seconds kForcedCloseGrace{2};
// Descriptors beyond one per connection: listening socket, files being served, the database.
constexpr uint64_t kSpareDescriptors = 256;
// accept() failing (EMFILE: out of descriptors) is retried after this pause, not in a spin.
constexpr std::chrono::milliseconds kAcceptBackoff{100};

unsigned DefaultIoThreads() { return std::max(1u, std::thread::hardware_concurrency()); }
unsigned DefaultWorkerThreads() { return std::max(4u, 2 * std::thread::hardware_concurrency()); }

}  // namespace

// Owned by one Server and used from its owning thread (Start/Stop) and from the io threads
// (AcceptLoop, on the acceptor's strand). State shared with connections is in ServerContext.
class Server::Impl {
 public:
  Impl(ServerOptions options, Router router)
      : options_(std::move(options)), router_(std::move(router)) {}
  ~Impl() { Stop(); }

  Status Start();
  void Stop();
  uint16_t port() const { return port_.load(); }
  size_t connection_count() const { return context_ ? context_->registry.size() : 0; }

 private:
  enum class State { kNew, kRunning, kStopped };

  asio::awaitable<void> AcceptLoop();
  void Log(const std::string& line) const { WriteLogLine(options_.log, line); }

  // Until Start() moves them into context_.
  ServerOptions options_;
  Router router_;

  State state_ = State::kNew;  // owning thread only
  std::atomic<uint16_t> port_{0};
  // Declared in this order so that the destructor drops the acceptor and the event loop
  // (and any coroutine frames left in it) before the worker pool and the shared context.
  std::shared_ptr<ServerContext> context_;
  std::unique_ptr<asio::thread_pool> workers_;
  std::unique_ptr<asio::io_context> io_context_;
  std::unique_ptr<tcp::acceptor> acceptor_;  // used on its strand once threads run
  std::vector<std::thread> io_threads_;
};

Status Server::Impl::Start() {
  if (state_ != State::kNew) {
    return FailedPreconditionError("HTTP 服务只能启动一次", "server_already_started");
  }
  SUNLIGHT_RETURN_IF_ERROR(router_.status());
  std::optional<StaticFiles> static_files;
  if (!options_.static_dir.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(StaticFiles opened, StaticFiles::Open(options_.static_dir));
    static_files.emplace(std::move(opened));
  }
  error_code ec;
  asio::ip::address address = asio::ip::make_address(options_.address, ec);
  if (ec) {
    return InvalidArgumentError("监听地址无效：" + options_.address, "bad_listen_address");
  }

  // Many keep-alive connections need many descriptors; see fd_limit.h.
  StatusOr<uint64_t> open_files = RaiseOpenFileLimit();
  if (!open_files.ok()) {
    Log("http: " + open_files.status().ToString());
  } else if (*open_files < options_.max_connections + kSpareDescriptors) {
    Log("http: open-file limit " + std::to_string(*open_files) +
        " is below what max_connections needs; raise the hard limit (ulimit -Hn, LimitNOFILE)");
  }

  const unsigned io_threads = options_.io_threads ? options_.io_threads : DefaultIoThreads();
  const unsigned worker_threads =
      options_.worker_threads ? options_.worker_threads : DefaultWorkerThreads();
  io_context_ = std::make_unique<asio::io_context>(static_cast<int>(io_threads));
  acceptor_ = std::make_unique<tcp::acceptor>(asio::make_strand(*io_context_));

  const tcp::endpoint endpoint(address, options_.port);
  const std::string where = options_.address + ":" + std::to_string(options_.port);
  auto fail = [&](const error_code& error) -> Status {
    acceptor_.reset();
    io_context_.reset();
    if (error == asio::error::address_in_use) {
      return UnavailableError("端口已被占用，无法监听 " + where, "address_in_use");
    }
    if (error == asio::error::access_denied) {
      return UnavailableError("没有权限监听 " + where, "listen_permission_denied");
    }
    return UnavailableError("无法监听 " + where + "：" + error.message(), "listen_failed");
  };
  if (acceptor_->open(endpoint.protocol(), ec); ec) return fail(ec);
  // Lets a restarted server bind while old connections sit in TIME_WAIT. (On Linux this does
  // not let two servers share a listening port; that still fails with address_in_use.)
  if (acceptor_->set_option(tcp::acceptor::reuse_address(true), ec); ec) return fail(ec);
  if (acceptor_->bind(endpoint, ec); ec) return fail(ec);
  if (acceptor_->listen(asio::socket_base::max_listen_connections, ec); ec) return fail(ec);
  port_ = acceptor_->local_endpoint(ec).port();

  workers_ = std::make_unique<asio::thread_pool>(worker_threads);
  context_ = std::make_shared<ServerContext>(std::move(options_), std::move(router_),
                                             std::move(static_files), *workers_);
  asio::co_spawn(acceptor_->get_executor(), AcceptLoop(), [this](std::exception_ptr error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      WriteLogLine(context_->options.log, std::string("http: accept loop failed: ") + e.what());
    }
  });
  io_threads_.reserve(io_threads);
  for (unsigned thread_idx = 0; thread_idx < io_threads; ++thread_idx) {
    io_threads_.emplace_back([this] {
      // Handlers catch their own exceptions; this is the last line of defence.
      while (true) {
        try {
          io_context_->run();
          return;
        } catch (const std::exception& e) {
          WriteLogLine(context_->options.log, std::string("http: event loop: ") + e.what());
        }
      }
    });
  }
  state_ = State::kRunning;
  WriteLogLine(context_->options.log,
               "http: listening on " + context_->options.address + ":" + std::to_string(port()));
  return Status::Ok();
}

asio::awaitable<void> Server::Impl::AcceptLoop() {
  asio::steady_timer backoff(acceptor_->get_executor());
  while (true) {
    // Each connection gets its own strand: its two coroutines (request loop and watchdog)
    // never run at once, while different connections run on all io threads.
    tcp::socket socket(asio::make_strand(*io_context_));
    error_code ec;
    co_await acceptor_->async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor_->is_open()) co_return;
    if (ec) {
      WriteLogLine(context_->options.log, "http: accept failed: " + ec.message());
      backoff.expires_after(kAcceptBackoff);
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (context_->stopping) continue;  // the socket closes as it goes out of scope
    auto connection = std::make_shared<Connection>(context_, std::move(socket));
    std::optional<uint64_t> id = context_->registry.TryAdd(connection);
    if (!id) {
      connection->RejectBusy();
      continue;
    }
    connection->set_id(*id);
    connection->Start();
  }
}

void Server::Impl::Stop() {
  if (state_ != State::kRunning) return;
  state_ = State::kStopped;
  const ServerOptions& options = context_->options;
  context_->stopping = true;
  asio::post(acceptor_->get_executor(), [this] {
    error_code ec;
    acceptor_->close(ec);
  });
  for (const auto& connection : context_->registry.Snapshot()) connection->RequestShutdown();
  if (!context_->registry.WaitUntilEmpty(options.shutdown_timeout)) {
    WriteLogLine(options.log, "http: " + std::to_string(context_->registry.size()) +
                                  " connection(s) still busy after the shutdown timeout; cutting");
    for (const auto& connection : context_->registry.Snapshot()) connection->ForceClose();
    context_->registry.WaitUntilEmpty(kForcedCloseGrace);
  }
  // Normally the loop has run out of work by now and run() returns by itself; a connection
  // still waiting for a stuck handler would keep it going, so stop it outright then.
  if (context_->registry.size() != 0) io_context_->stop();
  for (std::thread& thread : io_threads_) thread.join();
  io_threads_.clear();
  workers_->join();
  WriteLogLine(options.log, "http: stopped");
}

Server::Server(ServerOptions options, Router router)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router))) {}
Server::~Server() = default;
Status Server::Start() { return impl_->Start(); }
uint16_t Server::port() const { return impl_->port(); }
size_t Server::connection_count() const { return impl_->connection_count(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace sunlight::http
