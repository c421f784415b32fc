// The store interface on every engine (SQLite and a real PostgreSQL server):
// values, parameters, transactions, error mapping, concurrency, bulk insert,
// backup. Engine-only behaviour is in sqlite_engine_test.cc and
// postgres_engine_test.cc.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "store/bulk_insert.h"
#include "store/connection.h"
#include "store/database.h"
#include "store/timestamp.h"
#include "store/transaction.h"
#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;
using testing::QueryInt;

// A table with a column of every kind; BLOB is spelt by the engine.
std::string CreateSample(const Connection& conn) {
  return "CREATE TABLE sample (i BIGINT, r DOUBLE PRECISION, s TEXT, b " +
         std::string(conn.TokenSpelling(SqlToken::kBlob)) + ", n TEXT)";
}

class EngineTest : public sunlight::testing::EngineTest {};

TEST_P(EngineTest, EveryValueTypeRoundTrips) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, BoundTextIsStoredLiterally) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  const std::string hostile = "x'); DROP TABLE sample; -- \"?\" 张'三";
  ASSERT_TRUE(conn->Execute("INSERT INTO sample(s) VALUES (?)", {hostile}).ok());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample WHERE s = ?", {hostile}), 1);
  StatusOr<ResultSet> rs = conn->Query("SELECT s FROM sample");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->row(0)[0].text(), hostile);
}

TEST_P(EngineTest, PreparedStatementStreamsAndReuses) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, ChangesCountsRowsOfLastWrite) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i) VALUES (?)", {i}).ok());
  ASSERT_TRUE(conn->Execute("UPDATE sample SET s = ? WHERE i >= ?", {"x", 2}).ok());
  EXPECT_EQ(conn->changes(), 3);
}

TEST_P(EngineTest, ParameterCountMismatchIsRefused) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  Status status = conn->Execute("INSERT INTO sample(i, s) VALUES (?, ?)", {1});
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_EQ(status.reason(), "parameter_count_mismatch");
  // The cached statement is still usable afterwards.
  EXPECT_TRUE(conn->Execute("INSERT INTO sample(i, s) VALUES (?, ?)", {1, "a"}).ok());
}

TEST_P(EngineTest, OneStatementPerExecute) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status = conn->Execute("CREATE TABLE a (x TEXT); CREATE TABLE b (y TEXT)");
  EXPECT_EQ(status.reason(), "multiple_statements");
  EXPECT_TRUE(conn->Execute("CREATE TABLE a (x TEXT); -- a comment\n").ok());
}

TEST_P(EngineTest, DoubleQuotedStringsAreIdentifiersOnly) {
  // Portable SQL: "x" names a column, as in PostgreSQL; SQLite's fallback of
  // reading it as a string literal is off, so the mistake is caught here.
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  EXPECT_FALSE(conn->Execute("INSERT INTO sample(s) VALUES (\"not a literal\")").ok());
}

TEST_P(EngineTest, TransactionCommitKeepsWork) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, TransactionRollsBackWhenDestroyedUncommitted) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, NestedTransactionIsRefused) {
  auto db = Open();
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

TEST_P(EngineTest, UniqueViolationIsAlreadyExistsWithoutTheValue) {
  auto db = Open();
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

TEST_P(EngineTest, NotNullViolationIsInvalidArgument) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status = conn->Execute("INSERT INTO meta(key, value) VALUES (?, ?)", {"k", nullptr});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.reason(), "not_null_violation");
  EXPECT_NE(status.message().find("meta"), std::string::npos) << status;
}

