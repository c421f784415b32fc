// Transfers on both engines: sending (atomic, idempotent per sending org), the receiver's
// steps, feedback seen by the sender, returns giving the clues back, and refused steps.
#include "supervision/transfers.h"

#include <gtest/gtest.h>

#include "supervision/clue_fixture.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {
namespace {

class TransferTest : public ClueEngineTest {
 protected:
  NewTransfer Letter(std::vector<TransferItem> items, std::string key = "req-1") {
    NewTransfer t;
    t.request_key = std::move(key);
    t.letter_no = "穗纪移〔2026〕3号";
    t.to_org_id = "5205-JW";
    t.items = std::move(items);
    t.sent_on = Day("2026-09-25");  // Friday before 中秋 and 国庆 2026
    t.feedback_working_days = 10;
    t.batch_quarter = "2026Q3";
    return t;
  }
};

TEST_P(TransferTest, SendCarriesTheClueAndCountsTheDueDateInWorkingDays) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  auto sent = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(sent.ok()) << sent.status();
  EXPECT_TRUE(sent->created);
  auto t = LoadTransfer(conn(), sent->id);
  ASSERT_TRUE(t.ok()) << t.status();
  EXPECT_EQ(t->state, "sent");
  EXPECT_EQ(t->from_org_id, "4401-JW");
  EXPECT_EQ(t->to_org_id, "5205-JW");
  EXPECT_EQ(t->to_region, "5205");
  EXPECT_EQ(t->sent_on, "2026-09-25");
  EXPECT_EQ(t->batch_quarter, "2026Q3");
  // 10 working days after Fri 25 Sep 2026: 9-25..27 中秋, 9-28..30 (3), 10-1..7 国庆,
  // 10-8, 9, 10 (Sat, 调休) = 6, 12, 13, 14, 15 = 10 → 2026-10-15.
  EXPECT_EQ(t->feedback_due, "2026-10-15");
  EXPECT_EQ(t->feedback_due, calendar_.AddWorkingDays(Day("2026-09-25"), 10).ToString());
  ASSERT_EQ(t->items.size(), 1u);
  EXPECT_EQ(t->items[0].type, "clue");
  EXPECT_EQ(StateOf("clues", clue), "transferred");
  EXPECT_EQ(*ClueTransferredTo(conn(), clue, "5205-JW"), true);
  EXPECT_EQ(*ClueTransferredTo(conn(), clue, "5202-JW"), false);
  // The receiver's clue list includes it although its region is outside 5205.
  ClueFilter bj;
  bj.region_prefixes = {"5205"};
  bj.also_org_id = "5205-JW";
  EXPECT_EQ(ListClues(conn(), bj)->total, 1);
  bj.also_org_id = "";
  EXPECT_EQ(ListClues(conn(), bj)->total, 0);
}

TEST_P(TransferTest, RetryWithSameKeyReturnsTheSameTransfer) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  auto first = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(first.ok()) << first.status();
  auto again = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->id, first->id);
  EXPECT_FALSE(again->created);
  auto count = conn().Query("SELECT COUNT(*) FROM transfers");
  EXPECT_EQ(count->at(0, 0).AsInteger(), 1);
  EXPECT_EQ(EventCount("transfer", first->id), 1);
  // Another org's same key is another request.
  const std::int64_t bj_clue = MakeClue(Draft("5205-JW", "520521"), bj_);
  NewTransfer from_bj = Letter({{"clue", bj_clue}});
  from_bj.to_org_id = "4401-JW";
  auto other = SendTransfer(conn(), bj_, calendar_, from_bj);
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_TRUE(other->created);
  EXPECT_NE(other->id, first->id);
}

TEST_P(TransferTest, SendIsAllOrNothing) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  // The second item does not exist: nothing of the first may remain.
  auto sent = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}, {"clue", 424242}}));
  EXPECT_EQ(sent.status().reason(), "item_not_found");
  EXPECT_EQ(StateOf("clues", clue), "registered");
  EXPECT_EQ(conn().Query("SELECT COUNT(*) FROM transfers")->at(0, 0).AsInteger(), 0);
  EXPECT_EQ(conn().Query("SELECT COUNT(*) FROM transfer_items")->at(0, 0).AsInteger(), 0);
  EXPECT_EQ(EventCount("clue", clue), 1);
  // Then the same key works.
  auto retry = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_TRUE(retry->created);
}

TEST_P(TransferTest, RefusesBadRequests) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  NewTransfer t = Letter({{"clue", clue}});
  t.request_key = "";
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "request_key_required");
  t = Letter({{"clue", clue}});
  t.to_org_id = "4401-JW";
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "same_org");
  t = Letter({{"clue", clue}});
  t.to_org_id = "520521-NY";
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "not_a_commission");
  t = Letter({});
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "items_required");
  t = Letter({{"clue", clue}});
  t.batch_quarter = "2026Q5";
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "bad_batch_quarter");
  // A clue of another commission cannot be sent by this one.
  const std::int64_t bj_clue = MakeClue(Draft("5205-JW", "520521"), bj_);
  t = Letter({{"clue", bj_clue}});
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, t).status().reason(), "item_not_owned");
  // A clue already being disposed is not transferred (409 from the clue's machine).
  ASSERT_TRUE(ProposeClue(conn(), gz_, clue, "拟初核").ok());
  ASSERT_TRUE(ApproveClueProposal(conn(), gz_, clue, "同意", Day("2026-03-05")).ok());
  ASSERT_TRUE(DisposeClue(conn(), gz_, clue, "held").ok());
  EXPECT_EQ(SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}})).status().reason(),
            "wrong_state");
}

