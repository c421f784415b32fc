#include "supervision/rule_d02.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "rules/warning.h"
#include "store/timestamp.h"
#include "supervision/problems.h"
#include "supervision/tasks.h"
#include "supervision/workflow_rules.h"
#include "support/test_engines.h"
#include "warning_flow_fixture.h"

namespace sunlight::supervision {
namespace {

using testing::AddDafang;
using testing::Commission;

Date D(const char* text) { return *Date::Parse(text); }

class RuleD02Test : public sunlight::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok());
    conn_ = std::move(*conn);
    AddDafang(*conn_);
    ProblemDraft p;
    p.source = "inspection";
    p.category = "work_implementation";
    p.behaviour = "整改不力";
    p.title = "整改进度一日一报未落实";
    p.region_code = "520521";
    p.responsible_org_id = "520521-NY";
    auto id = CreateProblem(*conn_, Commission(), p);
    ASSERT_TRUE(id.ok()) << id.status();
    problem_ = *id;
  }

  // A task written straight into the table, in any state, so the fixture is exact.
  std::string Add(const std::string& state, const std::string& cadence, const std::string& deadline,
                  const std::string& assigned_on, const char* last_report_on,
                  const std::string& region = "520521") {
    const std::string now = store::TimestampNow();
    store::Value last = nullptr;
    if (last_report_on != nullptr) last = std::string(last_report_on);
    auto rs = conn_->Query(
        "INSERT INTO rectification_tasks(problem_id, description, measures, deadline, "
        "responsible_org_id, responsible_login, cadence, state, region_code, assigned_on, "
        "last_report_on, created_by, created_at, updated_at) "
        "VALUES (?, 't', 'm', ?, '520521-NY', 'dafang_ny', ?, ?, ?, ?, ?, 'bj_jw', ?, ?) "
        "RETURNING id",
        {problem_, deadline, cadence, state, region, assigned_on, last, now, now});
    EXPECT_TRUE(rs.ok()) << rs.status();
    return std::to_string(rs->at(0, 0).AsInteger());
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
  std::int64_t problem_ = 0;
};

std::vector<std::string> Subjects(const std::vector<rules::Warning>& warnings) {
  std::vector<std::string> ids;
  for (const rules::Warning& w : warnings) ids.push_back(w.subject_id);
  return ids;
}

TEST_P(RuleD02Test, KernelAndReferenceSqlAgreeOnCasesAndNearMisses) {
  const Date as_of = D("2022-03-10");
  // Cases.
  const std::string overdue =
      Add("in_progress", "weekly", "2022-03-09", "2022-01-01", "2022-03-08");
  const std::string silent_daily =
      Add("claimed", "daily", "2022-06-30", "2022-03-01", "2022-03-08");
  const std::string silent_never = Add("assigned", "weekly", "2022-06-30", "2022-03-02", nullptr);
  const std::string silent_monthly =
      Add("reopened", "monthly", "2022-06-30", "2022-01-01", "2022-02-06");
  const std::string both = Add("in_progress", "daily", "2022-03-01", "2022-01-01", "2022-03-01");
  // Near misses: one day inside each line.
  const std::string due_today =
      Add("in_progress", "weekly", "2022-03-10", "2022-01-01", "2022-03-09");
  const std::string daily_ok =
      Add("in_progress", "daily", "2022-06-30", "2022-01-01", "2022-03-09");
  const std::string weekly_ok = Add("claimed", "weekly", "2022-06-30", "2022-03-03", nullptr);
  const std::string monthly_ok =
      Add("in_progress", "monthly", "2022-06-30", "2022-01-01", "2022-02-07");
  // Unrelated: finished or awaiting verification, however late.
  const std::string closed = Add("closed", "daily", "2021-01-01", "2020-01-01", nullptr);
  const std::string submitted = Add("submitted", "daily", "2021-01-01", "2020-01-01", nullptr);

  auto kernel = RunD02(*conn_, as_of, {});
  auto sql = RunD02Sql(*conn_, as_of, {});
  ASSERT_TRUE(kernel.ok()) << kernel.status();
  ASSERT_TRUE(sql.ok()) << sql.status();
  ASSERT_EQ(kernel->size(), sql->size());
  for (size_t i = 0; i < kernel->size(); ++i) {
    EXPECT_EQ((*kernel)[i], (*sql)[i])
        << rules::DebugString((*kernel)[i]) << " vs " << rules::DebugString((*sql)[i]);
  }
  std::vector<std::string> expected = {overdue, silent_daily, silent_never, silent_monthly, both};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(Subjects(*kernel), expected);
  for (const rules::Warning& w : *kernel) {
    EXPECT_EQ(w.rule, "D02");
    EXPECT_EQ(w.subject_type, "task");
    EXPECT_EQ(w.region_code, "520521");
    EXPECT_EQ(w.evidence.at("problems"), std::set<std::string>{std::to_string(problem_)});
    const bool late = w.subject_id == overdue || w.subject_id == both;
    EXPECT_EQ(w.severity, late ? "high" : "medium") << w.subject_id;
    EXPECT_EQ(w.params.value("report_days", 0), 1);
  }
  const auto& reasons = [&](const std::string& id) {
    for (const rules::Warning& w : *kernel) {
      if (w.subject_id == id) return w.evidence.at("reasons");
    }
    return std::set<std::string>{};
  };
  EXPECT_EQ(reasons(both), (std::set<std::string>{"overdue", "silent"}));
  EXPECT_EQ(reasons(silent_never), (std::set<std::string>{"silent"}));

  // A parameter moves the line, in both forms alike.
  auto strict = RunD02(*conn_, as_of, {{"monthly_report_days", 30}});
  auto strict_sql = RunD02Sql(*conn_, as_of, {{"monthly_report_days", 30}});
  EXPECT_EQ(Subjects(*strict), Subjects(*strict_sql));
  EXPECT_EQ(strict->size(), kernel->size() + 1);  // monthly_ok crosses
}

TEST_P(RuleD02Test, RegistryRunsAndStoresWithoutDuplicates) {
  Add("in_progress", "weekly", "2022-03-09", "2022-01-01", "2022-03-08");
  const WorkflowRule* d02 = FindWorkflowRule("D02");
  ASSERT_NE(d02, nullptr);
  EXPECT_EQ(d02->name_zh, "整改逾期");
  EXPECT_EQ(FindWorkflowRule("A01"), nullptr);
  auto first = RunWorkflowRules(*conn_, {d02}, D("2022-03-10"));
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ((*first)[0].stored.inserted, 1);
  auto second = RunWorkflowRules(*conn_, {d02}, D("2022-03-11"));
  EXPECT_EQ((*second)[0].stored.inserted, 0);
  EXPECT_EQ((*second)[0].stored.already_open, 1);
  auto rs =
      conn_->Query("SELECT subject_type, region_code, state FROM warnings WHERE rule = 'D02'");
  ASSERT_EQ(rs->size(), 1u);
  EXPECT_EQ(rs->at(0, 0).AsText(), "task");
  EXPECT_EQ(rs->at(0, 1).AsText(), "520521");
  EXPECT_EQ(rs->at(0, 2).AsText(), "new");
}

INSTANTIATE_ENGINE_TEST_SUITE(RuleD02Test);

}  // namespace
}  // namespace sunlight::supervision
