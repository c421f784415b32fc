// The warning life cycle over HTTP (docs/warning-flow.md): POST transitions on
// /api/v1/warnings/{id}/… (request-explanation, explain, dismiss, correct, to-problem, to-clue)
// and GET /api/v1/warnings/{id}/events. Also the frame every route of warning_flow_routes.cc
// and rectification_routes.cc shares (namespace flow).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "access/roles.h"
#include "core/date.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "store/connection.h"
#include "supervision/problems.h"
#include "supervision/state_machine.h"
#include "supervision/tasks.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterWarningFlowRoutes(Router& router, const ApiContext& ctx);

namespace flow {

struct FlowRoute {
  std::optional<access::Duty> duty;  // nullopt: any logged-in user (reads)
  std::string_view action;           // audit slug, e.g. "warning.dismiss"
  // For a 409: the machine and how to read the record's current state after the refusal.
  const supervision::StateMachine* machine = nullptr;
  std::function<StatusOr<std::string>(store::Connection&)> current_state;
  bool audit_success = true;  // every change, and reads of personal data
};

using FlowWork = std::function<StatusOr<nlohmann::json>(
    const access::Principal& who, const nlohmann::json& body, store::Connection& conn)>;

// Authenticates (401), checks the duty (403 duty_not_allowed), parses a JSON body for
// POST (400 bad_json), runs `work`, audits the outcome with the route's action and the
// request's {id}, and answers 200 with the work's JSON, 409 with details.allowed for a wrong
// transition, or the error.
Response Handle(const ApiContext& ctx, const Request& request, const FlowRoute& route,
                const FlowWork& work);

// 403 outside_jurisdiction unless the principal's scope allows `region_code`.
Status RequireRegion(const access::Principal& who, std::string_view region_code);

// {id} of the path as an integer (400 bad_id).
StatusOr<std::int64_t> PathId(const Request& request);

// Body fields: a required / optional string, a date, an integer.
StatusOr<std::string> RequiredString(const nlohmann::json& body, std::string_view field);
std::string OptionalString(const nlohmann::json& body, std::string_view field);
StatusOr<Date> RequiredDate(const nlohmann::json& body, std::string_view field);
// An unset Date when absent.
StatusOr<Date> OptionalDate(const nlohmann::json& body, std::string_view field);
StatusOr<std::int64_t> RequiredInteger(const nlohmann::json& body, std::string_view field);

// A task ({description, measures, deadline, responsible_org_id, responsible_login, cadence,
// assigned_on}) and a problem ({source, category, behaviour, title, description, region_code,
// responsible_org_id, amount_fen, evidence: [{kind, ref, note}]}) from a request body.
StatusOr<supervision::TaskDraft> ParseTaskDraft(const nlohmann::json& body);
StatusOr<supervision::ProblemDraft> ParseProblemDraft(const nlohmann::json& body);

}  // namespace flow
}  // namespace sunlight::http
