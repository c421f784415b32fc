// The server under many and under hostile clients, on loopback: a thousand keep-alive
// connections at once, and slow-loris clients trickling their headers. Functional assertions
// with generous deadlines, not benchmarks. The clients are coroutines on one client thread.
#include <sys/resource.h>

#include <atomic>
#include <future>
#include <thread>
#include <utility>  // before Asio: its awaitable.hpp uses std::exchange without it

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>

#include "http/fd_limit.h"
#include "test_client.h"
#include "test_routes.h"

namespace sunlight::http::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using boost::system::error_code;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr int kConnections = 1000;

// Polls `done` until it holds or `timeout` passes.
template <typename Predicate>
bool WaitFor(Predicate done, std::chrono::milliseconds timeout) {
  auto deadline = Clock::now() + timeout;
  while (!done()) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

// Health requests from another client, one after another until told to stop; remembers the
// slowest. Runs on its own thread.
class HealthProber {
 public:
  explicit HealthProber(uint16_t port)
      : worker_(std::async(std::launch::async, [this, port] { Run(port); })) {}
  // Stops probing; returns {probes answered, failures, slowest answer}.
  struct Result {
    int answered = 0;
    int failed = 0;
    Clock::duration slowest{};
  };
  Result Finish() {
    stop_ = true;
    worker_.get();
    return result_;
  }

 private:
  void Run(uint16_t port) {
    while (!stop_) {
      auto started = Clock::now();
      auto response = Fetch(port, "GET", "/api/v1/health", {}, {}, 10s);
      auto took = Clock::now() - started;
      if (response && response->result_int() == 200 && response->body() == R"({"status":"ok"})") {
        result_.answered++;
        result_.slowest = std::max(result_.slowest, took);
      } else {
        result_.failed++;
      }
      std::this_thread::sleep_for(20ms);
    }
  }

  std::atomic<bool> stop_{false};
  Result result_;  // written by the worker only, read after it ends
  std::future<void> worker_;
};

// Shared by the test thread and the client thread: counters are atomic; the gates are
// touched only on the client thread (the test posts to it).
struct MassClients {
  asio::io_context io;
  asio::steady_timer second_round_gate{io, Clock::time_point::max()};
  asio::steady_timer close_gate{io, Clock::time_point::max()};
  std::atomic<int> first_round_ok{0};
  std::atomic<int> second_round_ok{0};
  std::atomic<int> failed{0};
};

// Sends GET /api/v1/echo/{tag} and checks that the answer names the tag.
asio::awaitable<bool> EchoOnce(tcp::socket& socket, beast::flat_buffer& buffer, std::string tag) {
  error_code ec;
  std::string request = FormatRequest("GET", "/api/v1/echo/" + tag);
  co_await asio::async_write(socket, asio::buffer(request),
                             asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return false;
  HttpResponse response;
  co_await beast::http::async_read(socket, buffer, response,
                                   asio::redirect_error(asio::use_awaitable, ec));
  if (ec || response.result_int() != 200 || !response.keep_alive()) co_return false;
  nlohmann::json body = JsonOf(response);
  co_return body.is_object() && body["id"] == tag;
}

// One keep-alive connection: a request, hold the connection open until the second-round
// gate opens, a second request on the same connection, hold again until the close gate.
asio::awaitable<void> MassClient(MassClients* clients, tcp::endpoint server, int index) {
  tcp::socket socket(clients->io);
  beast::flat_buffer buffer;
  error_code ec;
  co_await socket.async_connect(server, asio::redirect_error(asio::use_awaitable, ec));
  bool ok = !ec && co_await EchoOnce(socket, buffer, "first-" + std::to_string(index));
  if (!ok) {
    clients->failed++;
    co_return;
  }
  clients->first_round_ok++;
  co_await clients->second_round_gate.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  ok = co_await EchoOnce(socket, buffer, "second-" + std::to_string(index));
  if (!ok) {
    clients->failed++;
    co_return;
  }
  clients->second_round_ok++;
  co_await clients->close_gate.async_wait(asio::redirect_error(asio::use_awaitable, ec));
}

TEST(ServerLoadTest, ThousandKeepAliveConnectionsWhileOthersAreServed) {
  // Two descriptors per connection in this one process (client and server side), plus slack.
  StatusOr<uint64_t> open_files = RaiseOpenFileLimit();
  ASSERT_TRUE(open_files.ok()) << open_files.status();
  if (*open_files < 2 * kConnections + 200) {
    GTEST_SKIP() << "open-file hard limit " << *open_files << " is too low for this test";
  }
  TestRouteState state;
  auto server = StartServer(TestOptions(), MakeTestRouter(state));
  ASSERT_NE(server, nullptr);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server->port());

  HealthProber prober(server->port());
  MassClients clients;
  for (int index = 0; index < kConnections; ++index) {
    asio::co_spawn(clients.io, MassClient(&clients, endpoint, index), asio::detached);
  }
  std::thread client_thread([&] { clients.io.run(); });

  // Round one: every connection answered, and all of them held open at once.
  EXPECT_TRUE(
      WaitFor([&] { return clients.first_round_ok + clients.failed == kConnections; }, 60s));
  EXPECT_EQ(clients.first_round_ok, kConnections);
  EXPECT_EQ(clients.failed, 0);
  EXPECT_GE(server->connection_count(), static_cast<size_t>(kConnections));

  // While the thousand sit open, another client is still served promptly.
  std::this_thread::sleep_for(300ms);
  HealthProber::Result probes = prober.Finish();
  EXPECT_GE(probes.answered, 3);
  EXPECT_EQ(probes.failed, 0);
  EXPECT_LT(probes.slowest, 2s);
  auto started = Clock::now();
  auto health = Fetch(server->port(), "GET", "/api/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->result_int(), 200);
  EXPECT_LT(Clock::now() - started, 2s);

  // Round two on the same connections: keep-alive really held.
  asio::post(clients.io, [&] { clients.second_round_gate.cancel(); });
  EXPECT_TRUE(
      WaitFor([&] { return clients.second_round_ok + clients.failed == kConnections; }, 60s));
  EXPECT_EQ(clients.second_round_ok, kConnections);
  EXPECT_EQ(clients.failed, 0);

  asio::post(clients.io, [&] { clients.close_gate.cancel(); });
  client_thread.join();
  server->Stop();
}

// One slow-loris client: sends its request one byte a second while reading whatever comes.
struct SlowClient {
  explicit SlowClient(asio::io_context& io) : socket(io) {}
  tcp::socket socket;
  std::string received;
  Clock::time_point connected_at;
  Clock::time_point ended_at;  // when the server answered and closed, or cut it off
  bool ended = false;
};

asio::awaitable<void> SlowReader(SlowClient* client) {
  error_code ec;
  co_await asio::async_read(client->socket, asio::dynamic_buffer(client->received),
                            asio::redirect_error(asio::use_awaitable, ec));
  client->ended_at = Clock::now();
  client->ended = true;
}

asio::awaitable<void> SlowWriter(SlowClient* client, tcp::endpoint server) {
  error_code ec;
  co_await client->socket.async_connect(server, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    client->ended = true;
    co_return;
  }
  client->connected_at = Clock::now();
  asio::co_spawn(client->socket.get_executor(), SlowReader(client), asio::detached);
  const std::string request = FormatRequest("GET", "/api/v1/health");
  asio::steady_timer pause(client->socket.get_executor());
  for (char byte : request) {
    if (client->ended) break;
    co_await asio::async_write(client->socket, asio::buffer(&byte, 1),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
    pause.expires_after(1s);
    co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

TEST(ServerLoadTest, SlowLorisClientsAreCutOffWithoutDelayingOthers) {
  constexpr int kSlowClients = 30;
  constexpr auto kHeaderTimeout = 2s;
  ServerOptions options = TestOptions();
  options.header_timeout = kHeaderTimeout;
  TestRouteState state;
  auto server = StartServer(options, MakeTestRouter(state));
  ASSERT_NE(server, nullptr);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), server->port());

  asio::io_context io;
  std::vector<std::unique_ptr<SlowClient>> slow;
  for (int index = 0; index < kSlowClients; ++index) {
    slow.push_back(std::make_unique<SlowClient>(io));
    asio::co_spawn(io, SlowWriter(slow.back().get(), endpoint), asio::detached);
  }
  std::thread client_thread([&] { io.run(); });

  // While they trickle, everyone else is served promptly.
  std::this_thread::sleep_for(300ms);
  for (int probe = 0; probe < 8; ++probe) {
    auto started = Clock::now();
    auto health = Fetch(server->port(), "GET", "/api/v1/health");
    auto took = Clock::now() - started;
    ASSERT_TRUE(health) << "probe " << probe;
    EXPECT_EQ(health->result_int(), 200);
    EXPECT_LT(took, 1s) << "probe " << probe;
    std::this_thread::sleep_for(150ms);
  }

  // Every slow client is answered 408 and closed soon after its header time is up. (The
  // writers stop once their reader sees the close, so the client thread then runs dry.)
  client_thread.join();
  for (int index = 0; index < kSlowClients; ++index) {
    SCOPED_TRACE("slow client " + std::to_string(index));
    const SlowClient& client = *slow[index];
    ASSERT_TRUE(client.ended);
    EXPECT_EQ(client.received.rfind("HTTP/1.1 408 ", 0), 0u) << client.received;
    EXPECT_NE(client.received.find("\"request_timeout\""), std::string::npos);
    auto lasted = client.ended_at - client.connected_at;
    EXPECT_GE(lasted, kHeaderTimeout - 200ms);
    EXPECT_LT(lasted, kHeaderTimeout + 1500ms);
  }
  server->Stop();
}

}  // namespace
}  // namespace sunlight::http::testing
