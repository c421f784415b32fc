// Each implemented rule on a small hand-made ledger: the case it must flag, a near miss just
// inside the line, and unrelated rows. Kernel and SQL must agree, and both give the expected
// subjects with the expected evidence.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace sunlight::rules::testing {
namespace {

const Date kAsOf = *Date::Parse("2021-12-31");

const Rule& RuleOf(std::string_view code) {
  const Rule* rule = FindRule(code);
  EXPECT_NE(rule, nullptr) << code;
  return *rule;
}

class RuleFixtureTest : public RulesDbTest {
 protected:
  void SetUp() override {
    RulesDbTest::SetUp();
    Org("ORG1", "520102000000");
  }
};

TEST_F(RuleFixtureTest, A01OneAccountManyHouseholds) {
  // Case: account ACC-SHARED is the subsidy account of H1 and receives payments for H2.
  Household("H1", "520102001001", "ACC-SHARED");
  Household("H2", "520102001002", "ACC-2");
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-01", "", "ACC-SHARED", 10000, "2021-01-15", "H2");
  Payment("PAY2", "I1", "2021-02", "", "ACC-SHARED", 10000, "2021-02-15", "H1");
  // Near miss: ACC-3 is H3's own account and is paid for H3 only (one household).
  Household("H3", "520102001003", "ACC-3");
  Payment("PAY3", "I1", "2021-01", "", "ACC-3", 10000, "2021-01-15", "H3");
  // Unrelated: a project payment to ACC-4 without a household.
  Payment("PAY4", "", "", "", "ACC-4", 50000, "2021-01-15", "");

  std::vector<Warning> got = RunBothWays(RuleOf("A01"), *conn_, kAsOf);
  ASSERT_EQ(got.size(), 1u) << Describe(got);
  EXPECT_EQ(got[0].subject_id, "ACC-SHARED");
  EXPECT_EQ(got[0].subject_type, "bank_account");
  EXPECT_EQ(got[0].region_code, "520102001001");
  EXPECT_EQ(got[0].amount_fen, 20000);
  EXPECT_EQ(got[0].evidence, (Evidence{{"households", {"H1", "H2"}}}));
  EXPECT_EQ(got[0].params, (nlohmann::json{{"min_households", 2}}));
}

TEST_F(RuleFixtureTest, A06PaidTwice) {
  Household("H1", "520102001001", "ACC-1");
  Household("H2", "520102001002", "ACC-2");
  Item("I1", 10000, "per_household");
  Item("I2", 5000, "per_person");
  // Case: H1 paid twice for I1 in 2021-03; the later one (PAY2) is flagged, PAY3 too.
  Payment("PAY1", "I1", "2021-03", "", "ACC-1", 10000, "2021-03-10", "H1");
  Payment("PAY2", "I1", "2021-03", "", "ACC-1", 10000, "2021-03-20", "H1");
  Payment("PAY3", "I1", "2021-03", "", "ACC-1", 10000, "2021-03-20", "H1");
  // Near miss: same item and household, the next period; same period, another household.
  Payment("PAY4", "I1", "2021-04", "", "ACC-1", 10000, "2021-04-10", "H1");
  Payment("PAY5", "I1", "2021-03", "", "ACC-2", 10000, "2021-03-10", "H2");
  // Near miss: per-person item for two people of one household in one period.
  Payment("PAY6", "I2", "2021-03", "P1", "ACC-1", 5000, "2021-03-10", "H1");
  Payment("PAY7", "I2", "2021-03", "P2", "ACC-1", 5000, "2021-03-10", "H1");

  std::vector<Warning> got = RunBothWays(RuleOf("A06"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY2", "PAY3"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY1", "PAY2"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"payments", {"PAY1", "PAY2", "PAY3"}}}));
  EXPECT_EQ(got[0].region_code, "520102001001");
}

