// The server on loopback: routing, error bodies, limits, keep-alive, timeouts, the worker
// pool, logging and graceful stop. Raw requests where the point is what goes on the wire.
#include "http/server.h"

#include <future>
#include <thread>

#include <gtest/gtest.h>

#include "test_client.h"
#include "test_routes.h"

namespace sunlight::http::testing {
namespace {

using Clock = std::chrono::steady_clock;

class ServerTest : public ::testing::Test {
 protected:
  // Starts the test routes with `options` (TestOptions() unless changed first).
  void Start() {
    server_ = StartServer(options_, MakeTestRouter(state_));
    ASSERT_NE(server_, nullptr);
    port_ = server_->port();
  }
  std::optional<HttpResponse> Get(std::string_view target) { return Fetch(port_, "GET", target); }

  ServerOptions options_ = TestOptions();
  TestRouteState state_;
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
};

void ExpectJsonError(const std::optional<HttpResponse>& response, int status,
                     std::string_view code) {
  ASSERT_TRUE(response) << "no response";
  EXPECT_EQ(response->result_int(), status) << response->body();
  EXPECT_EQ((*response)["Content-Type"], "application/json; charset=utf-8");
  nlohmann::json body = JsonOf(*response);
  ASSERT_TRUE(body.is_object()) << response->body();
  ASSERT_TRUE(body.contains("error")) << response->body();
  EXPECT_EQ(body["error"]["code"], code) << response->body();
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  EXPECT_TRUE(body["error"].contains("details"));
}

TEST_F(ServerTest, HealthWithSecurityHeaders) {
  Start();
  auto response = Get("/api/v1/health");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_EQ(response->body(), R"({"status":"ok"})");
  EXPECT_EQ((*response)["Content-Type"], "application/json; charset=utf-8");
  EXPECT_EQ((*response)["Cache-Control"], "no-store");
  EXPECT_EQ((*response)["Server"], "sunlight");
  EXPECT_EQ((*response)["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ((*response)["X-Frame-Options"], "DENY");
  EXPECT_EQ((*response)["Referrer-Policy"], "no-referrer");
  std::string csp((*response)["Content-Security-Policy"]);
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_FALSE((*response)["Date"].empty());
  EXPECT_EQ((*response)["Content-Length"], "15");
}

TEST_F(ServerTest, UnknownApiPathIs404AndWrongMethodIs405WithAllow) {
  Start();
  ExpectJsonError(Get("/api/v1/nothing-here"), 404, "route_not_found");
  ExpectJsonError(Get("/api"), 404, "route_not_found");
  ExpectJsonError(Get("/index.html"), 404, "page_not_found");  // no static_dir configured

  auto not_allowed = Fetch(port_, "POST", "/api/v1/health", "{}");
  ExpectJsonError(not_allowed, 405, "method_not_allowed");
  EXPECT_EQ((*not_allowed)["Allow"], "GET, HEAD");
  EXPECT_EQ((*not_allowed)["Cache-Control"], "no-store");
}

TEST_F(ServerTest, EveryHandlerStatusBecomesItsJsonError) {
  Start();
  struct Case {
    const char* code;
    int status;
  };
  for (const Case& c : std::initializer_list<Case>{{"invalid_argument", 400},
                                                   {"out_of_range", 400},
                                                   {"unauthenticated", 401},
                                                   {"permission_denied", 403},
                                                   {"not_found", 404},
                                                   {"already_exists", 409},
                                                   {"failed_precondition", 409},
                                                   {"aborted", 409},
                                                   {"resource_exhausted", 429},
                                                   {"deadline_exceeded", 504},
                                                   {"unimplemented", 501},
                                                   {"unavailable", 503},
                                                   {"data_loss", 500},
                                                   {"internal", 500}}) {
    SCOPED_TRACE(c.code);
    auto response = Get(std::string("/api/v1/status/") + c.code);
    ExpectJsonError(response, c.status, c.code);
    nlohmann::json body = JsonOf(*response);
    if (c.status == 500) {
      EXPECT_EQ(body["error"]["message"], "服务器内部错误，请稍后重试或联系系统管理员");
    } else {
      EXPECT_EQ(body["error"]["message"], std::string("测试错误：") + c.code);
    }
  }
}

TEST_F(ServerTest, ThrowingHandlerIs500AndTheServerKeepsServing) {
  LogCapture log;
  options_.log = log.Sink();
  Start();
  for (const char* target : {"/api/v1/throw", "/api/v1/throw-int", "/api/v1/bad-status"}) {
    SCOPED_TRACE(target);
    auto response = Get(target);
    ExpectJsonError(response, 500, "internal");
    EXPECT_EQ(response->body().find("secret"), std::string::npos);  // nothing internal leaks
  }
  auto health = Get("/api/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->result_int(), 200);

  bool logged = false;
  for (const std::string& line : log.Lines()) {
    if (line.find("/api/v1/throw failed: boom") != std::string::npos) logged = true;
  }
  EXPECT_TRUE(logged);
}

TEST_F(ServerTest, ParamsQueryHeadersAndHead) {
  Start();
  auto echo = Get("/api/v1/echo/W%2D7?page=2&q=%E6%AF%95%E8%8A%82+%E5%B8%82");
  ASSERT_TRUE(echo);
  ASSERT_EQ(echo->result_int(), 200);
  nlohmann::json body = JsonOf(*echo);
  EXPECT_EQ(body["id"], "W-7");
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["path"], "/api/v1/echo/W%2D7");
  EXPECT_EQ(body["query"]["page"], "2");
  EXPECT_EQ(body["query"]["q"], "毕节 市");
  EXPECT_EQ(body["remote"], "127.0.0.1");

  TestConnection connection(port_);
  auto head = connection.Request("HEAD", "/api/v1/health");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200);
  EXPECT_EQ((*head)["Content-Length"], "15");
  EXPECT_TRUE(head->body().empty());
  auto after_head = connection.Request("GET", "/api/v1/health");  // framing still intact
  ASSERT_TRUE(after_head);
  EXPECT_EQ(after_head->body(), R"({"status":"ok"})");

  auto custom = Get("/api/v1/custom");
  ASSERT_TRUE(custom);
  EXPECT_EQ(custom->result_int(), 201);
  EXPECT_EQ((*custom)["Cache-Control"], "private, max-age=60");
  EXPECT_EQ((*custom)["X-Custom"], "1");
  EXPECT_EQ((*custom)["Content-Length"], std::to_string(custom->body().size()));
}

TEST_F(ServerTest, BodyWithinLimitIsDelivered) {
  options_.body_limit = 1024;
  Start();
  std::string body(1024, 'x');
  auto response = Fetch(port_, "POST", "/api/v1/echo", body);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_EQ(JsonOf(*response)["size"], 1024);

  // Chunked bodies are assembled; Expect: 100-continue gets its interim response.
  TestConnection connection(port_);
  ASSERT_TRUE(
      connection.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
  auto chunked = connection.ReadResponse();
  ASSERT_TRUE(chunked);
  EXPECT_EQ(JsonOf(*chunked)["body"], "hello world");

  ASSERT_TRUE(
      connection.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: "
                      "100-continue\r\n\r\n"));
  auto interim = connection.ReadResponse();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->result_int(), 100);
  ASSERT_TRUE(connection.Send("ok"));
  auto final_response = connection.ReadResponse();
  ASSERT_TRUE(final_response);
  EXPECT_EQ(JsonOf(*final_response)["body"], "ok");
}

TEST_F(ServerTest, BodyOverLimitIs413) {
  options_.body_limit = 1024;
  Start();
  // Declared too large: refused before the body is sent.
  TestConnection declared(port_);
  ASSERT_TRUE(
      declared.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n"));
  auto response = declared.ReadResponse();
  ExpectJsonError(response, 413, "body_too_large");
  EXPECT_EQ(JsonOf(*response)["error"]["details"]["limit_bytes"], 1024);
  EXPECT_EQ((*response)["Connection"], "close");
  EXPECT_TRUE(declared.ReadUntilClose(5s).closed);

  // Sent whole, 2 KiB against a 1 KiB limit.
  ExpectJsonError(Fetch(port_, "POST", "/api/v1/echo", std::string(2048, 'y')), 413,
                  "body_too_large");

  // Chunked, so the size shows only while reading.
  TestConnection chunked(port_);
  std::string request =
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int chunk = 0; chunk < 4; ++chunk) request += "200\r\n" + std::string(512, 'z') + "\r\n";
  request += "0\r\n\r\n";
  ASSERT_TRUE(chunked.Send(request));
  ExpectJsonError(chunked.ReadResponse(), 413, "body_too_large");

  // A route's own limit overrides the server's: /upload takes 8 KiB.
  auto upload = Fetch(port_, "POST", "/api/v1/upload", std::string(6000, 'u'));
  ASSERT_TRUE(upload);
  EXPECT_EQ(upload->result_int(), 200);
  ExpectJsonError(Fetch(port_, "POST", "/api/v1/upload", std::string(9000, 'u')), 413,
                  "body_too_large");
}

TEST_F(ServerTest, HeadersOverLimitAre431) {
  options_.header_limit = 4 * 1024;
  Start();
  auto response =
      Fetch(port_, "GET", "/api/v1/health", {}, {{"X-Filler", std::string(8 * 1024, 'h')}});
  ExpectJsonError(response, 431, "headers_too_large");
  auto fine = Fetch(port_, "GET", "/api/v1/health", {}, {{"X-Filler", std::string(1024, 'h')}});
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->result_int(), 200);
}

TEST_F(ServerTest, MalformedRequestsAre400) {
  Start();
  for (const char* raw : {"GARBAGE\r\n\r\n", "GET /api/v1/health HTTP/9.9\r\n\r\n",
                          "GET /api/v1/health HTTP/1.1\r\nBad Header\r\n\r\n",
                          "POST /api/v1/echo HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
                          "GET /api/v1/echo/%zz HTTP/1.1\r\nHost: x\r\n\r\n",
                          "GET /api/v1/echo/1?q=%G1 HTTP/1.1\r\nHost: x\r\n\r\n",
                          "GET http://example.com/api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"}) {
    SCOPED_TRACE(raw);
    TestConnection connection(port_);
    ASSERT_TRUE(connection.Send(raw));
    auto response = connection.ReadResponse();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 400);
    nlohmann::json body = JsonOf(*response);
    EXPECT_TRUE(body["error"]["code"].is_string()) << response->body();
    EXPECT_TRUE(connection.ReadUntilClose(5s).closed);
  }
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  Start();
  TestConnection connection(port_);
  for (int request_idx = 0; request_idx < 5; ++request_idx) {
    auto response = connection.Request("GET", "/api/v1/echo/" + std::to_string(request_idx));
    ASSERT_TRUE(response) << request_idx;
    EXPECT_EQ(JsonOf(*response)["id"], std::to_string(request_idx));
    EXPECT_TRUE(response->keep_alive());
  }
  EXPECT_EQ(server_->connection_count(), 1u);

