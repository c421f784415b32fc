// Role names (spec/interfaces.md spellings) and the one table of what each role may do.
//
// 等级保护 三员分立: the system administrator manages accounts but never sees audit records; the
// security administrator manages accounts and shares; the audit administrator reads the audit
// log and nothing else. No administrator reads the ledger: they have no jurisdiction.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "access/principal.h"

namespace sunlight::access {

// The workflow duties of spec/workflows.md a role may perform (the HTTP routes check them on
// top of the record's jurisdiction). One bit each, so the role table below stays one line per
// role.
enum class Duty : unsigned {
  kWarnings = 1u << 0,        // request explanations, decide a warning's outcome
  kExplain = 1u << 1,         // explain a warning addressed to one's own org
  kProblems = 1u << 2,        // create problems and tasks, verify (销号), revisit (回头看)
  kRectify = 1u << 3,         // claim a task, report progress, submit for close-out
  kClues = 1u << 4,           // register, propose, dispose clues
  kInformants = 1u << 5,      // see an informant's identity (every view audited)
  kTransfers = 1u << 6,       // send, acknowledge, feed back on, conclude, return transfers
  kCases = 1u << 7,           // file cases, advance them, record outcomes
  kInspections = 1u << 8,     // plan inspections, assign members, record findings
  kLetters = 1u << 9,         // issue letters
  kArchives = 1u << 10,       // keep dispatched cadres' integrity archives
  kPublicReports = 1u << 11,  // accept and answer public reports, publish typical cases
};

struct RoleCapabilities {
  Role role;
  std::string_view name;       // "supervisor"
  std::string_view label;      // "监督检查"
  bool reads_ledger = false;   // has a jurisdiction (org region subtree + shares)
  bool sees_names = false;     // full personal names in lists; otherwise 张*明
  bool may_reveal = false;     // POST /api/v1/reveal (ID and card numbers, audited)
  bool manages_users = false;  // create users, shares
  bool reads_audit = false;    // GET /api/v1/audit
  unsigned duties = 0;         // Duty bits
};

// Whether `role` may perform `duty`.
bool HasDuty(Role role, Duty duty);

// The table, one row per Role.
const std::vector<RoleCapabilities>& RoleTable();

// The row of `role` (every Role has one).
const RoleCapabilities& CapabilitiesOf(Role role);

// "supervisor" for Role::kSupervisor.
std::string_view RoleName(Role role);

// The Role spelt `name`, if any.
std::optional<Role> ParseRole(std::string_view name);

}  // namespace sunlight::access
