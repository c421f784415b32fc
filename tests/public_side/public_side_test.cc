// The public side's store logic (supervision/public/) on both engines: query codes kept only
// as hashes, lookup by code, repeat linking, deadlines, transitions, disclosure, self-query,
// typical cases.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "supervision/public/disclosure.h"
#include "supervision/public/public_cases.h"
#include "supervision/public/public_reports.h"
#include "supervision/public/query_code.h"
#include "supervision/public/rate_limiter.h"
#include "supervision/public/self_query.h"
#include "supervision/public/text_similarity.h"
#include "supervision/work_calendar.h"
#include "supervision/workflow_events.h"
#include "support/test_engines.h"

namespace sunlight::supervision::public_side {
namespace {

using ::sunlight::testing::EngineTest;

constexpr char kVillage[] = "990101001001";
constexpr char kOtherVillage[] = "990101001002";
constexpr char kCounty[] = "990101";
constexpr char kMemberId[] = "520521199001011234";
constexpr char kSpouseId[] = "520521199202021238";
constexpr char kAccount[] = "6228480012345678901";

Date Day(std::string_view text) { return *Date::Parse(text); }

class PublicSideTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(*conn);
    for (const auto& [code, name, level, parent] :
         std::vector<std::tuple<std::string, std::string, int, std::string>>{
             {"99", "测试省", 1, ""},
             {"9901", "测试市", 2, "99"},
             {kCounty, "测试县", 3, "9901"},
             {"990101001", "测试镇", 4, kCounty},
             {kVillage, "幸福村", 5, "990101001"},
             {kOtherVillage, "团结村", 5, "990101001"}}) {
      ASSERT_TRUE(conn_
                      ->Execute("INSERT INTO regions(code, name, level, parent_code) "
                                "VALUES (?, ?, ?, ?)",
                                {code, name, level,
                                 parent.empty() ? store::Value(nullptr) : store::Value(parent)})
                      .ok());
    }
  }

  // A household of two in kVillage, one 低保 item paid twice to the head and once to the
  // spouse, a project with progress, and a household in the other village.
  void AddLedger() {
    const std::vector<std::string> sql = {
        "INSERT INTO organizations VALUES ('990101-MZ', '测试县民政局', 'department', '990101', "
        "NULL, 0)",
        "INSERT INTO fund_programs VALUES ('FP01', '农村低保', 'county', 'subsidy', 1, 0)",
        "INSERT INTO subsidy_items VALUES ('IT01', 'FP01', '低保金', 30000, '元/月', 'month', 0)",
        "INSERT INTO households VALUES ('H1', '990101001001', '520521199001011234', 'poor', 2019, "
        "NULL, '6228480012345678901', 0)",
        "INSERT INTO households VALUES ('H2', '990101001002', '520521198001011230', 'poor', 2019, "
        "NULL, NULL, 0)",
        "INSERT INTO members(id_number, name, household_id, relation, batch_id) VALUES "
        "('520521199001011234', '张三明', 'H1', '户主', 0)",
        "INSERT INTO members(id_number, name, household_id, relation, batch_id) VALUES "
        "('520521199202021238', '李四', 'H1', '配偶', 0)",
        "INSERT INTO payments(payment_id, program_id, project_id, item_id, period, payer_org_id, "
        "payee_name, payee_id, payee_account, amount, pay_date, purpose_category, household_id, "
        "batch_id) VALUES ('P1', 'FP01', NULL, 'IT01', '2021-01', '990101-MZ', '张三明', "
        "'520521199001011234', '6228480012345678901', 30000, '2021-01-15', 'subsidy', 'H1', 0)",
        "INSERT INTO payments(payment_id, program_id, project_id, item_id, period, payer_org_id, "
        "payee_name, payee_id, payee_account, amount, pay_date, purpose_category, household_id, "
        "batch_id) VALUES ('P2', 'FP01', NULL, 'IT01', '2021-02', '990101-MZ', '张三明', "
        "'520521199001011234', '6228480012345678901', 30000, '2021-02-15', 'subsidy', 'H1', 0)",
        "INSERT INTO payments(payment_id, program_id, project_id, item_id, period, payer_org_id, "
        "payee_name, payee_id, payee_account, amount, pay_date, purpose_category, household_id, "
        "batch_id) VALUES ('P3', 'FP01', NULL, 'IT01', '2021-02', '990101-MZ', '李四', "
        "'520521199202021238', '6228480099999999999', 12000, '2021-02-16', 'subsidy', 'H1', 0)",
        "INSERT INTO payments(payment_id, program_id, project_id, item_id, period, payer_org_id, "
        "payee_name, payee_id, payee_account, amount, pay_date, purpose_category, household_id, "
        "batch_id) VALUES ('P4', 'FP01', NULL, 'IT01', '2021-02', '990101-MZ', '王五', "
        "'520521198001011230', '6228480088888888888', 50000, '2021-02-16', 'subsidy', 'H2', 0)",
        "INSERT INTO projects(project_id, name, category, region_code, owner_org_id, program_id, "
        "budget, batch_id) VALUES ('PRJ1', '幸福村道路硬化', 'infrastructure', '990101001001', "
        "'990101-MZ', 'FP01', 1000000, 0)",
        "INSERT INTO project_progress VALUES ('PRJ1', '2021-03-01', 40.0, 0)",
        "INSERT INTO project_progress VALUES ('PRJ1', '2021-06-01', 85.5, 0)",
        "INSERT INTO allocations VALUES ('AL1', 'FP01', 'PRJ1', '990101', 800000, '2021-01-05', 0)",
        "INSERT INTO payments(payment_id, program_id, project_id, item_id, period, payer_org_id, "
        "payee_name, payee_id, payee_account, amount, pay_date, purpose_category, household_id, "
        "batch_id) VALUES ('P5', 'FP01', 'PRJ1', NULL, NULL, '990101-MZ', '某建设公司', NULL, "
        "'6228480077777777777', 600000, '2021-04-01', 'construction', NULL, 0)",
    };
    for (const std::string& s : sql) ASSERT_TRUE(conn_->Execute(s).ok()) << s;
  }

