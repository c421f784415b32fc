#include "http/api/warning_flow_routes.h"

#include <memory>

#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/escalation.h"
#include "supervision/warning_flow.h"
#include "supervision/workflow_events.h"

namespace sunlight::http {
namespace flow {

Response Handle(const ApiContext& ctx, const Request& request, const FlowRoute& route,
                const FlowWork& work) {
  return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
    const std::string target(request.Param("id"));
    auto refuse = [&](const Status& status) {
      // Refusals are audited even for reads: an attempt outside one's duty or jurisdiction.
      if (ctx.audit) ctx.audit(who, request, route.action, target, status.reason());
      return ErrorResponse(status);
    };
    if (route.duty) {
      if (Status s = RequireDuty(who, *route.duty); !s.ok()) return refuse(s);
    }
    nlohmann::json body = nlohmann::json::object();
    if (!request.body.empty()) {
      body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
      if (body.is_discarded() || !body.is_object()) {
        return ErrorResponse(InvalidArgumentError("请求体须为 JSON 对象", "bad_json"));
      }
    }
    StatusOr<nlohmann::json> result = work(who, body, conn);
    if (!result.ok()) {
      const Status& status = result.status();
      if (status.code() == StatusCode::kPermissionDenied) return refuse(status);
      if (ctx.audit) ctx.audit(who, request, route.action, target, status.reason());
      if (status.reason() == "wrong_state" && route.machine && route.current_state) {
        StatusOr<std::string> current = route.current_state(conn);
        if (current.ok()) return TransitionErrorResponse(status, *route.machine, *current);
      }
      return ParameterErrorResponse(status);
    }
    if (ctx.audit && route.audit_success) ctx.audit(who, request, route.action, target, "ok");
    return JsonResponse(200, *result);
  });
}

Status RequireRegion(const access::Principal& who, std::string_view region_code) {
  if (who.scope.Allows(region_code)) return Status::Ok();
  return PermissionDeniedError("该记录不在您的管辖范围内", "outside_jurisdiction");
}

StatusOr<std::int64_t> PathId(const Request& request) {
  std::optional<std::int64_t> id = ParseRecordId(request.Param("id"));
  if (!id) return InvalidArgumentError("编号无效", "bad_id");
  return *id;
}

StatusOr<std::string> RequiredString(const nlohmann::json& body, std::string_view field) {
  const std::string key(field);
  if (!body.contains(key) || !body[key].is_string() || body[key].get<std::string>().empty()) {
    return InvalidArgumentError("缺少字段 " + key, "invalid_" + key);
  }
  return body[key].get<std::string>();
}

std::string OptionalString(const nlohmann::json& body, std::string_view field) {
  const std::string key(field);
  if (!body.contains(key) || !body[key].is_string()) return "";
  return body[key].get<std::string>();
}

StatusOr<Date> RequiredDate(const nlohmann::json& body, std::string_view field) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string text, RequiredString(body, field));
  StatusOr<Date> date = Date::Parse(text);
  if (!date.ok()) {
    return InvalidArgumentError("字段 " + std::string(field) + " 须为日期 YYYY-MM-DD",
                                "invalid_" + std::string(field));
  }
  return date;
}

StatusOr<Date> OptionalDate(const nlohmann::json& body, std::string_view field) {
  if (OptionalString(body, field).empty()) return Date();
  return RequiredDate(body, field);
}

StatusOr<std::int64_t> RequiredInteger(const nlohmann::json& body, std::string_view field) {
  const std::string key(field);
  if (!body.contains(key) || !body[key].is_number_integer()) {
    return InvalidArgumentError("字段 " + key + " 须为整数", "invalid_" + key);
  }
  return body[key].get<std::int64_t>();
}

}  // namespace flow

