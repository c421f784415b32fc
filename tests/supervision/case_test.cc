// Cases and outcomes: the four forms of every measure of workflows.md (one test per
// measure), the case's steps on both engines, filing from a clue, outcomes only once decided,
// first-form measures outside cases, and money recovered.
#include "supervision/cases.h"

#include <gtest/gtest.h>

#include "supervision/clue_fixture.h"
#include "supervision/four_forms.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

struct FormCase {
  const char* category;
  const char* measure;
  int form;
};

class FourFormsTest : public ::testing::TestWithParam<FormCase> {};

TEST_P(FourFormsTest, MeasureIsInItsForm) {
  const FormCase& c = GetParam();
  auto form = FormOf(c.category, c.measure);
  ASSERT_TRUE(form.ok()) << form.status();
  EXPECT_EQ(*form, c.form) << c.category << " " << c.measure;
}

// workflows.md, "Case and outcomes", measure by measure.
INSTANTIATE_TEST_SUITE_P(
    , FourFormsTest,
    ::testing::Values(
        FormCase{"organisational", "谈话提醒", 1}, FormCase{"organisational", "批评教育", 1},
        FormCase{"organisational", "诫勉", 1}, FormCase{"organisational", "函询", 1},
        FormCase{"party", "警告", 2}, FormCase{"party", "严重警告", 2},
        FormCase{"government", "警告", 2}, FormCase{"government", "记过", 2},
        FormCase{"government", "记大过", 2}, FormCase{"organisational", "停职检查", 2},
        FormCase{"organisational", "调整职务", 2}, FormCase{"organisational", "责令辞职", 2},
        FormCase{"party", "撤销党内职务", 3}, FormCase{"party", "留党察看", 3},
        FormCase{"party", "开除党籍", 3}, FormCase{"government", "降级", 3},
        FormCase{"government", "撤职", 3}, FormCase{"government", "开除", 3},
        FormCase{"organisational", "降职", 3}, FormCase{"organisational", "免职", 3},
        FormCase{"judicial", "移送司法机关", 4}),
    [](const ::testing::TestParamInfo<FormCase>& info) {
      return std::string(info.param.category) + "_" + std::to_string(info.index);
    });

TEST(FourFormsTableTest, EveryMeasureIsTestedAndUnknownOnesAreRefused) {
  EXPECT_EQ(Measures().size(), 21u);  // the list above, so a new measure needs a test
  EXPECT_EQ(FormOf("party", "记过").status().reason(), "bad_measure");  // a 政务 measure
  EXPECT_EQ(FormOf("military", "警告").status().reason(), "bad_category");
  EXPECT_NE(FormOf("party", "记过").status().message().find("严重警告"), std::string::npos);
}

class CaseTest : public ClueEngineTest {
 protected:
  // A clue of gz_ in disposing (proposed, approved, preliminary verification).
  std::int64_t DisposingClue() {
    const std::int64_t id = MakeClue(Draft(), gz_);
    EXPECT_TRUE(ProposeClue(conn(), gz_, id, "拟初核").ok());
    EXPECT_TRUE(ApproveClueProposal(conn(), gz_, id, "同意", Day("2026-03-05")).ok());
    EXPECT_TRUE(DisposeClue(conn(), gz_, id, "preliminary_verification").ok());
    return id;
  }

  std::int64_t DecidedCase() {
    NewCase c;
    c.title = "王某违规发放补贴案";
    c.region_code = "440106";
    c.filed_on = Day("2026-04-01");
    auto filed = FileCase(conn(), gz_, c);
    EXPECT_TRUE(filed.ok()) << filed.status();
    for (std::string_view to : {"investigating", "trial", "decided"}) {
      EXPECT_TRUE(AdvanceCase(conn(), gz_, filed->id, to, "", Day("2026-06-30")).ok()) << to;
    }
    return filed->id;
  }

  OutcomeDraft Outcome(std::optional<std::int64_t> case_id, std::string category,
                       std::string measure) {
    OutcomeDraft o;
    o.case_id = case_id;
    o.person_name = "王某";
    o.org_id = "520521-NY";
    o.region_code = "520521";
    o.category = std::move(category);
    o.measure = std::move(measure);
    o.decided_on = Day("2026-06-30");
    o.deciding_body = "广州市纪委监委";
    return o;
  }
};

TEST_P(CaseTest, FilingFromAClueMovesTheClueInTheSameTransaction) {
  const std::int64_t clue = DisposingClue();
  NewCase c;
  c.title = "王某截留扶贫资金案";
  c.clue_id = clue;
  c.filed_on = Day("2026-04-01");
  auto filed = FileCase(conn(), gz_, c);
  ASSERT_TRUE(filed.ok()) << filed.status();
  EXPECT_EQ(filed->number, "4401-JW-AJ-2026-0001");
  EXPECT_EQ(StateOf("clues", clue), "case");
  auto loaded = LoadCase(conn(), filed->id);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->state, "filed");
  EXPECT_EQ(loaded->region_code, "440106");  // from the clue
  EXPECT_EQ(*loaded->clue_id, clue);
  EXPECT_EQ(*LoadClue(conn(), clue)->case_id, filed->id);
  // A clue still registered cannot become a case: nothing is filed.
  const std::int64_t fresh = MakeClue(Draft(), gz_);
  c.clue_id = fresh;
  EXPECT_EQ(FileCase(conn(), gz_, c).status().reason(), "wrong_state");
  EXPECT_EQ(conn().Query("SELECT COUNT(*) FROM cases")->at(0, 0).AsInteger(), 1);
  // Nor can another commission's clue.
  c.clue_id = clue;
  EXPECT_EQ(FileCase(conn(), bj_, c).status().reason(), "clue_not_owned");
}

