// Companies and cooperatives: project contractors in each recipient county, farmers'
// cooperatives that take loan money and run 扶贫车间, and employers in the helper regions
// that take workers under 劳务协作. Each has a legal representative (and often a second
// shareholder) in company_officers.csv and a corporate account in bank_accounts.csv.
//
// Officers are people of their own, never household members, officials or officials' kin,
// so that rules A10 and B11 stay quiet on the background; the planter adds the exceptions.
#pragma once

#include <string_view>

#include "core/status.h"
#include "demo_data/world.h"

namespace sunlight::demo {

// Writes companies.csv, company_officers.csv and bank_accounts.csv rows for a new company;
// `type` is '1' (company) or '3' (farmers' cooperative). `legal_rep` null: a new person of
// `region6`. With `second_shareholder`, a partner holds the rest of the shares: `partner`,
// or a new person if null.
Company AddCompany(World& world, Rng& rng, std::string_view name, char type,
                   std::string_view region6, NameStyle style, const Person* legal_rep = nullptr,
                   bool second_shareholder = true, const Person* partner = nullptr);

// A name stem for companies of a county: "威宁县" → "威宁", "环县" → "环县".
std::string CountyStem(std::string_view county_name);

// The contractors, cooperatives and employers of every county and helper.
[[nodiscard]] Status BuildCompanies(World& world);

}  // namespace sunlight::demo
