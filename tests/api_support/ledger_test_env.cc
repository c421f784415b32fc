#include "api_support/ledger_test_env.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/api/ledger_routes.h"
#include "http/api/warning_routes.h"
#include "http/error_response.h"
#include "http/router.h"

namespace sunlight::http::ledger_testing {
namespace {

namespace fs = std::filesystem;
namespace beast = boost::beast;
namespace asio = boost::asio;

std::vector<std::string> SplitComma(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) out.emplace_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

LedgerWorld* LedgerWorld::Get() {
  // Destroyed at exit: the server stops before the database copy (and its PostgreSQL server)
  // goes.
  static std::unique_ptr<LedgerWorld> world = [] {
    std::unique_ptr<LedgerWorld> w(new LedgerWorld());
    if (!w->Build()) w.reset();
    return w;
  }();
  EXPECT_NE(world, nullptr) << "the ledger test world could not be built (see above)";
  return world.get();
}

LedgerWorld::~LedgerWorld() {
  if (server_) server_->Stop();
  server_.reset();
  demo_.reset();
}

bool LedgerWorld::Build() {
  StatusOr<std::unique_ptr<testing::DemoCopy>> demo = testing::DemoCopy::Make();
  if (!demo.ok()) {
    ADD_FAILURE() << demo.status();
    return false;
  }
  demo_ = std::move(demo).value();

  for (const std::string& id : Column("SELECT household_id FROM households")) {
    household_ids_.insert(id);
  }

  ApiContext ctx;
  ctx.db = &demo_->db();
  ctx.authenticate = [](const Request& request) -> StatusOr<access::Principal> {
    std::optional<std::string_view> scope = request.Header("X-Test-Scope");
    if (!scope) return UnauthenticatedError("请先登录", "unauthenticated");
    access::Principal who;
    who.user_id = 1;
    who.login = "tester";
    who.role = access::Role::kSupervisor;
    who.scope.region_prefixes = SplitComma(*scope);
    who.scope.may_see_names = request.Header("X-Test-Names").has_value();
    return who;
  };
  std::shared_ptr<AuditLog> audits = audits_;
  ctx.audit = [audits](const access::Principal&, const Request&, std::string_view action,
                       std::string_view target, std::string_view outcome) {
    std::lock_guard lock(audits->mu);
    audits->records.push_back({std::string(action), std::string(target), std::string(outcome)});
  };
  Router router;
  RegisterLedgerRoutes(router, ctx);
  RegisterWarningRoutes(router, ctx);
  ServerOptions options;
  options.address = "127.0.0.1";
  options.port = 0;
  options.io_threads = 1;
  options.worker_threads = 2;
  options.log_requests = false;
  options.log = [](std::string_view) {};
  server_ = std::make_unique<Server>(std::move(options), std::move(router));
  if (Status started = server_->Start(); !started.ok()) {
    ADD_FAILURE() << started;
    return false;
  }
  return true;
}

HttpResult LedgerWorld::Fetch(const std::string& target, std::optional<std::string> scope,
                              bool see_names) const {
  HttpResult result;
  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({asio::ip::make_address("127.0.0.1"), port()}, ec);
  if (ec) {
    ADD_FAILURE() << "connect: " << ec.message();
    return result;
  }
  beast::http::request<beast::http::string_body> request(beast::http::verb::get, target, 11);
  request.set(beast::http::field::host, "127.0.0.1");
  if (scope) request.set("X-Test-Scope", *scope);
  if (see_names) request.set("X-Test-Names", "1");
  beast::http::write(socket, request, ec);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> response;
  if (!ec) beast::http::read(socket, buffer, response, ec);
  if (ec) {
    ADD_FAILURE() << "GET " << target << ": " << ec.message();
    return result;
  }
  result.status = response.result_int();
  result.body = response.body();
  result.json = nlohmann::json::parse(result.body, nullptr, /*allow_exceptions=*/false);
  return result;
}

int64_t LedgerWorld::Count(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<std::string> values = Column(sql, params);
  return values.empty() ? -1 : std::stoll(values.front());
}

std::vector<std::string> LedgerWorld::Column(const std::string& sql,
                                             const std::vector<std::string>& params) {
  std::vector<std::string> out;
  StatusOr<std::unique_ptr<store::Connection>> conn = db().Connect();
  if (!conn.ok()) {
    ADD_FAILURE() << conn.status();
    return out;
  }
  std::vector<store::Value> values(params.begin(), params.end());
  StatusOr<store::ResultSet> rows = (*conn)->Query(sql, values);
  if (!rows.ok()) {
    ADD_FAILURE() << sql << ": " << rows.status();
    return out;
  }
  for (size_t r = 0; r < rows->size(); ++r) out.push_back(rows->at(r, 0).AsText());
  return out;
}

std::vector<AuditRecord> LedgerWorld::Audits() const {
  std::lock_guard lock(audits_->mu);
  return audits_->records;
}

std::vector<std::string> LedgerWorld::UnmaskedNumbers(const std::string& body) const {
  std::vector<std::string> out;
  for (std::string& run : LongDigitRuns(body)) {
    if (household_ids_.count(run) == 0) out.push_back(std::move(run));
  }
  return out;
}

std::vector<std::string> LongDigitRuns(const std::string& text) {
  std::vector<std::string> runs;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (end < text.size() && (text[end] == 'X' || text[end] == 'x')) ++end;
    if (end - i >= 13) runs.push_back(text.substr(i, end - i));
    i = end;
  }
  return runs;
}

}  // namespace sunlight::http::ledger_testing