TEST_P(CaseTest, StepsInOrderAndAppeal) {
  NewCase c;
  c.title = "案";
  c.region_code = "440106";
  c.filed_on = Day("2026-04-01");
  auto filed = FileCase(conn(), gz_, c);
  ASSERT_TRUE(filed.ok());
  Status skip = AdvanceCase(conn(), gz_, filed->id, "decided", "", Day("2026-05-01"));
  EXPECT_EQ(skip.reason(), "wrong_state");
  EXPECT_EQ(CaseMachine().AllowedNext("filed"), (std::vector<std::string_view>{"investigating"}));
  const std::int64_t id = DecidedCase();
  EXPECT_EQ(LoadCase(conn(), id)->decided_on, "2026-06-30");
  ASSERT_TRUE(AdvanceCase(conn(), gz_, id, "appeal", "本人提出申诉", Day("2026-07-10")).ok());
  ASSERT_TRUE(AdvanceCase(conn(), gz_, id, "decided", "复查维持原决定", Day("2026-08-10")).ok());
  auto loaded = LoadCase(conn(), id);
  EXPECT_EQ(loaded->state, "decided");
  EXPECT_EQ(loaded->decided_on, "2026-08-10");
  EXPECT_EQ(EventCount("case", id), 6);
}

TEST_P(CaseTest, OutcomesCarryTheirFormAndNeedADecidedCase) {
  NewCase c;
  c.title = "案";
  c.region_code = "440106";
  c.filed_on = Day("2026-04-01");
  auto open = FileCase(conn(), gz_, c);
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(RecordOutcome(conn(), gz_, Outcome(open->id, "party", "严重警告")).status().reason(),
            "case_not_decided");
  const std::int64_t id = DecidedCase();
  auto party = RecordOutcome(conn(), gz_, Outcome(id, "party", "严重警告"));
  auto gov = RecordOutcome(conn(), gz_, Outcome(id, "government", "撤职"));
  auto court = RecordOutcome(conn(), gz_, Outcome(id, "judicial", "移送司法机关"));
  ASSERT_TRUE(party.ok() && gov.ok() && court.ok()) << party.status() << gov.status();
  EXPECT_EQ(party->form, 2);
  EXPECT_EQ(gov->form, 3);
  EXPECT_EQ(court->form, 4);
  EXPECT_EQ(RecordOutcome(conn(), gz_, Outcome(id, "party", "记大过")).status().reason(),
            "bad_measure");
  auto loaded = LoadCase(conn(), id);
  ASSERT_EQ(loaded->outcomes.size(), 3u);
  EXPECT_EQ(loaded->outcomes[1].measure, "撤职");
  auto stored = conn().Query("SELECT form FROM case_outcomes WHERE id = ?", {gov->id});
  EXPECT_EQ(stored->at(0, 0).AsInteger(), 3);
}

TEST_P(CaseTest, FirstFormMeasuresOutsideCases) {
  auto talk = RecordOutcome(conn(), gz_, Outcome(std::nullopt, "organisational", "谈话提醒"));
  ASSERT_TRUE(talk.ok()) << talk.status();
  EXPECT_EQ(talk->form, 1);
  EXPECT_FALSE(talk->case_id.has_value());
  EXPECT_EQ(EventCount("outcome", talk->id), 1);
  EXPECT_EQ(RecordOutcome(conn(), gz_, Outcome(std::nullopt, "party", "警告")).status().reason(),
            "case_required");
  EXPECT_EQ(
      RecordOutcome(conn(), gz_, Outcome(std::nullopt, "organisational", "免职")).status().reason(),
      "case_required");
}

TEST_P(CaseTest, MoneyRecoveredInACase) {
  const std::int64_t id = DecidedCase();
  ASSERT_TRUE(RecordCaseRecovery(conn(), gz_, id, "recovery", 1250000, Day("2026-07-01"),
                                 "追缴违规发放资金")
                  .ok());
  ASSERT_TRUE(RecordCaseRecovery(conn(), gz_, id, "refund", 30050, Day("2026-07-02"), "清退").ok());
  EXPECT_EQ(RecordCaseRecovery(conn(), gz_, id, "fine", 1, Day("2026-07-02"), "").status().reason(),
            "bad_recovery_kind");
  EXPECT_EQ(
      RecordCaseRecovery(conn(), gz_, id, "refund", 0, Day("2026-07-02"), "").status().reason(),
      "bad_amount");
  auto loaded = LoadCase(conn(), id);
  ASSERT_EQ(loaded->recoveries.size(), 2u);
  EXPECT_EQ(loaded->recovered_fen, 1280050);
  auto rs = conn().Query(
      "SELECT SUM(amount_fen) FROM recoveries WHERE source_type = 'case' "
      "AND source_id = ?",
      {id});
  EXPECT_EQ(rs->at(0, 0).AsInteger(), 1280050);
}

TEST_P(CaseTest, ListsByJurisdiction) {
  DecidedCase();
  CaseFilter f;
  f.region_prefixes = {"4401"};
  EXPECT_EQ(ListCases(conn(), f)->total, 1);
  f.state = "filed";
  EXPECT_EQ(ListCases(conn(), f)->total, 0);
  f = CaseFilter{};
  f.region_prefixes = {"5205"};
  EXPECT_EQ(ListCases(conn(), f)->total, 0);
}

INSTANTIATE_ENGINE_TEST_SUITE(CaseTest);

}  // namespace
}  // namespace sunlight::supervision
