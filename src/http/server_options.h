// ServerOptions: where the HTTP server listens, its threads, and the limits that keep one
// client (or a thousand) from hurting the others.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace sunlight::http {

// Receives log lines (one request or one server event each, without a trailing newline).
// Called from many threads at once; must be thread-safe.
using LogSink = std::function<void(std::string_view line)>;

struct ServerOptions {
  // Where to listen. Port 0 lets the kernel choose (tests); Server::port() tells which.
  std::string address = "127.0.0.1";
  uint16_t port = 8080;

  // Threads running the network event loop; 0 means one per core.
  unsigned io_threads = 0;
  // Threads running route handlers, which may block on the database; 0 means
  // max(4, 2 × cores).
  unsigned worker_threads = 0;

  // Limits. Beyond them a request is answered with a JSON error and the connection closed.
  size_t header_limit = 16 * 1024;  // request line + headers → 431
  size_t body_limit = 1024 * 1024;  // → 413; RouteOptions::body_limit overrides per route
  size_t max_connections = 10'000;  // beyond it a new connection gets 503 and is closed

  // Timeouts, each for a whole phase, not per read: a client that sends one byte a second
  // ("slow loris") is cut off when the phase's time is up.
  // From the first byte of a request (from accept, for the first request of a connection) to
  // the end of its headers → 408.
  std::chrono::milliseconds header_timeout{10'000};
  // To receive the whole body → 408.
  std::chrono::milliseconds body_timeout{30'000};
  // Between requests on a keep-alive connection → closed silently.
  std::chrono::milliseconds idle_timeout{75'000};
  // To send one whole response (including a large static file) → closed.
  std::chrono::milliseconds write_timeout{60'000};
  // Stop(): how long in-flight requests may take before their connections are cut.
  std::chrono::milliseconds shutdown_timeout{10'000};

  // The built web app (web/dist), served for paths outside /api; empty means none.
  std::filesystem::path static_dir;

  // One line per request on the log (method, path without query, status, duration).
  bool log_requests = true;
  // Where log lines go; unset means standard error.
  LogSink log;
};

// Parses a listen address: "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80", ":8080" (all
// interfaces), "localhost:8080".
StatusOr<std::pair<std::string, uint16_t>> ParseListenAddress(std::string_view text);

}  // namespace sunlight::http
