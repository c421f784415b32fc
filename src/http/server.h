// Server: the asynchronous HTTP/1.1 server behind `sunlight serve` (Boost.Beast + Asio with
// C++20 coroutines).
//
//   Router router;
//   RegisterHealthRoutes(router);
//   router.Get("/api/v1/warnings/{id}", [&](const Request& request) { ... });
//
//   ServerOptions options;
//   options.address = "0.0.0.0";
//   options.port = 8080;
//   options.static_dir = "web/dist";
//   Server server(std::move(options), std::move(router));
//   if (Status s = server.Start(); !s.ok()) return s;   // binds; port in use → Unavailable
//   ... wait for SIGINT/SIGTERM ...
//   server.Stop();                                      // graceful; the destructor also stops
//
// Threads: `io_threads` run the network event loop (one coroutine per connection, each on
// its own strand); route handlers run on `worker_threads`, so a handler that blocks on the
// database holds up no other connection. Paths under /api go to the router (unknown → 404
// JSON, wrong method → 405 JSON); other paths are static files (static_files.h) when
// static_dir is set. Limits and timeouts are in ServerOptions; every error is JSON
// (error_response.h); every response carries the security headers (security_headers.h).
//
// Thread safety: Start(), Stop() and the destructor are for the owning thread, and never
// from inside a handler (Stop() waits for handlers). Once Start() has returned, port() and
// connection_count() may be called from any thread. A Server starts at most once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/status.h"
#include "http/router.h"
#include "http/server_options.h"

namespace sunlight::http {

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();  // Stop()s if running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Checks the route table and static_dir, raises the open-file limit (fd_limit.h), binds,
  // listens and starts the threads. Unavailable when the address is in use.
  Status Start();

  // The port listened on (the chosen one when ServerOptions::port was 0); 0 before Start().
  uint16_t port() const;

  // Connections currently open.
  size_t connection_count() const;

  // Graceful stop: stops accepting, closes idle keep-alive connections, lets requests in
  // progress finish and answers them with "Connection: close" (for up to
  // ServerOptions::shutdown_timeout, after which their connections are cut), then joins every
  // thread. A handler that never returns would block this. Does nothing if not running.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sunlight::http
