#include "supervision/state_machine.h"

#include <gtest/gtest.h>

#include "store/connection.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"

namespace sunlight::supervision {
namespace {

StateMachine Door() {
  return StateMachine("door", {{"shut", "关闭"}, {"open", "打开"}, {"locked", "上锁"}},
                      {{"shut", "open"}, {"open", "shut"}, {"shut", "locked"}});
}

TEST(StateMachineTest, AllowsListedTransitionsOnly) {
  StateMachine m = Door();
  EXPECT_TRUE(m.Check("shut", "open").ok());
  EXPECT_TRUE(m.Check("shut", "locked").ok());
  Status refused = m.Check("open", "locked");
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.reason(), "wrong_state");
  // The message names the current state and what it may become.
  EXPECT_NE(refused.message().find("打开"), std::string::npos) << refused;
  EXPECT_NE(refused.message().find("关闭（shut）"), std::string::npos) << refused;
}

TEST(StateMachineTest, FinalStateSaysSo) {
  Status refused = Door().Check("locked", "open");
  EXPECT_EQ(refused.reason(), "wrong_state");
  EXPECT_NE(refused.message().find("终态"), std::string::npos) << refused;
  EXPECT_TRUE(Door().AllowedNext("locked").empty());
}

TEST(StateMachineTest, UnknownTargetIsBadInput) {
  EXPECT_EQ(Door().Check("shut", "ajar").reason(), "unknown_state");
}

class WorkflowEventsTest : public sunlight::testing::EngineTest {};

TEST_P(WorkflowEventsTest, RecordsInOrderAndRefusesEdits) {
  auto db = Open();
  auto conn = db->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  Actor actor{"gz_jw", "4401-JW", "4401"};
  ASSERT_TRUE(RecordEvent(**conn, "transfer", 7, "", "sent", actor, "移送").ok());
  ASSERT_TRUE(
      RecordEvent(**conn, "transfer", 7, "sent", "acknowledged", actor, "签收", R"({"a":1})").ok());
  ASSERT_TRUE(RecordEvent(**conn, "transfer", 8, "", "sent", actor, "另一件").ok());
  auto events = EventsOf(**conn, "transfer", 7);
  ASSERT_TRUE(events.ok()) << events.status();
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].to_state, "sent");
  EXPECT_EQ((*events)[1].from_state, "sent");
  EXPECT_EQ((*events)[1].details, R"({"a":1})");
  EXPECT_EQ((*events)[1].actor_login, "gz_jw");
  // Append-only in the store.
  Status edit = (*conn)->Execute("UPDATE workflow_events SET reason = 'x'");
  EXPECT_FALSE(edit.ok());
}

INSTANTIATE_ENGINE_TEST_SUITE(WorkflowEventsTest);

}  // namespace
}  // namespace sunlight::supervision
