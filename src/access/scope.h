// Jurisdiction: the RecordScope of a user — their org's region subtree plus the region
// prefixes paired commissions shared with the org (shares table). Deny by default: roles
// without ledger access, and orgs without a region, get an empty scope.
#pragma once

#include <string>
#include <string_view>

#include "access/principal.h"
#include "core/status.h"
#include "store/connection.h"

namespace sunlight::access {

// "440100000000" → "4401", "520521" → "520521": the shortest prefix naming the same region
// (12-digit codes with trailing zero groups stand for their parent; decisions.md 2).
std::string RegionPrefix(std::string_view region_code);

StatusOr<RecordScope> ScopeFor(store::Connection& conn, Role role, std::string_view org_id,
                               std::string_view org_region_code);

// Grants `to_org_id` the region subtree `region_prefix` (idempotent).
Status AddShare(store::Connection& conn, std::string_view from_org_id, std::string_view to_org_id,
                std::string_view region_prefix, std::string_view created_by);

}  // namespace sunlight::access
