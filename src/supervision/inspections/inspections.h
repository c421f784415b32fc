// Inspections (监督检查 / 巡察, spec/workflows.md "Inspection"): a plan with members, targets and
// a period; the tie-free assignment (planner.h over ties.h); findings that become problems.
//
// States: planned 已计划 → in_progress 检查中 → completed 已完成; planned|in_progress → cancelled
// 已撤销. The plan (assignment) may be (re)made only while planned; findings only while
// in_progress. Every change writes its workflow_events row in the same transaction.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(int64_t id, CreateInspection(conn, draft, actor));
//   SUNLIGHT_ASSIGN_OR_RETURN(PlanProposal p, PlanInspection(conn, id, actor));  // p.result
//   SUNLIGHT_RETURN_IF_ERROR(MoveInspection(conn, id, "in_progress", actor, "开始检查"));
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"
#include "supervision/inspections/planner.h"
#include "supervision/state_machine.h"

namespace sunlight::supervision::inspections {

const StateMachine& InspectionMachine();

// "日常监督" for "routine"; "" for an unknown kind.
std::string_view KindLabel(std::string_view kind);

struct MemberDraft {
  std::string id_number;
  std::string name;
  std::string org_id;
  std::string login;  // may be empty
};

struct TargetDraft {
  std::string type;  // project|village|org
  std::string ref;   // project_id, village code, org_id
};

struct InspectionDraft {
  std::string kind;
  std::string title;
  std::string period_from;  // YYYY-MM-DD
  std::string period_to;
  int team_size = 1;
  std::vector<MemberDraft> members;
  std::vector<TargetDraft> targets;
};

struct InspectionMember {
  int seq = 0;
  std::string id_number;
  std::string name;
  std::string org_id;
  std::string login;
};

struct InspectionTarget {
  int seq = 0;
  std::string type;
  std::string ref;
  std::string region_code;
  std::string label;
  std::vector<int> members;  // assigned member seqs (empty until planned)
};

struct Inspection {
  std::int64_t id = 0;
  std::string kind;
  std::string title;
  std::string org_id;
  std::string region_code;
  std::string period_from;
  std::string period_to;
  int team_size = 1;
  std::string state;
  std::string created_by;
  std::string created_at;
  std::string updated_at;
  std::vector<InspectionMember> members;
  std::vector<InspectionTarget> targets;
  std::int64_t findings = 0;  // problems with this inspection_id
};

// Validates and stores a new inspection in state planned, owned by the actor's org and region.
// Targets must exist in the ledger (InvalidArgument "unknown_target" otherwise); a joint
// inspection needs members from both sides of one pairing ("joint_needs_both_regions").
StatusOr<std::int64_t> CreateInspection(store::Connection& conn, const InspectionDraft& draft,
                                        const Actor& actor);

// NotFound "inspection_not_found" when absent.
StatusOr<Inspection> LoadInspection(store::Connection& conn, std::int64_t id);

// Every inspection, newest first, without members and targets (the list view).
StatusOr<std::vector<Inspection>> ListInspections(store::Connection& conn);

struct PlanProposal {
  PlanResult result;
  std::vector<std::vector<std::vector<Tie>>> ties;  // ties[m][t], by member/target order
};

// Runs the planner on the inspection's members and targets; when a plan exists it is stored as
// the inspection's assignment (replacing an earlier one) with a workflow event. Requires state
// planned (FailedPrecondition "wrong_state" otherwise).
StatusOr<PlanProposal> PlanInspection(store::Connection& conn, std::int64_t id, const Actor& actor,
                                      int max_load = 0);

// One transition of InspectionMachine(); moving to in_progress requires a stored plan
// (FailedPrecondition "plan_missing").
Status MoveInspection(store::Connection& conn, std::int64_t id, std::string_view to,
                      const Actor& actor, std::string_view reason);

struct FindingDraft {
  std::string category;  // fund_management|project_construction|work_implementation
  std::string behaviour;
  std::string title;
  std::string description;
  std::string region_code;         // defaults to the first target's region
  std::string responsible_org_id;  // defaults to the target org / project owner
  std::int64_t amount_fen = 0;
  int target_seq = 0;  // 0: none; else the target the finding is about
};

// A finding becomes a problem (m006 problems: source 'tour' for a tour, else 'inspection';
// state open; inspection_id set; owned by the inspecting org) through problems.h InsertProblem,
// so it is checked and recorded as every other problem (a behaviour and a known responsible org
// are required). Requires state in_progress.
StatusOr<std::int64_t> AddFinding(store::Connection& conn, std::int64_t inspection_id,
                                  const FindingDraft& finding, const Actor& actor);

}  // namespace sunlight::supervision::inspections
