// The interchange format's files and canonical English headers (spec/interchange.md,
// version 1), as the generator writes them. One table, read by the writer and the tests.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace sunlight::demo {

enum class Table {
  kOrganizations,
  kPairings,
  kOfficials,
  kDispatchedCadres,
  kIntegrityArchives,
  kHouseholds,
  kMembers,
  kBankAccounts,
  kCompanies,
  kCompanyOfficers,
  kKinship,
  kFundPrograms,
  kSubsidyItems,
  kProjects,
  kProjectProgress,
  kProjectBeneficiaries,
  kContracts,
  kAllocations,
  kPayments,
  kLoans,
  kAccountTransfers,
  kEmployment,
  kDeaths,
  kVehicles,
  kProperties,
};

inline constexpr size_t kTableCount = static_cast<size_t>(Table::kProperties) + 1;

struct TableSchema {
  Table table;
  std::string_view file_name;
  std::span<const std::string_view> columns;
};

namespace columns {
inline constexpr std::string_view kOrganizations[] = {"org_id", "name", "kind", "region_code",
                                                      "parent_org_id"};
inline constexpr std::string_view kPairings[] = {
    "pairing_id", "helper_region_code", "recipient_region_code",
    "start_date", "end_date",           "agreement_date"};
inline constexpr std::string_view kOfficials[] = {"id_number", "name", "org_id", "position",
                                                  "category"};
inline constexpr std::string_view kDispatchedCadres[] = {
    "id_number",     "name",       "home_org_id", "host_org_id",
    "host_position", "start_date", "end_date",    "batch"};
inline constexpr std::string_view kIntegrityArchives[] = {"id_number", "created_date",
                                                          "last_updated"};
inline constexpr std::string_view kHouseholds[] = {
    "household_id",    "village_code", "head_id_number", "status",
    "registered_year", "exit_year",    "subsidy_account"};
inline constexpr std::string_view kMembers[] = {"id_number", "name", "household_id", "relation"};
inline constexpr std::string_view kBankAccounts[] = {"account_no", "holder_name", "holder_id",
                                                     "bank", "account_type"};
inline constexpr std::string_view kCompanies[] = {"uscc", "name", "region_code",
                                                  "legal_rep_id_number"};
inline constexpr std::string_view kCompanyOfficers[] = {"uscc", "id_number", "role", "share_pct"};
inline constexpr std::string_view kKinship[] = {"id_number_a", "id_number_b", "relation"};
inline constexpr std::string_view kFundPrograms[] = {
    "program_id", "name", "level", "allowed_categories", "restricted_to_registered"};
inline constexpr std::string_view kSubsidyItems[] = {
    "item_id", "program_id", "name", "standard_amount", "unit", "period_kind"};
inline constexpr std::string_view kProjects[] = {"project_id",         "name",
                                                 "category",           "region_code",
                                                 "helper_region_code", "owner_org_id",
                                                 "program_id",         "budget",
                                                 "procurement_method", "contractor_uscc",
                                                 "approved_date",      "planned_start",
                                                 "planned_completion", "planned_acceptance",
                                                 "actual_start",       "actual_completion",
                                                 "accepted_date"};
inline constexpr std::string_view kProjectProgress[] = {"project_id", "report_date",
                                                        "percent_complete"};
inline constexpr std::string_view kProjectBeneficiaries[] = {"project_id", "household_id"};
inline constexpr std::string_view kContracts[] = {
    "contract_id", "project_id", "supplier_uscc", "amount", "signed_date", "procurement_method"};
inline constexpr std::string_view kAllocations[] = {"allocation_id", "program_id", "project_id",
                                                    "region_code",   "amount",     "date"};
inline constexpr std::string_view kPayments[] = {
    "payment_id", "program_id",    "project_id",       "item_id",     "period",   "payer_org_id",
    "payee_name", "payee_id",      "payee_account",    "amount",      "pay_date", "expense_date",
    "voucher_no", "approved_date", "purpose_category", "household_id"};
inline constexpr std::string_view kLoans[] = {"loan_id", "household_id", "borrower_id_number",
                                              "amount",  "issue_date",   "account_no"};
inline constexpr std::string_view kAccountTransfers[] = {"transfer_id", "from_account",
                                                         "to_account", "amount", "date"};
inline constexpr std::string_view kEmployment[] = {"id_number",     "employer_uscc", "region_code",
                                                   "start_date",    "end_date",      "kind",
                                                   "subsidy_amount"};
inline constexpr std::string_view kDeaths[] = {"id_number", "name", "death_date", "source"};
inline constexpr std::string_view kVehicles[] = {"id_number", "plate", "vehicle_type",
                                                 "registered_date"};
inline constexpr std::string_view kProperties[] = {
    "id_number", "certificate_no", "kind", "area_sqm", "region_code", "registered_date"};
}  // namespace columns

// In the order of spec/interchange.md.
inline constexpr std::array<TableSchema, kTableCount> kSchemas = {{
    {Table::kOrganizations, "organizations.csv", columns::kOrganizations},
    {Table::kPairings, "pairings.csv", columns::kPairings},
    {Table::kOfficials, "officials.csv", columns::kOfficials},
    {Table::kDispatchedCadres, "dispatched_cadres.csv", columns::kDispatchedCadres},
    {Table::kIntegrityArchives, "integrity_archives.csv", columns::kIntegrityArchives},
    {Table::kHouseholds, "households.csv", columns::kHouseholds},
    {Table::kMembers, "members.csv", columns::kMembers},
    {Table::kBankAccounts, "bank_accounts.csv", columns::kBankAccounts},
    {Table::kCompanies, "companies.csv", columns::kCompanies},
    {Table::kCompanyOfficers, "company_officers.csv", columns::kCompanyOfficers},
    {Table::kKinship, "kinship.csv", columns::kKinship},
    {Table::kFundPrograms, "fund_programs.csv", columns::kFundPrograms},
    {Table::kSubsidyItems, "subsidy_items.csv", columns::kSubsidyItems},
    {Table::kProjects, "projects.csv", columns::kProjects},
    {Table::kProjectProgress, "project_progress.csv", columns::kProjectProgress},
    {Table::kProjectBeneficiaries, "project_beneficiaries.csv", columns::kProjectBeneficiaries},
    {Table::kContracts, "contracts.csv", columns::kContracts},
    {Table::kAllocations, "allocations.csv", columns::kAllocations},
    {Table::kPayments, "payments.csv", columns::kPayments},
    {Table::kLoans, "loans.csv", columns::kLoans},
    {Table::kAccountTransfers, "account_transfers.csv", columns::kAccountTransfers},
    {Table::kEmployment, "employment.csv", columns::kEmployment},
    {Table::kDeaths, "deaths.csv", columns::kDeaths},
    {Table::kVehicles, "vehicles.csv", columns::kVehicles},
    {Table::kProperties, "properties.csv", columns::kProperties},
}};

constexpr const TableSchema& SchemaOf(Table table) { return kSchemas[static_cast<size_t>(table)]; }

}  // namespace sunlight::demo
