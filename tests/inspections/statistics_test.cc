#include "supervision/statistics.h"

#include <gtest/gtest.h>

#include "inspections/ledger_fixture.h"
#include "store/database.h"
#include "support/test_engines.h"

namespace sunlight::supervision {
namespace {

using testing::EngineTest;
using testing::Exec;

// Every row below is either inside region 5205 and 2026-01-01..2026-06-30, or outside by
// exactly one of them (a comment says which); the expected numbers are counted by hand.
class StatisticsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    testing::LoadInspectionLedger(*conn_);
    LoadRecords();
  }

  void Inspection(const std::string& region, const std::string& from, const std::string& to,
                  const std::string& state) {
    Exec(*conn_,
         "INSERT INTO inspections(kind, title, org_id, region_code, period_from, period_to, "
         "team_size, state, created_by, created_at, updated_at) "
         "VALUES ('routine', 't', '5205-JW', ?, ?, ?, 1, ?, 'x', ?, ?)",
         {region, from, to, state, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"});
  }
  void Problem(const std::string& region, const std::string& created, const std::string& state) {
    Exec(*conn_,
         "INSERT INTO problems(source, category, behaviour, title, description, region_code, "
         "responsible_org_id, owner_org_id, state, created_by, created_at, updated_at) "
         "VALUES ('inspection', 'fund_management', 'b', 't', 'd', ?, 'o', 'o', ?, 'x', ?, ?)",
         {region, state, created, created});
  }
  void Clue(const std::string& number, const std::string& region, const std::string& channel,
            const std::string& disposal, const std::string& received) {
    Exec(*conn_,
         "INSERT INTO clues(number, channel, summary, received_on, handling_org_id, region_code, "
         "state, disposal, created_by, created_at, updated_at) "
         "VALUES (?, ?, 's', ?, '5205-JW', ?, 'disposing', ?, 'x', ?, ?)",
         {number, channel, received, region,
          disposal.empty() ? store::Value() : store::Value(disposal), "2026-01-01T00:00:00Z",
          "2026-01-01T00:00:00Z"});
  }
  void Case(const std::string& number, const std::string& region, const std::string& filed) {
    Exec(*conn_,
         "INSERT INTO cases(number, title, org_id, region_code, state, filed_on, created_by, "
         "created_at, updated_at) VALUES (?, 't', '5205-JW', ?, 'filed', ?, 'x', ?, ?)",
         {number, region, filed, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"});
  }
  void Outcome(const std::string& name, const std::string& id, const std::string& region,
               const std::string& category, const std::string& measure, int form,
               const std::string& decided) {
    Exec(*conn_,
         "INSERT INTO case_outcomes(person_name, id_number, org_id, region_code, category, "
         "measure, form, decided_on, deciding_body, created_by, created_at) "
         "VALUES (?, ?, '5205-JW', ?, ?, ?, ?, ?, '毕节市纪委监委', 'x', ?)",
         {name, id.empty() ? store::Value() : store::Value(id), region, category, measure, form,
          decided, "2026-01-01T00:00:00Z"});
  }
  void Payment(const std::string& id, const std::string& household, const std::string& payer,
               std::int64_t amount, const std::string& date) {
    Exec(*conn_,
         "INSERT INTO payments(payment_id, program_id, payer_org_id, payee_name, payee_account, "
         "amount, pay_date, purpose_category, household_id, batch_id) "
         "VALUES (?, 'FP01', ?, '某人', '6222000000000000', ?, ?, 'subsidy', ?, 1)",
         {id, payer, amount, date, household.empty() ? store::Value() : store::Value(household)});
  }
  void Warning(const std::string& rule, const std::string& region, const std::string& as_of,
               const std::string& state) {
    Exec(*conn_,
         "INSERT INTO warnings(rule, subject_type, subject_id, region_code, severity, amount_fen, "
         "evidence, params, as_of, state, created_at) "
         "VALUES (?, 'payment', 'S', ?, 'high', 0, '{}', '{}', ?, ?, ?)",
         {rule, region, as_of, state, "2026-01-01T00:00:00Z"});
  }
  void Transfer(const std::string& key, const std::string& from, const std::string& to,
                const std::string& state, const std::string& sent, const std::string& acked,
                const std::string& concluded) {
    auto opt = [](const std::string& s) { return s.empty() ? store::Value() : store::Value(s); };
    Exec(*conn_,
         "INSERT INTO transfers(letter_no, from_org_id, to_org_id, from_region, to_region, state, "
         "feedback_due, note, request_key, sent_at, acknowledged_at, concluded_at, created_by) "
         "VALUES ('L', 'a', 'b', ?, ?, ?, '2026-12-31', '', ?, ?, ?, ?, 'x')",
         {from, to, state, key, sent, opt(acked), opt(concluded)});
  }

  void LoadRecords() {
    Inspection("5205", "2026-03-01", "2026-03-31", "planned");
    Inspection("520521", "2025-12-20", "2026-01-05", "completed");  // overlaps the start
    Inspection("5205", "2026-03-01", "2026-03-31", "cancelled");    // cancelled
    Inspection("4401", "2026-03-01", "2026-03-31", "planned");      // other region
    Inspection("5205", "2026-07-01", "2026-07-31", "planned");      // after the period

    Problem("520521001001", "2026-02-01T10:00:00Z", "open");
    Problem("520521", "2026-03-01T10:00:00Z", "closed");
    Problem("5205", "2026-06-30T23:59:59Z", "closed");
    Problem("5205", "2026-07-01T00:00:00Z", "closed");  // one second after the period
    Problem("4401", "2026-02-01T10:00:00Z", "closed");  // other region

    Clue("C1", "5205", "petition", "talk_inquiry", "2026-01-10");
    Clue("C2", "520521", "petition", "held", "2026-02-10");
    Clue("C3", "5205", "warning", "", "2026-03-01");
    Clue("C4", "5205", "petition", "talk_inquiry", "2025-12-31");  // before
    Clue("C5", "4401", "tour", "held", "2026-02-01");              // other region

    Case("K1", "5205", "2026-02-01");
    Case("K2", "5205", "2026-08-01");  // after
    Case("K3", "4401", "2026-02-01");  // other region

    Outcome("张三", "P1", "5205", "party", "警告", 2, "2026-03-01");
    Outcome("张三", "P1", "5205", "party", "严重警告", 2, "2026-04-01");  // same person
    Outcome("李四", "P2", "520521", "government", "记过", 2, "2026-04-01");
    Outcome("王五", "", "5205", "organisational", "谈话提醒", 1, "2026-05-01");
    Outcome("赵六", "P4", "5205", "organisational", "诫勉", 1, "2026-05-02");
    Outcome("孙七", "P5", "5205", "judicial", "移送司法机关", 4, "2026-05-03");
    Outcome("周八", "P6", "5205", "party", "开除党籍", 3, "2026-09-01");  // after
    Outcome("吴九", "P7", "4401", "party", "警告", 2, "2026-03-01");      // other region

    Payment("PAY1", "H3", "4401-JW", 1000, "2026-02-01");    // household in 520521001001
    Payment("PAY2", "", "520521-NY", 2000, "2026-03-01");    // payer org in 520521
    Payment("PAY3", "", "4401-JW", 4000, "2026-03-01");      // other region
    Payment("PAY4", "H3", "520521-NY", 8000, "2025-12-31");  // before

    Warning("A01", "5205", "2026-01-31", "dismissed");
    Warning("A01", "520521", "2026-02-01", "new");
    Warning("A01", "5205", "2026-02-01", "dismissed");
    Warning("B02", "5205", "2026-03-01", "new");
    Warning("A01", "4401", "2026-03-01", "dismissed");  // other region
    Warning("A01", "5205", "2026-07-01", "dismissed");  // after

    Transfer("t1", "4401", "5205", "concluded", "2026-02-01T00:00:00Z", "2026-02-03T00:00:00Z",
             "2026-02-11T00:00:00Z");
    Transfer("t2", "5205", "4401", "acknowledged", "2026-03-01T00:00:00Z", "2026-03-05T00:00:00Z",
             "");
    Transfer("t3", "4401", "5205", "sent", "2026-04-01T00:00:00Z", "", "");
    Transfer("t4", "4401", "110101", "sent", "2026-04-01T00:00:00Z", "", "");  // not 5205
    Transfer("t5", "4401", "5205", "sent", "2025-12-01T00:00:00Z", "", "");    // before
  }

  const Figure& Get(const std::vector<Figure>& figures, const std::string& key) {
    for (const Figure& f : figures) {
      if (f.key == key) return f;
    }
    ADD_FAILURE() << "no figure " << key;
    static const Figure none;
    return none;
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

TEST_P(StatisticsTest, CountsMatchTheHandCountedFixture) {
  auto result = ComputeStatistics(*conn_, {"5205", "2026-01-01", "2026-06-30"});
  ASSERT_TRUE(result.ok()) << result.status();
  const std::vector<Figure>& f = *result;
  EXPECT_EQ(Get(f, "inspections.count").value, 2);
  EXPECT_EQ(Get(f, "problems.found").value, 3);
  EXPECT_EQ(Get(f, "problems.rectified").value, 2);
  EXPECT_DOUBLE_EQ(Get(f, "problems.rectification_rate").value, 2.0 / 3.0);
  EXPECT_EQ(Get(f, "clues.total").value, 3);
  EXPECT_EQ(Get(f, "clues.by_channel.petition").value, 2);
  EXPECT_EQ(Get(f, "clues.by_channel.warning").value, 1);
  EXPECT_EQ(Get(f, "clues.by_channel.tour").value, 0);
  EXPECT_EQ(Get(f, "clues.by_disposal.talk_inquiry").value, 1);
  EXPECT_EQ(Get(f, "clues.by_disposal.held").value, 1);
  EXPECT_EQ(Get(f, "cases.filed").value, 1);
  EXPECT_EQ(Get(f, "outcomes.persons.party").value, 1);
  EXPECT_EQ(Get(f, "outcomes.persons.government").value, 1);
  EXPECT_EQ(Get(f, "outcomes.persons.organisational").value, 2);
  EXPECT_EQ(Get(f, "outcomes.persons.judicial").value, 1);
  EXPECT_EQ(Get(f, "outcomes.form.1").value, 2);
  EXPECT_EQ(Get(f, "outcomes.form.2").value, 3);
  EXPECT_EQ(Get(f, "outcomes.form.3").value, 0);
  EXPECT_EQ(Get(f, "outcomes.form.4").value, 1);
  EXPECT_EQ(Get(f, "outcomes.judicial_transfer").value, 1);
  EXPECT_EQ(Get(f, "outcomes.talk_reminder").value, 1);
  EXPECT_EQ(Get(f, "outcomes.admonition").value, 1);
  EXPECT_EQ(Get(f, "money.supervised").value, 3000);
  EXPECT_EQ(Get(f, "money.payments").value, 2);
  EXPECT_EQ(Get(f, "warnings.by_rule.A01").value, 3);
  EXPECT_EQ(Get(f, "warnings.by_rule.A01.dismissed").value, 2);
  EXPECT_DOUBLE_EQ(Get(f, "warnings.by_rule.A01.dismissal_rate").value, 2.0 / 3.0);
  EXPECT_EQ(Get(f, "warnings.by_rule.B02").value, 1);
  EXPECT_EQ(Get(f, "warnings.by_rule.B02.dismissal_rate").value, 0);
  EXPECT_EQ(Get(f, "transfers.by_state.sent").value, 1);
  EXPECT_EQ(Get(f, "transfers.by_state.acknowledged").value, 1);
  EXPECT_EQ(Get(f, "transfers.by_state.concluded").value, 1);
  EXPECT_EQ(Get(f, "transfers.by_state.returned").value, 0);
  EXPECT_DOUBLE_EQ(Get(f, "transfers.avg_days_to_acknowledge").value, 3.0);
  EXPECT_DOUBLE_EQ(Get(f, "transfers.avg_days_to_conclude").value, 10.0);
}

TEST_P(StatisticsTest, EachNumberCarriesTheFilterOfItsRows) {
  auto result = ComputeStatistics(*conn_, {"5205", "2026-01-01", "2026-06-30"});
  ASSERT_TRUE(result.ok()) << result.status();
  const Figure& dismissed = Get(*result, "warnings.by_rule.A01.dismissed");
  EXPECT_EQ(dismissed.collection, "warnings");
  EXPECT_EQ(dismissed.query, "rule=A01&state=dismissed&region=5205&from=2026-01-01&to=2026-06-30");
  const Figure& talks = Get(*result, "outcomes.talk_reminder");
  EXPECT_EQ(talks.collection, "outcomes");
  EXPECT_EQ(talks.query.substr(0, 8), "measure=");
  EXPECT_NE(talks.query.find("%E8%B0%88"), std::string::npos) << talks.query;  // 谈
  for (const Figure& f : *result) {
    EXPECT_FALSE(f.collection.empty()) << f.key;
    EXPECT_NE(f.query.find("region=5205"), std::string::npos) << f.key;
  }
}

TEST_P(StatisticsTest, NarrowerRegionAndBadInput) {
  auto county = ComputeStatistics(*conn_, {"520521", "2026-01-01", "2026-06-30"});
  ASSERT_TRUE(county.ok()) << county.status();
  EXPECT_EQ(Get(*county, "problems.found").value, 2);
  EXPECT_EQ(Get(*county, "money.supervised").value, 3000);
  EXPECT_EQ(Get(*county, "inspections.count").value, 1);
  EXPECT_EQ(ComputeStatistics(*conn_, {"5", "2026-01-01", "2026-06-30"}).status().reason(),
            "invalid_region");
  EXPECT_EQ(ComputeStatistics(*conn_, {"5205", "2026-07-01", "2026-06-30"}).status().reason(),
            "invalid_period");
}

INSTANTIATE_ENGINE_TEST_SUITE(StatisticsTest);

}  // namespace
}  // namespace sunlight::supervision
