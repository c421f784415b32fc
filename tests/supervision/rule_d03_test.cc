// Rule D03 移送未反馈 on both engines: transfers that cross the line, near misses one working
// day inside it (which only the holiday calendar keeps inside), and unrelated rows; the C++
// pass and the reference SQL must give the same warnings.
#include "supervision/rule_d03.h"

#include <gtest/gtest.h>

#include "supervision/clue_fixture.h"
#include "supervision/transfers.h"

namespace sunlight::supervision {
namespace {

class RuleD03Test : public ClueEngineTest {
 protected:
  std::int64_t Send(std::string key, std::string_view sent_on, std::string_view due) {
    NewTransfer t;
    t.request_key = std::move(key);
    t.letter_no = "穗纪移〔2026〕" + t.request_key + "号";
    t.to_org_id = "5205-JW";
    t.items = {{"clue", MakeClue(Draft(), gz_)}};
    t.sent_on = Day(sent_on);
    t.feedback_due = Day(due);
    auto sent = SendTransfer(conn(), gz_, calendar_, t);
    EXPECT_TRUE(sent.ok()) << sent.status();
    return sent.ok() ? sent->id : 0;
  }

  // as_of 2026-10-13 (Tuesday). 2026: 10-01..07 国庆, 10-10 (Saturday) a make-up working day.
  void MakeFixtures() {
    late_ack_ = Send("late-ack", "2026-09-29", "2026-12-31");  // 6 working days: warns
    near_ack_ = Send("near-ack", "2026-09-30", "2026-12-31");  // 5 working days: in time
    overdue_ = Send("overdue", "2026-09-14", "2026-10-12");    // due yesterday, silent
    ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, overdue_).ok());
    near_due_ = Send("near-due", "2026-09-14", "2026-10-13");  // due today: in time
    ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, near_due_).ok());
    on_time_ = Send("on-time", "2026-09-14", "2026-10-09");  // fed back on its due day
    ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, on_time_).ok());
    ASSERT_TRUE(AddTransferFeedback(conn(), bj_, on_time_, "已核查", Day("2026-10-09")).ok());
    late_feedback_ = Send("late-fb", "2026-09-14", "2026-10-09");  // fed back a day late
    ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, late_feedback_).ok());
    ASSERT_TRUE(AddTransferFeedback(conn(), bj_, late_feedback_, "已核查", Day("2026-10-12")).ok());
    both_ = Send("both", "2026-09-01", "2026-09-15");
    // Unrelated: finished transfers long past every limit.
    const std::int64_t concluded = Send("concluded", "2026-03-02", "2026-03-16");
    ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, concluded).ok());
    ASSERT_TRUE(AddTransferFeedback(conn(), bj_, concluded, "办结", Day("2026-04-01")).ok());
    ASSERT_TRUE(ConcludeTransfer(conn(), bj_, concluded, "给予党纪处分").ok());
    const std::int64_t returned = Send("returned", "2026-03-02", "2026-03-16");
    ASSERT_TRUE(ReturnTransfer(conn(), bj_, returned, "不属管辖").ok());
  }

  std::int64_t late_ack_ = 0, near_ack_ = 0, overdue_ = 0, near_due_ = 0, on_time_ = 0,
               late_feedback_ = 0, both_ = 0;
};

std::string Reasons(const rules::Warning& w) {
  std::string out;
  auto it = w.evidence.find("reasons");
  if (it == w.evidence.end()) return out;
  for (const std::string& r : it->second) out += (out.empty() ? "" : ",") + r;
  return out;
}

TEST_P(RuleD03Test, FindsExactlyTheLateTransfers) {
  MakeFixtures();
  auto warnings = RunD03With(conn(), calendar_, Day("2026-10-13"), {});
  ASSERT_TRUE(warnings.ok()) << warnings.status();
  std::map<std::string, std::string> got;
  for (const rules::Warning& w : *warnings) {
    got[w.subject_id] = Reasons(w);
    EXPECT_EQ(w.rule, "D03");
    EXPECT_EQ(w.subject_type, "transfer");
    EXPECT_EQ(w.region_code, "5205");
    EXPECT_EQ(w.params["ack_days"], 5);
  }
  const std::map<std::string, std::string> want = {
      {std::to_string(late_ack_), "not_acknowledged"},
      {std::to_string(overdue_), "no_feedback"},
      {std::to_string(late_feedback_), "no_feedback"},
      {std::to_string(both_), "no_feedback,not_acknowledged"},
  };
  EXPECT_EQ(got, want);
}

TEST_P(RuleD03Test, SqlEqualsCpp) {
  MakeFixtures();
  for (std::string_view as_of : {"2026-10-13", "2026-10-12", "2026-10-14", "2026-09-20"}) {
    for (double ack_days : {5.0, 6.0, 1.0}) {
      const rules::ParamValues params = {{"ack_days", ack_days}};
      auto cpp = RunD03With(conn(), calendar_, Day(as_of), params);
      auto sql = RunD03SqlWith(conn(), calendar_, Day(as_of), params);
      ASSERT_TRUE(cpp.ok()) << cpp.status();
      ASSERT_TRUE(sql.ok()) << sql.status();
      ASSERT_EQ(cpp->size(), sql->size()) << as_of << " ack_days " << ack_days;
      for (size_t i = 0; i < cpp->size(); ++i) {
        EXPECT_EQ((*cpp)[i], (*sql)[i])
            << as_of << " " << DebugString((*cpp)[i]) << " vs " << DebugString((*sql)[i]);
      }
    }
  }
}

TEST_P(RuleD03Test, HolidaysKeepTheNearMissInside) {
  MakeFixtures();
  // Counting weekends only, the transfer sent on 30 September would be 9 days late.
  WorkCalendar weekends_only;
  auto plain = RunD03With(conn(), weekends_only, Day("2026-10-13"), {});
  auto sql = RunD03SqlWith(conn(), weekends_only, Day("2026-10-13"), {});
  ASSERT_TRUE(plain.ok() && sql.ok());
  bool near_ack_warns = false;
  for (const rules::Warning& w : *plain)
    near_ack_warns |= w.subject_id == std::to_string(near_ack_);
  EXPECT_TRUE(near_ack_warns);
  EXPECT_EQ(*plain, *sql);
  auto real = RunD03With(conn(), calendar_, Day("2026-10-13"), {});
  for (const rules::Warning& w : *real) EXPECT_NE(w.subject_id, std::to_string(near_ack_));
}

TEST_P(RuleD03Test, AcknowledgingClearsTheAckReason) {
  MakeFixtures();
  ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, late_ack_).ok());
  auto warnings = RunD03(conn(), Day("2026-10-13"), {});  // the default calendar
  ASSERT_TRUE(warnings.ok()) << warnings.status();
  for (const rules::Warning& w : *warnings) EXPECT_NE(w.subject_id, std::to_string(late_ack_));
  EXPECT_EQ(warnings->size(), 3u);
}

INSTANTIATE_ENGINE_TEST_SUITE(RuleD03Test);

}  // namespace
}  // namespace sunlight::supervision
