// The partial payments_project index (migration 12) is what both engines use for every way the
// product asks for a project's payments; a query the index could not serve would silently scan
// 1.5 M payments.
#include <gtest/gtest.h>

#include <string>

#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;

class PaymentsIndexesTest : public sunlight::testing::EngineTest {
 protected:
  // The engine's plan for `sql`, as one text. PostgreSQL is told not to scan when it can use an
  // index, so that the plan shows whether the index can serve the query at all on a tiny table.
  std::string Plan(Connection& conn, const std::string& sql) {
    if (postgres()) {
      EXPECT_TRUE(conn.Execute("SET enable_seqscan = off").ok());
      EXPECT_TRUE(conn.Execute("SET enable_bitmapscan = off").ok());
    }
    StatusOr<ResultSet> rs = conn.Query((postgres() ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql);
    EXPECT_TRUE(rs.ok()) << rs.status();
    std::string plan;
    if (!rs.ok()) return plan;
    for (size_t row_idx = 0; row_idx < rs->size(); ++row_idx) {
      plan += rs->at(row_idx, rs->row(row_idx).size() - 1).AsText() + "\n";
    }
    return plan;
  }
};

TEST_P(PaymentsIndexesTest, ProjectIndexHoldsOnlyPaymentsWithAProject) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  StatusOr<ResultSet> rs = postgres()
                               ? conn->Query("SELECT indexdef FROM pg_indexes WHERE indexname = ?",
                                             {std::string("payments_project")})
                               : conn->Query("SELECT sql FROM sqlite_master WHERE name = ?",
                                             {std::string("payments_project")});
  ASSERT_TRUE(rs.ok()) << rs.status();
  ASSERT_EQ(rs->size(), 1u);
  const std::string definition = rs->at(0, 0).AsText();
  EXPECT_NE(definition.find("project_id IS NOT NULL"), std::string::npos) << definition;
}

TEST_P(PaymentsIndexesTest, EveryProjectLookUpUsesIt) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);
  // The shapes of http/api/ledger_details.cc and rules/rules_b_projects.cc.
  for (const std::string& sql : {
           std::string("SELECT payment_id FROM payments WHERE project_id = 'XM1'"),
           std::string("SELECT COALESCE(SUM(amount), 0) FROM payments WHERE project_id = 'XM1'"),
           std::string("SELECT j.project_id, p.payment_id FROM projects j "
                       "JOIN payments p ON p.project_id = j.project_id WHERE j.project_id = 'XM1'"),
       }) {
    const std::string plan = Plan(*conn, sql);
    EXPECT_NE(plan.find("payments_project"), std::string::npos) << sql << "\n" << plan;
  }
}

INSTANTIATE_ENGINE_TEST_SUITE(PaymentsIndexesTest);

}  // namespace
}  // namespace sunlight::store
