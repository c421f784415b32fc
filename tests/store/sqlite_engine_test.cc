// What only the SQLite engine does: WAL, defensive mode, files and in-memory
// databases, the online backup. Behaviour common to both engines is tested
// on both in engine_test.cc.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sqlite3.h>

#include "store/connection.h"
#include "store/database.h"
#include "store/transaction.h"
#include "store_test_util.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;
using testing::OpenOrDie;
using testing::QueryInt;
using testing::ScratchDir;

constexpr std::string_view kCreateSample =
    "CREATE TABLE sample (i BIGINT, r DOUBLE PRECISION, s TEXT, b BLOB, n TEXT)";
TEST(SqliteEngineTest, FileDatabaseUsesWal) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "wal.db").string());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  StatusOr<ResultSet> mode = conn->Query("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  EXPECT_EQ(mode->row(0)[0].text(), "wal");
  EXPECT_EQ(QueryInt(*conn, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(*conn, "PRAGMA synchronous"), 1);  // NORMAL
}

TEST(SqliteEngineTest, NewFilesGetLargePagesAndOldFilesKeepTheirs) {
  ScratchDir dir;
  {
    auto db = OpenOrDie((dir / "new.db").string());
    ASSERT_NE(db, nullptr);
    auto conn = ConnectOrDie(*db);
    EXPECT_EQ(QueryInt(*conn, "PRAGMA page_size"), 16384);
  }
  // A file made elsewhere with SQLite's default pages (and already holding a table) keeps them:
  // the size of an existing database cannot change in WAL mode, and must not be attempted.
  const std::string old_path = (dir / "old.db").string();
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(old_path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "PRAGMA page_size = 4096; CREATE TABLE t (x INTEGER)", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(raw);
  }
  auto db = OpenOrDie(old_path);
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(QueryInt(*conn, "PRAGMA page_size"), 4096);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM t"), 0);
}

TEST(SqliteEngineTest, BulkLoadEnlargesTheCacheUntilItEnds) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "bulk.db").string());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  const int64_t usual = QueryInt(*conn, "PRAGMA cache_size");
  EXPECT_EQ(usual, -2000);
  ASSERT_TRUE(conn->SetBulkLoad(true).ok());
  EXPECT_EQ(QueryInt(*conn, "PRAGMA cache_size"), -64 * 1024);  // the only connection
  EXPECT_EQ(QueryInt(*conn, "PRAGMA threads"), 0);              // the sorter's one thread is faster
  ASSERT_TRUE(conn->SetBulkLoad(false).ok());
  EXPECT_EQ(QueryInt(*conn, "PRAGMA cache_size"), usual);
  EXPECT_EQ(QueryInt(*conn, "PRAGMA threads"), 0);
}

// The journal mode's text ("wal", "delete").
std::string JournalMode(Connection& conn) {
  StatusOr<ResultSet> mode = conn.Query("PRAGMA journal_mode");
  EXPECT_TRUE(mode.ok()) << mode.status();
  return mode.ok() ? mode->at(0, 0).AsText() : "";
}

TEST(SqliteEngineTest, BulkLoadOnTheOnlyConnectionUsesARollbackJournal) {
  ScratchDir dir;
  const std::string path = (dir / "journal.db").string();
  auto db = OpenOrDie(path);
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute("CREATE TABLE t (x INTEGER)").ok());
  EXPECT_EQ(JournalMode(*conn), "wal");
  ASSERT_TRUE(conn->SetBulkLoad(true).ok());
  EXPECT_EQ(JournalMode(*conn), "delete");
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status();
    ASSERT_TRUE(conn->Execute("INSERT INTO t VALUES (1), (2)").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(conn->SetBulkLoad(false).ok());
  EXPECT_EQ(JournalMode(*conn), "wal");
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM t"), 2);
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

TEST(SqliteEngineTest, BulkLoadKeepsTheWalWhileAnotherConnectionIsOpen) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "shared.db").string());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  auto other = ConnectOrDie(*db);  // open and idle, as in a server's pool
  ASSERT_TRUE(conn->Execute("CREATE TABLE t (x INTEGER)").ok());
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(conn->SetBulkLoad(true).ok());
  // Refused at once, not after the busy timeout (5 s).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_EQ(JournalMode(*conn), "wal");
  EXPECT_EQ(JournalMode(*other), "wal");
  // In WAL mode pages out of the cache go to the WAL and come back: the larger cache.
  EXPECT_EQ(QueryInt(*conn, "PRAGMA cache_size"), -256 * 1024);
  ASSERT_TRUE(conn->SetBulkLoad(false).ok());
  EXPECT_EQ(JournalMode(*conn), "wal");
  EXPECT_EQ(QueryInt(*conn, "PRAGMA cache_size"), -2000);
}