  NewReport Report(std::string region, std::string name, std::string content) {
    NewReport r;
    r.region_code = std::move(region);
    r.reported_name = std::move(name);
    r.content = std::move(content);
    return r;
  }

  SubmittedReport Submit(const NewReport& r, std::string_view day = "2026-11-20") {
    StatusOr<SubmittedReport> made = SubmitReport(*conn_, r, Day(day), AddWeekdays);
    EXPECT_TRUE(made.ok()) << made.status();
    return made.ok() ? *made : SubmittedReport{};
  }

  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
  Actor actor_{"bj_jw", "5205-JW", "5205"};
};

TEST(QueryCodeTest, CodesAreLongUnambiguousAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = NewQueryCode();
    ASSERT_EQ(code.size(), kCodeLength);
    for (char c : code) ASSERT_NE(kCodeAlphabet.find(c), std::string_view::npos) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 2000u);
  for (char c : std::string("01OIL")) EXPECT_EQ(kCodeAlphabet.find(c), std::string_view::npos);
}

TEST(QueryCodeTest, CanonicalFormIgnoresCaseAndSeparators) {
  const std::string code = NewQueryCode();
  std::string typed = DisplayQueryCode(code);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(CanonicalQueryCode(typed), code);
  EXPECT_EQ(CanonicalQueryCode(code.substr(1)), std::nullopt);
  EXPECT_EQ(CanonicalQueryCode(code + "A"), std::nullopt);
  EXPECT_EQ(CanonicalQueryCode("0000000000000000"), std::nullopt);  // 0 is not in the alphabet
}

TEST(QueryCodeTest, HashUsesAPerRecordSalt) {
  const std::string code = NewQueryCode();
  const StoredCode a = HashQueryCode(code);
  const StoredCode b = HashQueryCode(code);
  EXPECT_NE(a.salt, b.salt);
  EXPECT_NE(a.hash, b.hash);
  EXPECT_EQ(a.hash, Sha256HexOf(a.salt + code));
  EXPECT_TRUE(CodeMatches(code, a));
  EXPECT_TRUE(CodeMatches(code, b));
  std::string other = code;
  other[15] = other[15] == '2' ? '3' : '2';
  EXPECT_FALSE(CodeMatches(other, a));
}

