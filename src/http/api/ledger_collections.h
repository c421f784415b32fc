// The ledger collections of /api/v1 as list descriptions (ledger_list.h): what each list
// selects, which region decides who sees a row, its filters and sortable fields. The detail
// views (ledger_details.h) use the same region expressions.
#pragma once

#include <string_view>

#include "http/api/ledger_list.h"

namespace sunlight::http::ledger {

// A payment's region (decision 15): its household's village, else its payer's region.
inline constexpr std::string_view kPaymentRegion = "COALESCE(h.village_code, o.region_code)";

// A project's state, derived from its dates (the ledger has no status column).
inline constexpr std::string_view kProjectStatus =
    "CASE WHEN p.accepted_date IS NOT NULL THEN 'accepted' "
    "WHEN p.actual_completion IS NOT NULL THEN 'completed' "
    "WHEN p.actual_start IS NOT NULL THEN 'in_progress' ELSE 'planned' END";

const CollectionSpec& OrganizationsSpec();
const CollectionSpec& ProjectsSpec();
const CollectionSpec& PaymentsSpec();
const CollectionSpec& HouseholdsSpec();
const CollectionSpec& CompaniesSpec();
const CollectionSpec& OfficialsSpec();
const CollectionSpec& DispatchedCadresSpec();
const CollectionSpec& ImportBatchesSpec();
const CollectionSpec& WarningsSpec();

}  // namespace sunlight::http::ledger
