// What only the PostgreSQL engine does, on a real server: connecting and
// creating databases, the aborted-transaction rule, concurrent first opens,
// and the pg_dump backup restored with pg_restore.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "store/connection.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/transaction.h"
#include "store_test_util.h"
#include "support/postgres_server.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using sunlight::testing::Engine;
using sunlight::testing::PostgresServer;
using sunlight::testing::TestDatabase;
using testing::ConnectOrDie;
using testing::OpenOrDie;
using testing::QueryInt;

PostgresServer* Server() {
  StatusOr<PostgresServer*> server = PostgresServer::Get();
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *server : nullptr;
}

TEST(PostgresEngineTest, AnUnreachableServerIsUnavailable) {
  StatusOr<std::unique_ptr<Database>> db =
      Database::Open("postgresql://sunlight:secret@127.0.0.1:1/sunlight?connect_timeout=2");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status();
  EXPECT_EQ(db.status().message().find("secret"), std::string::npos) << db.status();
}

TEST(PostgresEngineTest, AMissingDatabaseIsCreatedOnlyWhenAllowed) {
  PostgresServer* server = Server();
  ASSERT_NE(server, nullptr);
  const std::string url = server->Url("created_" + std::to_string(::getpid()));
  OpenOptions no_create;
  no_create.create_if_missing = false;
  StatusOr<std::unique_ptr<Database>> refused = Database::Open(url, no_create);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound) << refused.status();

  auto db = OpenOrDie(url);
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(Migrations().size()));
  StatusOr<ResultSet> zone = conn->Query("SHOW TimeZone");
  ASSERT_TRUE(zone.ok());
  EXPECT_EQ(zone->row(0)[0], Value("UTC"));
}

TEST(PostgresEngineTest, AFailedStatementAbortsTheWholeTransaction) {
  // The one difference callers see: SQLite undoes only the failed statement.
  StatusOr<std::unique_ptr<TestDatabase>> database = TestDatabase::Create(Engine::kPostgres);
  ASSERT_TRUE(database.ok()) << database.status();
  auto db = OpenOrDie((*database)->url());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(conn->Execute("INSERT INTO meta(key, value) VALUES ('a', '1')").ok());
    EXPECT_EQ(conn->Execute("INSERT INTO meta(key, value) VALUES ('a', '2')").reason(),
              "unique_violation");
    Status next = conn->Execute("INSERT INTO meta(key, value) VALUES ('b', '3')");
    EXPECT_EQ(next.reason(), "transaction_aborted") << next;
    Status commit = tx->Commit();
    EXPECT_EQ(commit.code(), StatusCode::kAborted) << commit;
  }
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM meta"), 0);
}

TEST(PostgresEngineTest, ConcurrentFirstOpensMigrateOnce) {
  PostgresServer* server = Server();
  ASSERT_NE(server, nullptr);
  StatusOr<std::string> url = server->CreateDatabase();
  ASSERT_TRUE(url.ok()) << url.status();
  std::vector<Status> results(4);
  std::vector<std::thread> openers;
  for (std::size_t opener_idx = 0; opener_idx < results.size(); ++opener_idx) {
    openers.emplace_back([&, opener_idx] {
      OpenOptions options;
      options.busy_timeout = std::chrono::milliseconds(20000);
      results[opener_idx] = Database::Open(*url, options).status();
    });
  }
  for (std::thread& opener : openers) opener.join();
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result;
  auto db = OpenOrDie(*url);
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(Migrations().size()));
}

TEST(PostgresEngineTest, PortableSqlNeedsTypedNullChecks) {
  // A parameter the server cannot type is refused at once, with the reason.
  StatusOr<std::unique_ptr<TestDatabase>> database = TestDatabase::Create(Engine::kPostgres);
  ASSERT_TRUE(database.ok()) << database.status();
  auto db = OpenOrDie((*database)->url());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  StatusOr<ResultSet> untyped = conn->Query("SELECT COUNT(*) FROM meta WHERE ? IS NULL", {nullptr});
  EXPECT_FALSE(untyped.ok());
  StatusOr<ResultSet> typed =
      conn->Query("SELECT COUNT(*) FROM meta WHERE CAST(? AS TEXT) IS NULL", {nullptr});
  ASSERT_TRUE(typed.ok()) << typed.status();
  EXPECT_EQ(typed->row(0)[0], Value(0));
}

TEST(PostgresEngineTest, BackupIsAPgDumpArchiveThatPgRestoreRestores) {
  PostgresServer* server = Server();
  ASSERT_NE(server, nullptr);
  StatusOr<std::unique_ptr<TestDatabase>> database = TestDatabase::Create(Engine::kPostgres);
  ASSERT_TRUE(database.ok()) << database.status();
  const std::filesystem::path out = (*database)->scratch() / "copies/backup.dump";
  {
    auto db = OpenOrDie((*database)->url());
    ASSERT_NE(db, nullptr);
    auto conn = ConnectOrDie(*db);
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(conn->Execute("INSERT INTO meta(key, value) VALUES (?, ?)",
                                {"k" + std::to_string(i), "第" + std::to_string(i)})
                      .ok());
    }
    // An open transaction elsewhere does not stop it (pg_dump reads a snapshot).
    auto holder = ConnectOrDie(*db);
    StatusOr<Transaction> write = holder->Begin();
    ASSERT_TRUE(write.ok());
    ASSERT_TRUE(holder->Execute("INSERT INTO meta(key, value) VALUES ('uncommitted', 'x')").ok());
    Status backup = db->Backup(out);
    ASSERT_TRUE(backup.ok()) << backup;
    EXPECT_EQ(db->Backup(out).code(), StatusCode::kAlreadyExists);
  }
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out.string() + ".partial"));

  StatusOr<std::string> restored_url = (*database)->Another();
  ASSERT_TRUE(restored_url.ok()) << restored_url.status();
  std::string command = (server->bin_dir() / "pg_restore").string() +
                        " --no-owner --dbname=" + *restored_url + " " + out.string() + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  auto copy = OpenOrDie(*restored_url);
  ASSERT_NE(copy, nullptr);
  auto conn = ConnectOrDie(*copy);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM meta"), 100);
  StatusOr<ResultSet> rs = conn->Query("SELECT value FROM meta WHERE key = ?", {"k42"});
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->row(0)[0].text(), "第42");
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM schema_migrations"),
            static_cast<int64_t>(Migrations().size()));
}

}  // namespace
}  // namespace sunlight::store