TEST_P(EngineTest, ForeignKeysAreEnforced) {
  auto db = Open();
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

TEST_P(EngineTest, ReadersWorkWhileAWriterWrites) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  {
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, ConnectionsReturnToThePoolClean) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  {
    auto conn = ConnectOrDie(*db);
    ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
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

TEST_P(EngineTest, ADialectTokenSpellsAKeyTheEngineAssigns) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(conn->dialect(), postgres() ? Dialect::kPostgres : Dialect::kSqlite);
  std::string ddl = "CREATE TABLE events (id " + std::string(conn->TokenSpelling(SqlToken::kId)) +
                    ", at " + std::string(conn->TokenSpelling(SqlToken::kTimestamp)) +
                    " NOT NULL, what TEXT)";
  ASSERT_TRUE(conn->Execute(ddl).ok());
  // A timestamp goes in as ISO 8601 UTC text and comes back the same, on both engines.
  const std::string at = FormatTimestamp(1709627400);  // 2024-03-05T08:30:00Z
  ASSERT_TRUE(conn->Execute("INSERT INTO events(at, what) VALUES (?, ?)", {at, "a"}).ok());
  ASSERT_TRUE(
      conn->Execute("INSERT INTO events(at, what) VALUES (?, ?)", {"2024-03-05T09:00:00Z", "b"})
          .ok());
  StatusOr<ResultSet> rs = conn->Query("SELECT id, at FROM events WHERE at >= ? ORDER BY at", {at});
  ASSERT_TRUE(rs.ok()) << rs.status();
  ASSERT_EQ(rs->size(), 2u);
  EXPECT_EQ(rs->row(0)["id"], Value(1));
  EXPECT_EQ(rs->row(1)["id"], Value(2));
  EXPECT_EQ(rs->row(0)["at"], Value("2024-03-05T08:30:00Z"));
  EXPECT_EQ(rs->row(1)["at"], Value("2024-03-05T09:00:00Z"));
  // RETURNING gives the assigned key.
  StatusOr<ResultSet> returned =
      conn->Query("INSERT INTO events(at, what) VALUES (?, ?) RETURNING id", {TimestampNow(), "c"});
  ASSERT_TRUE(returned.ok()) << returned.status();
  EXPECT_EQ(returned->row(0)[0], Value(3));
}

TEST_P(EngineTest, AggregatesReadAsTheSameKinds) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  for (int i = 1; i <= 4; ++i) {
    ASSERT_TRUE(conn->Execute("INSERT INTO sample(i, r) VALUES (?, ?)", {i * 100, i * 0.5}).ok());
  }
  StatusOr<ResultSet> rs = conn->Query(
      "SELECT SUM(i) AS total, COUNT(*) AS n, MAX(i) AS top, SUM(r) AS reals, "
      "SUM(i) FILTER (WHERE i > 1000) AS none FROM sample");
  ASSERT_TRUE(rs.ok()) << rs.status();
  Row row = rs->row(0);
  EXPECT_EQ(row["total"], Value(1000));  // PostgreSQL's NUMERIC sum reads as an integer
  EXPECT_EQ(row["n"], Value(4));
  EXPECT_EQ(row["top"], Value(400));
  EXPECT_EQ(row["reals"], Value(5.0));
  EXPECT_TRUE(row["none"].is_null());
  // A text column bound with an integer holds its decimal text, as SQLite's TEXT affinity does.
  ASSERT_TRUE(conn->Execute("INSERT INTO meta(key, value) VALUES (?, ?)", {"n", 42}).ok());
  StatusOr<ResultSet> meta = conn->Query("SELECT value FROM meta WHERE key = 'n'");
  ASSERT_TRUE(meta.ok());
  EXPECT_EQ(meta->row(0)[0], Value("42"));
}

