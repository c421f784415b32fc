#include "supervision/inspections/inspections.h"

#include <gtest/gtest.h>

#include "inspections/ledger_fixture.h"
#include "store/database.h"
#include "store/result_set.h"
#include "supervision/inspections/ties.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"

namespace sunlight::supervision::inspections {
namespace {

using testing::EngineTest;

const Actor kActor{"gz_tester", "4401-JW", "4401"};

std::vector<TieMember> Members() {
  return {{"ID1", "张一", "4401-JW"},
          {"ID2", "李二", "4401-JW"},
          {"ID3", "王三", "5205-JW"},
          {"ID4", "赵四", "110101-X"},
          {"ID5", "钱五", "5205-JW"}};
}

std::vector<TieTarget> Targets() {
  return {{"project", "PRJ1", "520521001001", "520521-NY", "大方县产业路"},
          {"village", "520521999998", "520521999998", "", "测试村"},
          {"project", "PRJ2", "110101001001", "110101-X", "东城区项目"},
          {"org", "520521-NY", "520521", "520521-NY", "大方县农业农村局"}};
}

InspectionDraft Draft(std::string kind) {
  InspectionDraft d;
  d.kind = std::move(kind);
  d.title = "2026年产业项目专项检查";
  d.period_from = "2026-03-01";
  d.period_to = "2026-03-31";
  for (const TieMember& m : Members()) d.members.push_back({m.id_number, m.name, m.org_id, ""});
  d.targets = {
      {"project", "PRJ1"}, {"village", "520521999998"}, {"project", "PRJ2"}, {"org", "520521-NY"}};
  return d;
}

std::vector<std::string> Slugs(const std::vector<Tie>& ties) {
  std::vector<std::string> out;
  for (const Tie& t : ties) out.push_back(t.reason);
  return out;
}

class InspectionsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    testing::LoadInspectionLedger(*conn_);
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

using V = std::vector<std::string>;

TEST_P(InspectionsTest, FindsEachKindOfTieFromTheLedger) {
  auto ties = FindTies(*conn_, Members(), Targets(), /*cross=*/false);
  ASSERT_TRUE(ties.ok()) << ties.status();
  const auto& t = *ties;
  // ID1 worked at the 大方县 bureau: its projects, its county's villages, the bureau itself.
  EXPECT_EQ(Slugs(t[0][0]), V{"worked_here"});
  EXPECT_EQ(Slugs(t[0][1]), V{"worked_here"});
  EXPECT_EQ(Slugs(t[0][2]), V{});
  EXPECT_EQ(Slugs(t[0][3]), V{"worked_here"});
  // ID2 is registered in 测试村 (and so tied to the county bureau whose county holds it).
  EXPECT_EQ(Slugs(t[1][0]), V{});
  EXPECT_EQ(Slugs(t[1][1]), V{"registered_here"});
  EXPECT_EQ(Slugs(t[1][3]), V{"registered_here"});
  // ID3's brother is registered in PRJ1's village; a city commission post is no tie.
  EXPECT_EQ(Slugs(t[2][0]), V{"kin_registered_here"});
  EXPECT_EQ(Slugs(t[2][1]), V{});
  EXPECT_EQ(Slugs(t[2][2]), V{});
  // ID4 works at the owner of PRJ2; the spouse holds a post at the 大方县 bureau.
  EXPECT_EQ(Slugs(t[3][2]), V{"works_here"});
  EXPECT_EQ(Slugs(t[3][0]), V{"kin_post_here"});
  EXPECT_EQ(Slugs(t[3][3]), V{"kin_post_here"});
  EXPECT_NE(t[3][0][0].detail.find("配偶"), std::string::npos) << t[3][0][0].detail;
  // ID5 has no ties.
  for (int target = 0; target < 4; ++target) EXPECT_EQ(Slugs(t[4][target]), V{});
}

TEST_P(InspectionsTest, CrossInspectionExcludesOwnCooperationZone) {
  auto ties = FindTies(*conn_, Members(), Targets(), /*cross=*/true);
  ASSERT_TRUE(ties.ok()) << ties.status();
  const auto& t = *ties;
  // 广州 and 毕节 are one cooperation zone: both sides' members stay away from 毕节 targets.
  EXPECT_EQ(Slugs(t[4][0]), V{"own_cooperation_zone"});
  EXPECT_EQ(Slugs(t[4][1]), V{"own_cooperation_zone"});
  EXPECT_EQ(Slugs(t[4][2]), V{});
  EXPECT_EQ(Slugs(t[1][0]), V{"own_cooperation_zone"});  // a 广州 member, 毕节 project
  EXPECT_EQ(Slugs(t[3][2]), (V{"works_here", "own_cooperation_zone"}));
}

TEST_P(InspectionsTest, PlanStoresATieFreeBalancedAssignmentAndFlowRecordsEvents) {
  auto id = CreateInspection(*conn_, Draft("special"), kActor);
  ASSERT_TRUE(id.ok()) << id.status();

  // No plan yet: cannot start.
  Status early = MoveInspection(*conn_, *id, "in_progress", kActor, "开始");
  EXPECT_EQ(early.reason(), "plan_missing");

  auto proposal = PlanInspection(*conn_, *id, kActor);
  ASSERT_TRUE(proposal.ok()) << proposal.status();
  ASSERT_TRUE(proposal->result.feasible) << proposal->result.message;
  EXPECT_EQ(proposal->result.max_load, 1);

  auto loaded = LoadInspection(*conn_, *id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->state, "planned");
  ASSERT_EQ(loaded->targets.size(), 4u);
  auto ties = FindTies(*conn_, Members(), Targets(), false);
  ASSERT_TRUE(ties.ok());
  for (size_t t = 0; t < loaded->targets.size(); ++t) {
    ASSERT_EQ(loaded->targets[t].members.size(), 1u) << "target " << t;
    const int member = loaded->targets[t].members[0] - 1;
    EXPECT_TRUE((*ties)[member][t].empty()) << "member " << member << " tied to target " << t;
  }
  // The only untied member of the county bureau target is ID5.
  EXPECT_EQ(loaded->targets[3].members, std::vector<int>{5});

  Status wrong = MoveInspection(*conn_, *id, "completed", kActor, "完成");
  EXPECT_EQ(wrong.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(wrong.reason(), "wrong_state");

  ASSERT_TRUE(MoveInspection(*conn_, *id, "in_progress", kActor, "开始检查").ok());
  FindingDraft finding;
  finding.category = "project_construction";
  finding.behaviour = "未按期开工";
  finding.title = "产业路项目未按期开工";
  finding.target_seq = 1;
  finding.amount_fen = 12345;
  auto problem = AddFinding(*conn_, *id, finding, kActor);
  ASSERT_TRUE(problem.ok()) << problem.status();
  auto row = conn_->Query(
      "SELECT source, region_code, responsible_org_id, owner_org_id, inspection_id, state, "
      "amount_fen FROM problems WHERE id = ?",
      {*problem});
  ASSERT_TRUE(row.ok());
  ASSERT_EQ(row->size(), 1u);
  EXPECT_EQ(row->at(0, 0).AsText(), "inspection");
  EXPECT_EQ(row->at(0, 1).AsText(), "520521001001");
  EXPECT_EQ(row->at(0, 2).AsText(), "520521-NY");
  EXPECT_EQ(row->at(0, 3).AsText(), "4401-JW");
  EXPECT_EQ(row->at(0, 4).AsInteger(), *id);
  EXPECT_EQ(row->at(0, 5).AsText(), "open");
  EXPECT_EQ(row->at(0, 6).AsInteger(), 12345);
  ASSERT_TRUE(MoveInspection(*conn_, *id, "completed", kActor, "检查结束").ok());
  // A completed inspection takes no more findings.
  EXPECT_EQ(AddFinding(*conn_, *id, finding, kActor).status().reason(), "wrong_state");

  auto events = EventsOf(*conn_, "inspection", *id);
  ASSERT_TRUE(events.ok());
  std::vector<std::string> path;
  for (const WorkflowEvent& e : *events) path.push_back(e.from_state + ">" + e.to_state);
  EXPECT_EQ(path,
            (V{">planned", "planned>planned", "planned>in_progress", "in_progress>completed"}));
  auto problem_events = EventsOf(*conn_, "problem", *problem);
  ASSERT_TRUE(problem_events.ok());
  EXPECT_EQ(problem_events->size(), 1u);
  auto again = LoadInspection(*conn_, *id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->findings, 1);
}

TEST_P(InspectionsTest, TourFindingsHaveSourceTour) {
  auto id = CreateInspection(*conn_, Draft("tour"), kActor);
  ASSERT_TRUE(id.ok()) << id.status();
  ASSERT_TRUE(PlanInspection(*conn_, *id, kActor).ok());
  ASSERT_TRUE(MoveInspection(*conn_, *id, "in_progress", kActor, "开始").ok());
  FindingDraft finding{
      "work_implementation", "责任落实不到位", "帮扶责任未落实", "", "5205", "5205-JW", 0, 0};
  auto problem = AddFinding(*conn_, *id, finding, kActor);
  ASSERT_TRUE(problem.ok()) << problem.status();
  auto row = conn_->Query("SELECT source FROM problems WHERE id = ?", {*problem});
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->at(0, 0).AsText(), "tour");
}

TEST_P(InspectionsTest, ImpossibleCrossPlanNamesTheTargetAndStoresNothing) {
  auto id = CreateInspection(*conn_, Draft("cross"), kActor);
  ASSERT_TRUE(id.ok()) << id.status();
  auto proposal = PlanInspection(*conn_, *id, kActor);
  ASSERT_TRUE(proposal.ok()) << proposal.status();
  EXPECT_FALSE(proposal->result.feasible);
  EXPECT_EQ(proposal->result.reason, "not_enough_untied_members");
  EXPECT_NE(proposal->result.message.find("大方县产业路"), std::string::npos)
      << proposal->result.message;
  EXPECT_NE(proposal->result.message.find("钱五：属本人所在协作区"), std::string::npos)
      << proposal->result.message;
  auto stored =
      conn_->Query("SELECT COUNT(*) FROM inspection_assignments WHERE inspection_id = ?", {*id});
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->at(0, 0).AsInteger(), 0);
}

TEST_P(InspectionsTest, ValidatesDrafts) {
  InspectionDraft joint = Draft("joint");
  joint.members = {{"ID1", "张一", "4401-JW", ""}, {"ID2", "李二", "4401-JW", ""}};
  EXPECT_EQ(CreateInspection(*conn_, joint, kActor).status().reason(), "joint_needs_both_regions");
  joint.members.push_back({"ID5", "钱五", "5205-JW", ""});
  EXPECT_TRUE(CreateInspection(*conn_, joint, kActor).ok());

  InspectionDraft bad = Draft("routine");
  bad.targets.push_back({"project", "NOPE"});
  EXPECT_EQ(CreateInspection(*conn_, bad, kActor).status().reason(), "unknown_target");
  bad = Draft("weekly");
  EXPECT_EQ(CreateInspection(*conn_, bad, kActor).status().reason(), "unknown_kind");
  bad = Draft("routine");
  bad.period_to = "2026-02-01";
  EXPECT_EQ(CreateInspection(*conn_, bad, kActor).status().reason(), "bad_period");
  bad = Draft("routine");
  bad.members.push_back(bad.members[0]);
  EXPECT_EQ(CreateInspection(*conn_, bad, kActor).status().reason(), "duplicate_member");
}

INSTANTIATE_ENGINE_TEST_SUITE(InspectionsTest);

}  // namespace
}  // namespace sunlight::supervision::inspections
