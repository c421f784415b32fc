// The tie-free planner of an inspection (spec/workflows.md "Inspection"): which members go to
// which targets, so that no member inspects a target they are tied to, every target gets its
// team, and the work is spread as evenly as possible.
//
// The ties themselves (where a member works or worked, where they or a kin are registered, their
// cooperation zone) are found by ties.h from the ledger; the planner only sees, for every
// (member, target) pair, the list of reasons that exclude it (empty: eligible). That keeps the
// algorithm a pure function that tests can check against a brute-force oracle.
//
// Method: a min-cost max-flow. source → target (capacity = team size), target → member
// (capacity 1, only when eligible), member → sink through unit edges of cost 1, 3, 5, … (the
// k-th unit costs 2k−1, so a member's total cost is load²). The cheapest full flow minimises
// the sum of squared loads, which also minimises the largest load: the most balanced plan.
// Shortest paths run over edges in a fixed order, so the same input always gives the same plan.
//
//   PlanInput in{.members = {"张三", "李四"}, .targets = {"PRJ1", "PRJ2"}, .team_size = 1};
//   in.ties = NoTies(2, 2);
//   in.ties[0][0].push_back({"works_here", "在该项目主管单位任职"});
//   PlanResult r = Plan(in);   // r.feasible, r.teams[t] = member indices
#pragma once

#include <string>
#include <vector>

namespace sunlight::supervision::inspections {

// One reason why a member may not inspect a target.
struct Tie {
  std::string reason;  // stable slug: works_here, worked_here, registered_here,
                       // kin_registered_here, kin_post_here, own_cooperation_zone
  std::string detail;  // Chinese, for the user: "曾在大方县农业农村局任职"
};

struct PlanInput {
  std::vector<std::string> members;  // display names, index = member number
  std::vector<std::string> targets;  // display names, index = target number
  int team_size = 1;                 // members needed per target
  int max_load = 0;                  // most targets per member; 0 = no cap
  // ties[m][t]: the reasons excluding member m from target t (empty = eligible).
  std::vector<std::vector<std::vector<Tie>>> ties;
};

// An m × t table with no ties.
std::vector<std::vector<std::vector<Tie>>> NoTies(size_t members, size_t targets);

struct PlanResult {
  bool feasible = false;
  // When feasible: teams[t] = the member indices sent to target t, ascending.
  std::vector<std::vector<int>> teams;
  std::vector<int> load;  // load[m] = number of targets of member m
  int max_load = 0;
  // When not feasible: the targets that cannot all be covered together (ascending), and a
  // Chinese explanation naming them and why each member is excluded or used up.
  std::vector<int> blocked_targets;
  std::string reason;   // stable slug: no_members, not_enough_untied_members, load_cap
  std::string message;  // Chinese
};

PlanResult Plan(const PlanInput& input);

}  // namespace sunlight::supervision::inspections
