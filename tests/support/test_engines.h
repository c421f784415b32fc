// Running one test on every store engine: TEST_P over Engine, with a fresh,
// empty database per test.
//
//   class MyTest : public sunlight::testing::EngineTest {};
//   TEST_P(MyTest, Works) {
//     auto db = Open();              // migrated, like Database::Open
//     …
//   }
//   INSTANTIATE_ENGINE_TEST_SUITE(MyTest);   // MyTest/Sqlite.Works, MyTest/Postgres.Works
//
// SQLite gets a file in a scratch directory; PostgreSQL a new database on the
// process's test server (postgres_server.h). If that server cannot start,
// every Postgres test fails with its log.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/database.h"

namespace sunlight::testing {

enum class Engine { kSqlite, kPostgres };

// The engine this test process was asked for: SUNLIGHT_TEST_ENGINE=postgres or =sqlite (unset:
// SQLite). ctest registers the fixture-based layers (API, import, rules, access) a second time
// with SUNLIGHT_TEST_ENGINE=postgres (tests/CMakeLists.txt), so the same tests run on both
// engines without each test being written as TEST_P. Any other value is an error, never a
// silent fallback to SQLite.
StatusOr<Engine> EngineFromEnvironment();

// "Sqlite", "Postgres": the test-name suffix.
std::string EngineName(Engine engine);
std::string EngineParamName(const ::testing::TestParamInfo<Engine>& info);

// A fresh database of one engine: its URL, and the scratch space it lives in.
class TestDatabase {
 public:
  static StatusOr<std::unique_ptr<TestDatabase>> Create(Engine engine);
  // Create(EngineFromEnvironment()).
  static StatusOr<std::unique_ptr<TestDatabase>> FromEnvironment();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Engine engine() const { return engine_; }
  const std::string& url() const { return url_; }
  // A directory for the test's other files (backups, copies), removed at the end.
  const std::filesystem::path& scratch() const { return scratch_; }
  // Another fresh, empty database of the same engine (e.g. to restore into).
  StatusOr<std::string> Another();

 private:
  TestDatabase(Engine engine, std::filesystem::path scratch)
      : engine_(engine), scratch_(std::move(scratch)) {}

  Engine engine_;
  std::filesystem::path scratch_;
  std::string url_;
  int others_ = 0;
};

class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;

  Engine engine() const { return GetParam(); }
  bool postgres() const { return GetParam() == Engine::kPostgres; }
  const std::string& url() const { return database_->url(); }
  TestDatabase& database() { return *database_; }
  // Opens the test's database (nullptr and a test failure on error).
  std::unique_ptr<store::Database> Open(const store::OpenOptions& options = {});

 private:
  std::unique_ptr<TestDatabase> database_;
};

}  // namespace sunlight::testing

#define INSTANTIATE_ENGINE_TEST_SUITE(suite)                                          \
  INSTANTIATE_TEST_SUITE_P(, suite,                                                   \
                           ::testing::Values(::sunlight::testing::Engine::kSqlite,    \
                                             ::sunlight::testing::Engine::kPostgres), \
                           ::sunlight::testing::EngineParamName)
