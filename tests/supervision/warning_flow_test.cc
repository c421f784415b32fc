#include "supervision/warning_flow.h"

#include <gtest/gtest.h>

#include "rules/scan.h"
#include "supervision/escalation.h"
#include "supervision/problems.h"
#include "supervision/tasks.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"
#include "warning_flow_fixture.h"

namespace sunlight::supervision {
namespace {

using testing::AddDafang;
using testing::AddWarning;
using testing::Commission;
using testing::Owner;

Date D(const char* text) { return *Date::Parse(text); }

class WarningFlowTest : public sunlight::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok());
    conn_ = std::move(*conn);
    AddDafang(*conn_);
  }
  store::Connection& conn() { return *conn_; }
  std::string StateOf(std::int64_t id) {
    auto w = LoadWarning(conn(), id);
    return w.ok() ? w->state : w.status().ToString();
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

TEST_P(WarningFlowTest, ExplainedThenDismissedRecordsEveryStep) {
  const std::int64_t id = AddWarning(conn(), "A01", "6222001", "520521");
  ASSERT_TRUE(
      RequestExplanation(conn(), Commission(), id, "520521-NY", D("2022-01-10"), "请说明").ok());
  auto w = LoadWarning(conn(), id);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->state, "explanation_requested");
  EXPECT_EQ(w->responsible_org_id, "520521-NY");
  EXPECT_EQ(w->explanation_due, "2022-01-10");
  ASSERT_TRUE(Explain(conn(), Owner(), id, "该账户为户主本人账户").ok());
  EXPECT_EQ(Dismiss(conn(), Commission(), id, "  ").reason(), "reason_required");
  ASSERT_TRUE(Dismiss(conn(), Commission(), id, "核实无问题").ok());
  w = LoadWarning(conn(), id);
  EXPECT_EQ(w->state, "dismissed");
  EXPECT_EQ(w->explanation, "该账户为户主本人账户");
  EXPECT_EQ(w->outcome_reason, "核实无问题");

  auto events = EventsOf(conn(), "warning", id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].from_state, "new");
  EXPECT_EQ((*events)[0].to_state, "explanation_requested");
  EXPECT_EQ((*events)[1].actor_login, "dafang_ny");
  EXPECT_EQ((*events)[2].to_state, "dismissed");
  EXPECT_EQ((*events)[2].reason, "核实无问题");
}

TEST_P(WarningFlowTest, WrongTransitionIsRefusedAndChangesNothing) {
  const std::int64_t id = AddWarning(conn(), "A01", "6222001", "520521");
  Status s = Explain(conn(), Owner(), id, "提前说明");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.reason(), "wrong_state");
  EXPECT_EQ(StateOf(id), "new");
  auto events = EventsOf(conn(), "warning", id);
  EXPECT_TRUE(events->empty());
  ASSERT_TRUE(Dismiss(conn(), Commission(), id, "误报").ok());
  EXPECT_EQ(Dismiss(conn(), Commission(), id, "再次").reason(), "wrong_state");
  EXPECT_EQ(LoadWarning(conn(), 999999).status().reason(), "warning_not_found");
}

TEST_P(WarningFlowTest, UnknownOrgAndBatchAreBadInput) {
  const std::int64_t id = AddWarning(conn(), "A01", "6222001", "520521");
  EXPECT_EQ(RequestExplanation(conn(), Commission(), id, "NOPE", D("2022-01-10"), "").reason(),
            "unknown_org");
  EXPECT_EQ(MarkDataCorrected(conn(), Commission(), id, 424242, "").reason(), "unknown_batch");
  EXPECT_EQ(StateOf(id), "new");
}

TEST_P(WarningFlowTest, DataCorrectedLinksTheBatch) {
  const std::int64_t id = AddWarning(conn(), "A09", "P1", "520521");
  auto batch = conn().Query(
      "INSERT INTO import_batches(started_at, imported_by, source_path, status) "
      "VALUES (?, 'x', 'fix.csv', 'done') RETURNING id",
      {store::TimestampNow()});
  ASSERT_TRUE(batch.ok()) << batch.status();
  const std::int64_t batch_id = batch->at(0, 0).AsInteger();
  ASSERT_TRUE(MarkDataCorrected(conn(), Commission(), id, batch_id, "户名已更正").ok());
  auto w = LoadWarning(conn(), id);
  EXPECT_EQ(w->state, "data_corrected");
  ASSERT_TRUE(w->correcting_batch_id.has_value());
  EXPECT_EQ(*w->correcting_batch_id, batch_id);
}