namespace {

using flow::FlowRoute;

nlohmann::json WarningJson(const supervision::WarningRecord& w) {
  auto optional = [](const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {
      {"id", w.id},
      {"rule", w.rule},
      {"subject_type", w.subject_type},
      {"region_code", w.region_code},
      {"severity", w.severity},
      {"amount_fen", w.amount_fen},
      {"state", w.state},
      {"state_label", std::string(supervision::WarningMachine().Label(w.state))},
      {"allowed",
       [&] {
         nlohmann::json next = nlohmann::json::array();
         for (std::string_view s : supervision::WarningMachine().AllowedNext(w.state)) {
           next.push_back(std::string(s));
         }
         return next;
       }()},
      {"responsible_org_id", w.responsible_org_id.empty() ? nlohmann::json(nullptr)
                                                          : nlohmann::json(w.responsible_org_id)},
      {"explanation_due",
       w.explanation_due.empty() ? nlohmann::json(nullptr) : nlohmann::json(w.explanation_due)},
      {"explanation", w.explanation},
      {"outcome_reason", w.outcome_reason},
      {"correcting_batch_id", optional(w.correcting_batch_id)},
      {"problem_id", optional(w.problem_id)},
      {"clue_id", optional(w.clue_id)},
      {"escalation_level", w.escalation_level},
      {"escalation_label", std::string(supervision::EscalationLevelLabel(w.escalation_level))}};
}

// Loads the warning of the path and checks the caller's jurisdiction over it.
StatusOr<supervision::WarningRecord> InScope(const access::Principal& who, std::int64_t id,
                                             store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::WarningRecord w, supervision::LoadWarning(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, w.region_code));
  return w;
}

FlowRoute Transition(access::Duty duty, std::string_view action, const Request& request) {
  FlowRoute route;
  route.duty = duty;
  route.action = action;
  route.machine = &supervision::WarningMachine();
  const std::string id(request.Param("id"));
  route.current_state = [id](store::Connection& conn) -> StatusOr<std::string> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                              conn.Query("SELECT state FROM warnings WHERE id = ?",
                                         {static_cast<std::int64_t>(std::stoll(id))}));
    if (rs.size() == 0) return NotFoundError("预警不存在", "warning_not_found");
    return rs.at(0, 0).AsText();
  };
  return route;
}

// The step's work after the warning is loaded and in scope; returns the warning's new JSON
// plus `extra`.
using Step = std::function<StatusOr<nlohmann::json>(
    const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
    const supervision::WarningRecord& warning)>;

void Post(Router& router, const ApiContext& ctx, std::string_view verb, access::Duty duty,
          Step step) {
  const std::string action = "warning." + std::string(verb);
  router.Post("/api/v1/warnings/{id}/" + std::string(verb), [ctx, action, duty,
                                                             step](const Request& request) {
    return flow::Handle(ctx, request, Transition(duty, action, request),
                        [&](const access::Principal& who, const nlohmann::json& body,
                            store::Connection& conn) -> StatusOr<nlohmann::json> {
                          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
                          SUNLIGHT_ASSIGN_OR_RETURN(supervision::WarningRecord w,
                                                    InScope(who, id, conn));
                          SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json extra, step(who, body, conn, w));
                          SUNLIGHT_ASSIGN_OR_RETURN(supervision::WarningRecord after,
                                                    supervision::LoadWarning(conn, id));
                          nlohmann::json out = WarningJson(after);
                          for (auto& [key, value] : extra.items()) out[key] = value;
                          return out;
                        });
  });
}

}  // namespace

namespace flow {

StatusOr<supervision::TaskDraft> ParseTaskDraft(const nlohmann::json& body) {
  supervision::TaskDraft draft;
  draft.description = flow::OptionalString(body, "description");
  draft.measures = flow::OptionalString(body, "measures");
  SUNLIGHT_ASSIGN_OR_RETURN(draft.deadline, flow::RequiredDate(body, "deadline"));
  draft.responsible_org_id = flow::OptionalString(body, "responsible_org_id");
  draft.responsible_login = flow::OptionalString(body, "responsible_login");
  const std::string cadence = flow::OptionalString(body, "cadence");
  if (!cadence.empty()) draft.cadence = cadence;
  SUNLIGHT_ASSIGN_OR_RETURN(draft.assigned_on, flow::OptionalDate(body, "assigned_on"));
  return draft;
}

StatusOr<supervision::ProblemDraft> ParseProblemDraft(const nlohmann::json& body) {
  supervision::ProblemDraft draft;
  draft.source = flow::OptionalString(body, "source");
  draft.category = flow::OptionalString(body, "category");
  draft.behaviour = flow::OptionalString(body, "behaviour");
  draft.title = flow::OptionalString(body, "title");
  draft.description = flow::OptionalString(body, "description");
  draft.region_code = flow::OptionalString(body, "region_code");
  draft.responsible_org_id = flow::OptionalString(body, "responsible_org_id");
  if (body.contains("amount_fen")) {
    SUNLIGHT_ASSIGN_OR_RETURN(draft.amount_fen, flow::RequiredInteger(body, "amount_fen"));
  }
  if (body.contains("evidence")) {
    if (!body["evidence"].is_array()) {
      return InvalidArgumentError("evidence 须为数组", "invalid_evidence");
    }
    for (const nlohmann::json& link : body["evidence"]) {
      if (!link.is_object()) return InvalidArgumentError("evidence 项须为对象", "invalid_evidence");
      draft.evidence.push_back({flow::OptionalString(link, "kind"),
                                flow::OptionalString(link, "ref"),
                                flow::OptionalString(link, "note")});
    }
  }
  return draft;
}

}  // namespace flow

