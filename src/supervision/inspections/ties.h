// The ties (利害关系) that keep an inspection member away from a target, read from the ledger
// (spec/workflows.md "Inspection": not where they work or worked, not where they or a kin are
// registered — household or official post — and for `cross` not in their own cooperation zone).
//
// How each tie is read (docs/inspections-archives-stats.md, "Decision: ties"):
// - posts: the member's own org (works_here) and every other `officials` row with their ID
//   number (worked_here: the ledger keeps no dates, so any other post counts as past);
// - a post ties the member to a target when the target is that org, a project it owns, or lies
//   inside the org's region if that region is a county or below (6+ digits) — a city
//   commission's region is not a tie to every village of the city;
// - registration: the villages of the `members` (household) rows of the member and of each kin
//   (`kinship`, either direction); a kin's `officials` posts tie like the member's own;
// - a village ties to a target located in it, or to a target whose region contains it at
//   county level or below;
// - cooperation zone (cross only): the member's org region and every region paired with it
//   (`pairings`, either side); a target in any of them is excluded.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/inspections/planner.h"

namespace sunlight::supervision::inspections {

struct TieMember {
  std::string id_number;
  std::string name;
  std::string org_id;  // current org
};

struct TieTarget {
  std::string type;  // project|village|org
  std::string ref;
  std::string region_code;
  std::string org_id;  // the target org, or the project's owner org; "" for a village
  std::string label;
};

// Whether the region codes overlap: one is a prefix of the other, and the shorter is at least
// `min_len` digits long.
bool RegionsOverlap(std::string_view a, std::string_view b, size_t min_len);

// ties[m][t] for the given members and targets. `cross` adds the cooperation-zone tie.
StatusOr<std::vector<std::vector<std::vector<Tie>>>> FindTies(store::Connection& conn,
                                                              const std::vector<TieMember>& members,
                                                              const std::vector<TieTarget>& targets,
                                                              bool cross);

}  // namespace sunlight::supervision::inspections
