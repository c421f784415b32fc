// Clues (问题线索, spec/workflows.md "Clue"): what a commission receives about a person —
// from a petition, a tour, an audit, an inspection, a system warning, another authority — and
// what it decides to do with it.
//
//   registered 已登记 → proposed 已拟办 (拟办意见; then the collective approval 集体研究 is
//   recorded, without changing the state) → disposing 处置中 with one method (talk_inquiry
//   谈话函询 | preliminary_verification 初步核实 | held 暂存待查 | closed_out 予以了结) →
//   concluded 已办结 (result) | case 已立案 (a case is filed, cases.h).
//   registered / proposed → transferred 已移送: the person is outside this commission's
//   authority (管理权限); only a transfer (transfers.h) moves a clue there, and a returned
//   transfer (退回) moves it back to registered.
//
// Registering a clue from elsewhere (helper code: warnings, public reports):
//
//   NewClue clue;
//   clue.channel = "warning";                   // see IsClueChannel
//   clue.summary = "一卡多户：…";
//   clue.received_on = Date::Today();
//   clue.handling_org_id = "5205-JW";           // the commission that handles it
//   clue.region_code = "520521";                // where it happened (jurisdiction)
//   clue.persons.push_back({.name = "张三", .org_name = "…", .position = "…",
//                           .authority = "县管干部"});   // may be empty: "unknown so far"
//   clue.warning_id = warning_id;               // optional links
//   SUNLIGHT_ASSIGN_OR_RETURN(RegisteredClue made, InsertClue(conn, actor, clue));  // in your tx
//   // or RegisterClue(conn, actor, clue) to run in a transaction of its own.
//
// Reasons: bad_channel, summary_required, handling_org_required, region_required,
// person_name_required, clue_not_found, approval_required, bad_disposal, result_required,
// wrong_state (409, state_machine.h).
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

namespace sunlight::supervision {

// registered, proposed, disposing, concluded, case, transferred.
const StateMachine& ClueMachine();

// petition 信访举报, tour 巡视巡察, audit 审计移送, inspection 监督检查, warning 系统预警,
// transfer 其他机关移送, other 其他.
bool IsClueChannel(std::string_view channel);
std::string_view ClueChannelLabel(std::string_view channel);
// talk_inquiry 谈话函询, preliminary_verification 初步核实, held 暂存待查, closed_out 予以了结.
bool IsDisposal(std::string_view disposal);
std::string_view DisposalLabel(std::string_view disposal);

// A person reported (被反映人).
struct CluePerson {
  std::string name;
  std::string id_number;  // optional ("" when unknown)
  std::string org_name;
  std::string position;
  std::string authority;  // cadre management authority 管理权限, e.g. 市管干部, 县管干部
};

struct NewClue {
  std::string channel;
  std::string summary;
  Date received_on;
  std::string handling_org_id;  // the commission handling it
  std::string region_code;      // where the matter lies: decides who may read the clue
  std::vector<CluePerson> persons;
  bool informant_confidential = true;
  std::string informant_name;  // stored; shown only to Duty::kInformants, every view audited
  std::string informant_contact;
  std::optional<std::int64_t> warning_id;
  std::optional<std::int64_t> problem_id;
};

struct RegisteredClue {
  std::int64_t id = 0;
  std::string
      number;  // 编号: "<handling org>-XS-<year>-<seq, 4 digits>", e.g. 4401-JW-XS-2026-0007
};

// Validates and inserts the clue, its persons and the creation event, numbering it per
// handling org and year of received_on. REQUIRES: inside the caller's write transaction.
StatusOr<RegisteredClue> InsertClue(store::Connection& conn, const Actor& actor,
                                    const NewClue& clue);
// The same in a transaction of its own.
StatusOr<RegisteredClue> RegisterClue(store::Connection& conn, const Actor& actor,
                                      const NewClue& clue);

struct ClueRecord {
  std::int64_t id = 0;
  std::string number;
  std::string channel;
  std::string summary;
  std::string received_on;
  std::string handling_org_id;
  std::string region_code;
  std::string state;
  std::string proposal;     // 拟办意见
  std::string approval;     // 集体研究 record
  std::string approved_on;  // YYYY-MM-DD
  std::string disposal;
  std::string result;
  std::optional<std::int64_t> warning_id;
  std::optional<std::int64_t> problem_id;
  std::optional<std::int64_t> case_id;
  bool informant_confidential = true;
  std::string informant_name;
  std::string informant_contact;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::vector<CluePerson> persons;
};

// NotFound "clue_not_found".
StatusOr<ClueRecord> LoadClue(store::Connection& conn, std::int64_t clue_id);

struct ClueFilter {
  std::vector<std::string> region_prefixes;  // the caller's jurisdiction; empty: nothing
  std::string also_org_id;  // also clues carried by transfers to this org (not returned)
  std::string state;        // "" or one state
  std::string channel;      // "" or one channel
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
struct CluePage {
  std::vector<ClueRecord> items;  // newest first, persons included
  std::int64_t total = 0;
};
StatusOr<CluePage> ListClues(store::Connection& conn, const ClueFilter& filter);

// Whether a transfer to `org_id` that was not returned carries the clue (the receiver's
// jurisdiction over a transferred clue, transfers.h).
StatusOr<bool> ClueTransferredTo(store::Connection& conn, std::int64_t clue_id,
                                 std::string_view org_id);

// registered → proposed, with the 拟办意见.
Status ProposeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                   std::string_view proposal);
// Records the collective approval (集体研究) of the proposal; the state stays proposed.
Status ApproveClueProposal(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                           std::string_view approval, Date approved_on);
// proposed → disposing with one method; REQUIRES the approval recorded ("approval_required").
Status DisposeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                   std::string_view disposal);
// disposing → concluded with the result.
Status ConcludeClue(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                    std::string_view result);
// disposing → case: links the case (cases.h FileCase calls this inside its transaction).
// REQUIRES: inside the caller's write transaction.
Status MarkClueCase(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                    std::int64_t case_id);
// registered | proposed → transferred. REQUIRES: inside the transfer's write transaction.
Status MarkClueTransferred(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                           std::int64_t transfer_id);

// transferred → registered: the receiver returned the transfer (退回), the clue is the
// sender's to handle again. REQUIRES: inside the return's write transaction.
Status MarkClueReturned(store::Connection& conn, const Actor& actor, std::int64_t clue_id,
                        std::int64_t transfer_id, std::string_view reason);

// Next number of `kind` ('clue' | 'case') for org and year. REQUIRES: inside a write
// transaction (the counter row is locked until it ends).
StatusOr<std::int64_t> NextRecordNumber(store::Connection& conn, std::string_view kind,
                                        std::string_view org_id, int year);

}  // namespace sunlight::supervision