TEST(RateLimiterTest, SlidingWindow) {
  RateLimiter limiter(3, 600);
  EXPECT_TRUE(limiter.Allow("a", 1000));
  EXPECT_TRUE(limiter.Allow("a", 1001));
  EXPECT_TRUE(limiter.Allow("a", 1002));
  EXPECT_FALSE(limiter.Allow("a", 1003));
  EXPECT_TRUE(limiter.Allow("b", 1003));  // keys are separate
  EXPECT_EQ(limiter.RetryAfter("a", 1003), 597);
  EXPECT_TRUE(limiter.Allow("a", 1600));  // the first attempt left the window
  EXPECT_FALSE(limiter.Allow("a", 1600));
}

TEST(TextSimilarityTest, AlikeAndUnlike) {
  EXPECT_GT(TextSimilarity("村主任张某冒领低保金三年", "村主任张某冒领低保金，已有三年"),
            kRepeatSimilarity);
  EXPECT_LT(TextSimilarity("村主任张某冒领低保金三年", "道路硬化工程质量差，路面开裂"),
            kRepeatSimilarity);
  EXPECT_DOUBLE_EQ(TextSimilarity("abc", "abc"), 1.0);
}

TEST_P(PublicSideTest, QueryCodeIsStoredOnlyAsAHash) {
  NewReport r = Report(kVillage, "张三", "村主任张三冒领低保金");
  r.anonymous = false;
  r.informant_name = "赵六";
  r.informant_contact = "13800000000";
  const SubmittedReport made = Submit(r);
  ASSERT_GT(made.id, 0);
  EXPECT_EQ(made.query_code.size(), kCodeLength);

  auto rs = conn_->Query("SELECT * FROM public_reports WHERE id = ?", {made.id});
  ASSERT_TRUE(rs.ok()) << rs.status();
  ASSERT_EQ(rs->size(), 1u);
  for (size_t c = 0; c < rs->columns().size(); ++c) {
    EXPECT_EQ(rs->at(0, c).AsText().find(made.query_code.substr(kLocatorLength)), std::string::npos)
        << "column " << rs->columns()[c] << " holds the code's secret part";
  }
  auto kept = conn_->Query(
      "SELECT code_locator, code_salt, code_hash FROM public_reports "
      "WHERE id = ?",
      {made.id});
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->at(0, 0).AsText(), made.query_code.substr(0, kLocatorLength));
  EXPECT_EQ(kept->at(0, 2).AsText(), Sha256HexOf(kept->at(0, 1).AsText() + made.query_code));
}

TEST_P(PublicSideTest, LookupByCodeShowsTheStageOnly) {
  const SubmittedReport made = Submit(Report(kVillage, "张三", "冒领低保金"));
  StatusOr<ReportStage> stage = StageByCode(*conn_, DisplayQueryCode(made.query_code));
  ASSERT_TRUE(stage.ok()) << stage.status();
  EXPECT_EQ(stage->state, "received");
  EXPECT_EQ(stage->label, "已收到");
  EXPECT_EQ(stage->received_on, "2026-11-20");
  EXPECT_EQ(stage->reply, "");

  std::string wrong = made.query_code;
  wrong[10] = wrong[10] == '2' ? '3' : '2';
  EXPECT_EQ(StageByCode(*conn_, wrong).status().reason(), "report_not_found");
  EXPECT_EQ(StageByCode(*conn_, "short").status().reason(), "report_not_found");
  // Same locator, different secret: still no match.
  std::string same_locator = made.query_code.substr(0, kLocatorLength) + "222222222222";
  if (same_locator != made.query_code) {
    EXPECT_EQ(StageByCode(*conn_, same_locator).status().reason(), "report_not_found");
  }
}

TEST_P(PublicSideTest, AcceptanceDueIsFifteenWorkingDaysLater) {
  // Friday 2026-11-20 + 15 weekdays = Friday 2026-12-11.
  EXPECT_EQ(Submit(Report(kVillage, "", "事项一")).acceptance_due, "2026-12-11");
  // The caller's calendar decides: a calendar that counts calendar days gives 12-05.
  StatusOr<SubmittedReport> made =
      SubmitReport(*conn_, Report(kOtherVillage, "", "另一件完全不同的事情"), Day("2026-11-20"),
                   [](Date from, int n) { return from.AddDays(n); });
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->acceptance_due, "2026-12-05");
}