TEST_F(RuleFixtureTest, A07AboveTheStandard) {
  Household("H1", "520102001001", "ACC-1");
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-01", "", "ACC-1", 10001, "2021-01-10", "H1");  // one fen over
  Payment("PAY2", "I1", "2021-02", "", "ACC-1", 10000, "2021-02-10", "H1");  // exactly at it
  Payment("PAY3", "", "", "", "ACC-9", 99999999, "2021-02-10", "");          // no item
  Payment("PAY4", "I1", "2021-03", "", "ACC-1", 12000, "2021-03-10", "");    // no household

  std::vector<Warning> got = RunBothWays(RuleOf("A07"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1", "PAY4"})) << Describe(got);
  EXPECT_EQ(got[0].amount_fen, 1);
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY1"}}, {"subsidy_items", {"I1"}}}));
  EXPECT_EQ(got[1].region_code, "520102000000");  // the payer's region
}

TEST_F(RuleFixtureTest, A07ToleranceParameter) {
  Household("H1", "520102001001", "ACC-1");
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-01", "", "ACC-1", 11000, "2021-01-10", "H1");  // at +10%
  Payment("PAY2", "I1", "2021-02", "", "ACC-1", 11001, "2021-02-10", "H1");  // above it
  const Rule& rule = RuleOf("A07");
  ParamValues params = rule.DefaultParams();
  params["tolerance"] = 0.1;
  StatusOr<Snapshot> snap = LoadSnapshot(*conn_);
  ASSERT_TRUE(snap.ok()) << snap.status();
  std::vector<Warning> kernel = RunKernel(rule, *snap, kAsOf, params);
  StatusOr<std::vector<Warning>> sql = RunSql(rule, *conn_, kAsOf, params);
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_EQ(kernel, *sql);
  EXPECT_EQ(Subjects(kernel), (std::set<std::string>{"PAY2"})) << Describe(kernel);
  EXPECT_EQ(kernel[0].params, (nlohmann::json{{"tolerance", 0.1}}));
}

TEST_F(RuleFixtureTest, A02OfficialsAccountCollects) {
  Household("H1", "520102001001", "ACC-CADRE");  // case: subsidy account held by an official
  Household("H2", "520102001002", "ACC-2");      // case: paid into a cadre's account
  Household("H3", "520102001003", "ACC-OWN");    // near miss: the official is a member
  Household("H4", "520102001004", "ACC-4");      // unrelated: an ordinary holder
  Member("ID-3", "H3");
  const std::string a = "account_no, holder_name, holder_id, account_type";
  Insert("bank_accounts", a, {"ACC-CADRE", "王五", "ID-OFF", "personal"});
  Insert("bank_accounts", a, {"ACC-DISP", "赵六", "ID-DISP", "personal"});
  Insert("bank_accounts", a, {"ACC-OWN", "丙", "ID-3", "personal"});
  Insert("bank_accounts", a, {"ACC-4", "丁", "ID-4", "personal"});
  Insert("officials", "id_number, name, org_id, category",
         {"ID-OFF", "王五", "ORG1", "civil_servant"});
  Insert("officials", "id_number, name, org_id, category", {"ID-3", "丙", "ORG1", "village_cadre"});
  Insert("dispatched_cadres", "id_number, name, home_org_id, host_org_id, start_date",
         {"ID-DISP", "赵六", "ORG9", "ORG1", "2020-01-01"});
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-01", "", "ACC-DISP", 10000, "2021-01-10", "H2");

  std::vector<Warning> got = RunBothWays(RuleOf("A02"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"H1", "H2"})) << Describe(got);
  EXPECT_EQ(got[0].evidence,
            (Evidence{{"bank_accounts", {"ACC-CADRE"}}, {"officials", {"ID-OFF"}}}));
  EXPECT_EQ(got[1].evidence,
            (Evidence{{"bank_accounts", {"ACC-DISP"}}, {"officials", {"ID-DISP"}}}));
  EXPECT_EQ(got[1].amount_fen, 10000);
}

TEST_F(RuleFixtureTest, A11KinOfAnOfficialInTheSameTownship) {
  Org("TOWN1", "520102001000");  // the township of villages 520102001xxx
  Org("TOWN2", "520102002000");
  Household("H1", "520102001001", "ACC-1", "poor");    // case
  Household("H2", "520102002001", "ACC-2", "poor");    // near miss: kin works elsewhere
  Household("H3", "520102001003", "ACC-3", "exited");  // near miss: exited
  Member("ID-1", "H1");
  Member("ID-2", "H2");
  Member("ID-3", "H3");
  Insert("officials", "id_number, name, org_id, category",
         {"ID-OFF", "王五", "TOWN1", "civil_servant"});
  Insert("kinship", "id_number_a, id_number_b, relation", {"ID-OFF", "ID-1", "sibling"});
  Insert("kinship", "id_number_a, id_number_b, relation", {"ID-2", "ID-OFF", "sibling"});
  Insert("kinship", "id_number_a, id_number_b, relation", {"ID-3", "ID-OFF", "parent"});

  std::vector<Warning> got = RunBothWays(RuleOf("A11"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"H1"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"members", {"ID-1"}}, {"officials", {"ID-OFF"}}}));
}

