// A real server on the demo dataset, with the demo accounts, for the API tests.
//
//   class HouseholdsTest : public ApiTest {};
//   TEST_F(HouseholdsTest, OutsideJurisdictionIs403) {
//     ApiClient gz = LoginAs("gz_jw");                    // password kDemoPassword
//     HttpResponse r = gz.Get("/api/v1/households/H…");
//     EXPECT_EQ(r.result_int(), 403);
//     EXPECT_EQ(JsonOf(r)["error"]["code"], "outside_jurisdiction");
//   }
//
// The demo world (tools/demo_data, 300 households, seed 1, as of 2021-12-31, imported with the
// full division table, scanned, with the demo accounts of access/demo_accounts.h) is built once
// per build of the test binary and cached across its processes (support/test_cache.h), on the
// engine SUNLIGHT_TEST_ENGINE names (support/test_engines.h; ctest runs every API test on
// SQLite and again on PostgreSQL). Each test gets its own copy — a copied SQLite file, or its
// own PostgreSQL server on a copy of the cached cluster — and its own server on loopback, so
// tests may change data freely.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "access/demo_accounts.h"
#include "http/server.h"
#include "http/test_client.h"
#include "store/database.h"
#include "support/postgres_server.h"
#include "support/test_engines.h"

namespace sunlight::http::testing {

// The demo dataset's generated files (e.g. to read organizations.csv or the anomaly manifest).
const std::filesystem::path& DemoDatasetDir();

// The engine this process's API tests run on (SUNLIGHT_TEST_ENGINE).
::sunlight::testing::Engine DemoEngine();

// A private, writable copy of the demo world. Members are destroyed bottom-up: the database
// handle before the PostgreSQL server it talks to, then the scratch directory.
class DemoCopy {
 public:
  static StatusOr<std::unique_ptr<DemoCopy>> Make();
  ~DemoCopy();
  DemoCopy(const DemoCopy&) = delete;
  DemoCopy& operator=(const DemoCopy&) = delete;

  store::Database& db() { return *db_; }
  // Closes the database (e.g. before the server that used it is gone).
  void Close() { db_.reset(); }

 private:
  DemoCopy() = default;

  std::filesystem::path dir_;
  std::unique_ptr<::sunlight::testing::PostgresServer> postgres_;
  std::unique_ptr<store::Database> db_;
};

// A client that keeps the session cookie and CSRF token of its last login and sends them with
// every request (the token only on state-changing methods, as a browser app would).
class ApiClient {
 public:
  explicit ApiClient(uint16_t port) : port_(port) {}

  // POST /api/v1/session; on 200 keeps the cookie and the CSRF token.
  HttpResponse Login(std::string_view login, std::string_view password = access::kDemoPassword,
                     std::string_view totp = {});

  HttpResponse Get(std::string_view target) { return Send("GET", target, {}); }
  HttpResponse Delete(std::string_view target) { return Send("DELETE", target, {}); }
  HttpResponse Post(std::string_view target, const nlohmann::json& body) {
    return Send("POST", target, body.dump());
  }
  HttpResponse Put(std::string_view target, const nlohmann::json& body) {
    return Send("PUT", target, body.dump());
  }
  HttpResponse Patch(std::string_view target, const nlohmann::json& body) {
    return Send("PATCH", target, body.dump());
  }
  // Any request; the cookie and (for state-changing methods) the CSRF token are added unless
  // overridden by `headers`.
  HttpResponse Send(std::string_view method, std::string_view target, std::string_view body,
                    NameValueList headers = {});

  const std::string& session_id() const { return session_id_; }
  const std::string& csrf_token() const { return csrf_token_; }
  void set_session_id(std::string id) { session_id_ = std::move(id); }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }

 private:
  uint16_t port_;
  std::string session_id_;
  std::string csrf_token_;
};

// The sunlight_session value of a response's Set-Cookie, or "".
std::string SessionCookieOf(const HttpResponse& response);

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Access options of this test's server; override to shorten lockouts and the like.
  virtual access::AccessOptions Options() const { return {}; }

  uint16_t port() const { return server_->port(); }
  store::Database& db() { return demo_->db(); }
  bool postgres() const { return DemoEngine() == ::sunlight::testing::Engine::kPostgres; }
  ApiClient Client() const { return ApiClient(port()); }
  // A client logged in as `login` (a demo account unless the test created others); fails the
  // test when the login does not succeed.
  ApiClient LoginAs(std::string_view login, std::string_view password = access::kDemoPassword);

  // Adds a user directly in the store (not audited), e.g. a county user for a jurisdiction test.
  void AddUser(std::string_view login, access::Role role, std::string_view org_id,
               bool temporary = false);

 private:
  std::unique_ptr<DemoCopy> demo_;
  std::unique_ptr<Server> server_;
};

}  // namespace sunlight::http::testing
