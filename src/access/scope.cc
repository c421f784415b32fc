#include "access/scope.h"

#include <algorithm>

#include "access/roles.h"
#include "store/timestamp.h"

namespace sunlight::access {

std::string RegionPrefix(std::string_view code) {
  std::string out(code);
  auto strip = [&](std::size_t from, std::size_t to) {
    if (out.size() == from && out.substr(to) == std::string(from - to, '0')) out.resize(to);
  };
  strip(12, 9);
  strip(9, 6);
  strip(6, 4);
  strip(4, 2);
  return out;
}

StatusOr<RecordScope> ScopeFor(store::Connection& conn, Role role, std::string_view org_id,
                               std::string_view org_region_code) {
  const RoleCapabilities& caps = CapabilitiesOf(role);
  RecordScope scope;
  scope.may_reveal_personal_data = caps.may_reveal;
  scope.may_see_names = caps.sees_names;
  if (!caps.reads_ledger) return scope;
  if (!org_region_code.empty()) scope.region_prefixes.push_back(RegionPrefix(org_region_code));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet shared,
      conn.Query("SELECT region_prefix FROM shares WHERE to_org_id = ? ORDER BY region_prefix",
                 {org_id}));
  for (store::Row row : shared) {
    std::string prefix = RegionPrefix(row[0].AsText());
    if (!prefix.empty() && std::find(scope.region_prefixes.begin(), scope.region_prefixes.end(),
                                     prefix) == scope.region_prefixes.end()) {
      scope.region_prefixes.push_back(std::move(prefix));
    }
  }
  return scope;
}

Status AddShare(store::Connection& conn, std::string_view from_org_id, std::string_view to_org_id,
                std::string_view region_prefix, std::string_view created_by) {
  return conn.Execute(
      "INSERT INTO shares(from_org_id, to_org_id, region_prefix, created_by, created_at) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (to_org_id, region_prefix) DO NOTHING",
      {from_org_id, to_org_id, region_prefix, created_by, store::TimestampNow()});
}

}  // namespace sunlight::access
