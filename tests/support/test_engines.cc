// Fresh databases per engine for parameterised tests.
#include "test_engines.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string_view>
#include <system_error>

#include "postgres_server.h"

namespace sunlight::testing {

std::string EngineName(Engine engine) { return engine == Engine::kSqlite ? "Sqlite" : "Postgres"; }

std::string EngineParamName(const ::testing::TestParamInfo<Engine>& info) {
  return EngineName(info.param);
}

StatusOr<Engine> EngineFromEnvironment() {
  const char* value = std::getenv("SUNLIGHT_TEST_ENGINE");
  if (value == nullptr || *value == '\0' || std::string_view(value) == "sqlite") {
    return Engine::kSqlite;
  }
  if (std::string_view(value) == "postgres") return Engine::kPostgres;
  return InvalidArgumentError(
      std::string("SUNLIGHT_TEST_ENGINE 只能是 sqlite 或 postgres，而不是 ") + value);
}

StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::FromEnvironment() {
  SUNLIGHT_ASSIGN_OR_RETURN(Engine engine, EngineFromEnvironment());
  return Create(engine);
}

StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create(Engine engine) {
  static std::atomic<int> counter{0};
  std::filesystem::path scratch =
      std::filesystem::temp_directory_path() /
      ("sunlight-test-" + std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1)));
  std::error_code error;
  std::filesystem::create_directories(scratch, error);
  if (error) return InternalError("cannot create " + scratch.string() + ": " + error.message());
  std::unique_ptr<TestDatabase> database(new TestDatabase(engine, scratch));
  SUNLIGHT_ASSIGN_OR_RETURN(database->url_, database->Another());
  return database;
}

StatusOr<std::string> TestDatabase::Another() {
  if (engine_ == Engine::kSqlite) {
    return (scratch_ / ("db" + std::to_string(++others_) + ".sqlite")).string();
  }
  SUNLIGHT_ASSIGN_OR_RETURN(PostgresServer * server, PostgresServer::Get());
  return server->CreateDatabase();
}

TestDatabase::~TestDatabase() {
  // PostgreSQL databases go with the server's directory when the process ends.
  std::error_code error;
  std::filesystem::remove_all(scratch_, error);
}

void EngineTest::SetUp() {
  StatusOr<std::unique_ptr<TestDatabase>> database = TestDatabase::Create(GetParam());
  ASSERT_TRUE(database.ok()) << database.status();
  database_ = std::move(database).value();
}

std::unique_ptr<store::Database> EngineTest::Open(const store::OpenOptions& options) {
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(url(), options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(db).value() : nullptr;
}

}  // namespace sunlight::testing
