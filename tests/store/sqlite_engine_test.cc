// The SQLite engine through the store interface: values, parameters,
// transactions, error mapping, the safety settings, concurrency and backup.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

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

TEST(SqliteEngineTest, EveryValueTypeRoundTrips) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  Blob bytes = {0x00, 0xff, 0x10, 0x00};
  ASSERT_TRUE(
      conn->Execute("INSERT INTO sample VALUES (?, ?, ?, ?, ?)",
                    {int64_t{-9007199254740993}, 3.25, "贵州省毕节市大方县", bytes, nullptr})
          .ok());
  ASSERT_TRUE(
      conn->Execute("INSERT INTO sample VALUES (?, ?, ?, ?, ?)", {0, 0.0, "", Blob{}, nullptr})
          .ok());

  StatusOr<ResultSet> rs = conn->Query("SELECT i, r, s, b, n FROM sample ORDER BY i");
  ASSERT_TRUE(rs.ok()) << rs.status();
  ASSERT_EQ(rs->size(), 2u);
  Row first = rs->row(0);
  EXPECT_EQ(first["i"], Value(int64_t{-9007199254740993}));
  EXPECT_EQ(first["r"], Value(3.25));
  EXPECT_EQ(first["s"].text(), "贵州省毕节市大方县");
  EXPECT_EQ(first["b"].blob(), bytes);
  EXPECT_TRUE(first["n"].is_null());
  Row second = rs->row(1);
  EXPECT_EQ(second["s"].type(), ValueType::kText);  // empty text is not NULL
  EXPECT_EQ(second["b"].type(), ValueType::kBlob);  // nor is an empty blob
  EXPECT_TRUE(second["b"].blob().empty());
}

TEST(SqliteEngineTest, BoundTextIsStoredLiterally) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  const std::string hostile = "x'); DROP TABLE sample; -- \"?\" 张'三";
  ASSERT_TRUE(conn->Execute("INSERT INTO sample(s) VALUES (?)", {hostile}).ok());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample WHERE s = ?", {hostile}), 1);
  StatusOr<ResultSet> rs = conn->Query("SELECT s FROM sample");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->row(0)[0].text(), hostile);
}

TEST(SqliteEngineTest, PreparedStatementStreamsAndReuses) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  StatusOr<std::unique_ptr<Statement>> insert =
      conn->Prepare("INSERT INTO sample(i, s) VALUES (?, ?)");
  ASSERT_TRUE(insert.ok()) << insert.status();
  EXPECT_EQ((*insert)->parameter_count(), 2);
  for (int row_idx = 1; row_idx <= 1000; ++row_idx) {
    ASSERT_TRUE((*insert)->BindInteger(1, row_idx).ok());
    ASSERT_TRUE((*insert)->BindText(2, "村" + std::to_string(row_idx)).ok());
    ASSERT_TRUE((*insert)->Run().ok());
  }
  StatusOr<std::unique_ptr<Statement>> select =
      conn->Prepare("SELECT i, s FROM sample WHERE i > ? ORDER BY i");
  ASSERT_TRUE(select.ok());
  ASSERT_TRUE((*select)->BindAll({990}).ok());
  EXPECT_EQ((*select)->column_count(), 2);
  EXPECT_EQ((*select)->column_name(1), "s");
  std::vector<std::string> names;
  while (true) {
    StatusOr<bool> has_row = (*select)->Step();
    ASSERT_TRUE(has_row.ok());
    if (!*has_row) break;
    EXPECT_EQ((*select)->column_type(0), ValueType::kInteger);
    names.emplace_back((*select)->ColumnText(1));
  }
  ASSERT_EQ(names.size(), 10u);
  EXPECT_EQ(names.front(), "村991");
  EXPECT_EQ(names.back(), "村1000");
}

TEST(SqliteEngineTest, ChangesCountsRowsOfLastWrite) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (?)", {i}).ok());
  ASSERT_TRUE(conn->Execute("UPDATE sample SET s = ? WHERE i >= ?", {"x", 2}).ok());
  EXPECT_EQ(conn->changes(), 3);
}

TEST(SqliteEngineTest, ParameterCountMismatchIsRefused) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  Status status = conn->Execute("INSERT INTO sample(i, s) VALUES (?, ?)", {1});
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.reason(), "parameter_count_mismatch");
  // The cached statement is still usable afterwards.
  EXPECT_TRUE(conn->Execute("INSERT INTO sample(i, s) VALUES (?, ?)", {1, "a"}).ok());
}

TEST(SqliteEngineTest, OneStatementPerExecute) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status = conn->Execute("CREATE TABLE a (x TEXT); CREATE TABLE b (y TEXT)");
  EXPECT_EQ(status.reason(), "multiple_statements");
  EXPECT_TRUE(conn->Execute("CREATE TABLE a (x TEXT); -- a comment\n").ok());
}

TEST(SqliteEngineTest, DoubleQuotedStringsAreIdentifiersOnly) {
  // Portable SQL: "x" names a column, as in PostgreSQL; SQLite's fallback of
  // reading it as a string literal is off, so the mistake is caught here.
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  EXPECT_FALSE(conn->Execute("INSERT INTO sample(s) VALUES (\"not a literal\")").ok());
}

TEST(SqliteEngineTest, TransactionCommitKeepsWork) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok()) << tx.status();
    EXPECT_TRUE(conn->in_transaction());
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (1)").ok());
    ASSERT_TRUE(tx->Commit().ok());
    EXPECT_FALSE(conn->in_transaction());
    Status again = tx->Commit();
    EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
    EXPECT_EQ(again.reason(), "transaction_ended");
  }
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 1);
}

