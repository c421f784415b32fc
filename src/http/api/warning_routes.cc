#include "http/api/warning_routes.h"

#include <string>

#include "http/api/ledger_collections.h"
#include "http/api/ledger_evidence.h"
#include "http/api/ledger_handler.h"
#include "http/api/ledger_list.h"
#include "http/api/ledger_records.h"
#include "rules/rule.h"
#include "store/result_set.h"

namespace sunlight::http {
namespace {

using ledger::HandleLedgerRequest;

// What every warning JSON object shows besides its row: the rule's name, the subject masked.
void Present(nlohmann::json& warning) {
  const std::string rule = warning.value("rule", "");
  const rules::Rule* found = rules::FindRule(rule);
  warning["rule_name"] = found ? nlohmann::json(std::string(found->name_zh)) : nullptr;
  if (warning.contains("subject_id") && warning["subject_id"].is_string()) {
    warning["subject_id"] = ledger::ShownSubjectId(warning.value("subject_type", ""),
                                                   warning["subject_id"].get<std::string>());
  }
}

StatusOr<nlohmann::json> ListWarnings(const access::Principal& who, const Request& request,
                                      store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(ledger::ListRequest list,
                            ledger::ParseListRequest(request, ledger::WarningsSpec()));
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json page,
                            ledger::RunList(conn, ledger::WarningsSpec(), list, who.scope));
  for (nlohmann::json& item : page["items"]) Present(item);
  return page;
}

StatusOr<nlohmann::json> GetWarning(const ApiContext& ctx, const access::Principal& who,
                                    const Request& request, store::Connection& conn) {
  const std::string_view id = request.Param("id");
  SUNLIGHT_ASSIGN_OR_RETURN(
      nlohmann::json warning,
      ledger::FetchRecord(ctx, who, request, conn,
                          {ledger::WarningsSpec(), "w.id", "预警不存在", "read.warning", false,
                           /*integer_key=*/true},
                          id));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet stored,
      conn.Query("SELECT evidence, params, subject_id FROM warnings WHERE id = ?",
                 {warning.at("id").get<int64_t>()}));
  const nlohmann::json evidence =
      nlohmann::json::parse(stored.at(0, 0).AsText(), nullptr, /*allow_exceptions=*/false);
  SUNLIGHT_ASSIGN_OR_RETURN(
      warning["evidence"],
      ledger::ResolveEvidence(conn, evidence, stored.at(0, 2).AsText(), who.scope));
  warning["params"] =
      nlohmann::json::parse(stored.at(0, 1).AsText(), nullptr, /*allow_exceptions=*/false);
  Present(warning);
  return warning;
}

}  // namespace

void RegisterWarningRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/warnings", [ctx](const Request& request) {
    return HandleLedgerRequest(ctx, request, ListWarnings);
  });
  router.Get("/api/v1/warnings/{id}", [ctx](const Request& request) {
    return HandleLedgerRequest(
        ctx, request,
        [&ctx](const access::Principal& who, const Request& req, store::Connection& conn) {
          return GetWarning(ctx, who, req, conn);
        });
  });
}

}  // namespace sunlight::http
