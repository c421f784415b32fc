#include "http/api/stats_routes.h"

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "core/date.h"
#include "http/api/ledger_handler.h"
#include "supervision/statistics.h"

namespace sunlight::http {
namespace {

using nlohmann::json;

// GET /api/v1/stats?region=&from=&to= — region defaults to the user's own region, the period
// to the current calendar year up to today. The region must be in the user's jurisdiction.
StatusOr<json> Stats(const access::Principal& who, const Request& request,
                     store::Connection& conn) {
  for (const auto& [name, value] : request.query) {
    if (name != "region" && name != "from" && name != "to") {
      return InvalidArgumentError("未知参数“" + name + "”", "invalid_" + name);
    }
  }
  const Date today = Date::Today();
  supervision::StatsQuery q;
  q.region = std::string(request.Query("region").value_or(who.region_code));
  q.from = std::string(request.Query("from").value_or(std::to_string(today.year()) + "-01-01"));
  q.to = std::string(request.Query("to").value_or(today.ToString()));
  if (!who.scope.Allows(q.region)) return ledger::OutsideJurisdiction();
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::Figure> figures,
                            supervision::ComputeStatistics(conn, q));
  json items = json::array();
  for (const supervision::Figure& f : figures) {
    json value = f.value;
    if (f.unit == "count" || f.unit == "fen")
      value = static_cast<std::int64_t>(std::llround(f.value));
    items.push_back({{"key", f.key},
                     {"label", f.label},
                     {"value", value},
                     {"unit", f.unit},
                     {"rows", {{"collection", f.collection}, {"query", f.query}}}});
  }
  return json{{"region", q.region}, {"from", q.from}, {"to", q.to}, {"figures", std::move(items)}};
}

}  // namespace

void RegisterStatsRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/stats", [ctx](const Request& request) {
    return ledger::HandleLedgerRequest(ctx, request, Stats);
  });
}

}  // namespace sunlight::http