TEST_P(PublicSideTest, DeadlinesFollowTheOfficialCalendar) {
  StatusOr<WorkCalendar> calendar = WorkCalendar::LoadDefault();
  ASSERT_TRUE(calendar.ok()) << calendar.status();
  ASSERT_TRUE(calendar->Covers(2026));
  auto add = [&](Date from, int n) { return calendar->AddWorkingDays(from, n); };
  // Monday 2026-09-28: 国庆 (10-01..10-07) is off, Saturday 10-10 is a make-up working day.
  StatusOr<SubmittedReport> made =
      SubmitReport(*conn_, Report(kVillage, "", "国庆前的举报"), Day("2026-09-28"), add);
  ASSERT_TRUE(made.ok()) << made.status();
  EXPECT_EQ(made->acceptance_due, "2026-10-23");
  ASSERT_TRUE(AcceptReport(*conn_, made->id, actor_, Day("2026-09-29")).ok());
  ASSERT_TRUE(ConcludeReport(*conn_, made->id, actor_, Day("2026-09-30"), add).ok());
  // 9-30 + 15 working days: 10-08, 09, 10 (Saturday, worked), 12–16, 19–23, 26, 27.
  EXPECT_EQ(StageByCode(*conn_, made->query_code)->result_due, "2026-10-27");
}

TEST_P(PublicSideTest, RepeatReportsAreLinkedToTheFirst) {
  const SubmittedReport first = Submit(Report(kVillage, "张三", "村主任张三冒领低保金三年"));
  EXPECT_EQ(first.repeat_of, std::nullopt);
  // Same person in the same village, different words.
  const SubmittedReport same_person = Submit(Report(kVillage, " 张三 ", "他还占用集体土地"));
  EXPECT_EQ(same_person.repeat_of, first.id);
  // No name, similar text.
  const SubmittedReport alike = Submit(Report(kVillage, "", "村主任张三冒领低保金，已三年"));
  EXPECT_EQ(alike.repeat_of, first.id);
  // Another village, same text: a different matter.
  const SubmittedReport elsewhere =
      Submit(Report(kOtherVillage, "张三", "村主任张三冒领低保金三年"));
  EXPECT_EQ(elsewhere.repeat_of, std::nullopt);
  // Same village, other person, other text: not linked.
  const SubmittedReport unrelated = Submit(Report(kVillage, "李四", "道路工程偷工减料"));
  EXPECT_EQ(unrelated.repeat_of, std::nullopt);

  StatusOr<PublicReport> got = GetReport(*conn_, first.id);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->repeats, (std::vector<std::int64_t>{same_person.id, alike.id}));
  // Every report is kept and keeps its own query code.
  EXPECT_TRUE(StageByCode(*conn_, same_person.query_code).ok());
}

TEST_P(PublicSideTest, AnonymousReportsKeepNoInformant) {
  NewReport r = Report(kVillage, "", "匿名举报内容");
  r.anonymous = true;
  r.informant_name = "不该保存";
  const SubmittedReport made = Submit(r);
  StatusOr<PublicReport> got = GetReport(*conn_, made.id);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->anonymous);
  EXPECT_EQ(got->informant_name, "");

  NewReport named = Report(kVillage, "", "实名举报");
  named.anonymous = false;
  EXPECT_EQ(SubmitReport(*conn_, named, Day("2026-11-20"), AddWeekdays).status().reason(),
            "informant_required");
}

TEST_P(PublicSideTest, BadInputIsRefused) {
  EXPECT_EQ(SubmitReport(*conn_, Report(kVillage, "", "  "), Day("2026-11-20"), AddWeekdays)
                .status()
                .reason(),
            "content_required");
  EXPECT_EQ(SubmitReport(*conn_, Report("990101001999", "", "内容"), Day("2026-11-20"), AddWeekdays)
                .status()
                .reason(),
            "unknown_region");
  NewReport big = Report(kVillage, "", "内容");
  big.attachments.push_back({"a.bin", "", std::string(kMaxAttachmentBytes + 1, 'x')});
  const Status too_big = SubmitReport(*conn_, big, Day("2026-11-20"), AddWeekdays).status();
  EXPECT_EQ(too_big.reason(), "attachment_too_large");
  EXPECT_EQ(too_big.code(), StatusCode::kResourceExhausted);
}

