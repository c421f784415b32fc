// BeginSharedRead on both engines: two connections read one committed state, and a commit
// made while they read is seen by neither.
#include <gtest/gtest.h>

#include <memory>

#include "store/shared_read.h"
#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;
using testing::QueryInt;

class SharedReadTest : public sunlight::testing::EngineTest {};

TEST_P(SharedReadTest, BothConnectionsKeepTheStateOfTheStart) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto writer = ConnectOrDie(*db);
  ASSERT_TRUE(writer->Execute("CREATE TABLE counted (n BIGINT)").ok());
  ASSERT_TRUE(writer->Execute("INSERT INTO counted VALUES (1), (2)").ok());

  auto first = ConnectOrDie(*db);
  auto second = ConnectOrDie(*db);
  StatusOr<SharedRead> read = BeginSharedRead(*db, *first, *second);
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_TRUE(first->in_transaction());
  EXPECT_TRUE(second->in_transaction());

  // The lock of the start is gone: a writer commits at once.
  ASSERT_TRUE(writer->Execute("INSERT INTO counted VALUES (3)").ok());
  EXPECT_EQ(QueryInt(*writer, "SELECT count(*) FROM counted"), 3);
  EXPECT_EQ(QueryInt(*first, "SELECT count(*) FROM counted"), 2);
  EXPECT_EQ(QueryInt(*second, "SELECT count(*) FROM counted"), 2);

  ASSERT_TRUE(read->first.Rollback().ok());
  ASSERT_TRUE(read->second.Rollback().ok());
  EXPECT_FALSE(first->in_transaction());
  EXPECT_EQ(QueryInt(*first, "SELECT count(*) FROM counted"), 3);
  EXPECT_EQ(QueryInt(*second, "SELECT count(*) FROM counted"), 3);
}

TEST_P(SharedReadTest, RefusesAConnectionAlreadyInATransaction) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto first = ConnectOrDie(*db);
  auto second = ConnectOrDie(*db);
  StatusOr<Transaction> busy = first->Begin(TransactionKind::kRead);
  ASSERT_TRUE(busy.ok()) << busy.status();
  StatusOr<SharedRead> read = BeginSharedRead(*db, *first, *second);
  EXPECT_FALSE(read.ok());
  EXPECT_FALSE(second->in_transaction());
}

INSTANTIATE_ENGINE_TEST_SUITE(SharedReadTest);

}  // namespace
}  // namespace sunlight::store
