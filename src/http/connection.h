// Connection: one client connection of the HTTP server (internal to server.cc).
//
// A connection is one coroutine on its own strand. It loops: wait for a request (keep-alive
// idle time), read the headers, then the body, each phase under a deadline; route the request;
// run an API handler on the worker pool (awaiting it, so the network threads stay free) or
// answer from the static files; write the response; repeat while keep-alive holds.
//
// Deadlines are whole-phase, not per read: a second coroutine, the watchdog, sleeps on one
// timer and cancels the socket's pending operation when the phase's deadline passes. (Beast's
// tcp_stream would close the socket on timeout, leaving no way to send the 408.)
//
// Lifetime: both coroutines hold a shared_ptr to the Connection; the last one to finish
// destroys it, which removes it from the server's ConnectionRegistry.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>  // before Asio: its awaitable.hpp uses std::exchange without it

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>

#include "http/connection_registry.h"
#include "http/response.h"
#include "http/router.h"
#include "http/server_options.h"
#include "http/static_files.h"

namespace sunlight::http {

// What connections share with their server. Shared between threads: everything is read-only
// after Server::Start(), except `stopping` (atomic) and `registry` (locked inside).
struct ServerContext {
  ServerContext(ServerOptions server_options, Router route_table,
                std::optional<StaticFiles> static_root, boost::asio::thread_pool& worker_pool)
      : options(std::move(server_options)),
        router(std::move(route_table)),
        static_files(std::move(static_root)),
        workers(worker_pool),
        registry(options.max_connections) {}

  const ServerOptions options;
  const Router router;
  const std::optional<StaticFiles> static_files;
  // Owned by the Server, which joins it only after every connection is gone.
  boost::asio::thread_pool& workers;
  ConnectionRegistry registry;
  std::atomic<bool> stopping{false};
};

// Shared between threads only through RequestShutdown() and ForceClose(), which post to the
// connection's strand; every other member is used on that strand alone.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // `socket` must be bound to its own strand (it becomes the connection's executor).
  Connection(std::shared_ptr<ServerContext> context, boost::asio::ip::tcp::socket socket);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Acceptor: set once before Start().
  void set_id(uint64_t id) { id_ = id; }
  // Acceptor: begins serving.
  void Start();
  // Acceptor: answers 503 without waiting and closes; for connections over the limit.
  void RejectBusy();

  // Any thread: finish the request in hand, then close; an idle connection closes now.
  void RequestShutdown();
  // Any thread: close the socket now, whatever the connection is doing.
  void ForceClose();

 private:
  enum class Phase { kIdle, kReading, kHandling, kWriting, kLingering };
  enum class After { kKeepAlive, kClose, kLingeringClose };
  // One request and its response, for the log line.
  struct Exchange {
    std::string method = "-";
    std::string log_path = "-";
    int status = 0;
    std::chrono::steady_clock::time_point started;
  };

  boost::asio::awaitable<void> Serve(std::shared_ptr<Connection> self);
  boost::asio::awaitable<void> ServeLoop();
  boost::asio::awaitable<void> Watchdog(std::shared_ptr<Connection> self);
  boost::asio::awaitable<After> ServeRequest();
  // Answers a failed read (timeout, limit, malformed) and says how to close.
  boost::asio::awaitable<After> FailRead(boost::system::error_code error, bool got_bytes,
                                         Exchange& exchange);
  boost::asio::awaitable<Response> RunHandler(const Router::Route& route, Request request);
  boost::asio::awaitable<bool> SendResponse(Response response, unsigned version, bool head,
                                            bool keep_alive, bool is_api);
  boost::asio::awaitable<bool> SendStatic(const StaticFile& file, unsigned version, bool head,
                                          bool keep_alive, Exchange& exchange);
  template <typename Message>
  boost::asio::awaitable<bool> Send(Message& message, bool head);
  boost::asio::awaitable<void> LingeringClose();

  // Whether to keep the connection open after this response.
  bool KeepAlive(bool client_wants_it) const;
  void SetDeadline(std::chrono::steady_clock::duration timeout);
  void ClearDeadline();
  void Log(const Exchange& exchange) const;

  const std::shared_ptr<ServerContext> context_;
  const boost::asio::any_io_executor executor_;  // the strand
  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer deadline_;
  boost::beast::flat_buffer buffer_;
  std::string remote_address_;
  Phase phase_ = Phase::kIdle;
  bool timed_out_ = false;           // the watchdog cancelled the pending operation
  bool shutdown_requested_ = false;  // the server is stopping
  bool finished_ = false;            // the connection is closed; the watchdog may exit
  std::optional<uint64_t> id_;       // registry id; set before Start()
};

}  // namespace sunlight::http