TEST_P(PublicSideTest, AttachmentsAreStoredWithTheReport) {
  NewReport r = Report(kVillage, "", "附件举报");
  r.attachments.push_back({"照片.jpg", "image/jpeg", std::string("\xff\xd8\xff\x00jpeg", 8)});
  const SubmittedReport made = Submit(r);
  auto rs = conn_->Query(
      "SELECT file_name, size_bytes, sha256 FROM attachments "
      "WHERE owner_type = 'public_report' AND owner_id = ?",
      {made.id});
  ASSERT_TRUE(rs.ok()) << rs.status();
  ASSERT_EQ(rs->size(), 1u);
  EXPECT_EQ(rs->at(0, 0).AsText(), "照片.jpg");
  EXPECT_EQ(rs->at(0, 1).AsInteger(), 8);
  EXPECT_EQ(rs->at(0, 2).AsText(), Sha256HexOf(std::string("\xff\xd8\xff\x00jpeg", 8)));
  EXPECT_EQ(GetReport(*conn_, made.id)->attachment_count, 1);
}

TEST_P(PublicSideTest, TransitionsFollowTheMachineAndAreRecorded) {
  const SubmittedReport made = Submit(Report(kVillage, "", "事项"));
  // Not yet accepted: cannot conclude.
  Status wrong = ConcludeReport(*conn_, made.id, actor_, Day("2026-11-23"), AddWeekdays);
  EXPECT_EQ(wrong.reason(), "wrong_state");
  EXPECT_EQ(wrong.code(), StatusCode::kFailedPrecondition);

  ASSERT_TRUE(AcceptReport(*conn_, made.id, actor_, Day("2026-11-23")).ok());
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->state, "accepted");
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->accepted_on, "2026-11-23");
  ASSERT_TRUE(ConcludeReport(*conn_, made.id, actor_, Day("2026-12-01"), AddWeekdays).ok());
  // Tuesday 2026-12-01 + 15 weekdays = Tuesday 2026-12-22.
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->result_due, "2026-12-22");
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->reply, "");  // no reply before it is given
  EXPECT_EQ(ReplyToReport(*conn_, made.id, actor_, Day("2026-12-02"), " ").reason(),
            "reply_required");
  ASSERT_TRUE(
      ReplyToReport(*conn_, made.id, actor_, Day("2026-12-02"), "经核查，情况属实，已处理。").ok());
  StatusOr<ReportStage> stage = StageByCode(*conn_, made.query_code);
  EXPECT_EQ(stage->state, "replied");
  EXPECT_EQ(stage->reply, "经核查，情况属实，已处理。");
  EXPECT_EQ(stage->replied_on, "2026-12-02");
  EXPECT_EQ(AcceptReport(*conn_, made.id, actor_, Day("2026-12-03")).reason(), "wrong_state");

  auto events = EventsOf(*conn_, "public_report", made.id);
  ASSERT_TRUE(events.ok());
  std::vector<std::string> states;
  for (const WorkflowEvent& e : *events) states.push_back(e.to_state);
  EXPECT_EQ(states, (std::vector<std::string>{"received", "accepted", "concluded", "replied"}));
  EXPECT_EQ((*events)[0].actor_login, "public");
  EXPECT_EQ((*events)[1].actor_login, "bj_jw");
}