  // Pipelined: both requests in one write, answered in order.
  ASSERT_TRUE(connection.Send(FormatRequest("GET", "/api/v1/echo/a") +
                              FormatRequest("GET", "/api/v1/echo/b")));
  auto first = connection.ReadResponse();
  auto second = connection.ReadResponse();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(JsonOf(*first)["id"], "a");
  EXPECT_EQ(JsonOf(*second)["id"], "b");

  // "Connection: close" is honoured.
  auto last = connection.Request("GET", "/api/v1/health", {}, {{"Connection", "close"}});
  ASSERT_TRUE(last);
  EXPECT_FALSE(last->keep_alive());
  EXPECT_TRUE(connection.ReadUntilClose(5s).closed);

  // HTTP/1.0 without keep-alive closes after one response.
  TestConnection old(port_);
  ASSERT_TRUE(old.Send("GET /api/v1/health HTTP/1.0\r\n\r\n"));
  auto response = old.ReadResponse();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->version(), 10u);
  EXPECT_TRUE(old.ReadUntilClose(5s).closed);
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  options_.idle_timeout = 500ms;
  Start();
  TestConnection connection(port_);
  auto response = connection.Request("GET", "/api/v1/health");
  ASSERT_TRUE(response);
  EXPECT_TRUE(response->keep_alive());
  auto idle_since = Clock::now();
  TestConnection::Drained drained = connection.ReadUntilClose(5s);
  auto idle_for = Clock::now() - idle_since;
  EXPECT_TRUE(drained.closed);
  EXPECT_TRUE(drained.bytes.empty()) << drained.bytes;  // closed without a word
  EXPECT_GE(idle_for, 400ms);
  EXPECT_LT(idle_for, 3s);
}