TEST(SqliteEngineTest, DefensiveModeProtectsTheSchema) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "defensive.db").string());
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->ExecuteScript("PRAGMA writable_schema = ON").ok());
  Status status =
      conn->Execute("UPDATE sqlite_master SET sql = 'CREATE TABLE meta (x)' WHERE name = 'meta'");
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE(conn->ExecuteScript("DELETE FROM sqlite_master WHERE name = 'regions'").ok());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('meta', 'regions')"),
            2);
}

TEST(SqliteEngineTest, OpenCreatesTheParentDirectory) {
  ScratchDir dir;
  std::filesystem::path path = dir / "a/b/c/sunlight.db";
  auto db = OpenOrDie("sqlite:" + path.string());
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(SqliteEngineTest, OpenWithoutCreateRefusesAMissingFile) {
  ScratchDir dir;
  OpenOptions options;
  options.create_if_missing = false;
  StatusOr<std::unique_ptr<Database>> db = Database::Open((dir / "none.db").string(), options);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST(SqliteEngineTest, ANonDatabaseFileIsDataLoss) {
  ScratchDir dir;
  std::filesystem::path path = dir / "notes.db";
  std::ofstream(path)
      << "这不是数据库文件，只是一段文字。This is not a database, just some text.\n";
  StatusOr<std::unique_ptr<Database>> db = Database::Open(path.string());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDataLoss) << db.status();
}

TEST(SqliteEngineTest, InMemoryDatabasesAreSeparateButSharedByConnections) {
  auto first = OpenOrDie(":memory:");
  auto second = OpenOrDie("sqlite::memory:");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  auto writer = ConnectOrDie(*first);
  ASSERT_TRUE(writer->Execute("INSERT INTO meta VALUES ('k', 'v')").ok());
  auto reader = ConnectOrDie(*first);  // a second connection while the first is out
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM meta"), 1);
  auto other = ConnectOrDie(*second);
  EXPECT_EQ(QueryInt(*other, "SELECT COUNT(*) FROM meta"), 0);
}

TEST(SqliteEngineTest, BackupIsAnOpenableCopy) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "live.db").string());
  ASSERT_NE(db, nullptr);
  {
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute(kCreateSample).ok());
    for (int i = 0; i < 100; ++i) {
      ASSERT_TRUE(
          conn->Execute("INSERT INTO sample(i, s) VALUES (?, ?)", {i, "第" + std::to_string(i)})
              .ok());
    }
    // A connection holding an open read transaction does not stop the backup.
    auto holder = ConnectOrDie(*db);
    StatusOr<Transaction> read = holder->Begin(TransactionKind::kRead);
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(QueryInt(*holder, "SELECT COUNT(*) FROM sample"), 100);
    Status backup = db->Backup(dir / "copies/backup.db");
    ASSERT_TRUE(backup.ok()) << backup;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "copies/backup.db.partial"));

  auto copy = OpenOrDie((dir / "copies/backup.db").string());
  ASSERT_NE(copy, nullptr);
  auto conn = ConnectOrDie(*copy);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 100);
  EXPECT_EQ(QueryInt(*conn, "SELECT SUM(i) FROM sample"), 4950);
  StatusOr<ResultSet> rs = conn->Query("SELECT s FROM sample WHERE i = ?", {42});
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->row(0)[0].text(), "第42");

  Status again = db->Backup(dir / "copies/backup.db");
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace sunlight::store
