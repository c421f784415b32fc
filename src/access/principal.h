// Who is asking, and what of the ledger they may see. Shared by access/ (which builds a
// Principal from a session) and http/api/ (which filters every list and record by it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sunlight::access {

// The roles of spec/interfaces.md (`sunlight user add --role`). Three separate duties for
// the administrators (等级保护 三员分立): the system administrator cannot touch audit records,
// the audit administrator cannot manage users.
enum class Role {
  kSysadmin,         // sysadmin
  kSecadmin,         // secadmin
  kAuditadmin,       // auditadmin
  kSupervisor,       // supervisor 监督检查
  kCaseHandler,      // case_handler 审查调查
  kIntake,           // intake 信访
  kProjectOwner,     // project_owner
  kFinance,          // finance
  kAuditor,          // auditor
  kTourMember,       // tour_member
  kDispatchedCadre,  // dispatched_cadre
};

// What a request may see: ledger rows whose region code starts with one of region_prefixes
// (the user's org's region subtree, plus regions a paired commission shared). Empty
// prefixes: nothing. Deny by default: a row without a region code is outside every scope.
struct RecordScope {
  std::vector<std::string> region_prefixes;
  // Whether full ID and card numbers may be shown (still only through the audited reveal
  // endpoint for single values; lists are always masked).
  bool may_reveal_personal_data = false;
  // Whether personal names are shown in full; otherwise 张*明 (access/masking.h NameFor).
  bool may_see_names = false;

  bool Allows(std::string_view region_code) const {
    if (region_code.empty()) return false;
    for (const std::string& prefix : region_prefixes) {
      if (region_code.substr(0, prefix.size()) == prefix) return true;
    }
    return false;
  }
};

// A logged-in user as the server sees them on one request.
struct Principal {
  std::int64_t user_id = 0;
  std::string login;
  std::string display_name;
  Role role = Role::kSupervisor;
  std::string org_id;       // organizations.org_id of the ledger
  std::string region_code;  // the org's region
  RecordScope scope;
  std::string org_name;               // organizations.name, for display
  bool must_change_password = false;  // a --temporary password not yet changed
};

}  // namespace sunlight::access
