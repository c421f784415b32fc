#include <gtest/gtest.h>

#include "supervision/problems.h"
#include "supervision/tasks.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"
#include "warning_flow_fixture.h"

namespace sunlight::supervision {
namespace {

using testing::AddDafang;
using testing::Auditor;
using testing::Commission;
using testing::Owner;

Date D(const char* text) { return *Date::Parse(text); }

ProblemDraft Draft() {
  ProblemDraft d;
  d.source = "inspection";
  d.category = "project_construction";
  d.behaviour = "建设进度滞后";
  d.title = "鲜花种植基地建设缓慢";
  d.region_code = "520521";
  d.responsible_org_id = "520521-NY";
  d.evidence = {{"project", "PRJ520521001", "项目台账"}};
  return d;
}

TaskDraft Task() {
  TaskDraft t;
  t.description = "加快基地建设";
  t.measures = "倒排工期，每周调度";
  t.deadline = D("2022-06-30");
  t.responsible_org_id = "520521-NY";
  t.responsible_login = "dafang_ny";
  t.cadence = "daily";
  t.assigned_on = D("2022-01-04");
  return t;
}

class ProblemTaskTest : public sunlight::testing::EngineTest {
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
  std::string TaskState(std::int64_t id) { return LoadTask(conn(), id)->state; }
  std::string ProblemState(std::int64_t id) { return LoadProblem(conn(), id)->state; }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

TEST_P(ProblemTaskTest, CreateValidatesAndKeepsEvidence) {
  ProblemDraft bad = Draft();
  bad.category = "资金";
  EXPECT_EQ(CreateProblem(conn(), Commission(), bad).status().reason(), "bad_category");
  bad = Draft();
  bad.source = "rumour";
  EXPECT_EQ(CreateProblem(conn(), Commission(), bad).status().reason(), "bad_source");
  bad = Draft();
  bad.responsible_org_id = "NOPE";
  EXPECT_EQ(CreateProblem(conn(), Commission(), bad).status().reason(), "unknown_org");
  auto id = CreateProblem(conn(), Commission(), Draft());
  ASSERT_TRUE(id.ok()) << id.status();
  auto p = LoadProblem(conn(), *id);
  EXPECT_EQ(p->state, "open");
  EXPECT_EQ(p->owner_org_id, "5205-JW");
  ASSERT_EQ(p->evidence.size(), 1u);
  EXPECT_EQ(p->evidence[0].ref, "PRJ520521001");
  EXPECT_EQ(ProblemCategoryLabel(p->category), "项目建设");
}

TEST_P(ProblemTaskTest, FullRectificationLifeCycle) {
  const std::int64_t problem = *CreateProblem(conn(), Commission(), Draft());
  auto task_id = AddTask(conn(), Commission(), problem, Task());
  ASSERT_TRUE(task_id.ok()) << task_id.status();
  const std::int64_t task = *task_id;
  EXPECT_EQ(TaskState(task), "assigned");
  EXPECT_EQ(LoadTask(conn(), task)->assigned_on, "2022-01-04");

  // Only the responsible person claims.
  EXPECT_EQ(ClaimTask(conn(), Auditor(), task).reason(), "not_responsible_person");
  ASSERT_TRUE(ClaimTask(conn(), Owner(), task).ok());
  EXPECT_EQ(TaskState(task), "claimed");
  ASSERT_TRUE(ReportProgress(conn(), Owner(), task, D("2022-01-05"), "已完成选址").ok());
  EXPECT_EQ(TaskState(task), "in_progress");
  ASSERT_TRUE(ReportProgress(conn(), Owner(), task, D("2022-01-06"), "已进场施工").ok());
  // An older report entered late does not move last_report_on back.
  ASSERT_TRUE(ReportProgress(conn(), Owner(), task, D("2022-01-03"), "补录").ok());
  EXPECT_EQ(LoadTask(conn(), task)->last_report_on, "2022-01-06");

  EXPECT_EQ(SubmitTask(conn(), Owner(), task, "完成", {}).reason(), "evidence_required");
  ASSERT_TRUE(
      SubmitTask(conn(), Owner(), task, "已完工", {{"验收单.pdf", "application/pdf", "%PDF-1"}})
          .ok());
  EXPECT_EQ(TaskState(task), "submitted");
  EXPECT_EQ(ReportProgress(conn(), Owner(), task, D("2022-01-07"), "x").reason(), "wrong_state");

  // The responsible person cannot close their own task; a verifier rejects, then closes.
  EXPECT_EQ(CloseTask(conn(), Owner(), task, "").reason(), "verifier_is_responsible");
  EXPECT_EQ(RejectTask(conn(), Commission(), task, "").reason(), "reason_required");
  ASSERT_TRUE(RejectTask(conn(), Commission(), task, "佐证不足").ok());
  EXPECT_EQ(TaskState(task), "in_progress");
  ASSERT_TRUE(
      SubmitTask(conn(), Owner(), task, "补充", {{"照片.jpg", "image/jpeg", "\xff\xd8\xff"}}).ok());
  ASSERT_TRUE(CloseTask(conn(), Commission(), task, "核验通过").ok());
  EXPECT_EQ(TaskState(task), "closed");
  EXPECT_EQ(LoadTask(conn(), task)->closed_by, "bj_jw");
  EXPECT_EQ(ProblemState(problem), "closed");

  // A revisit reopens the task and the problem; work resumes.
  ASSERT_TRUE(RevisitTask(conn(), Commission(), task, "回头看发现反弹").ok());
  EXPECT_EQ(TaskState(task), "reopened");
  EXPECT_EQ(ProblemState(problem), "reopened");
  EXPECT_EQ(ClaimTask(conn(), Owner(), task).reason(), "wrong_state");
  ASSERT_TRUE(ReportProgress(conn(), Owner(), task, D("2022-02-01"), "重新整改").ok());
  EXPECT_EQ(TaskState(task), "in_progress");

  auto reports = ReportsOfTask(conn(), task);
  ASSERT_TRUE(reports.ok());
  std::vector<std::string> kinds;
  for (const TaskReport& r : *reports) kinds.push_back(r.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"progress", "progress", "progress", "submission",
                                             "rejection", "submission", "revisit", "progress"}));
  EXPECT_EQ((*reports)[3].attachment_ids.size(), 1u);
  auto stored = conn().Query("SELECT file_name, size_bytes, sha256 FROM attachments WHERE id = ?",
                             {(*reports)[3].attachment_ids[0]});
  EXPECT_EQ(stored->at(0, 0).AsText(), "验收单.pdf");
  EXPECT_EQ(stored->at(0, 1).AsInteger(), 6);
  EXPECT_EQ(stored->at(0, 2).AsText().size(), 64u);

