// Project rules (B02–B06, B10–B12) on small hand-made ledgers: the case, a near miss just
// inside the line (one fen under, one day inside) and unrelated rows. Kernel and SQL must
// agree, and both give the expected subjects, amounts and evidence.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace sunlight::rules::testing {
namespace {

const Date kAsOf = *Date::Parse("2021-12-31");

// as-of plus `offset` days, as stored.
std::string Day(int offset) { return kAsOf.AddDays(offset).ToString(); }

const Rule& RuleOf(std::string_view code) {
  const Rule* rule = FindRule(code);
  EXPECT_NE(rule, nullptr) << code;
  return *rule;
}

store::Value Opt(const std::string& text) {
  return text.empty() ? store::Value() : store::Value(text);
}

class ProjectRuleTest : public RulesDbTest {
 protected:
  void SetUp() override {
    RulesDbTest::SetUp();
    Org("ORG1", "520102000000");
  }
  void Project(const std::string& id, const std::string& category, int64_t budget_fen,
               const std::string& region = "520102001001", const std::string& owner = "ORG1",
               const std::string& method = "", const std::string& contractor = "") {
    Insert(
        "projects",
        "project_id, name, category, region_code, owner_org_id, program_id, budget, "
        "procurement_method, contractor_uscc",
        {id, "项目" + id, category, region, owner, "P1", budget_fen, Opt(method), Opt(contractor)});
  }
  void Allocation(const std::string& id, const std::string& project, int64_t fen,
                  const std::string& date) {
    Insert("allocations", "allocation_id, program_id, project_id, region_code, amount, date",
           {id, "P1", project, "520102", fen, date});
  }
  void ProjectPay(const std::string& id, const std::string& project, int64_t fen,
                  const std::string& date) {
    Insert("payments",
           "payment_id, program_id, project_id, payer_org_id, payee_name, payee_account, amount, "
           "pay_date, purpose_category",
           {id, "P1", project, "ORG1", "某公司", "ACC-CO", fen, date, "infrastructure"});
  }
  void Contract(const std::string& id, const std::string& project, const std::string& supplier,
                int64_t fen, const std::string& date, const std::string& method = "open_tender") {
    Insert("contracts",
           "contract_id, project_id, supplier_uscc, amount, signed_date, procurement_method",
           {id, project, supplier, fen, date, method});
  }
};

TEST_F(ProjectRuleTest, B02SlowDisbursement) {
  Project("PRJ1", "education", 100000000);  // case: one fen under 60 % at 180 days
  Allocation("AL1", "PRJ1", 100000000, Day(-180));
  ProjectPay("PAY1", "PRJ1", 59999999, Day(-10));
  Project("PRJ2", "education", 100000000);  // near miss: exactly 60 %
  Allocation("AL2", "PRJ2", 60000000, Day(-180));
  Allocation("AL3", "PRJ2", 40000000, Day(-20));
  ProjectPay("PAY2", "PRJ2", 60000000, Day(-10));
  Project("PRJ3", "education", 100000000);  // near miss: nothing paid, 179 days
  Allocation("AL4", "PRJ3", 100000000, Day(-179));
  Project("PRJ4", "education", 100000000);  // unrelated: no allocation
  ProjectPay("PAY4", "PRJ4", 100, Day(-300));

  std::vector<Warning> got = RunBothWays(RuleOf("B02"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1"})) << Describe(got);
  EXPECT_EQ(got[0].subject_type, "project");
  EXPECT_EQ(got[0].amount_fen, 40000001);
  EXPECT_EQ(got[0].region_code, "520102001001");
  EXPECT_EQ(got[0].evidence,
            (Evidence{{"projects", {"PRJ1"}}, {"allocations", {"AL1"}}, {"payments", {"PAY1"}}}));
}

TEST_F(ProjectRuleTest, B03IdleFunds) {
  Project("PRJ1", "education", 1000);  // case: last payment exactly 365 days ago
  Allocation("AL1", "PRJ1", 1000, Day(-400));
  ProjectPay("PAY1", "PRJ1", 300, Day(-390));
  ProjectPay("PAY2", "PRJ1", 400, Day(-365));
  Project("PRJ2", "education", 1000);  // near miss: 364 days
  Allocation("AL2", "PRJ2", 1000, Day(-400));
  ProjectPay("PAY3", "PRJ2", 700, Day(-364));
  Project("PRJ3", "education", 1000);  // case: never paid, allocated 365 days ago
  Allocation("AL3", "PRJ3", 1000, Day(-365));
  Project("PRJ4", "education", 1000);  // near miss: all paid long ago
  Allocation("AL4", "PRJ4", 1000, Day(-400));
  ProjectPay("PAY4", "PRJ4", 1000, Day(-400));

  std::vector<Warning> got = RunBothWays(RuleOf("B03"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1", "PRJ3"})) << Describe(got);
  EXPECT_EQ(got[0].amount_fen, 300);
  EXPECT_EQ(
      got[0].evidence,
      (Evidence{{"projects", {"PRJ1"}}, {"allocations", {"AL1"}}, {"payments", {"PAY1", "PAY2"}}}));
  EXPECT_EQ(got[1].amount_fen, 1000);
}

TEST_F(ProjectRuleTest, B04AcceptanceOverdue) {
  Project("PRJ1", "industry", 500);  // case: 31 days past the planned acceptance
  Project("PRJ2", "industry", 500);  // near miss: 30 days
  Project("PRJ3", "industry", 500);  // accepted
  Project("PRJ4", "industry", 500);  // no plan
  auto set = [this](const std::string& id, const std::string& planned,
                    const std::string& accepted) {
    ASSERT_TRUE(conn_
                    ->Execute("UPDATE projects SET planned_acceptance = ?, accepted_date = ? "
                              "WHERE project_id = ?",
                              {Opt(planned), Opt(accepted), id})
                    .ok());
  };
  set("PRJ1", Day(-31), "");
  set("PRJ2", Day(-30), "");
  set("PRJ3", Day(-100), Day(-5));

  std::vector<Warning> got = RunBothWays(RuleOf("B04"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1"})) << Describe(got);
  EXPECT_EQ(got[0].amount_fen, 500);
  EXPECT_EQ(got[0].evidence, (Evidence{{"projects", {"PRJ1"}}}));
}

TEST_F(ProjectRuleTest, B05BehindSchedule) {
  auto plan = [this](const std::string& id, int start, int completion) {
    Project(id, "industry", 800);
    ASSERT_TRUE(conn_
                    ->Execute("UPDATE projects SET planned_start = ?, planned_completion = ? "
                              "WHERE project_id = ?",
                              {Day(start), Day(completion), id})
                    .ok());
  };
  auto report = [this](const std::string& id, int offset, double percent) {
    Insert("project_progress", "project_id, report_date, percent_complete",
           {id, Day(offset), percent});
  };
  plan("PRJ1", -100, 100);  // expected 50 %: 19 % is behind by more than 30
  report("PRJ1", 0, 19.0);
  plan("PRJ2", -100, 100);  // near miss: 20 %
  report("PRJ2", 0, 20.0);
  plan("PRJ3", -100, 100);  // the latest report counts, not an older, lower one
  report("PRJ3", -50, 5.0);
  report("PRJ3", -10, 25.0);
  plan("PRJ4", -300, -1);  // past completion: expected 100
  report("PRJ4", -2, 69.5);
  plan("PRJ5", -300, -1);  // near miss: 70 %
  report("PRJ5", -2, 70.0);
  plan("PRJ6", 10, 100);  // not started
  report("PRJ6", -1, 0.0);

  std::vector<Warning> got = RunBothWays(RuleOf("B05"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1", "PRJ4"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"projects", {"PRJ1"}}, {"project_progress", {Day(0)}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"projects", {"PRJ4"}}, {"project_progress", {Day(-2)}}}));
}

TEST_F(ProjectRuleTest, B06TenderAvoided) {
  Project("PRJ1", "infrastructure", 360000000, "520102001001", "ORG1", "direct");  // 0.9 × limit
  Project("PRJ2", "infrastructure", 359999999, "520102001001", "ORG1", "consultation");
  Project("PRJ3", "infrastructure", 375000000, "520102001001", "ORG1", "open_tender");
  Project("PRJ4", "infrastructure", 1000000000, "520102001001", "ORG1", "open_tender");
  Contract("C1", "PRJ4", "S1", 200000000, Day(-200));  // case: split, 90 days apart
  Contract("C2", "PRJ4", "S1", 200000000, Day(-110));
  Project("PRJ5", "infrastructure", 1000000000, "520102001001", "ORG1", "open_tender");
  Contract("C3", "PRJ5", "S1", 200000000, Day(-200));  // near miss: 91 days apart
  Contract("C4", "PRJ5", "S1", 200000000, Day(-109));
  Contract("C5", "PRJ5", "S2", 200000000, Day(-50));  // near miss: one fen short together
  Contract("C6", "PRJ5", "S2", 199999999, Day(-40));
  Contract("C7", "PRJ5", "S3", 200000000, Day(-50));  // near miss: another supplier
  Project("PRJ6", "infrastructure", 1000000000, "520102001001", "ORG1", "open_tender");
  Contract("C8", "PRJ6", "S4", 399999999, Day(-10), "direct");  // case: contract just under

  std::vector<Warning> got = RunBothWays(RuleOf("B06"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1", "PRJ4", "PRJ6"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"projects", {"PRJ1"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"projects", {"PRJ4"}}, {"contracts", {"C1", "C2"}}}));
  EXPECT_EQ(got[2].evidence, (Evidence{{"projects", {"PRJ6"}}, {"contracts", {"C8"}}}));
  EXPECT_EQ(got[0].severity, "high");
}

TEST_F(ProjectRuleTest, B10BenefitsNotTargeted) {
  auto link = [this](const std::string& project, const std::string& household,
                     const std::string& status) {
    Household(household, "520102001001", "ACC-" + household, status);
    Insert("project_beneficiaries", "project_id, household_id", {project, household});
  };
  Project("PRJ1", "industry", 100);  // case: 2 of 5 registered
  link("PRJ1", "H11", "poor");
  link("PRJ1", "H12", "exited");
  link("PRJ1", "H13", "none");
  link("PRJ1", "H14", "none");
  link("PRJ1", "H15", "none");
  Project("PRJ2", "industry", 100);  // near miss: 1 of 2
  link("PRJ2", "H21", "monitored");
  link("PRJ2", "H22", "none");
  Project("PRJ3", "industry", 100);        // case: nobody linked
  Project("PRJ4", "infrastructure", 100);  // not an industry project

  std::vector<Warning> got = RunBothWays(RuleOf("B10"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1", "PRJ3"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"projects", {"PRJ1"}},
                                       {"households", {"H11", "H12", "H13", "H14", "H15"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"projects", {"PRJ3"}}}));
}

TEST_F(ProjectRuleTest, B11ConflictOfInterest) {
  Org("OWN1", "621021000000");
  Org("OWN2", "621021000000");
  Insert("officials", "id_number, name, org_id, category",
         {"OFF1", "副局长", "OWN1", "civil_servant"});
  Insert("officials", "id_number, name, org_id, category",
         {"OFF2", "他局干部", "OWN2", "civil_servant"});
  Insert("kinship", "id_number_a, id_number_b, relation", {"OFF1", "KIN1", "spouse"});
  Insert("kinship", "id_number_a, id_number_b, relation", {"KIN2", "OFF2", "sibling"});
  Insert("companies", "uscc, name", {"CO1", "承建公司"});
  Insert("companies", "uscc, name, legal_rep_id_number", {"CO2", "供应商", "KIN1"});
  Insert("companies", "uscc, name", {"CO3", "监事公司"});
  Insert("companies", "uscc, name", {"CO4", "他人公司"});
  Insert("company_officers", "uscc, id_number, role", {"CO1", "OFF1", "shareholder"});
  Insert("company_officers", "uscc, id_number, role", {"CO3", "OFF1", "supervisor"});
  Insert("company_officers", "uscc, id_number, role", {"CO4", "KIN2", "shareholder"});
  // Case: the contractor's shareholder is the owner org's official.
  Project("PRJ1", "industry", 100, "621021001001", "OWN1", "open_tender", "CO1");
  // Case: a supplier's legal rep (companies.csv) is the official's spouse.
  Project("PRJ2", "industry", 200, "621021001001", "OWN1", "open_tender", "");
  Contract("C1", "PRJ2", "CO2", 5000, Day(-10));
  // Near miss: the same company, but the project belongs to another department.
  Project("PRJ3", "industry", 300, "621021001001", "OWN2", "open_tender", "CO1");
  // Near miss: the official is only a supervisor.
  Project("PRJ4", "industry", 400, "621021001001", "OWN1", "open_tender", "CO3");
  // Near miss: kin of another department's official.
  Project("PRJ5", "industry", 500, "621021001001", "OWN1", "open_tender", "CO4");

  std::vector<Warning> got = RunBothWays(RuleOf("B11"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PRJ1", "PRJ2"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"projects", {"PRJ1"}},
                                       {"companies", {"CO1"}},
                                       {"officers", {"OFF1"}},
                                       {"officials", {"OFF1"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"projects", {"PRJ2"}},
                                       {"companies", {"CO2"}},
                                       {"officers", {"KIN1"}},
                                       {"officials", {"OFF1"}}}));
  EXPECT_EQ(got[1].amount_fen, 200);
}

TEST_F(ProjectRuleTest, B12SupplierConcentration) {
  Project("PA", "infrastructure", 1, "520102001001");
  Project("PB", "infrastructure", 1, "520103001001");
  Project("PC", "infrastructure", 1, "520104001001");
  // Case: S1 holds 300 of 500 (60 %) over five contracts in county 520102.
  Contract("A1", "PA", "S1", 100, Day(-1));
  Contract("A2", "PA", "S1", 100, Day(-2));
  Contract("A3", "PA", "S1", 100, Day(-3));
  Contract("A4", "PA", "S2", 100, Day(-4));
  Contract("A5", "PA", "S2", 100, Day(-5));
  // Near miss: exactly 50 % each in county 520103.
  for (int idx = 0; idx < 6; ++idx)
    Contract("B" + std::to_string(idx), "PB", idx < 3 ? "S3" : "S4", 100, Day(-idx));
  // Near miss: 100 % of only four contracts in county 520104.
  for (int idx = 0; idx < 4; ++idx) Contract("C" + std::to_string(idx), "PC", "S5", 100, Day(-idx));

  // S1 also holds one small contract elsewhere: its region stays the county of its largest
  // value; the contract there is not evidence.
  Project("PD", "infrastructure", 1, "520101001001");
  Contract("D1", "PD", "S1", 50, Day(-1));

  std::vector<Warning> got = RunBothWays(RuleOf("B12"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"S1"})) << Describe(got);
  EXPECT_EQ(got[0].subject_type, "company");
  EXPECT_EQ(got[0].region_code, "520102");
  EXPECT_EQ(got[0].amount_fen, 300);
  EXPECT_EQ(got[0].evidence, (Evidence{{"contracts", {"A1", "A2", "A3"}}}));
}

}  // namespace
}  // namespace sunlight::rules::testing
