// Rules about people, names, payments' dates, loans, jobs and cadres (A03, A04, A09, B07,
// B09, C01, C02, D01) on small hand-made ledgers: the case, a near miss just inside the line
// and unrelated rows. Kernel and SQL must agree, and both give the expected subjects.
#include <gtest/gtest.h>

#include "rules_test_util.h"

namespace sunlight::rules::testing {
namespace {

const Date kAsOf = *Date::Parse("2021-12-31");

std::string Day(int offset) { return kAsOf.AddDays(offset).ToString(); }

const Rule& RuleOf(std::string_view code) {
  const Rule* rule = FindRule(code);
  EXPECT_NE(rule, nullptr) << code;
  return *rule;
}

store::Value Opt(const std::string& text) {
  return text.empty() ? store::Value() : store::Value(text);
}

class PeopleRuleTest : public RulesDbTest {
 protected:
  void SetUp() override {
    RulesDbTest::SetUp();
    Org("ORG1", "520102000000");
  }
  // A member with the normalised name the importer would write.
  void NamedMember(const std::string& id_number, const std::string& household,
                   const std::string& name_norm) {
    Insert("members", "id_number, name, household_id, name_norm",
           {id_number, name_norm, household, Opt(name_norm)});
  }
  void Account(const std::string& no, const std::string& holder_norm,
               const std::string& holder_id = "", const std::string& type = "personal") {
    Insert("bank_accounts", "account_no, holder_name, holder_id, account_type, holder_name_norm",
           {no, holder_norm.empty() ? "某" : holder_norm, Opt(holder_id), type, Opt(holder_norm)});
  }
  void Set(const std::string& payment, const std::string& column, const std::string& value) {
    ASSERT_TRUE(conn_
                    ->Execute("UPDATE payments SET " + column + " = ? WHERE payment_id = ?",
                              {Opt(value), payment})
                    .ok());
  }
};

TEST_F(PeopleRuleTest, A03InvalidCard) {
  Household("H1", "520102001001", "6222020012345678901");   // case: 19 digits, Luhn fails
  Household("H2", "520102001002", "62284800123456781234");  // near miss: a 20-digit passbook
  Household("H3", "520102001003", "6222020012345678903");   // near miss: holder is a member
  Household("H4", "520102001004", "6228480012345671");      // case: holder is nobody in it
  Household("H5", "520102001005", "6228480012345678");      // case: 16 digits, Luhn fails
  NamedMember("ID-3", "H3", "张国华");
  NamedMember("ID-4", "H4", "王五");
  Account("6222020012345678903", "张国华");
  Account("6228480012345671", "李四");

  std::vector<Warning> got = RunBothWays(RuleOf("A03"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"H1", "H4", "H5"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"bank_accounts", {"6222020012345678901"}}}));
  EXPECT_EQ(got[1].evidence, (Evidence{{"bank_accounts", {"6228480012345671"}}}));
}

