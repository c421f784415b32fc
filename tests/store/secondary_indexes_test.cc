// SecondaryIndexes and BuildIndex on both engines: the indexes a bulk load may drop, and a
// build that leaves the connection's page cache as it found it, whether it succeeds or fails.
#include <gtest/gtest.h>

#include "store/secondary_indexes.h"
#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;

class SecondaryIndexesTest : public sunlight::testing::EngineTest {};

// The index's name if the engine's catalogue has it.
bool IndexExists(Connection& conn, bool postgres, const std::string& name) {
  StatusOr<ResultSet> rs =
      postgres
          ? conn.Query("SELECT 1 FROM pg_indexes WHERE indexname = ?", {name})
          : conn.Query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", {name});
  EXPECT_TRUE(rs.ok()) << rs.status();
  return rs.ok() && rs->size() == 1;
}

int64_t CacheSize(Connection& conn) {
  StatusOr<ResultSet> rs = conn.Query("PRAGMA cache_size");
  EXPECT_TRUE(rs.ok()) << rs.status();
  return rs.ok() ? rs->at(0, 0).AsInteger() : 0;
}

TEST_P(SecondaryIndexesTest, ListsTheIndexesSqliteCanRebuild) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  StatusOr<std::vector<IndexDefinition>> indexes = SecondaryIndexes(*conn, "payments");
  ASSERT_TRUE(indexes.ok()) << indexes.status();
  if (postgres()) {
    EXPECT_TRUE(indexes->empty());  // nothing is deferred there (secondary_indexes.h)
    return;
  }
  // Migration 1's seven, never the primary key's own index (it has no SQL to rebuild from).
  ASSERT_EQ(indexes->size(), 7u);
  EXPECT_EQ(indexes->front().name, "payments_household");
  for (const IndexDefinition& index : *indexes) {
    EXPECT_TRUE(index.create_sql.starts_with("CREATE INDEX " + index.name + " ON payments"))
        << index.create_sql;
  }
}

TEST_P(SecondaryIndexesTest, BuildIndexBuildsItAndKeepsThePageCache) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute("CREATE TABLE rows_to_index (n BIGINT, label TEXT)").ok());
  ASSERT_TRUE(
      conn->ExecuteScript("INSERT INTO rows_to_index VALUES (3, 'c'), (1, 'a'), (2, 'b')").ok());
  // As in an import: on SQLite the only connection's bulk load leaves WAL for a rollback
  // journal, where BuildIndex cuts the cache for the build.
  ASSERT_TRUE(conn->SetBulkLoad(true).ok());
  const int64_t cache_before = postgres() ? 0 : CacheSize(*conn);
  Status built = BuildIndex(
      *conn, {"rows_to_index_label", "CREATE INDEX rows_to_index_label ON rows_to_index(label)"});
  ASSERT_TRUE(built.ok()) << built;
  EXPECT_TRUE(IndexExists(*conn, postgres(), "rows_to_index_label"));
  if (!postgres()) {
    EXPECT_EQ(CacheSize(*conn), cache_before);
    EXPECT_NE(cache_before, -kIndexBuildCacheKiB);  // or the check above proves nothing
  }
}

TEST_P(SecondaryIndexesTest, AFailedBuildReportsItsErrorAndKeepsThePageCache) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute("CREATE TABLE rows_to_index (n BIGINT)").ok());
  ASSERT_TRUE(conn->SetBulkLoad(true).ok());
  const int64_t cache_before = postgres() ? 0 : CacheSize(*conn);
  Status built = BuildIndex(*conn, {"rows_to_index_missing",
                                    "CREATE INDEX rows_to_index_missing ON rows_to_index(gone)"});
  ASSERT_FALSE(built.ok());
  EXPECT_NE(built.message().find("gone"), std::string::npos) << built;
  EXPECT_FALSE(IndexExists(*conn, postgres(), "rows_to_index_missing"));
  if (!postgres()) {
    EXPECT_EQ(CacheSize(*conn), cache_before);
  }
}

INSTANTIATE_ENGINE_TEST_SUITE(SecondaryIndexesTest);

}  // namespace
}  // namespace sunlight::store
