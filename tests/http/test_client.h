// Helpers for the HTTP server tests: a blocking client with a deadline on every call (so a
// misbehaving server fails a test instead of hanging it) and a quiet test server.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <nlohmann/json.hpp>

#include "http/request.h"
#include "http/router.h"
#include "http/server.h"
#include "http/server_options.h"

namespace sunlight::http::testing {

using namespace std::chrono_literals;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Not shared between threads: each thread makes its own.
class TestConnection {
 public:
  explicit TestConnection(uint16_t port, std::chrono::milliseconds timeout = 5s);
  bool connected() const { return connected_; }

  // Writes raw bytes.
  bool Send(std::string_view bytes, std::chrono::milliseconds timeout = 5s);
  // Reads one response; nullopt on timeout, error or close. `head` for a response to HEAD.
  std::optional<HttpResponse> ReadResponse(std::chrono::milliseconds timeout = 5s,
                                           bool head = false);
  // Sends a request and reads its response.
  std::optional<HttpResponse> Request(std::string_view method, std::string_view target,
                                      std::string_view body = {}, const NameValueList& headers = {},
                                      std::chrono::milliseconds timeout = 5s);

  // Reads until the server closes; `closed` is false when it did not within the timeout.
  struct Drained {
    std::string bytes;
    bool closed = false;
  };
  Drained ReadUntilClose(std::chrono::milliseconds timeout);

 private:
  // Starts an operation with a completion callback and runs it for at most `timeout`.
  template <typename Start>
  bool RunFor(std::chrono::milliseconds timeout, Start start);

  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  bool connected_ = false;
};

// The text of a request with Host and Content-Length filled in.
std::string FormatRequest(std::string_view method, std::string_view target,
                          std::string_view body = {}, const NameValueList& headers = {});

// One request on a fresh connection.
std::optional<HttpResponse> Fetch(uint16_t port, std::string_view method, std::string_view target,
                                  std::string_view body = {}, const NameValueList& headers = {},
                                  std::chrono::milliseconds timeout = 5s);

// The response body as JSON (discarded value when it is not JSON).
nlohmann::json JsonOf(const HttpResponse& response);

// Collects log lines; thread-safe.
class LogCapture {
 public:
  LogSink Sink();
  std::vector<std::string> Lines() const;

 private:
  struct State {
    mutable std::mutex mu;
    std::vector<std::string> lines;  // guarded by mu
  };
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

// Loopback, port 0, 2 io threads, 4 workers, quiet logs.
ServerOptions TestOptions();

// Starts a server or fails the calling test (check with ASSERT_NE(server, nullptr)).
std::unique_ptr<Server> StartServer(ServerOptions options, Router router);

}  // namespace sunlight::http::testing