TEST_P(EngineTest, BulkInsertLoadsEveryKindOfValue) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute(CreateSample(*conn)).ok());
  {
    StatusOr<Transaction> tx = conn->Begin();
    ASSERT_TRUE(tx.ok());
    StatusOr<std::unique_ptr<BulkInserter>> bulk =
        conn->BulkInsert("sample", {"i", "r", "s", "b", "n"});
    ASSERT_TRUE(bulk.ok()) << bulk.status();
    // Text with every character COPY escapes, and a blob with a zero byte. Every other row
    // has NULL where the row before had text, and every fifth an empty blob: each row's
    // values replace the last row's bindings, whatever they were.
    const std::string awkward = "制表\t\t符\\ 换行\n\r 反斜杠\\N 'x' \"y\"";
    for (int row_idx = 0; row_idx < 5000; ++row_idx) {
      const Value text = row_idx == 7 ? Value(awkward) : row_idx % 2 == 0 ? Value() : Value("村");
      const Blob blob =
          row_idx % 5 == 0 ? Blob{} : Blob{0x00, static_cast<std::uint8_t>(row_idx % 256)};
      ASSERT_TRUE((*bulk)->Add({row_idx, row_idx * 0.25, text, blob, nullptr}).ok());
    }
    EXPECT_EQ((*bulk)->Add({1}).reason(), "bulk_row_size_mismatch");
    StatusOr<std::int64_t> rows = (*bulk)->Finish();
    ASSERT_TRUE(rows.ok()) << rows.status();
    EXPECT_EQ(*rows, 5000);
    bulk->reset();
    ASSERT_TRUE(tx->Commit().ok());
    StatusOr<ResultSet> rs = conn->Query("SELECT r, s, b, n FROM sample WHERE i = 7");
    ASSERT_TRUE(rs.ok()) << rs.status();
    EXPECT_EQ(rs->row(0)["r"], Value(1.75));
    EXPECT_EQ(rs->row(0)["s"], Value(awkward));
    EXPECT_EQ(rs->row(0)["b"], Value(Blob{0x00, 0x07}));
    EXPECT_TRUE(rs->row(0)["n"].is_null());
  }
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample"), 5000);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample WHERE s IS NULL"), 2500);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample WHERE s = '村'"), 2499);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM sample WHERE b IS NOT NULL AND LENGTH(b) = 0"),
            1000);
  EXPECT_EQ(conn->BulkInsert("sample; DROP TABLE sample", {"i"}).status().reason(),
            "bad_identifier");
}

TEST_P(EngineTest, ABulkInsertThatBreaksAKeyLeavesNothing) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  Status status = [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(Transaction tx, conn->Begin());
    SUNLIGHT_ASSIGN_OR_RETURN(auto bulk, conn->BulkInsert("meta", {"key", "value"}));
    SUNLIGHT_RETURN_IF_ERROR(bulk->Add({"a", "1"}));
    SUNLIGHT_RETURN_IF_ERROR(bulk->Add({"b", "2"}));
    SUNLIGHT_RETURN_IF_ERROR(bulk->Add({"a", "3"}));  // SQLite says so here, PostgreSQL at Finish
    SUNLIGHT_RETURN_IF_ERROR(bulk->Finish().status());
    return tx.Commit();
  }();
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists) << status;
  EXPECT_EQ(status.reason(), "unique_violation");
  EXPECT_NE(status.message().find("meta"), std::string::npos) << status;
  EXPECT_FALSE(conn->in_transaction());
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM meta"), 0);
  // The connection is usable afterwards.
  EXPECT_TRUE(conn->Execute("INSERT INTO meta(key, value) VALUES ('k', 'v')").ok());
}

TEST_P(EngineTest, AReadTransactionSeesOneSnapshot) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto reader = ConnectOrDie(*db);
  auto writer = ConnectOrDie(*db);
  ASSERT_TRUE(writer->Execute("INSERT INTO meta(key, value) VALUES ('a', '1')").ok());
  {
    StatusOr<Transaction> read = reader->Begin(TransactionKind::kRead);
    ASSERT_TRUE(read.ok()) << read.status();
    EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM meta"), 1);
    ASSERT_TRUE(writer->Execute("INSERT INTO meta(key, value) VALUES ('b', '2')").ok());
    EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM meta"), 1);  // still the old snapshot
    ASSERT_TRUE(read->Commit().ok());
  }
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM meta"), 2);
}

TEST_P(EngineTest, AWriteTransactionWaitsForAnotherThenTimesOut) {
  OpenOptions options;
  options.busy_timeout = std::chrono::milliseconds(300);
  auto db = Open(options);
  ASSERT_NE(db, nullptr);
  auto first = ConnectOrDie(*db);
  auto second = ConnectOrDie(*db);
  StatusOr<Transaction> holding = first->Begin();
  ASSERT_TRUE(holding.ok());
  StatusOr<Transaction> waiting = second->Begin();
  ASSERT_FALSE(waiting.ok());  // writers take turns, on both engines
  EXPECT_EQ(waiting.status().code(), StatusCode::kUnavailable) << waiting.status();
  EXPECT_EQ(waiting.status().reason(), "database_busy");
  EXPECT_FALSE(second->in_transaction());
  ASSERT_TRUE(holding->Commit().ok());
  EXPECT_TRUE(second->Begin().ok());
}

INSTANTIATE_ENGINE_TEST_SUITE(EngineTest);

}  // namespace
}  // namespace sunlight::store