TEST_P(PublicSideTest, AcceptedReportBecomesAClueInOneStep) {
  NewReport real = Report(kVillage, "王某", "村干部虚报冒领低保金");
  real.anonymous = false;
  real.informant_name = "赵六";
  real.informant_contact = "13800000000";
  const SubmittedReport made = Submit(real);
  // Not yet accepted: refused, and no clue is left behind.
  StatusOr<RegisteredClue> early = RegisterReportAsClue(*conn_, made.id, actor_);
  EXPECT_EQ(early.status().reason(), "wrong_state");
  EXPECT_EQ(conn_->Query("SELECT COUNT(*) FROM clues")->at(0, 0).AsInteger(), 0);

  ASSERT_TRUE(AcceptReport(*conn_, made.id, actor_, Day("2026-11-23")).ok());
  StatusOr<RegisteredClue> clue = RegisterReportAsClue(*conn_, made.id, actor_);
  ASSERT_TRUE(clue.ok()) << clue.status();
  StatusOr<PublicReport> report = GetReport(*conn_, made.id);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->state, "clue");
  ASSERT_TRUE(report->clue_id.has_value());
  EXPECT_EQ(*report->clue_id, clue->id);
  store::ResultSet row = *conn_->Query(
      "SELECT channel, summary, region_code, handling_org_id, informant_name, "
      "informant_confidential FROM clues WHERE id = ?",
      {clue->id});
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row.at(0, 0).AsText(), "petition");
  EXPECT_EQ(row.at(0, 1).AsText(), "村干部虚报冒领低保金");
  EXPECT_EQ(row.at(0, 2).AsText(), kVillage);
  EXPECT_EQ(row.at(0, 3).AsText(), "5205-JW");
  EXPECT_EQ(row.at(0, 4).AsText(), "赵六");
  EXPECT_EQ(row.at(0, 5).AsInteger(), 1);
  EXPECT_EQ(conn_->Query("SELECT name FROM clue_persons WHERE clue_id = ?", {clue->id})
                ->at(0, 0)
                .AsText(),
            "王某");
  // Once a clue, it cannot become a second one.
  EXPECT_EQ(RegisterReportAsClue(*conn_, made.id, actor_).status().reason(), "wrong_state");
  EXPECT_EQ(conn_->Query("SELECT COUNT(*) FROM clues")->at(0, 0).AsInteger(), 1);
}

TEST_P(PublicSideTest, RejectionNeedsAReplyAndShowsIt) {
  const SubmittedReport made = Submit(Report(kVillage, "", "事项"));
  EXPECT_EQ(RejectReport(*conn_, made.id, actor_, Day("2026-11-23"), "").reason(),
            "reply_required");
  ASSERT_TRUE(
      RejectReport(*conn_, made.id, actor_, Day("2026-11-23"), "不属于本机关受理范围").ok());
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->reply, "不属于本机关受理范围");
  EXPECT_EQ(StageByCode(*conn_, made.query_code)->label, "不予受理");
}

TEST_P(PublicSideTest, ListIsLimitedToTheRegions) {
  Submit(Report(kVillage, "", "一"));
  Submit(Report(kOtherVillage, "", "完全不同的二号事项"));
  StatusOr<ReportPage> both = ListReports(*conn_, {kCounty}, "", 1, 50);
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_EQ(both->total, 2);
  StatusOr<ReportPage> one = ListReports(*conn_, {kVillage}, "", 1, 50);
  EXPECT_EQ(one->total, 1);
  EXPECT_EQ(one->items.at(0).region_name, "幸福村");
  EXPECT_EQ(ListReports(*conn_, {"4401"}, "", 1, 50)->total, 0);
  EXPECT_EQ(ListReports(*conn_, {}, "", 1, 50)->total, 0);
  EXPECT_EQ(ListReports(*conn_, {kCounty}, "accepted", 1, 50)->total, 0);
}

TEST_P(PublicSideTest, DisclosureMasksNamesAndShowsNoNumbers) {
  AddLedger();
  StatusOr<nlohmann::json> d = VillageDisclosure(*conn_, kVillage);
  ASSERT_TRUE(d.ok()) << d.status();
  const std::string text = d->dump();
  EXPECT_EQ(text.find(kMemberId), std::string::npos);
  EXPECT_EQ(text.find(kSpouseId), std::string::npos);
  EXPECT_EQ(text.find(kAccount), std::string::npos);
  EXPECT_EQ(text.find("张三明"), std::string::npos);
  EXPECT_EQ(text.find("\"H1\""), std::string::npos);  // no household ids either

  EXPECT_EQ((*d)["village"]["name"], "幸福村");
  EXPECT_EQ((*d)["village"]["path"],
            (nlohmann::json{"测试省", "测试市", "测试县", "测试镇", "幸福村"}));
  // Subsidy totals per item: only this village's households (not 王五's 500 yuan).
  const nlohmann::json& item = (*d)["subsidies"]["by_item"].at(0);
  EXPECT_EQ(item["item"], "低保金");
  EXPECT_EQ(item["total_fen"], 72000);
  EXPECT_EQ(item["payments"], 3);
  EXPECT_EQ(item["households"], 1);
  std::set<std::string> names;
  for (const auto& r : (*d)["subsidies"]["recipients"]) names.insert(r["name"].get<std::string>());
  EXPECT_EQ(names, (std::set<std::string>{"张*明", "李*"}));

  const nlohmann::json& project = (*d)["projects"].at(0);
  EXPECT_EQ(project["project_id"], "PRJ1");
  EXPECT_EQ(project["paid_fen"], 600000);
  EXPECT_DOUBLE_EQ(project["progress"]["percent_complete"].get<double>(), 85.5);
  const nlohmann::json& programme = (*d)["money_in"].at(0);
  EXPECT_EQ(programme["name"], "农村低保");
  EXPECT_EQ(programme["allocated_fen"], 800000);
  EXPECT_EQ(programme["paid_fen"], 72000 + 600000);
  EXPECT_EQ((*d)["effect"]["households"], 1);
  EXPECT_EQ((*d)["problems"]["problems"], 0);
}

