// Clues on both engines: registration with numbers per org and year, the disposal path with
// its collective approval, the case and transfer exits, and refused steps.
#include "supervision/clues.h"

#include <gtest/gtest.h>

#include "supervision/clue_fixture.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

class ClueTest : public ClueEngineTest {};

TEST_P(ClueTest, RegistersWithNumbersPerOrgAndYear) {
  auto a = RegisterClue(conn(), gz_, Draft());
  auto b = RegisterClue(conn(), gz_, Draft());
  auto other_org = RegisterClue(conn(), bj_, Draft("5205-JW", "520521"));
  NewClue next_year = Draft();
  next_year.received_on = Day("2027-01-04");
  auto c = RegisterClue(conn(), gz_, next_year);
  ASSERT_TRUE(a.ok() && b.ok() && other_org.ok() && c.ok());
  EXPECT_EQ(a->number, "4401-JW-XS-2026-0001");
  EXPECT_EQ(b->number, "4401-JW-XS-2026-0002");
  EXPECT_EQ(other_org->number, "5205-JW-XS-2026-0001");
  EXPECT_EQ(c->number, "4401-JW-XS-2027-0001");

  auto loaded = LoadClue(conn(), b->id);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->state, "registered");
  EXPECT_EQ(loaded->channel, "petition");
  EXPECT_EQ(loaded->received_on, "2026-03-02");
  ASSERT_EQ(loaded->persons.size(), 1u);
  EXPECT_EQ(loaded->persons[0].name, "王某");
  EXPECT_EQ(loaded->persons[0].authority, "县管干部");
  EXPECT_EQ(loaded->informant_name, "李四");
  EXPECT_TRUE(loaded->informant_confidential);
  EXPECT_EQ(EventCount("clue", b->id), 1);
}

TEST_P(ClueTest, RefusesBadInput) {
  NewClue bad = Draft();
  bad.channel = "rumour";
  EXPECT_EQ(RegisterClue(conn(), gz_, bad).status().reason(), "bad_channel");
  bad = Draft();
  bad.summary = "  ";
  EXPECT_EQ(RegisterClue(conn(), gz_, bad).status().reason(), "summary_required");
  bad = Draft();
  bad.persons[0].name = "";
  EXPECT_EQ(RegisterClue(conn(), gz_, bad).status().reason(), "person_name_required");
  // Nothing half-written, and the number counter did not move.
  auto rs = conn().Query("SELECT COUNT(*) FROM clues");
  ASSERT_TRUE(rs.ok());
  EXPECT_EQ(rs->at(0, 0).AsInteger(), 0);
  EXPECT_EQ(RegisterClue(conn(), gz_, Draft())->number, "4401-JW-XS-2026-0001");
}

TEST_P(ClueTest, ProposeApproveDisposeConclude) {
  const std::int64_t id = MakeClue(Draft(), gz_);
  ASSERT_TRUE(ProposeClue(conn(), gz_, id, "拟进行初步核实").ok());
  // Without the collective approval, no disposal.
  Status early = DisposeClue(conn(), gz_, id, "preliminary_verification");
  EXPECT_EQ(early.reason(), "approval_required") << early;
  ASSERT_TRUE(
      ApproveClueProposal(conn(), gz_, id, "2026年第3次常委会集体研究同意", Day("2026-03-10"))
          .ok());
  EXPECT_EQ(DisposeClue(conn(), gz_, id, "whitewash").reason(), "bad_disposal");
  ASSERT_TRUE(DisposeClue(conn(), gz_, id, "preliminary_verification").ok());
  ASSERT_TRUE(ConcludeClue(conn(), gz_, id, "反映问题属实，已督促退还资金").ok());
  auto clue = LoadClue(conn(), id);
  ASSERT_TRUE(clue.ok());
  EXPECT_EQ(clue->state, "concluded");
  EXPECT_EQ(clue->proposal, "拟进行初步核实");
  EXPECT_EQ(clue->approved_on, "2026-03-10");
  EXPECT_EQ(clue->disposal, "preliminary_verification");
  EXPECT_EQ(clue->result, "反映问题属实，已督促退还资金");
  auto events = EventsOf(conn(), "clue", id);
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 5u);  // registered, proposed, approval, disposing, concluded
  EXPECT_EQ((*events)[2].from_state, "proposed");
  EXPECT_EQ((*events)[2].to_state, "proposed");
  EXPECT_EQ((*events)[3].to_state, "disposing");
  EXPECT_EQ((*events)[4].actor_login, "gz_jw");
}

TEST_P(ClueTest, WrongStepsAre409WithAllowedStates) {
  const std::int64_t id = MakeClue(Draft(), gz_);
  Status s = ConcludeClue(conn(), gz_, id, "结果");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.reason(), "wrong_state");
  EXPECT_EQ(ApproveClueProposal(conn(), gz_, id, "同意", Day("2026-03-10")).reason(),
            "wrong_state");
  EXPECT_EQ(StateOf("clues", id), "registered");
  EXPECT_EQ(EventCount("clue", id), 1);
  const auto next = ClueMachine().AllowedNext("registered");
  EXPECT_EQ(next, (std::vector<std::string_view>{"proposed", "transferred"}));
  EXPECT_EQ(LoadClue(conn(), 999999).status().reason(), "clue_not_found");
}

TEST_P(ClueTest, ListsByJurisdictionAndFilters) {
  MakeClue(Draft(), gz_);
  NewClue audit = Draft("5205-JW", "520521");
  audit.channel = "audit";
  MakeClue(audit, bj_);
  ClueFilter gz;
  gz.region_prefixes = {"4401"};
  auto page = ListClues(conn(), gz);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->items[0].region_code, "440106");
  ClueFilter bj;
  bj.region_prefixes = {"5205"};
  bj.channel = "petition";
  EXPECT_EQ(ListClues(conn(), bj)->total, 0);
  bj.channel = "audit";
  EXPECT_EQ(ListClues(conn(), bj)->total, 1);
  EXPECT_EQ(ListClues(conn(), ClueFilter{})->total, 0);  // no jurisdiction: nothing
}

INSTANTIATE_ENGINE_TEST_SUITE(ClueTest);

}  // namespace
}  // namespace sunlight::supervision
