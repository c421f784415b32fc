// The warning life cycle (spec/workflows.md "Warning"): a warning raised by a scan is asked to
// be explained by the responsible org, explained, and closed with one outcome — dismissed,
// data corrected, turned into a problem (督促整改) or into a clue (线索移交). `new` may go
// straight to an outcome. Every step is one transaction with its workflow_events row.
//
//   SUNLIGHT_RETURN_IF_ERROR(RequestExplanation(conn, actor, id, "520521-NY", due, "请说明"));
//   SUNLIGHT_RETURN_IF_ERROR(Explain(conn, actor, id, "该账户为户主本人账户"));
//   SUNLIGHT_RETURN_IF_ERROR(Dismiss(conn, actor, id, "核实无问题"));
//
// Wrong transitions fail with FailedPrecondition "wrong_state" (WarningMachine().Check).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/problems.h"
#include "supervision/state_machine.h"
#include "supervision/tasks.h"

namespace sunlight::supervision {

// new, explanation_requested, explained, dismissed, data_corrected, problem, clue.
const StateMachine& WarningMachine();

// The outcomes: a warning in one of these states is finished (a re-scan may raise a new one;
// rules/scan.h says when).
bool IsWarningOutcome(std::string_view state);

struct WarningRecord {
  std::int64_t id = 0;
  std::string rule;
  std::string subject_type;
  std::string subject_id;
  std::string region_code;
  std::string severity;
  std::int64_t amount_fen = 0;
  std::string state;
  std::string responsible_org_id;  // "" until an explanation is requested
  std::string explanation_due;     // YYYY-MM-DD or ""
  std::string explanation;
  std::string outcome_reason;
  std::optional<std::int64_t> correcting_batch_id;
  std::optional<std::int64_t> problem_id;
  std::optional<std::int64_t> clue_id;
  int escalation_level = 0;
};

// NotFound "warning_not_found" when there is no such warning.
StatusOr<WarningRecord> LoadWarning(store::Connection& conn, std::int64_t warning_id);

// new → explanation_requested: the org `org_id` (organizations.org_id) must explain by `due`.
Status RequestExplanation(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                          std::string_view org_id, Date due, std::string_view note);

// explanation_requested → explained. `text` must not be empty.
Status Explain(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
               std::string_view text);

// new | explained → dismissed; `reason` required (reason "reason_required").
Status Dismiss(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
               std::string_view reason);

// new | explained → data_corrected: the ledger was wrong; `batch_id` is the import batch that
// corrected it (must exist in import_batches).
Status MarkDataCorrected(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                         std::int64_t batch_id, std::string_view reason);

// new | explained → problem: creates a problem (source 'warning', warning_id, region of the
// warning, evidence link ('warning', id)) and, when `first_task` is given, its first task.
// Returns the problem id.
StatusOr<std::int64_t> ToProblem(store::Connection& conn, const Actor& actor,
                                 std::int64_t warning_id, ProblemDraft problem,
                                 const std::optional<TaskDraft>& first_task);

struct ClueDraftFromWarning {
  std::string summary;          // required
  std::string handling_org_id;  // the commission that handles the clue; default actor's org
  Date received_on;             // default: today
};

// new | explained → clue: registers a clue (channel 'warning', warning_id, state 'registered').
// Returns the clue id.
StatusOr<std::int64_t> ToClue(store::Connection& conn, const Actor& actor, std::int64_t warning_id,
                              const ClueDraftFromWarning& clue);

}  // namespace sunlight::supervision