TEST_F(ServerTest, ConnectionThatSendsNothingIsClosedAfterHeaderTimeout) {
  options_.header_timeout = 500ms;
  Start();
  TestConnection silent(port_);
  ASSERT_TRUE(silent.connected());
  TestConnection::Drained drained = silent.ReadUntilClose(5s);
  EXPECT_TRUE(drained.closed);
  EXPECT_TRUE(drained.bytes.empty());

  // Started but unfinished headers get a 408.
  TestConnection partial(port_);
  ASSERT_TRUE(partial.Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
  auto response = partial.ReadResponse();
  ExpectJsonError(response, 408, "request_timeout");
}

TEST_F(ServerTest, BodyThatStopsArrivingIs408) {
  options_.body_timeout = 500ms;
  Start();
  TestConnection connection(port_);
  ASSERT_TRUE(
      connection.Send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"));
  ExpectJsonError(connection.ReadResponse(), 408, "request_timeout");
}

TEST_F(ServerTest, SlowHandlerDoesNotBlockTheNetworkThread) {
  options_.io_threads = 1;  // if handlers ran on it, health would wait for the slow ones
  options_.worker_threads = 4;
  Start();
  auto slow_one = std::async(std::launch::async, [&] { return Get("/api/v1/slow?ms=3000"); });
  auto slow_two = std::async(std::launch::async, [&] { return Get("/api/v1/slow?ms=3000"); });
  auto deadline = Clock::now() + 5s;
  while (state_.slow_started < 2 && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(state_.slow_started, 2);

  for (int probe = 0; probe < 5; ++probe) {
    auto started = Clock::now();
    auto health = Get("/api/v1/health");
    auto took = Clock::now() - started;
    ASSERT_TRUE(health);
    EXPECT_EQ(health->result_int(), 200);
    EXPECT_LT(took, 1s) << "probe " << probe;
  }
  EXPECT_EQ(state_.slow_finished, 0);  // the probes really overlapped the slow handlers
  for (auto* slow : {&slow_one, &slow_two}) {
    auto response = slow->get();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200);
  }
}

TEST_F(ServerTest, PortInUseIsUnavailable) {
  Start();
  ServerOptions second_options = TestOptions();
  second_options.port = port_;
  Server second(second_options, Router());
  Status status = second.Start();
  EXPECT_EQ(status.code(), StatusCode::kUnavailable) << status;
  EXPECT_EQ(status.reason(), "address_in_use");
  EXPECT_NE(status.message().find("端口已被占用"), std::string::npos);
  EXPECT_EQ(second.port(), 0);
  auto health = Get("/api/v1/health");  // the first one is unharmed
  ASSERT_TRUE(health);
  EXPECT_EQ(health->result_int(), 200);
}

TEST_F(ServerTest, StartChecksItsConfiguration) {
  Router bad_routes;
  bad_routes.Get("no-leading-slash", [](const Request&) { return Response(); });
  Server bad_router_server(TestOptions(), std::move(bad_routes));
  EXPECT_EQ(bad_router_server.Start().reason(), "bad_route");

  ServerOptions missing_dir = TestOptions();
  missing_dir.static_dir = "/nonexistent/sunlight/web/dist";
  Server missing_dir_server(missing_dir, Router());
  EXPECT_EQ(missing_dir_server.Start().code(), StatusCode::kNotFound);

  ServerOptions bad_address = TestOptions();
  bad_address.address = "not-an-address";
  Server bad_address_server(bad_address, Router());
  EXPECT_EQ(bad_address_server.Start().code(), StatusCode::kInvalidArgument);

  Start();
  EXPECT_EQ(server_->Start().code(), StatusCode::kFailedPrecondition);
}

TEST_F(ServerTest, ConnectionsOverTheLimitGet503) {
  options_.max_connections = 2;
  Start();
  TestConnection first(port_);
  TestConnection second(port_);
  ASSERT_TRUE(first.Request("GET", "/api/v1/health"));
  ASSERT_TRUE(second.Request("GET", "/api/v1/health"));
  EXPECT_EQ(server_->connection_count(), 2u);

  TestConnection third(port_);
  ASSERT_TRUE(third.connected());
  auto response = third.ReadResponse();
  ExpectJsonError(response, 503, "server_busy");
  EXPECT_EQ((*response)["Retry-After"], "5");

  // The held connections still work.
  auto still = first.Request("GET", "/api/v1/health");
  ASSERT_TRUE(still);
  EXPECT_EQ(still->result_int(), 200);
}

TEST_F(ServerTest, LogsOneLinePerRequestWithoutQueryOrCookies) {
  LogCapture log;
  options_.log = log.Sink();
  options_.log_requests = true;
  Start();
  ASSERT_TRUE(Fetch(port_, "GET", "/api/v1/echo/7?token=abc123", {},
                    {{"Cookie", "session=s3cr3t"}, {"Authorization", "Bearer t0k3n"}}));
  ASSERT_TRUE(Get("/api/v1/public/reports/QC-8F3K2"));
  ASSERT_TRUE(Get("/api/v1/nothing"));
  server_->Stop();  // the log line is written after the response; Stop waits for it

  std::vector<std::string> request_lines;
  for (const std::string& line : log.Lines()) {
    if (line.find(" GET ") != std::string::npos) request_lines.push_back(line);
    for (const char* secret : {"abc123", "s3cr3t", "t0k3n", "QC-8F3K2", "token="}) {
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
    }
  }
  ASSERT_EQ(request_lines.size(), 3u);
  EXPECT_NE(request_lines[0].find("GET /api/v1/echo/7 200 "), std::string::npos)
      << request_lines[0];
  EXPECT_EQ(request_lines[0].back(), 's');  // "...1.2ms"
  EXPECT_NE(request_lines[1].find("GET /api/v1/public/reports/{query_code} 200 "),
            std::string::npos)
      << request_lines[1];
  EXPECT_NE(request_lines[2].find("GET /api/v1/nothing 404 "), std::string::npos)
      << request_lines[2];
}

TEST_F(ServerTest, GracefulStopFinishesInFlightRequests) {
  Start();
  TestConnection idle(port_);
  ASSERT_TRUE(idle.Request("GET", "/api/v1/health"));

  auto in_flight = std::async(std::launch::async, [&] { return Get("/api/v1/slow?ms=800"); });
  auto deadline = Clock::now() + 5s;
  while (state_.slow_started < 1 && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  ASSERT_EQ(state_.slow_started, 1);

  auto stop_started = Clock::now();
  server_->Stop();
  auto stop_took = Clock::now() - stop_started;

  auto response = in_flight.get();
  ASSERT_TRUE(response) << "the in-flight request was cut";
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_FALSE(response->keep_alive());  // told that the connection ends
  EXPECT_LT(stop_took, 5s);
  EXPECT_TRUE(idle.ReadUntilClose(2s).closed);          // idle keep-alive connection closed
  EXPECT_FALSE(TestConnection(port_, 1s).connected());  // no longer accepting
  EXPECT_EQ(server_->connection_count(), 0u);
  server_->Stop();  // idempotent
}

TEST_F(ServerTest, StopCutsRequestsThatOutlastTheShutdownTimeout) {
  options_.shutdown_timeout = 200ms;
  Start();
  auto in_flight = std::async(std::launch::async, [&] { return Get("/api/v1/slow?ms=1000"); });
  auto deadline = Clock::now() + 5s;
  while (state_.slow_started < 1 && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  server_->Stop();  // returns once the handler is done, but its client is already cut
  EXPECT_FALSE(in_flight.get());
  EXPECT_EQ(state_.slow_finished, 1);
}

}  // namespace
}  // namespace sunlight::http::testing