TEST_F(PeopleRuleTest, A04PaidAfterDeath) {
  Household("H1", "520102001001", "ACC-1");
  NamedMember("D1", "H1", "王大");
  Insert("deaths", "id_number, name, death_date", {"D1", "王大", "2021-03-16"});
  Insert("deaths", "id_number, name, death_date", {"D2", "护林员甲", "2021-06-30"});
  Insert("deaths", "id_number, name, death_date", {"D3", "护林员乙", "2021-07-01"});
  Item("I1", 10000, "per_household");
  Payment("PAY1", "I1", "2021-04", "D1", "ACC-1", 10000, "2021-04-10", "H1");  // case
  Payment("PAY2", "I1", "2021-03", "D1", "ACC-1", 10000, "2021-03-10", "H1");  // month he died
  Payment("PAY3", "I1", "2021-05", "", "ACC-1", 10000, "2021-05-10", "H1");    // case, by name
  Set("PAY3", "payee_name_norm", "王大");
  Payment("PAY4", "I1", "2021-Q3", "D2", "ACC-2", 30000, "2021-07-10", "");  // case: died before
  Payment("PAY5", "I1", "2021-Q3", "D3", "ACC-3", 30000, "2021-07-10", "");  // died on day one
  Payment("PAY6", "", "", "D1", "ACC-1", 500, "2021-03-17", "H1");           // case: no period
  Payment("PAY7", "", "", "D1", "ACC-1", 500, "2021-03-16", "H1");           // near miss
  Payment("PAY8", "I1", "2021-06", "", "ACC-1", 10000, "2021-06-10", "H1");  // another name
  Set("PAY8", "payee_name_norm", "王二");

  std::vector<Warning> got = RunBothWays(RuleOf("A04"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1", "PAY3", "PAY4", "PAY6"}))
      << Describe(got);
  EXPECT_EQ(got[1].evidence, (Evidence{{"payments", {"PAY3"}}, {"deaths", {"D1"}}}));
  EXPECT_EQ(got[2].region_code, "520102000000");  // no household: the payer's region

  // grace_days moves the line: 16 days of grace spare the payment for 2021-04 (16 days on).
  const Rule& rule = RuleOf("A04");
  ParamValues params = rule.DefaultParams();
  params["grace_days"] = 16;
  StatusOr<Snapshot> snap = LoadSnapshot(*conn_);
  ASSERT_TRUE(snap.ok()) << snap.status();
  std::vector<Warning> kernel = RunKernel(rule, *snap, kAsOf, params);
  StatusOr<std::vector<Warning>> sql = RunSql(rule, *conn_, kAsOf, params);
  ASSERT_TRUE(sql.ok()) << sql.status();
  EXPECT_EQ(kernel, *sql);
  EXPECT_EQ(Subjects(kernel), (std::set<std::string>{"PAY3"})) << Describe(kernel);
}

TEST_F(PeopleRuleTest, A09HolderNameDiffers) {
  Account("ACC-1", "张国华");
  Payment("PAY1", "", "", "", "ACC-1", 100, "2021-01-01", "");  // near miss: same name
  Set("PAY1", "payee_name_norm", "张国华");
  Payment("PAY2", "", "", "", "ACC-1", 100, "2021-01-01", "");  // case
  Set("PAY2", "payee_name_norm", "李四");
  Payment("PAY3", "", "", "", "ACC-1", 100, "2021-01-01", "");  // name not normalised: skipped
  Payment("PAY4", "", "", "", "ACC-9", 100, "2021-01-01", "");  // unknown account
  Set("PAY4", "payee_name_norm", "李四");

  std::vector<Warning> got = RunBothWays(RuleOf("A09"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY2"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY2"}}, {"bank_accounts", {"ACC-1"}}}));
}