TEST_P(PublicSideTest, DisclosureRefusesUnknownAndNonVillageCodes) {
  EXPECT_EQ(VillageDisclosure(*conn_, "990101001999").status().code(), StatusCode::kNotFound);
  const Status county = VillageDisclosure(*conn_, kCounty).status();
  EXPECT_EQ(county.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(county.reason(), "not_a_village");
  EXPECT_EQ(VillageDisclosure(*conn_, "abc").status().reason(), "bad_region_code");
}

TEST_P(PublicSideTest, SelfQueryFindsOwnAndHouseholdPayments) {
  AddLedger();
  StatusOr<nlohmann::json> mine = SelfQuery(*conn_, "张三明", kMemberId);
  ASSERT_TRUE(mine.ok()) << mine.status();
  EXPECT_TRUE((*mine)["found"].get<bool>());
  ASSERT_EQ((*mine)["items"].size(), 3u);  // two to him, one to his spouse; not 王五's
  EXPECT_EQ((*mine)["total_fen"], 72000);
  const std::string text = mine->dump();
  EXPECT_EQ(text.find(kAccount), std::string::npos);
  EXPECT_EQ(text.find(kSpouseId), std::string::npos);
  EXPECT_NE(text.find("测试县民政局"), std::string::npos);

  // A wrong name for a real ID number answers exactly as an unknown ID number does.
  StatusOr<nlohmann::json> wrong_name = SelfQuery(*conn_, "张三", kMemberId);
  StatusOr<nlohmann::json> unknown = SelfQuery(*conn_, "张三", "110105194912310021");
  ASSERT_TRUE(wrong_name.ok());
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE((*wrong_name)["found"].get<bool>());
  EXPECT_EQ(wrong_name->dump(), unknown->dump());
  EXPECT_EQ(SelfQuery(*conn_, "张三", "123").status().reason(), "bad_id_number");
  EXPECT_EQ(MaskedIdForLog(kMemberId), "5205**********1234");
}

TEST_P(PublicSideTest, TypicalCasesPublishAndWithdraw) {
  NewPublicCase c{"某村干部冒领低保金被处分", "经查，……", kCounty, "2026-10-01",
                  "给予党内严重警告处分，追缴违纪资金"};
  StatusOr<std::int64_t> id = PublishCase(*conn_, c, actor_);
  ASSERT_TRUE(id.ok()) << id.status();
  StatusOr<nlohmann::json> list = ListPublishedCases(*conn_, "", 1, 20);
  ASSERT_TRUE(list.ok()) << list.status();
  EXPECT_EQ((*list)["total"], 1);
  EXPECT_EQ((*list)["items"][0]["region_name"], "测试县");
  EXPECT_EQ(ListPublishedCases(*conn_, "4401", 1, 20)->at("total"), 0);

  ASSERT_TRUE(SetCasePublished(*conn_, *id, false, actor_).ok());
  EXPECT_EQ(ListPublishedCases(*conn_, "", 1, 20)->at("total"), 0);
  EXPECT_EQ(SetCasePublished(*conn_, *id, false, actor_).reason(), "wrong_state");
  EXPECT_EQ(EventsOf(*conn_, "public_case", *id)->size(), 2u);

  c.title = "";
  EXPECT_EQ(PublishCase(*conn_, c, actor_).status().reason(), "field_required");
}

INSTANTIATE_ENGINE_TEST_SUITE(PublicSideTest);

}  // namespace
}  // namespace sunlight::supervision::public_side