void RegisterWarningFlowRoutes(Router& router, const ApiContext& ctx) {
  using access::Duty;
  Post(router, ctx, "request-explanation", Duty::kWarnings,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         SUNLIGHT_ASSIGN_OR_RETURN(std::string org, flow::RequiredString(body, "org_id"));
         SUNLIGHT_ASSIGN_OR_RETURN(Date due, flow::RequiredDate(body, "due"));
         SUNLIGHT_RETURN_IF_ERROR(supervision::RequestExplanation(
             conn, ActorOf(who), w.id, org, due, flow::OptionalString(body, "note")));
         return nlohmann::json::object();
       });
  Post(router, ctx, "explain", Duty::kExplain,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         // Only the org asked to explain answers (a state check first, so a warning nobody
         // was asked about gets the 409 that says what is possible).
         if (w.state == "explanation_requested" && w.responsible_org_id != who.org_id) {
           return PermissionDeniedError("该预警未要求本单位说明", "not_addressed_org");
         }
         SUNLIGHT_ASSIGN_OR_RETURN(std::string text, flow::RequiredString(body, "text"));
         SUNLIGHT_RETURN_IF_ERROR(supervision::Explain(conn, ActorOf(who), w.id, text));
         return nlohmann::json::object();
       });
  Post(router, ctx, "dismiss", Duty::kWarnings,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         SUNLIGHT_RETURN_IF_ERROR(
             supervision::Dismiss(conn, ActorOf(who), w.id, flow::OptionalString(body, "reason")));
         return nlohmann::json::object();
       });
  Post(router, ctx, "correct", Duty::kWarnings,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t batch, flow::RequiredInteger(body, "batch_id"));
         SUNLIGHT_RETURN_IF_ERROR(supervision::MarkDataCorrected(
             conn, ActorOf(who), w.id, batch, flow::OptionalString(body, "reason")));
         return nlohmann::json::object();
       });
  Post(router, ctx, "to-problem", Duty::kWarnings,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemDraft draft, flow::ParseProblemDraft(body));
         // The problem stays where the warning is: a region outside the caller's scope would
         // hand work to someone else's jurisdiction.
         if (!draft.region_code.empty()) {
           SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, draft.region_code));
         }
         std::optional<supervision::TaskDraft> task;
         if (body.contains("task")) {
           if (!body["task"].is_object()) {
             return InvalidArgumentError("task 须为对象", "invalid_task");
           }
           SUNLIGHT_ASSIGN_OR_RETURN(task, flow::ParseTaskDraft(body["task"]));
         }
         SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t problem_id,
                                   supervision::ToProblem(conn, ActorOf(who), w.id, draft, task));
         return nlohmann::json{{"created_problem_id", problem_id}};
       });
  Post(router, ctx, "to-clue", Duty::kWarnings,
       [](const access::Principal& who, const nlohmann::json& body, store::Connection& conn,
          const supervision::WarningRecord& w) -> StatusOr<nlohmann::json> {
         supervision::ClueDraftFromWarning clue;
         clue.summary = flow::OptionalString(body, "summary");
         clue.handling_org_id = flow::OptionalString(body, "handling_org_id");
         SUNLIGHT_ASSIGN_OR_RETURN(clue.received_on, flow::OptionalDate(body, "received_on"));
         SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t clue_id,
                                   supervision::ToClue(conn, ActorOf(who), w.id, clue));
         return nlohmann::json{{"created_clue_id", clue_id}};
       });
  router.Get("/api/v1/warnings/{id}/events", [ctx](const Request& request) {
    FlowRoute route;
    route.action = "read.warning_events";
    route.audit_success = false;  // no personal data: who did what to a warning
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const nlohmann::json&,
            store::Connection& conn) -> StatusOr<nlohmann::json> {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::WarningRecord w, InScope(who, id, conn));
          SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::WorkflowEvent> events,
                                    supervision::EventsOf(conn, "warning", id));
          nlohmann::json items = nlohmann::json::array();
          for (const supervision::WorkflowEvent& e : events) {
            items.push_back({{"id", e.id},
                             {"from_state", e.from_state},
                             {"to_state", e.to_state},
                             {"actor_login", e.actor_login},
                             {"actor_org", e.actor_org},
                             {"reason", e.reason},
                             {"details", nlohmann::json::parse(e.details, nullptr, false)},
                             {"occurred_at", e.occurred_at}});
          }
          return nlohmann::json{{"warning", WarningJson(w)}, {"items", items}};
        });
  });
}

}  // namespace sunlight::http