TEST_P(WarningFlowTest, ToProblemCreatesProblemAndFirstTaskAtomically) {
  const std::int64_t id = AddWarning(conn(), "B03", "PRJ1", "520521");
  ProblemDraft draft;
  draft.category = "fund_management";
  draft.behaviour = "资金闲置";
  draft.title = "项目资金闲置一年以上";
  draft.responsible_org_id = "520521-NY";
  TaskDraft task;
  task.description = "盘活闲置资金";
  task.measures = "制定支出计划";
  task.deadline = D("2022-03-31");
  task.responsible_org_id = "520521-NY";
  task.responsible_login = "dafang_ny";
  task.cadence = "weekly";
  auto problem_id = ToProblem(conn(), Commission(), id, draft, task);
  ASSERT_TRUE(problem_id.ok()) << problem_id.status();
  auto w = LoadWarning(conn(), id);
  EXPECT_EQ(w->state, "problem");
  EXPECT_EQ(w->problem_id, *problem_id);
  auto p = LoadProblem(conn(), *problem_id);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->source, "warning");
  EXPECT_EQ(p->warning_id, id);
  EXPECT_EQ(p->region_code, "520521");
  EXPECT_EQ(p->state, "open");
  ASSERT_EQ(p->evidence.size(), 1u);
  EXPECT_EQ(p->evidence[0].kind, "warning");
  auto tasks = TasksOfProblem(conn(), *problem_id);
  ASSERT_EQ(tasks->size(), 1u);
  EXPECT_EQ((*tasks)[0].state, "assigned");
  EXPECT_EQ((*tasks)[0].region_code, "520521");

  // A bad task rolls back the problem and leaves the warning where it was.
  const std::int64_t other = AddWarning(conn(), "B03", "PRJ2", "520521");
  task.responsible_login = "nobody";
  auto refused = ToProblem(conn(), Commission(), other, draft, task);
  EXPECT_EQ(refused.status().reason(), "unknown_user");
  EXPECT_EQ(StateOf(other), "new");
  auto count = conn().Query("SELECT COUNT(*) FROM problems");
  EXPECT_EQ(count->at(0, 0).AsInteger(), 1);
}

TEST_P(WarningFlowTest, ToClueRegistersAClue) {
  const std::int64_t id = AddWarning(conn(), "A02", "H1", "520521");
  ClueDraftFromWarning clue;
  clue.summary = "干部代领补贴";
  auto clue_id = ToClue(conn(), Commission(), id, clue);
  ASSERT_TRUE(clue_id.ok()) << clue_id.status();
  auto rs = conn().Query(
      "SELECT channel, warning_id, state, handling_org_id, region_code FROM clues WHERE id = ?",
      {*clue_id});
  ASSERT_EQ(rs->size(), 1u);
  EXPECT_EQ(rs->at(0, 0).AsText(), "warning");
  EXPECT_EQ(rs->at(0, 1).AsInteger(), id);
  EXPECT_EQ(rs->at(0, 2).AsText(), "registered");
  EXPECT_EQ(rs->at(0, 3).AsText(), "5205-JW");
  EXPECT_EQ(rs->at(0, 4).AsText(), "520521");
  EXPECT_EQ(StateOf(id), "clue");
  EXPECT_EQ(LoadWarning(conn(), id)->clue_id, *clue_id);
}

TEST_P(WarningFlowTest, EscalatesByWorkingDaysPastDue) {
  const std::int64_t id = AddWarning(conn(), "A01", "6222001", "520521");
  const std::int64_t explained = AddWarning(conn(), "A01", "6222002", "520521");
  // Due Friday 2021-12-03: an empty calendar counts Monday–Friday.
  ASSERT_TRUE(RequestExplanation(conn(), Commission(), id, "520521-NY", D("2021-12-03"), "").ok());
  ASSERT_TRUE(
      RequestExplanation(conn(), Commission(), explained, "520521-NY", D("2021-12-03"), "").ok());
  ASSERT_TRUE(Explain(conn(), Owner(), explained, "已说明").ok());
  const WorkCalendar calendar;
  // Mon 6, Tue 7: 2 working days past due — not yet.
  auto r = EscalateOverdue(conn(), D("2021-12-07"), calendar);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->escalated, 0);
  // Wed 8: 3 working days → level 1.
  r = EscalateOverdue(conn(), D("2021-12-08"), calendar);
  EXPECT_EQ(r->escalated, 1);
  EXPECT_EQ(LoadWarning(conn(), id)->escalation_level, 1);
  // Running again the same day changes nothing.
  r = EscalateOverdue(conn(), D("2021-12-08"), calendar);
  EXPECT_EQ(r->escalated, 0);
  // Sat 11 and Sun 12 do not count: Fri 10 is 5 → level 2; Mon 13 is 6; Tue 14 is 7 → 3.
  EXPECT_EQ(EscalateOverdue(conn(), D("2021-12-12"), calendar)->escalated, 1);
  EXPECT_EQ(LoadWarning(conn(), id)->escalation_level, 2);
  EXPECT_EQ(EscalateOverdue(conn(), D("2021-12-13"), calendar)->escalated, 0);
  EXPECT_EQ(EscalateOverdue(conn(), D("2021-12-14"), calendar)->escalated, 1);
  EXPECT_EQ(LoadWarning(conn(), id)->escalation_level, 3);
  // The explained one never escalates.
  EXPECT_EQ(LoadWarning(conn(), explained)->escalation_level, 0);
  auto events = EventsOf(conn(), "warning", id);
  ASSERT_EQ(events->size(), 4u);  // request + three rises
  EXPECT_EQ((*events)[3].actor_login, "system");
  EXPECT_NE((*events)[3].details.find("\"escalation_level\":3"), std::string::npos);
  // Configurable thresholds.
  EscalationConfig quick;
  quick.level_days = {1, 2, 3};
  EXPECT_EQ(EscalationLevelFor(calendar, quick, D("2021-12-03"), D("2021-12-07")), 2);
}

