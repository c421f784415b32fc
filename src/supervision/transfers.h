// Transfers (移送, spec/workflows.md "Transfer"): one commission hands clues and/or problems to
// another — directly between paired regions, not via the provinces — with a letter number
// (移送函文号), a feedback due date (反馈期限, counted in working days by WorkCalendar) and,
// optionally, a quarterly batch ('2026Q3', 每季度汇总移送).
//
//   sent 已移送 → acknowledged 已签收 → in_progress 办理中 (each feedback entry 反馈办理进展;
//   more entries keep it in_progress) → concluded 已办结 (result)
//   sent | acknowledged | in_progress → returned 已退回 (reason; the carried clues go back to
//   `registered` at the sender)
//
// Only the receiving commission (to_org_id) acknowledges, feeds back, concludes or returns;
// both commissions read the transfer, its items and every feedback entry. Sending is one
// transaction (transfer, items, the clues' move to `transferred`, events) and idempotent: the
// sender's request key identifies the transfer, and a retried request returns the transfer it
// made (created = false) instead of a second one.
//
// Reasons: request_key_required, letter_no_required, items_required, bad_item_type,
// receiver_required, same_org, unknown_org, not_a_commission, item_not_found,
// item_not_owned, bad_batch_quarter, text_required, transfer_not_found, not_receiver,
// not_party, wrong_state (409).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/state_machine.h"
#include "supervision/work_calendar.h"

namespace sunlight::supervision {

// sent, acknowledged, in_progress, concluded, returned.
const StateMachine& TransferMachine();

// Feedback due, when the sender gives no date: this many working days after sending.
inline constexpr int kDefaultFeedbackWorkingDays = 20;

struct TransferItem {
  std::string type;  // "clue" | "problem"
  std::int64_t id = 0;
};

struct NewTransfer {
  std::string request_key;  // the client's idempotency key, unique per sending org
  std::string letter_no;    // 移送函文号
  std::string to_org_id;    // the receiving commission
  std::vector<TransferItem> items;
  Date sent_on;                      // the sending day (normally today)
  std::optional<Date> feedback_due;  // else sent_on + feedback_working_days working days
  int feedback_working_days = kDefaultFeedbackWorkingDays;
  std::string batch_quarter;  // "" or "YYYYQn"
  std::string note;
};

struct SentTransfer {
  std::int64_t id = 0;
  bool created = false;  // false: an earlier request with the same key made it
};

// Sends from the actor's org. Clues must be handled by the actor's org and be registered or
// proposed (they become `transferred`); problems must be owned by it (problems.transfer_id
// is set). The caller checks the actor's jurisdiction over the items' regions.
StatusOr<SentTransfer> SendTransfer(store::Connection& conn, const Actor& actor,
                                    const WorkCalendar& calendar, const NewTransfer& transfer);

struct TransferFeedback {
  std::int64_t id = 0;
  std::string text;
  std::string reported_on;
  std::string author_login;
  std::string author_org;
  std::string created_at;
};

struct TransferRecord {
  std::int64_t id = 0;
  std::string letter_no;
  std::string from_org_id;
  std::string to_org_id;
  std::string from_region;
  std::string to_region;
  std::string state;
  std::string sent_on;
  std::string feedback_due;
  std::string batch_quarter;
  std::string note;
  std::string result;
  std::string return_reason;
  std::string sent_at;
  std::string acknowledged_at;
  std::string concluded_at;
  std::string created_by;
  std::vector<TransferItem> items;
  std::vector<TransferFeedback> feedback;  // oldest first
};

// NotFound "transfer_not_found".
StatusOr<TransferRecord> LoadTransfer(store::Connection& conn, std::int64_t transfer_id);

struct TransferFilter {
  std::string org_id;  // the caller's org
  std::string box;     // "sent" | "received" | "" (both)
  std::string state;   // "" or one state
  std::string batch_quarter;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
struct TransferPage {
  std::vector<TransferRecord> items;  // newest first, with items, without feedback
  std::int64_t total = 0;
};
StatusOr<TransferPage> ListTransfers(store::Connection& conn, const TransferFilter& filter);

// sent → acknowledged (签收), by the receiver.
Status AcknowledgeTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id);
// acknowledged | in_progress → in_progress with a feedback entry, by the receiver. Returns
// the entry's id.
StatusOr<std::int64_t> AddTransferFeedback(store::Connection& conn, const Actor& actor,
                                           std::int64_t transfer_id, std::string_view text,
                                           Date reported_on);
// in_progress → concluded with the final result, by the receiver.
Status ConcludeTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id,
                        std::string_view result);
// sent | acknowledged | in_progress → returned with the reason, by the receiver.
Status ReturnTransfer(store::Connection& conn, const Actor& actor, std::int64_t transfer_id,
                      std::string_view reason);

// "2026Q3": a year and a quarter 1–4.
bool IsBatchQuarter(std::string_view text);

}  // namespace sunlight::supervision

namespace sunlight::supervision {

// Demo records (`sunlight demo`): a clue of 广州 (4401-JW) about a 大方县 cadre transferred to
// 毕节 (5205-JW) seven working days ago and still awaiting acknowledgement (so D03 warns), and
// one acknowledged with a feedback entry. Does nothing when they exist already. REQUIRES: the
// demo organisations 4401-JW and 5205-JW.
Status SeedDemoCluesTransfers(store::Connection& conn, const WorkCalendar& calendar);

}  // namespace sunlight::supervision