  auto events = EventsOf(conn(), "task", task);
  // assigned, claimed, 3 reports, submitted, rejected, submitted, closed, reopened, report.
  EXPECT_EQ(events->size(), 11u);
  auto problem_events = EventsOf(conn(), "problem", problem);
  ASSERT_EQ(problem_events->size(), 3u);  // open, closed, reopened
  EXPECT_EQ((*problem_events)[2].to_state, "reopened");
}

TEST_P(ProblemTaskTest, ProblemClosesOnlyWhenEveryTaskIsClosed) {
  const std::int64_t problem = *CreateProblem(conn(), Commission(), Draft());
  const std::int64_t a = *AddTask(conn(), Commission(), problem, Task());
  const std::int64_t b = *AddTask(conn(), Commission(), problem, Task());
  for (std::int64_t t : {a, b}) {
    ASSERT_TRUE(ClaimTask(conn(), Owner(), t).ok());
    ASSERT_TRUE(ReportProgress(conn(), Owner(), t, D("2022-01-05"), "进展").ok());
    ASSERT_TRUE(SubmitTask(conn(), Owner(), t, "完成", {{"a.txt", "text/plain", "ok"}}).ok());
  }
  ASSERT_TRUE(CloseTask(conn(), Commission(), a, "").ok());
  EXPECT_EQ(ProblemState(problem), "open");
  ASSERT_TRUE(CloseTask(conn(), Commission(), b, "").ok());
  EXPECT_EQ(ProblemState(problem), "closed");
}

TEST_P(ProblemTaskTest, ListsFilterByJurisdictionRegionAndState) {
  const std::int64_t mine = *CreateProblem(conn(), Commission(), Draft());
  ProblemDraft elsewhere = Draft();
  elsewhere.region_code = "440106";
  ASSERT_TRUE(CreateProblem(conn(), Commission(), elsewhere).ok());
  ProblemFilter filter;
  filter.region_prefixes = {"5205"};
  auto page = ListProblems(conn(), filter);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->total, 1);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].id, mine);
  filter.state = "closed";
  EXPECT_EQ(ListProblems(conn(), filter)->total, 0);
  filter = {};
  EXPECT_EQ(ListProblems(conn(), filter)->total, 0);  // no jurisdiction, nothing

  ASSERT_TRUE(AddTask(conn(), Commission(), mine, Task()).ok());
  TaskFilter tasks;
  tasks.region_prefixes = {"52"};
  tasks.responsible_login = "dafang_ny";
  EXPECT_EQ(ListTasks(conn(), tasks)->total, 1);
  tasks.region_prefixes = {"44"};
  EXPECT_EQ(ListTasks(conn(), tasks)->total, 0);
}

TEST_P(ProblemTaskTest, RecoveriesAreRecordedAgainstTheirSource) {
  const std::int64_t problem = *CreateProblem(conn(), Commission(), Draft());
  RecoveryDraft r;
  r.source_type = "problem";
  r.source_id = problem;
  r.kind = "recovery";
  r.amount_fen = 150000;
  r.recovered_on = "2022-02-01";
  r.note = "追缴违规资金";
  auto id = RecordRecovery(conn(), Commission(), r);
  ASSERT_TRUE(id.ok()) << id.status();
  auto rs =
      conn().Query("SELECT source_type, source_id, amount_fen FROM recoveries WHERE id = ?", {*id});
  EXPECT_EQ(rs->at(0, 2).AsInteger(), 150000);
  EXPECT_EQ(*RecoverySourceRegion(conn(), "problem", problem), "520521");
  r.amount_fen = 0;
  EXPECT_EQ(RecordRecovery(conn(), Commission(), r).status().reason(), "bad_amount");
  r.amount_fen = 1;
  r.source_id = 99999;
  EXPECT_EQ(RecordRecovery(conn(), Commission(), r).status().reason(), "source_not_found");
  r.source_type = "case";
  EXPECT_EQ(RecordRecovery(conn(), Commission(), r).status().reason(), "bad_source_type");
}

INSTANTIATE_ENGINE_TEST_SUITE(ProblemTaskTest);

}  // namespace
}  // namespace sunlight::supervision
