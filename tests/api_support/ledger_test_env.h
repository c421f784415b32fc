// Shared by the ledger and warnings API tests: a copy of the API tests' demo world (the demo
// generator's dataset with real division codes, imported by the importer, scanned by the rules;
// api_test_fixture.h — on SQLite or PostgreSQL as SUNLIGHT_TEST_ENGINE says), and a real server
// on loopback serving RegisterLedgerRoutes and RegisterWarningRoutes.
//
// Until the access layer's session fixture is used here, requests name their principal's
// scope in a header that this test ApiContext's authenticate reads:
//   X-Test-Scope: 520521,4401     region prefixes (no header: 401; empty: a scope of nothing)
//   X-Test-Names: 1               the scope may see names in full
// The scope logic under test (RecordScope::Allows, the SQL built from it) is the production one.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_support/api_test_fixture.h"
#include "http/server.h"
#include "store/database.h"

namespace sunlight::http::ledger_testing {

struct AuditRecord {
  std::string action;
  std::string target;
  std::string outcome;
};

struct HttpResult {
  int status = 0;
  std::string body;
  nlohmann::json json;  // discarded when the body is not JSON
};

class LedgerWorld {
 public:
  // Built once per test binary (generate, import, scan, serve); nullptr after a failure,
  // which is reported as a test failure by the first caller.
  static LedgerWorld* Get();

  store::Database& db() { return demo_->db(); }
  uint16_t port() const { return server_->port(); }

  // GET `target` as a principal with these region prefixes (nullopt: not logged in).
  HttpResult Fetch(const std::string& target, std::optional<std::string> scope,
                   bool see_names = false) const;

  // A single-value query on the test database (for expected counts).
  int64_t Count(const std::string& sql, const std::vector<std::string>& params = {});
  std::vector<std::string> Column(const std::string& sql,
                                  const std::vector<std::string>& params = {});

  std::vector<AuditRecord> Audits() const;

  // LongDigitRuns of `body` that are not a household id (household ids of the demo data are
  // 16-digit village code + sequence, not personal numbers).
  std::vector<std::string> UnmaskedNumbers(const std::string& body) const;

 private:
  LedgerWorld() = default;
  bool Build();

 public:
  ~LedgerWorld();

 private:
  std::unique_ptr<testing::DemoCopy> demo_;  // outlives the server that reads it
  std::unique_ptr<Server> server_;
  std::set<std::string> household_ids_;
  struct AuditLog {
    mutable std::mutex mu;
    std::vector<AuditRecord> records;  // guarded by mu
  };
  std::shared_ptr<AuditLog> audits_ = std::make_shared<AuditLog>();
};

// Digit runs (an X may end one) of 13 characters or more: longer than any region code, so an
// unmasked ID number, card number or long account number. Empty when the text has none.
std::vector<std::string> LongDigitRuns(const std::string& text);

}  // namespace sunlight::http::ledger_testing