INSTANTIATE_ENGINE_TEST_SUITE(WarningFlowTest);

// A re-scan (rules::StoreWarningsOnce) with the life cycle.
class WarningFlowRescanTest : public WarningFlowTest {};

rules::Warning Found(const std::string& subject, const std::string& payment) {
  rules::Warning w;
  w.rule = "A09";
  w.subject_type = "payment";
  w.subject_id = subject;
  w.region_code = "520521";
  w.severity = "low";
  w.evidence["payments"].insert(payment);
  return w;
}

std::int64_t CountOf(store::Connection& conn, const std::string& subject) {
  auto rs =
      conn.Query("SELECT COUNT(*) FROM warnings WHERE rule = 'A09' AND subject_id = ?", {subject});
  return rs.ok() ? rs->at(0, 0).AsInteger() : -1;
}

std::int64_t LatestId(store::Connection& conn, const std::string& subject) {
  auto rs =
      conn.Query("SELECT MAX(id) FROM warnings WHERE rule = 'A09' AND subject_id = ?", {subject});
  return rs->at(0, 0).AsInteger();
}

TEST_P(WarningFlowRescanTest, OpenStatesAreNeverDuplicated) {
  const Date as_of = D("2021-12-31");
  ASSERT_TRUE(rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of).ok());
  const std::int64_t id = LatestId(conn(), "P1");
  auto hash = conn().Query("SELECT evidence_hash FROM warnings WHERE id = ?", {id});
  EXPECT_EQ(hash->at(0, 0).AsText(), rules::EvidenceHash(Found("P1", "P1").evidence));
  ASSERT_TRUE(RequestExplanation(conn(), Commission(), id, "520521-NY", as_of, "").ok());
  auto again = rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of);
  EXPECT_EQ(again->already_open, 1);
  ASSERT_TRUE(Explain(conn(), Owner(), id, "说明").ok());
  again = rules::StoreWarningsOnce(conn(), {Found("P1", "P2")}, as_of);
  EXPECT_EQ(again->already_open, 1);  // even with new evidence: the open one is being handled
  EXPECT_EQ(CountOf(conn(), "P1"), 1);
}

TEST_P(WarningFlowRescanTest, DismissedStaysDismissedUnlessEvidenceChanged) {
  const Date as_of = D("2021-12-31");
  ASSERT_TRUE(rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of).ok());
  ASSERT_TRUE(Dismiss(conn(), Commission(), LatestId(conn(), "P1"), "已核实").ok());
  auto same = rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->still_handled, 1);
  EXPECT_EQ(same->inserted, 0);
  EXPECT_EQ(CountOf(conn(), "P1"), 1);
  auto changed = rules::StoreWarningsOnce(conn(), {Found("P1", "P9")}, as_of);
  EXPECT_EQ(changed->inserted, 1);
  EXPECT_EQ(CountOf(conn(), "P1"), 2);
  EXPECT_EQ(StateOf(LatestId(conn(), "P1")), "new");
}

TEST_P(WarningFlowRescanTest, LegacyDismissedWithoutHashComparesStoredEvidence) {
  const std::int64_t id = AddWarning(conn(), "A09", "P1", "520521",
                                     rules::EvidenceJson(Found("P1", "P1").evidence).dump());
  ASSERT_TRUE(Dismiss(conn(), Commission(), id, "已核实").ok());
  auto same = rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, D("2021-12-31"));
  EXPECT_EQ(same->still_handled, 1);
  EXPECT_EQ(CountOf(conn(), "P1"), 1);
}

TEST_P(WarningFlowRescanTest, DataCorrectedThatStillFiresIsRaisedAgain) {
  const Date as_of = D("2021-12-31");
  ASSERT_TRUE(rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of).ok());
  auto batch = conn().Query(
      "INSERT INTO import_batches(started_at, imported_by, source_path, status) "
      "VALUES (?, 'x', 'fix.csv', 'done') RETURNING id",
      {store::TimestampNow()});
  ASSERT_TRUE(MarkDataCorrected(conn(), Commission(), LatestId(conn(), "P1"),
                                batch->at(0, 0).AsInteger(), "已纠错")
                  .ok());
  auto again = rules::StoreWarningsOnce(conn(), {Found("P1", "P1")}, as_of);
  EXPECT_EQ(again->inserted, 1);
  EXPECT_EQ(CountOf(conn(), "P1"), 2);
}

INSTANTIATE_ENGINE_TEST_SUITE(WarningFlowRescanTest);

}  // namespace
}  // namespace sunlight::supervision
