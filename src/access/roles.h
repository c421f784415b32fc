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

struct RoleCapabilities {
  Role role;
  std::string_view name;       // "supervisor"
  std::string_view label;      // "监督检查"
  bool reads_ledger = false;   // has a jurisdiction (org region subtree + shares)
  bool sees_names = false;     // full personal names in lists; otherwise 张*明
  bool may_reveal = false;     // POST /api/v1/reveal (ID and card numbers, audited)
  bool manages_users = false;  // create users, shares
  bool reads_audit = false;    // GET /api/v1/audit
};

// The table, one row per Role.
const std::vector<RoleCapabilities>& RoleTable();

// The row of `role` (every Role has one).
const RoleCapabilities& CapabilitiesOf(Role role);

// "supervisor" for Role::kSupervisor.
std::string_view RoleName(Role role);

// The Role spelt `name`, if any.
std::optional<Role> ParseRole(std::string_view name);

}  // namespace sunlight::access
