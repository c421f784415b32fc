// EstimateRows on both engines: the rows of a table once the engine has looked at it.
#include <gtest/gtest.h>

#include "store/row_estimate.h"
#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;

class RowEstimateTest : public sunlight::testing::EngineTest {};

TEST_P(RowEstimateTest, EstimatesTheRowsOfATable) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  ASSERT_TRUE(conn->Execute("CREATE TABLE counted (n BIGINT)").ok());
  StatusOr<size_t> empty = EstimateRows(*conn, "counted");
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_EQ(*empty, 0u);
  ASSERT_TRUE(conn->ExecuteScript("INSERT INTO counted VALUES (1), (2), (3), (4), (5)").ok());
  // PostgreSQL's estimate comes from its statistics.
  if (postgres()) ASSERT_TRUE(conn->Execute("ANALYZE counted").ok());
  StatusOr<size_t> rows = EstimateRows(*conn, "counted");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(*rows, 5u);
}

INSTANTIATE_ENGINE_TEST_SUITE(RowEstimateTest);

}  // namespace
}  // namespace sunlight::store