TEST_F(PeopleRuleTest, B07LateReimbursement) {
  Payment("PAY1", "", "", "", "ACC-1", 100, "2021-04-01", "");  // case: 91 days
  Set("PAY1", "expense_date", "2020-12-31");
  Payment("PAY2", "", "", "", "ACC-1", 100, "2021-03-31", "");  // near miss: exactly 90 days
  Set("PAY2", "expense_date", "2020-12-31");
  Payment("PAY3", "", "", "", "ACC-1", 100, "2021-12-31", "");  // no expense date
  Payment("PAY4", "", "", "", "ACC-1", 100, "2021-03-02", "");  // case: across February
  Set("PAY4", "expense_date", "2020-12-01");

  std::vector<Warning> got = RunBothWays(RuleOf("B07"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1", "PAY4"})) << Describe(got);
  EXPECT_EQ(got[0].severity, "low");
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY1"}}}));
}

TEST_F(PeopleRuleTest, B09OutsideTheProgrammesPurposes) {
  const std::string f = "program_id, name, level, allowed_categories";
  Insert("fund_programs", f, {"P1", "产业资金", "central", "industry;labor"});
  Insert("fund_programs", f, {"P3", "贴息", "county", "loan_interest"});
  Insert("projects", "project_id, name, category, region_code, owner_org_id, program_id, budget",
         {"PRJ1", "产业", "industry", "520102001001", "ORG1", "P1", 1});
  Insert("projects", "project_id, name, category, region_code, owner_org_id, program_id, budget",
         {"PRJ2", "卫生室", "health", "520102001001", "ORG1", "P1", 1});
  auto pay = [this](const std::string& id, const std::string& program, const std::string& project,
                    const std::string& purpose) {
    Insert("payments",
           "payment_id, program_id, project_id, payer_org_id, payee_name, payee_account, amount, "
           "pay_date, purpose_category",
           {id, program, Opt(project), "ORG1", "某", "ACC", int64_t{100}, "2021-01-01", purpose});
  };
  pay("PAY1", "P1", "", "admin");          // case: management fee
  pay("PAY2", "P1", "PRJ1", "labor");      // near miss: labour of an industry project
  pay("PAY3", "P1", "PRJ2", "industry");   // case: the project is a clinic
  pay("PAY4", "P3", "", "loan_interest");  // near miss: a category with '_'
  pay("PAY5", "P3", "", "industry");       // case

  std::vector<Warning> got = RunBothWays(RuleOf("B09"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY1", "PAY3", "PAY5"})) << Describe(got);
  EXPECT_EQ(got[0].evidence, (Evidence{{"payments", {"PAY1"}}, {"fund_programs", {"P1"}}}));
  EXPECT_EQ(got[1].evidence,
            (Evidence{{"payments", {"PAY3"}}, {"fund_programs", {"P1"}}, {"projects", {"PRJ2"}}}));
}

TEST_F(PeopleRuleTest, C01PovertyLoanBorrowed) {
  Household("H1", "620102001001", "ACC-H1");
  Member("M1", "H1");
  Member("M2", "H1");
  Account("ACC-X", "村主任", "OUT1");
  Account("ACC-Y", "商人");  // a personal account with no holder ID: an outsider
  Account("ACC-CO", "合作社", "", "corporate");
  Account("ACC-M2", "配偶", "M2");
  const std::string l = "loan_id, household_id, borrower_id_number, amount, issue_date, account_no";
  const std::string t = "transfer_id, from_account, to_account, amount, date";
  auto loan = [&](const std::string& id, const std::string& account) {
    Insert("loans", l, {id, "H1", "M1", int64_t{5000000}, "2021-06-01", account});
  };
  loan("L1", "LA1");  // case: exactly half, on day 30
  Insert("account_transfers", t, {"T1", "LA1", "ACC-X", int64_t{2500000}, "2021-07-01"});
  loan("L2", "LA2");  // near miss: one fen under half
  Insert("account_transfers", t, {"T2", "LA2", "ACC-X", int64_t{2499999}, "2021-06-04"});
  loan("L3", "LA3");  // near miss: all to a cooperative
  Insert("account_transfers", t, {"T3", "LA3", "ACC-CO", int64_t{5000000}, "2021-06-02"});
  loan("L4", "LA4");  // near miss: on day 31
  Insert("account_transfers", t, {"T4", "LA4", "ACC-X", int64_t{3000000}, "2021-07-02"});
  loan("L5", "LA5");  // near miss: to the borrower's spouse
  Insert("account_transfers", t, {"T5", "LA5", "ACC-M2", int64_t{5000000}, "2021-06-02"});
  loan("L6", "LA6");  // case: two transfers together
  Insert("account_transfers", t, {"T6", "LA6", "ACC-X", int64_t{1000000}, "2021-06-02"});
  Insert("account_transfers", t, {"T7", "LA6", "ACC-Y", int64_t{2000000}, "2021-06-03"});
  Insert("account_transfers", t, {"T8", "LA6", "ACC-Y", int64_t{2000000}, "2021-05-31"});

  std::vector<Warning> got = RunBothWays(RuleOf("C01"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"L1", "L6"})) << Describe(got);
  EXPECT_EQ(got[0].amount_fen, 2500000);
  EXPECT_EQ(got[0].region_code, "620102001001");
  EXPECT_EQ(got[1].amount_fen, 3000000);
  EXPECT_EQ(got[1].evidence,
            (Evidence{{"account_transfers", {"T6", "T7"}}, {"bank_accounts", {"ACC-X", "ACC-Y"}}}));
}

TEST_F(PeopleRuleTest, C02FalseEmploymentRecord) {
  Household("H1", "500101001001", "ACC-1");
  Member("W1", "H1");
  const std::string e = "id_number, region_code, start_date, end_date, kind, subsidy_amount";
  // Case: in 济宁 (37) and on a 万州 (50) public post on the same day.
  Insert("employment", e, {"W1", "370800", "2021-01-01", "2021-06-30", "remote_labor", 1000});
  Insert("employment", e, {"W1", "500101", "2021-06-30", "", "public_post", 2000});
  // Near miss: back home the day after the job ended.
  Insert("employment", e, {"W2", "370800", "2021-01-01", "2021-06-30", "remote_labor", 1000});
  Insert("employment", e, {"W2", "500101", "2021-07-01", "", "public_post", 2000});
  // Near miss: overlapping, but in one province.
  Insert("employment", e, {"W3", "500101", "2021-01-01", "", "workshop", nullptr});
  Insert("employment", e, {"W3", "500102", "2021-03-01", "", "public_post", nullptr});
  // Case: a job starting the day after death; near miss: starting on the day of death.
  Insert("deaths", "id_number, name, death_date", {"W4", "甲", "2021-05-01"});
  Insert("deaths", "id_number, name, death_date", {"W5", "乙", "2021-05-01"});
  Insert("employment", e, {"W4", "520102", "2021-05-02", "", "workshop", 300});
  Insert("employment", e, {"W5", "520102", "2021-05-01", "", "workshop", 300});

  std::vector<Warning> got = RunBothWays(RuleOf("C02"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"W1", "W4"})) << Describe(got);
  EXPECT_EQ(got[0].amount_fen, 3000);
  EXPECT_EQ(got[0].region_code, "500101001001");  // the household's village
  EXPECT_EQ(got[0].evidence, (Evidence{{"employment", {"2021-01-01", "2021-06-30"}}}));
  EXPECT_EQ(got[1].region_code, "520102");  // no household: the job's region
  EXPECT_EQ(got[1].evidence, (Evidence{{"employment", {"2021-05-02"}}, {"deaths", {"W4"}}}));
}

TEST_F(PeopleRuleTest, D01IntegrityArchiveMissing) {
  Org("HOST1", "530724000000");
  const std::string d = "id_number, name, home_org_id, host_org_id, start_date, end_date";
  const std::string a = "id_number, created_date, last_updated";
  Insert("dispatched_cadres", d, {"CAD1", "甲", "ORG1", "HOST1", "2021-01-01", nullptr});  // case
  Insert("dispatched_cadres", d, {"CAD2", "乙", "ORG1", "HOST1", "2021-01-01", nullptr});  // case
  Insert("integrity_archives", a, {"CAD2", "2021-01-01", Day(-181)});
  Insert("dispatched_cadres", d, {"CAD3", "丙", "ORG1", "HOST1", "2021-01-01", nullptr});
  Insert("integrity_archives", a, {"CAD3", "2021-01-01", Day(-180)});  // near miss
  Insert("dispatched_cadres", d, {"CAD4", "丁", "ORG1", "HOST1", "2020-01-01", Day(-1)});
  Insert("dispatched_cadres", d, {"CAD5", "戊", "ORG1", "HOST1", "2020-01-01", Day(0)});  // case
  Insert("dispatched_cadres", d, {"CAD6", "己", "ORG1", "HOST1", Day(10), nullptr});

  std::vector<Warning> got = RunBothWays(RuleOf("D01"), *conn_, kAsOf);
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"CAD1", "CAD2", "CAD5"})) << Describe(got);
  EXPECT_EQ(got[0].region_code, "530724000000");
  EXPECT_EQ(got[0].evidence, (Evidence{{"dispatched_cadres", {"2021-01-01"}}}));
  EXPECT_EQ(got[1].evidence,
            (Evidence{{"dispatched_cadres", {"2021-01-01"}}, {"integrity_archives", {"CAD2"}}}));
}

}  // namespace
}  // namespace sunlight::rules::testing
