// Cases (案件) and outcomes (处分/处理), spec/workflows.md "Case and outcomes".
//
//   filed 立案 → investigating 审查调查 → trial 审理 → decided 作出处理决定 → appeal 申诉
//   (→ decided again: the review 复查 upholds or changes the decision).
//
// A case may come from a clue in `disposing` (the clue becomes `case`, in the same
// transaction). Outcomes are per person, each with its date and deciding body, classed into
// the four forms by four_forms.h; inside a case they are recorded once it is `decided` (or under
// `appeal`); 诫勉, 谈话提醒, 批评教育 and 函询 may also be recorded without a case. Money
// recovered (清退/追缴) is a recoveries row with source_type 'case'.
//
// Reasons: title_required, org_required, region_required, case_not_found, clue_not_found,
// clue_not_owned, person_required, deciding_body_required, bad_category, bad_measure,
// case_required (a measure that needs a case), case_not_decided, bad_recovery_kind,
// bad_amount, wrong_state (409).
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

// filed, investigating, trial, decided, appeal.
const StateMachine& CaseMachine();

struct NewCase {
  std::string title;
  std::optional<std::int64_t> clue_id;  // the clue it comes from (must be disposing)
  std::string org_id;                   // the commission filing it (default: the actor's)
  std::string region_code;              // default: the clue's region
  Date filed_on;
};

struct FiledCase {
  std::int64_t id = 0;
  std::string number;  // 案号: "<org>-AJ-<year>-<seq, 4 digits>"
};

// Files the case (and moves its clue to `case`) in one transaction.
StatusOr<FiledCase> FileCase(store::Connection& conn, const Actor& actor, const NewCase& draft);

// One step of the case (filed → investigating → trial → decided → appeal → decided).
// `on` is the decision's date when `to` is decided.
Status AdvanceCase(store::Connection& conn, const Actor& actor, std::int64_t case_id,
                   std::string_view to, std::string_view reason, Date on);

struct OutcomeDraft {
  std::optional<std::int64_t> case_id;  // none: a first-form measure outside a case
  std::string person_name;
  std::string id_number;  // optional
  std::string org_id;     // the person's org
  std::string region_code;
  std::string category;  // party | government | organisational | judicial
  std::string measure;   // the Chinese term, four_forms.h
  Date decided_on;
  std::string deciding_body;
};

struct OutcomeRecord {
  std::int64_t id = 0;
  std::optional<std::int64_t> case_id;
  std::string person_name;
  std::string id_number;
  std::string org_id;
  std::string region_code;
  std::string category;
  std::string measure;
  int form = 0;
  std::string decided_on;
  std::string deciding_body;
  std::string created_by;
  std::string created_at;
};

// Validates (measure, form, case state) and inserts, with a workflow event on the case (or on
// the outcome itself outside a case). Returns the stored record (form filled in).
StatusOr<OutcomeRecord> RecordOutcome(store::Connection& conn, const Actor& actor,
                                      const OutcomeDraft& draft);

struct CaseRecovery {
  std::int64_t id = 0;
  std::string kind;  // refund 清退 | recovery 追缴
  std::int64_t amount_fen = 0;
  std::string recovered_on;
  std::string note;
  std::string created_by;
};

// Money recovered in a case (recoveries, source_type 'case'); returns its id.
StatusOr<std::int64_t> RecordCaseRecovery(store::Connection& conn, const Actor& actor,
                                          std::int64_t case_id, std::string_view kind,
                                          std::int64_t amount_fen, Date recovered_on,
                                          std::string_view note);

struct CaseRecord {
  std::int64_t id = 0;
  std::string number;
  std::string title;
  std::optional<std::int64_t> clue_id;
  std::string org_id;
  std::string region_code;
  std::string state;
  std::string filed_on;
  std::string decided_on;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::vector<OutcomeRecord> outcomes;
  std::vector<CaseRecovery> recoveries;
  std::int64_t recovered_fen = 0;  // sum of recoveries
};

// With outcomes and recoveries. NotFound "case_not_found".
StatusOr<CaseRecord> LoadCase(store::Connection& conn, std::int64_t case_id);

struct CaseFilter {
  std::vector<std::string> region_prefixes;  // the caller's jurisdiction; empty: nothing
  std::string state;
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};
struct CasePage {
  std::vector<CaseRecord> items;  // newest first, without outcomes
  std::int64_t total = 0;
};
StatusOr<CasePage> ListCases(store::Connection& conn, const CaseFilter& filter);

// One outcome. NotFound "outcome_not_found".
StatusOr<OutcomeRecord> LoadOutcome(store::Connection& conn, std::int64_t outcome_id);

}  // namespace sunlight::supervision
