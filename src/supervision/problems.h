// Problems (问题清单, spec/workflows.md "Problem and rectification"): where a finding becomes
// work. A problem has a source, a category, a behaviour, the region and org responsible, and
// links to its evidence; its state follows its tasks (tasks.h): every task closed → closed, a
// task reopened by a revisit (回头看) → reopened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/state_machine.h"

namespace sunlight::supervision {

// open, closed, reopened.
const StateMachine& ProblemMachine();

// inspection, tour, audit, warning, petition, transfer, other.
bool IsProblemSource(std::string_view source);
// fund_management 资金管理, project_construction 项目建设, work_implementation 工作落实.
bool IsProblemCategory(std::string_view category);
std::string_view ProblemCategoryLabel(std::string_view category);

struct EvidenceLink {
  std::string kind;  // "warning", "payment", "project", "household", …
  std::string ref;   // the record's id
  std::string note;
};

struct ProblemDraft {
  std::string source;
  std::string category;
  std::string behaviour;  // the specific behaviour, e.g. 资金闲置, 虚报冒领
  std::string title;
  std::string description;
  std::string region_code;
  std::string responsible_org_id;
  std::int64_t amount_fen = 0;
  std::optional<std::int64_t> warning_id;
  std::optional<std::int64_t> inspection_id;  // a finding of this inspection (inspections/)
  std::string owner_org_id;  // the commission that follows it up; "" for the actor's own
  std::vector<EvidenceLink> evidence;
};

struct ProblemRecord {
  std::int64_t id = 0;
  std::string source;
  std::string category;
  std::string behaviour;
  std::string title;
  std::string description;
  std::string region_code;
  std::string responsible_org_id;
  std::string owner_org_id;
  std::optional<std::int64_t> warning_id;
  std::string state;
  std::int64_t amount_fen = 0;
  std::string created_by;
  std::string created_at;
  std::vector<EvidenceLink> evidence;
};

// Validates and inserts; REQUIRES: inside the caller's write transaction (records the creation
// event there). InvalidArgument with reasons bad_source, bad_category, behaviour_required,
// title_required, region_required, responsible_org_required.
StatusOr<std::int64_t> InsertProblem(store::Connection& conn, const Actor& actor,
                                     const ProblemDraft& draft);
// The same in its own transaction.
StatusOr<std::int64_t> CreateProblem(store::Connection& conn, const Actor& actor,
                                     const ProblemDraft& draft);

// NotFound "problem_not_found".
StatusOr<ProblemRecord> LoadProblem(store::Connection& conn, std::int64_t problem_id);

struct ProblemFilter {
  std::vector<std::string> region_prefixes;  // the caller's jurisdiction; empty: nothing
  std::string region_code;                   // "" or a prefix to narrow to
  std::string state;                         // "" or one state
  std::int64_t page = 1;
  std::int64_t page_size = 50;
};

struct ProblemPage {
  std::vector<ProblemRecord> items;  // newest first, without evidence
  std::int64_t total = 0;
};

StatusOr<ProblemPage> ListProblems(store::Connection& conn, const ProblemFilter& filter);

// Re-derives the problem's state from its tasks and records the change, if any. REQUIRES:
// inside the transaction that changed a task.
Status SyncProblemState(store::Connection& conn, const Actor& actor, std::int64_t problem_id);

// Money recovered (清退 refund / 追缴 recovery) against a warning or a problem.
struct RecoveryDraft {
  std::string source_type;  // "warning" | "problem"
  std::int64_t source_id = 0;
  std::string kind;  // "refund" 清退 | "recovery" 追缴
  std::int64_t amount_fen = 0;
  std::string recovered_on;  // YYYY-MM-DD
  std::string note;
};

// The region of the warning or problem a recovery is recorded against (for the caller's
// jurisdiction check); NotFound when it does not exist.
StatusOr<std::string> RecoverySourceRegion(store::Connection& conn, std::string_view source_type,
                                           std::int64_t source_id);
// Inserts the recovery (with a workflow event on the source record). Returns its id.
StatusOr<std::int64_t> RecordRecovery(store::Connection& conn, const Actor& actor,
                                      const RecoveryDraft& draft);

}  // namespace sunlight::supervision