TEST_F(RuleFixtureTest, A05PublicEmployeeInAPoorHousehold) {
  Household("H1", "520102001001", "ACC-1", "poor");    // case: a civil servant member
  Household("H2", "520102001002", "ACC-2", "exited");  // near miss: exited, no restricted pay
  Household("H3", "520102001003", "ACC-3", "not_registered");  // case: paid from restricted
  Household("H4", "520102001004", "ACC-4", "poor");            // near miss: official category other
  Member("ID-1", "H1");
  Member("ID-2", "H2");
  Member("ID-3", "H3");
  Member("ID-4", "H4");
  Member("ID-5", "H1");
  Insert("officials", "id_number, name, org_id, category", {"ID-1", "甲", "ORG1", "civil_servant"});
  Insert("officials", "id_number, name, org_id, category", {"ID-2", "乙", "ORG1", "civil_servant"});
  Insert("officials", "id_number, name, org_id, category", {"ID-3", "丙", "ORG1", "soe"});
  Insert("officials", "id_number, name, org_id, category", {"ID-4", "丁", "ORG1", "village_cadre"});
  Insert("fund_programs", "program_id, name, level, allowed_categories, restricted_to_registered",
         {"P1", "专项", "central", "subsidy", 1});
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-01", "", "ACC-3", 10000, "2021-01-10", "H3");

  std::vector<Warning> got = RunBothWays(RuleOf("A05"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"H1", "H3"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"officials", {"ID-1"}}}));
  EXPECT_EQ(got[1].amount_fen, 10000);
}

