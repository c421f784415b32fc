#include "access/roles.h"

namespace sunlight::access {

const std::vector<RoleCapabilities>& RoleTable() {
  // clang-format off
  static const std::vector<RoleCapabilities> kTable = {
      // role                    name                label           ledger names  reveal users  audit
      {Role::kSysadmin,         "sysadmin",         "系统管理员",   false, false, false, true,  false},
      {Role::kSecadmin,         "secadmin",         "安全管理员",   false, false, false, true,  false},
      {Role::kAuditadmin,       "auditadmin",       "审计管理员",   false, false, false, false, true},
      {Role::kSupervisor,       "supervisor",       "监督检查",     true,  true,  true,  false, false},
      {Role::kCaseHandler,      "case_handler",     "审查调查",     true,  true,  true,  false, false},
      {Role::kIntake,           "intake",           "信访",         true,  true,  false, false, false},
      {Role::kProjectOwner,     "project_owner",    "项目单位",     true,  true,  false, false, false},
      {Role::kFinance,          "finance",          "财政",         true,  true,  false, false, false},
      {Role::kAuditor,          "auditor",          "审计",         true,  true,  true,  false, false},
      {Role::kTourMember,       "tour_member",      "巡察组成员",   true,  false, false, false, false},
      {Role::kDispatchedCadre,  "dispatched_cadre", "外派干部",     true,  false, false, false, false},
  };
  // clang-format on
  return kTable;
}

const RoleCapabilities& CapabilitiesOf(Role role) {
  for (const RoleCapabilities& row : RoleTable()) {
    if (row.role == role) return row;
  }
  // Unreachable while the table lists every Role (roles_test checks); deny everything.
  static const RoleCapabilities kNone{role, "unknown", "未知"};
  return kNone;
}

std::string_view RoleName(Role role) { return CapabilitiesOf(role).name; }

std::optional<Role> ParseRole(std::string_view name) {
  for (const RoleCapabilities& row : RoleTable()) {
    if (row.name == name) return row.role;
  }
  return std::nullopt;
}

}  // namespace sunlight::access
