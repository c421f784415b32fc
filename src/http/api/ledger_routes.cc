#include "http/api/ledger_routes.h"

#include <string>

#include "http/api/ledger_collections.h"
#include "http/api/ledger_details.h"
#include "http/api/ledger_handler.h"
#include "http/api/ledger_list.h"

namespace sunlight::http {
namespace {

using ledger::CollectionSpec;

using DetailFn = StatusOr<nlohmann::json> (*)(const ApiContext&, const access::Principal&,
                                              const Request&, store::Connection&, std::string_view);

struct Collection {
  std::string_view path;  // under /api/v1
  const CollectionSpec& spec;
  DetailFn detail;
  // Lists that show personal data (names, masked numbers of people) are audited.
  bool personal;
  // Officials and cadres are keyed by ID number: keep it out of the access log.
  bool key_is_personal;
};

// The query part of the request target, as the audit target of a list read.
std::string_view QueryPart(const Request& request) {
  const size_t at = request.target.find('?');
  return at == std::string::npos ? std::string_view() : std::string_view(request.target).substr(at);
}

void RegisterCollection(Router& router, const ApiContext& ctx, const Collection& c) {
  const std::string base = "/api/v1/" + std::string(c.path);
  router.Get(base, [ctx, c](const Request& request) {
    return ledger::HandleLedgerRequest(
        ctx, request,
        [&](const access::Principal& who, const Request& req,
            store::Connection& conn) -> StatusOr<nlohmann::json> {
          SUNLIGHT_ASSIGN_OR_RETURN(ledger::ListRequest list,
                                    ledger::ParseListRequest(req, c.spec));
          SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json page,
                                    ledger::RunList(conn, c.spec, list, who.scope));
          if (c.personal && ctx.audit) {
            ctx.audit(who, req, "list." + std::string(c.spec.name), QueryPart(req), "ok");
          }
          return page;
        });
  });
  router.Get(base + "/{id}",
             [ctx, c](const Request& request) {
               return ledger::HandleLedgerRequest(
                   ctx, request,
                   [&](const access::Principal& who, const Request& req, store::Connection& conn) {
                     return c.detail(ctx, who, req, conn, req.Param("id"));
                   });
             },
             {.log_pattern_only = c.key_is_personal});
}

}  // namespace

void RegisterLedgerRoutes(Router& router, const ApiContext& ctx) {
  const Collection collections[] = {
      {"organizations", ledger::OrganizationsSpec(), ledger::OrganizationDetail, false, false},
      {"projects", ledger::ProjectsSpec(), ledger::ProjectDetail, false, false},
      {"payments", ledger::PaymentsSpec(), ledger::PaymentDetail, true, false},
      {"households", ledger::HouseholdsSpec(), ledger::HouseholdDetail, true, false},
      {"companies", ledger::CompaniesSpec(), ledger::CompanyDetail, false, false},
      {"officials", ledger::OfficialsSpec(), ledger::OfficialDetail, true, true},
      {"dispatched_cadres", ledger::DispatchedCadresSpec(), ledger::DispatchedCadreDetail, true,
       true},
      {"imports", ledger::ImportBatchesSpec(), ledger::ImportBatchDetail, false, false},
  };
  for (const Collection& c : collections) RegisterCollection(router, ctx, c);
}

}  // namespace sunlight::http