TEST_P(TransferTest, ReceiverAcknowledgesFeedsBackAndConcludes) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  auto sent = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(sent.ok());
  const std::int64_t id = sent->id;
  // Only the receiver acts.
  EXPECT_EQ(AcknowledgeTransfer(conn(), gz_, id).reason(), "not_receiver");
  EXPECT_EQ(AcknowledgeTransfer(conn(), lps_, id).reason(), "not_receiver");
  // Feedback before acknowledging is a wrong step.
  EXPECT_EQ(AddTransferFeedback(conn(), bj_, id, "已初核", Day("2026-09-28")).status().reason(),
            "wrong_state");
  ASSERT_TRUE(AcknowledgeTransfer(conn(), bj_, id).ok());
  EXPECT_EQ(AcknowledgeTransfer(conn(), bj_, id).reason(), "wrong_state");
  EXPECT_EQ(ConcludeTransfer(conn(), bj_, id, "了结").reason(), "wrong_state");
  auto f1 = AddTransferFeedback(conn(), bj_, id, "已成立核查组", Day("2026-10-08"));
  auto f2 = AddTransferFeedback(conn(), bj_, id, "已约谈王某", Day("2026-10-12"));
  ASSERT_TRUE(f1.ok() && f2.ok());
  ASSERT_TRUE(ConcludeTransfer(conn(), bj_, id, "给予王某党内警告处分").ok());
  auto t = LoadTransfer(conn(), id);  // what the sender reads
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->state, "concluded");
  EXPECT_EQ(t->result, "给予王某党内警告处分");
  ASSERT_EQ(t->feedback.size(), 2u);
  EXPECT_EQ(t->feedback[0].text, "已成立核查组");
  EXPECT_EQ(t->feedback[1].reported_on, "2026-10-12");
  EXPECT_EQ(t->feedback[1].author_org, "5205-JW");
  EXPECT_FALSE(t->acknowledged_at.empty());
  EXPECT_FALSE(t->concluded_at.empty());
  // sent, acknowledged, 2 × in_progress, concluded.
  EXPECT_EQ(EventCount("transfer", id), 5);
  EXPECT_EQ(ReturnTransfer(conn(), bj_, id, "不属管辖").reason(), "wrong_state");
}

TEST_P(TransferTest, ReturnGivesTheClueBackToTheSender) {
  const std::int64_t clue = MakeClue(Draft(), gz_);
  auto sent = SendTransfer(conn(), gz_, calendar_, Letter({{"clue", clue}}));
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(ReturnTransfer(conn(), bj_, sent->id, " ").reason(), "reason_required");
  ASSERT_TRUE(ReturnTransfer(conn(), bj_, sent->id, "被反映人系市管干部，不属本机关管辖").ok());
  EXPECT_EQ(StateOf("transfers", sent->id), "returned");
  EXPECT_EQ(StateOf("clues", clue), "registered");
  EXPECT_EQ(*ClueTransferredTo(conn(), clue, "5205-JW"), false);
  EXPECT_EQ(LoadTransfer(conn(), sent->id)->return_reason, "被反映人系市管干部，不属本机关管辖");
}

TEST_P(TransferTest, ListsSentAndReceivedBoxes) {
  const std::int64_t c1 = MakeClue(Draft(), gz_);
  const std::int64_t c2 = MakeClue(Draft(), gz_);
  ASSERT_TRUE(SendTransfer(conn(), gz_, calendar_, Letter({{"clue", c1}}, "k1")).ok());
  NewTransfer to_lps = Letter({{"clue", c2}}, "k2");
  to_lps.to_org_id = "5202-JW";
  to_lps.batch_quarter = "";
  ASSERT_TRUE(SendTransfer(conn(), gz_, calendar_, to_lps).ok());
  TransferFilter f;
  f.org_id = "4401-JW";
  f.box = "sent";
  EXPECT_EQ(ListTransfers(conn(), f)->total, 2);
  f.box = "received";
  EXPECT_EQ(ListTransfers(conn(), f)->total, 0);
  f.org_id = "5205-JW";
  auto received = ListTransfers(conn(), f);
  ASSERT_EQ(received->total, 1);
  EXPECT_EQ(received->items[0].items.size(), 1u);
  f.org_id = "4401-JW";
  f.box = "";
  f.batch_quarter = "2026Q3";
  EXPECT_EQ(ListTransfers(conn(), f)->total, 1);
}

TEST_P(TransferTest, DemoSeedIsIdempotentAndAwaitsAcknowledgement) {
  ASSERT_TRUE(SeedDemoCluesTransfers(conn(), calendar_).ok());
  ASSERT_TRUE(SeedDemoCluesTransfers(conn(), calendar_).ok());
  TransferFilter f;
  f.org_id = "5205-JW";
  f.box = "received";
  auto page = ListTransfers(conn(), f);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_EQ(page->total, 2);
  f.state = "sent";
  EXPECT_EQ(ListTransfers(conn(), f)->total, 1);
  EXPECT_EQ(conn().Query("SELECT COUNT(*) FROM clues")->at(0, 0).AsInteger(), 2);
}

INSTANTIATE_ENGINE_TEST_SUITE(TransferTest);

}  // namespace
}  // namespace sunlight::supervision
