// The table (file) names of the interchange format, spec/interchange.md.
//
// The order is the spec's, which is also an order in which every table comes after the tables
// its references point to (organizations before officials, projects before payments), so the
// importer can read and check them in this order.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace sunlight::ledger {

inline constexpr std::array<std::string_view, 25> kInterchangeTables = {
    "organizations",      "pairings",         "officials",        "dispatched_cadres",
    "integrity_archives", "households",       "members",          "bank_accounts",
    "companies",          "company_officers", "kinship",          "fund_programs",
    "subsidy_items",      "projects",         "project_progress", "project_beneficiaries",
    "contracts",          "allocations",      "payments",         "loans",
    "account_transfers",  "employment",       "deaths",           "vehicles",
    "properties",
};

// The position of `name` (exact, lowercase) in kInterchangeTables, or nothing.
inline std::optional<size_t> InterchangeTableIndex(std::string_view name) {
  for (size_t i = 0; i < kInterchangeTables.size(); ++i) {
    if (kInterchangeTables[i] == name) return i;
  }
  return std::nullopt;
}

}  // namespace sunlight::ledger
