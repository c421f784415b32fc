// The detail views of the ledger collections: one record with the rows that explain it
// (a project with its allocations, payments and progress; a household with its members,
// payments and warnings; ...). Each checks the scope first (ledger_records.h) and audits reads
// of personal data.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "store/connection.h"

namespace sunlight::http::ledger {

// Each: the record with interchange id `id` (officials and cadres: the ID number), or
// 404 / 403.
StatusOr<nlohmann::json> OrganizationDetail(const ApiContext& ctx, const access::Principal& who,
                                            const Request& request, store::Connection& conn,
                                            std::string_view id);
StatusOr<nlohmann::json> ProjectDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id);
StatusOr<nlohmann::json> PaymentDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id);
StatusOr<nlohmann::json> HouseholdDetail(const ApiContext& ctx, const access::Principal& who,
                                         const Request& request, store::Connection& conn,
                                         std::string_view id);
StatusOr<nlohmann::json> CompanyDetail(const ApiContext& ctx, const access::Principal& who,
                                       const Request& request, store::Connection& conn,
                                       std::string_view id);
StatusOr<nlohmann::json> OfficialDetail(const ApiContext& ctx, const access::Principal& who,
                                        const Request& request, store::Connection& conn,
                                        std::string_view id);
StatusOr<nlohmann::json> DispatchedCadreDetail(const ApiContext& ctx, const access::Principal& who,
                                               const Request& request, store::Connection& conn,
                                               std::string_view id);
StatusOr<nlohmann::json> ImportBatchDetail(const ApiContext& ctx, const access::Principal& who,
                                           const Request& request, store::Connection& conn,
                                           std::string_view id);

}  // namespace sunlight::http::ledger
