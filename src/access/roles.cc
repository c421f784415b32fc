#include "access/roles.h"

namespace sunlight::access {

const std::vector<RoleCapabilities>& RoleTable() {
  // clang-format off
  constexpr unsigned kW = static_cast<unsigned>(Duty::kWarnings);
  constexpr unsigned kE = static_cast<unsigned>(Duty::kExplain);
  constexpr unsigned kP = static_cast<unsigned>(Duty::kProblems);
  constexpr unsigned kR = static_cast<unsigned>(Duty::kRectify);
  constexpr unsigned kC = static_cast<unsigned>(Duty::kClues);
  constexpr unsigned kI = static_cast<unsigned>(Duty::kInformants);
  constexpr unsigned kT = static_cast<unsigned>(Duty::kTransfers);
  constexpr unsigned kK = static_cast<unsigned>(Duty::kCases);
  constexpr unsigned kN = static_cast<unsigned>(Duty::kInspections);
  constexpr unsigned kL = static_cast<unsigned>(Duty::kLetters);
  constexpr unsigned kA = static_cast<unsigned>(Duty::kArchives);
  constexpr unsigned kU = static_cast<unsigned>(Duty::kPublicReports);
  static const std::vector<RoleCapabilities> kTable = {
      // role                    name                label           ledger names  reveal users  audit  duties
      {Role::kSysadmin,         "sysadmin",         "系统管理员",   false, false, false, true,  false, 0},
      {Role::kSecadmin,         "secadmin",         "安全管理员",   false, false, false, true,  false, 0},
      {Role::kAuditadmin,       "auditadmin",       "审计管理员",   false, false, false, false, true,  0},
      {Role::kSupervisor,       "supervisor",       "监督检查",     true,  true,  true,  false, false, kW | kP | kC | kT | kN | kL | kA | kU},
      {Role::kCaseHandler,      "case_handler",     "审查调查",     true,  true,  true,  false, false, kW | kC | kT | kK | kL},
      {Role::kIntake,           "intake",           "信访",         true,  true,  false, false, false, kC | kI | kU},
      {Role::kProjectOwner,     "project_owner",    "项目单位",     true,  true,  false, false, false, kE | kR},
      {Role::kFinance,          "finance",          "财政",         true,  true,  false, false, false, kE | kR},
      {Role::kAuditor,          "auditor",          "审计",         true,  true,  true,  false, false, kP},
      {Role::kTourMember,       "tour_member",      "巡察组成员",   true,  false, false, false, false, kP | kN},
      {Role::kDispatchedCadre,  "dispatched_cadre", "外派干部",     true,  false, false, false, false, kE | kR},
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

bool HasDuty(Role role, Duty duty) {
  return (CapabilitiesOf(role).duties & static_cast<unsigned>(duty)) != 0;
}

std::string_view RoleName(Role role) { return CapabilitiesOf(role).name; }

std::optional<Role> ParseRole(std::string_view name) {
  for (const RoleCapabilities& row : RoleTable()) {
    if (row.name == name) return row.role;
  }
  return std::nullopt;
}

}  // namespace sunlight::access
