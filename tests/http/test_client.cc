// The blocking test client: every call runs the client's own io_context for a bounded time.
#include "test_client.h"

#include <gtest/gtest.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>

namespace sunlight::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;

template <typename Start>
bool TestConnection::RunFor(std::chrono::milliseconds timeout, Start start) {
  bool done = false;
  error_code result;
  start([&](error_code ec, auto&&...) {
    done = true;
    result = ec;
  });
  io_.restart();
  io_.run_for(timeout);
  if (!done) {
    error_code ignored;
    socket_.cancel(ignored);
    io_.restart();
    io_.run();
    return false;
  }
  return !result;
}

TestConnection::TestConnection(uint16_t port, std::chrono::milliseconds timeout) : socket_(io_) {
  tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  connected_ = RunFor(timeout, [&](auto handler) { socket_.async_connect(endpoint, handler); });
}

bool TestConnection::Send(std::string_view bytes, std::chrono::milliseconds timeout) {
  return RunFor(timeout, [&](auto handler) {
    asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()), handler);
  });
}

std::optional<HttpResponse> TestConnection::ReadResponse(std::chrono::milliseconds timeout,
                                                         bool head) {
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(64 << 20);
  if (head) parser.skip(true);
  bool ok = RunFor(
      timeout, [&](auto handler) { beast::http::async_read(socket_, buffer_, parser, handler); });
  if (!ok) return std::nullopt;
  return parser.release();
}

std::optional<HttpResponse> TestConnection::Request(std::string_view method,
                                                    std::string_view target, std::string_view body,
                                                    const NameValueList& headers,
                                                    std::chrono::milliseconds timeout) {
  if (!Send(FormatRequest(method, target, body, headers), timeout)) return std::nullopt;
  return ReadResponse(timeout, method == "HEAD");
}

TestConnection::Drained TestConnection::ReadUntilClose(std::chrono::milliseconds timeout) {
  Drained drained;
  drained.bytes.assign(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  buffer_.consume(buffer_.size());
  std::string rest;
  bool done = false;
  error_code result;
  asio::async_read(socket_, asio::dynamic_buffer(rest), [&](error_code ec, size_t) {
    done = true;
    result = ec;
  });
  io_.restart();
  io_.run_for(timeout);
  if (!done) {
    error_code ignored;
    socket_.cancel(ignored);
    io_.restart();
    io_.run();
  }
  drained.bytes += rest;
  drained.closed = done && (result == asio::error::eof || result == asio::error::connection_reset);
  return drained;
}

std::string FormatRequest(std::string_view method, std::string_view target, std::string_view body,
                          const NameValueList& headers) {
  std::string text;
  text.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
  for (const auto& [name, value] : headers)
    text.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    text.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  text.append("\r\n").append(body);
  return text;
}

std::optional<HttpResponse> Fetch(uint16_t port, std::string_view method, std::string_view target,
                                  std::string_view body, const NameValueList& headers,
                                  std::chrono::milliseconds timeout) {
  TestConnection connection(port, timeout);
  if (!connection.connected()) return std::nullopt;
  return connection.Request(method, target, body, headers, timeout);
}

nlohmann::json JsonOf(const HttpResponse& response) {
  return nlohmann::json::parse(response.body(), nullptr, /*allow_exceptions=*/false);
}

LogSink LogCapture::Sink() {
  return [state = state_](std::string_view line) {
    std::lock_guard lock(state->mu);
    state->lines.emplace_back(line);
  };
}

std::vector<std::string> LogCapture::Lines() const {
  std::lock_guard lock(state_->mu);
  return state_->lines;
}

ServerOptions TestOptions() {
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.io_threads = 2;
  options.worker_threads = 4;
  options.log_requests = false;
  options.log = [](std::string_view) {};
  return options;
}

std::unique_ptr<Server> StartServer(ServerOptions options, Router router) {
  auto server = std::make_unique<Server>(std::move(options), std::move(router));
  Status status = server->Start();
  EXPECT_TRUE(status.ok()) << status;
  if (!status.ok()) return nullptr;
  EXPECT_NE(server->port(), 0);
  return server;
}

}  // namespace sunlight::http::testing