TEST_F(RuleFixtureTest, A08PaidToANonRegisteredPerson) {
  Household("H1", "520102001001", "ACC-1", "exited");
  Household("H2", "520102001002", "ACC-2", "not_registered");
  Member("ID-1", "H1");
  Member("ID-2", "H2");
  Insert("fund_programs", "program_id, name, level, allowed_categories, restricted_to_registered",
         {"P1", "专项", "central", "subsidy", 1});
  Insert("fund_programs", "program_id, name, level, allowed_categories, restricted_to_registered",
         {"P2", "普惠", "county", "subsidy", 0});
  Payment("PAY1", "", "", "ID-2", "ACC-2", 30000, "2021-01-10", "H2");  // case
  Payment("PAY2", "", "", "ID-1", "ACC-1", 30000, "2021-01-10", "H1");  // near miss: exited
  Payment("PAY3", "", "", "", "ACC-9", 30000, "2021-01-10", "");        // no payee id
  ASSERT_TRUE(conn_->Execute("UPDATE payments SET program_id = 'P1'").ok());
  Payment("PAY4", "", "", "ID-2", "ACC-2", 30000, "2021-01-10", "H2");  // unrestricted programme
  ASSERT_TRUE(
      conn_->Execute("UPDATE payments SET program_id = 'P2' WHERE payment_id = 'PAY4'").ok());

  std::vector<Warning> got = RunBothWays(RuleOf("A08"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY1"}}, {"fund_programs", {"P1"}}}));
}

TEST_F(RuleFixtureTest, A10CarsHousesCompanies) {
  Household("H1", "520102001001", "ACC-1", "poor");
  Household("H2", "520102001002", "ACC-2", "monitored");
  Household("H3", "520102001003", "ACC-3", "exited");  // exited: not checked
  Household("H4", "520102001004", "ACC-4", "poor");    // near misses only
  Member("ID-1", "H1");
  Member("ID-2", "H2");
  Member("ID-3", "H3");
  Member("ID-4", "H4");
  const std::string v = "id_number, plate, vehicle_type, registered_date";
  Insert("vehicles", v, {"ID-1", "贵A12345", "car", "2021-12-30"});  // case: day before
  Insert("vehicles", v, {"ID-4", "贵A00001", "car", "2021-12-31"});  // on as-of: not before
  Insert("vehicles", v, {"ID-4", "贵A00002", "motorcycle", "2019-01-01"});
  Insert("vehicles", v, {"ID-3", "贵A00003", "truck", "2019-01-01"});
  Insert("properties", "id_number, certificate_no, kind", {"ID-2", "C-1", "commercial"});
  Insert("properties", "id_number, certificate_no, kind", {"ID-4", "C-2", "residential"});
  Insert("company_officers", "uscc, id_number, role", {"USCC-1", "ID-2", "shareholder"});
  Insert("company_officers", "uscc, id_number, role", {"USCC-2", "ID-4", "supervisor"});

  std::vector<Warning> got = RunBothWays(RuleOf("A10"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"H1", "H2"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"vehicles", {"贵A12345"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"properties", {"C-1"}}, {"company_officers", {"USCC-1"}}}));
}

TEST_F(RuleFixtureTest, A12OnePersonManyHouseholds) {
  Household("H1", "520102001002", "ACC-1");
  Household("H2", "520102001001", "ACC-2");
  Member("520102199001010011", "H1");  // case: in two households
  Member("520102199001010011", "H2");
  Member("520102199001010022", "H1");  // near miss: in one household only
  Member("520102199001010033", "H2");

  std::vector<Warning> got = RunBothWays(RuleOf("A12"), *conn_, kAsOf);
  ASSERT_EQ(got.size(), 1u) << Describe(got);
  EXPECT_EQ(got[0].subject_id, "520102199001010011");
  EXPECT_EQ(got[0].subject_type, "person");
  EXPECT_EQ(got[0].region_code, "520102001001");
  EXPECT_EQ(got[0].evidence, (Evidence{{"households", {"H1", "H2"}}}));
}

// A project payment with the columns B rules read; empty strings are stored as NULL.
void ProjectPayment(RulesDbTest& t, const std::string& id, const std::string& account,
                    const std::string& purpose, const std::string& voucher,
                    const std::string& approved, const std::string& pay_date) {
  auto opt = [](const std::string& text) -> store::Value {
    return text.empty() ? store::Value() : store::Value(text);
  };
  t.Insert("payments",
           "payment_id, program_id, project_id, payer_org_id, payee_name, payee_account, amount, "
           "pay_date, voucher_no, approved_date, purpose_category",
           {id, "P1", "PRJ1", "ORG1", "某某", account, int64_t{500000}, pay_date, opt(voucher),
            opt(approved), purpose});
}

TEST_F(RuleFixtureTest, B01ProjectMoneyToAPersonalAccount) {
  const std::string a = "account_no, holder_name, holder_id, account_type";
  Insert("bank_accounts", a, {"ACC-P", "李四", "ID-1", "personal"});
  Insert("bank_accounts", a, {"ACC-C", "某公司", "", "corporate"});
  ProjectPayment(*this, "PAY1", "ACC-P", "construction", "V1", "2021-01-01", "2021-01-02");  // case
  ProjectPayment(*this, "PAY2", "ACC-P", "labor", "V2", "2021-01-01", "2021-01-02");  // wages
  ProjectPayment(*this, "PAY3", "ACC-C", "construction", "V3", "2021-01-01", "2021-01-02");
  Payment("PAY4", "", "", "ID-1", "ACC-P", 100, "2021-01-02", "");  // not a project payment

  std::vector<Warning> got = RunBothWays(RuleOf("B01"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1"})) << Describe(got);
  EXPECT_EQ(
      got[0].evidence,
      (Evidence{{"payments", {"PAY1"}}, {"bank_accounts", {"ACC-P"}}, {"projects", {"PRJ1"}}}));
  EXPECT_EQ(got[0].region_code, "520102000000");
}

TEST_F(RuleFixtureTest, B08IrregularReimbursement) {
  ProjectPayment(*this, "PAY1", "ACC-1", "construction", "", "2021-01-01",
                 "2021-01-02");                                                    // no voucher
  ProjectPayment(*this, "PAY2", "ACC-1", "construction", "V2", "", "2021-01-02");  // not approved
  ProjectPayment(*this, "PAY3", "ACC-1", "construction", "V3", "2021-01-03", "2021-01-02");  // late
  ProjectPayment(*this, "PAY4", "ACC-1", "construction", "V4", "2021-01-02",
                 "2021-01-02");                                 // same day
  Payment("PAY5", "", "", "", "ACC-1", 100, "2021-01-02", "");  // not a project payment

  std::vector<Warning> got = RunBothWays(RuleOf("B08"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1", "PAY2", "PAY3"})) << Describe(got);
  EXPECT_EQ(got[0].severity, "low");
}

TEST_F(RuleFixtureTest, EmptyLedgerRaisesNothing) {
  for (const Rule& rule : RuleCatalogue()) {
    if (!rule.implemented()) continue;
    EXPECT_TRUE(RunBothWays(rule, *conn_, kAsOf).empty()) << rule.code;
  }
}

}  // namespace
}  // namespace sunlight::rules::testing