TEST(SqliteEngineTest, TransactionRollsBackWhenDestroyedUncommitted) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (1)").ok());
    EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 1);  // visible inside
  }
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 0);
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (2)").ok());
    ASSERT_TRUE(tx->Rollback().ok());
  }
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 0);
}

TEST(SqliteEngineTest, NestedTransactionIsRefused) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  StatusOr<Transaction> outer = conn->Begin();
  ASSERT_TRUE(outer.ok());
  StatusOr<Transaction> inner = conn->Begin(TransactionKind::kRead);
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(inner.status().reason(), "nested_transaction");
  EXPECT_TRUE(outer->Commit().ok());
  EXPECT_TRUE(conn->Begin().ok());  // and it is fine once the first has ended
}

TEST(SqliteEngineTest, UniqueViolationIsAlreadyExistsWithoutTheValue) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute("CREATE TABLE people (id_number TEXT PRIMARY KEY, name TEXT)").ok());
  const std::string id_number = "52052119900307123X";
  ASSERT_TRUE(conn->Execute("INSERT INTO people VALUES (?, ?)", {id_number, "张三"}).ok());
  Status status = conn->Execute("INSERT INTO people VALUES (?, ?)", {id_number, "李四"});
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(status.reason(), "unique_violation");
  EXPECT_NE(status.message().find("people"), std::string::npos) << status;
  EXPECT_EQ(status.message().find(id_number), std::string::npos) << status;
  EXPECT_EQ(status.message().find("李四"), std::string::npos) << status;
}

TEST(SqliteEngineTest, NotNullViolationIsInvalidArgument) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status = conn->Execute("INSERT INTO meta(key, value) VALUES (?, ?)", {"k", nullptr});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.reason(), "not_null_violation");
  EXPECT_NE(status.message().find("meta"), std::string::npos) << status;
}

TEST(SqliteEngineTest, ForeignKeysAreEnforced) {
  auto db = OpenOrDie(":memory:");
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status =
      conn->Execute("INSERT INTO regions(code, name, level, parent_code) VALUES (?, ?, ?, ?)",
                    {"520521", "大方县", 3, "5205"});
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << status;
  EXPECT_EQ(status.reason(), "foreign_key_violation");
  EXPECT_NE(status.message().find("regions"), std::string::npos) << status;

  ASSERT_TRUE(conn->Execute("INSERT INTO regions VALUES ('52', '贵州省', 1, NULL)").ok());
  ASSERT_TRUE(conn->Execute("INSERT INTO regions VALUES ('5205', '毕节市', 2, '52')").ok());
  status = conn->Execute("DELETE FROM regions WHERE code = ?", {"52"});
  EXPECT_EQ(status.reason(), "foreign_key_violation");
}

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

TEST(SqliteEngineTest, PostgresIsNotYetAvailable) {
  StatusOr<std::unique_ptr<Database>> db =
      Database::Open("postgresql://sunlight:secret@db.example:5432/sunlight");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnimplemented);
  EXPECT_EQ(db.status().message(), "PostgreSQL 引擎尚未提供");
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

TEST(SqliteEngineTest, ReadersWorkWhileAWriterWrites) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "concurrent.db").string());
  ASSERT_NE(db, nullptr);
  {
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  }
  constexpr int kBatches = 50;
  constexpr int kBatchSize = 40;
  std::atomic<bool> writer_done{false};
  Status writer_status;
  std::thread writer([&] {
    StatusOr<std::unique_ptr<Connection>> conn = db->Connect();
    if (!conn.ok()) {
      writer_status = conn.status();
      writer_done = true;
      return;
    }
    for (int batch_idx = 0; batch_idx < kBatches && writer_status.ok(); ++batch_idx) {
      StatusOr<Transaction> tx = (*conn)->Begin();
      if (!tx.ok()) {
        writer_status = tx.status();
        break;
      }
      for (int row_idx = 0; row_idx < kBatchSize && writer_status.ok(); ++row_idx) {
        writer_status = (*conn)->Execute("INSERT INTO sample(i, s) VALUES (?, ?)",
                                         {batch_idx * kBatchSize + row_idx, "扶贫资金"});
      }
      if (writer_status.ok()) writer_status = tx->Commit();
    }
    writer_done = true;
  });

  // The reader sees whole batches only (each is one transaction), never fewer
  // rows than it saw before, and is never blocked into an error by the writer.
  auto reader = ConnectOrDie(*db);
  ASSERT_NE(reader, nullptr);
  int64_t last_count = 0;
  int reads = 0;
  while (!writer_done.load() || reads == 0) {
    StatusOr<ResultSet> rs = reader->Query("SELECT COUNT(*) FROM sample");
    ASSERT_TRUE(rs.ok()) << rs.status();
    int64_t count = rs->row(0)[0].integer();
    EXPECT_EQ(count % kBatchSize, 0) << count;
    EXPECT_GE(count, last_count);
    last_count = count;
    ++reads;
  }
  writer.join();
  ASSERT_TRUE(writer_status.ok()) << writer_status;
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM sample"), kBatches * kBatchSize);
  EXPECT_GT(reads, 0);
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

TEST(SqliteEngineTest, ConnectionsReturnToThePoolClean) {
  ScratchDir dir;
  auto db = OpenOrDie((dir / "pool.db").string());
  ASSERT_NE(db, nullptr);
  {
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute(kCreateSample).ok());
  }
  {
    // A transaction left open (here by raw SQL, bypassing Transaction) when
    // its connection goes back to the pool is rolled back, not handed on.
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute("BEGIN").ok());
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (1)").ok());
  }
  auto conn = ConnectOrDie(*db);
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 0);
  EXPECT_TRUE(conn->Begin().ok());
}

}  // namespace
}  // namespace sunlight::store
