#include "http/api/inspection_routes.h"

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/masking.h"
#include "http/api/api_paging.h"
#include "http/api/ledger_handler.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/inspections/inspections.h"
#include "supervision/workflow_events.h"

namespace sunlight::http {
namespace {

namespace insp = supervision::inspections;
using nlohmann::json;

// WithSession, plus what these routes add: the bodies are read with json's throwing
// accessors, so a type error anywhere in the work is one 400 "bad_body".
Response Handle(const ApiContext& ctx, const Request& request, const SessionWork& work) {
  return WithSession(ctx, request, [&work](const access::Principal& who, store::Connection& conn) {
    try {
      return work(who, conn);
    } catch (const json::exception&) {
      return ErrorResponse(
          InvalidArgumentError("请求体不是有效的 JSON 或字段类型不对", "bad_body"));
    }
  });
}

json Summary(const insp::Inspection& in) {
  return {{"id", in.id},
          {"kind", in.kind},
          {"kind_label", std::string(insp::KindLabel(in.kind))},
          {"title", in.title},
          {"org_id", in.org_id},
          {"region_code", in.region_code},
          {"period_from", in.period_from},
          {"period_to", in.period_to},
          {"team_size", in.team_size},
          {"state", in.state},
          {"state_label", std::string(insp::InspectionMachine().Label(in.state))},
          {"findings", in.findings},
          {"created_by", in.created_by},
          {"created_at", in.created_at},
          {"updated_at", in.updated_at}};
}

json Detail(const access::Principal& who, const insp::Inspection& in,
            const std::vector<supervision::WorkflowEvent>& events) {
  json out = Summary(in);
  json members = json::array();
  for (const insp::InspectionMember& m : in.members) {
    // ID numbers are masked as everywhere in lists; names follow the role's name rule.
    members.push_back({{"seq", m.seq},
                       {"name", access::NameFor(who.scope, m.name)},
                       {"id_number", access::MaskIdNumber(m.id_number)},
                       {"org_id", m.org_id},
                       {"login", m.login.empty() ? json(nullptr) : json(m.login)}});
  }
  json targets = json::array();
  for (const insp::InspectionTarget& t : in.targets) {
    targets.push_back({{"seq", t.seq},
                       {"type", t.type},
                       {"ref", t.ref},
                       {"region_code", t.region_code},
                       {"label", t.label},
                       {"members", t.members}});
  }
  json history = json::array();
  for (const supervision::WorkflowEvent& e : events) {
    history.push_back({{"from", e.from_state},
                       {"to", e.to_state},
                       {"actor", e.actor_login},
                       {"reason", e.reason},
                       {"at", e.occurred_at}});
  }
  out["members"] = std::move(members);
  out["targets"] = std::move(targets);
  out["events"] = std::move(history);
  out["allowed"] = json::array();
  for (std::string_view next : insp::InspectionMachine().AllowedNext(in.state)) {
    out["allowed"].push_back(std::string(next));
  }
  return out;
}

// The inspection if the principal may see it (its owning region in scope), else 403/404.
StatusOr<insp::Inspection> Visible(const ApiContext& ctx, const access::Principal& who,
                                   const Request& request, store::Connection& conn,
                                   std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                            RecordIdParam(request, "检查不存在", "inspection_not_found"));
  SUNLIGHT_ASSIGN_OR_RETURN(insp::Inspection in, insp::LoadInspection(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(
      ledger::CheckRecordScope(ctx, who, request, action, std::to_string(id), {in.region_code}));
  return in;
}

Response List(const ApiContext& ctx, const access::Principal& who, const Request& request,
              store::Connection& conn) {
  const std::string state(request.Query("state").value_or(""));
  const std::string kind(request.Query("kind").value_or(""));
  const std::string region(request.Query("region").value_or(""));
  return ListOrExport(ctx, who, request, "inspections", /*read_action=*/"",
                      [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                        SUNLIGHT_ASSIGN_OR_RETURN(std::vector<insp::Inspection> all,
                                                  insp::ListInspections(conn));
                        ListPage out;
                        const std::int64_t first = (page - 1) * page_size;
                        for (const insp::Inspection& in : all) {
                          if (!who.scope.Allows(in.region_code)) continue;
                          if (!state.empty() && in.state != state) continue;
                          if (!kind.empty() && in.kind != kind) continue;
                          if (!region.empty() && !in.region_code.starts_with(region)) continue;
                          if (out.total >= first && out.total < first + page_size)
                            out.items.push_back(Summary(in));
                          ++out.total;
                        }
                        return out;
                      });
}

StatusOr<insp::InspectionDraft> ParseDraft(const Request& request) {
  const json body = json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return InvalidArgumentError("请求体应为 JSON 对象", "bad_body");
  insp::InspectionDraft draft;
  draft.kind = body.value("kind", "");
  draft.title = body.value("title", "");
  draft.period_from = body.value("period_from", "");
  draft.period_to = body.value("period_to", "");
  draft.team_size = body.value("team_size", 1);
  for (const json& m : body.value("members", json::array())) {
    draft.members.push_back({m.value("id_number", ""), m.value("name", ""), m.value("org_id", ""),
                             m.value("login", "")});
  }
  for (const json& t : body.value("targets", json::array())) {
    draft.targets.push_back({t.value("type", ""), t.value("ref", "")});
  }
  return draft;
}

Response Create(const ApiContext& ctx, const access::Principal& who, const Request& request,
                store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kInspections); !s.ok()) return ErrorResponse(s);
  StatusOr<insp::InspectionDraft> draft = ParseDraft(request);
  if (!draft.ok()) return ErrorResponse(draft.status());
  // Every target must lie within the user's jurisdiction (a target unknown to the ledger is
  // left to CreateInspection's 400).
  for (const insp::TargetDraft& t : draft->targets) {
    std::string region;
    if (t.type == "project") {
      auto rs = conn.Query("SELECT region_code FROM projects WHERE project_id = ?", {t.ref});
      if (rs.ok() && !rs->empty()) region = rs->at(0, 0).AsText();
    } else if (t.type == "org") {
      auto rs = conn.Query("SELECT region_code FROM organizations WHERE org_id = ?", {t.ref});
      if (rs.ok() && !rs->empty()) region = rs->at(0, 0).AsText();
    } else {
      region = t.ref;
    }
    if (!region.empty() && !who.scope.Allows(region)) {
      ctx.audit(who, request, "create.inspection", t.ref, "outside_jurisdiction");
      return ErrorResponse(PermissionDeniedError("检查对象“" + t.ref + "”不在您的管辖范围内",
                                                 "outside_jurisdiction"));
    }
  }
  StatusOr<std::int64_t> id = insp::CreateInspection(conn, *draft, ActorOf(who));
  if (!id.ok()) {
    ctx.audit(who, request, "create.inspection", "", id.status().reason());
    return ErrorResponse(id.status());
  }
  ctx.audit(who, request, "create.inspection", std::to_string(*id), "ok");
  StatusOr<insp::Inspection> in = insp::LoadInspection(conn, *id);
  if (!in.ok()) return ErrorResponse(in.status());
  return JsonResponse(201, Detail(who, *in, {}));
}

Response GetOne(const ApiContext& ctx, const access::Principal& who, const Request& request,
                store::Connection& conn) {
  StatusOr<insp::Inspection> in = Visible(ctx, who, request, conn, "read.inspection");
  if (!in.ok()) return ErrorResponse(in.status());
  StatusOr<std::vector<supervision::WorkflowEvent>> events =
      supervision::EventsOf(conn, "inspection", in->id);
  if (!events.ok()) return ErrorResponse(events.status());
  // Members are named persons: the read is audited.
  ctx.audit(who, request, "read.inspection", std::to_string(in->id), "ok");
  return JsonResponse(200, Detail(who, *in, *events));
}

json TiesJson(const std::vector<insp::Tie>& ties) {
  json out = json::array();
  for (const insp::Tie& t : ties) out.push_back({{"reason", t.reason}, {"detail", t.detail}});
  return out;
}

Response PlanRoute(const ApiContext& ctx, const access::Principal& who, const Request& request,
                   store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kInspections); !s.ok()) return ErrorResponse(s);
  StatusOr<insp::Inspection> in = Visible(ctx, who, request, conn, "plan.inspection");
  if (!in.ok()) return ErrorResponse(in.status());
  int max_load = 0;
  if (!request.body.empty()) {
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object())
      return ErrorResponse(InvalidArgumentError("请求体应为 JSON 对象", "bad_body"));
    max_load = body.value("max_load", 0);
    if (max_load < 0)
      return ErrorResponse(InvalidArgumentError("max_load 不能为负数", "bad_max_load"));
  }
  StatusOr<insp::PlanProposal> proposal =
      insp::PlanInspection(conn, in->id, ActorOf(who), max_load);
  const std::string target = std::to_string(in->id);
  if (!proposal.ok()) {
    ctx.audit(who, request, "plan.inspection", target, proposal.status().reason());
    return TransitionErrorResponse(proposal.status(), insp::InspectionMachine(), in->state);
  }
  const insp::PlanResult& r = proposal->result;
  if (!r.feasible) {
    // 422: the request was understood, but no tie-free plan exists; details say why.
    json blocked = json::array();
    for (int t : r.blocked_targets) {
      json members = json::array();
      for (size_t m = 0; m < in->members.size(); ++m) {
        members.push_back({{"seq", in->members[m].seq},
                           {"name", access::NameFor(who.scope, in->members[m].name)},
                           {"ties", TiesJson(proposal->ties[m][t])}});
      }
      blocked.push_back({{"seq", in->targets[t].seq},
                         {"label", in->targets[t].label},
                         {"members", std::move(members)}});
    }
    ctx.audit(who, request, "plan.inspection", target, r.reason);
    return HttpErrorResponse(422, r.reason, r.message, {{"blocked_targets", std::move(blocked)}});
  }
  ctx.audit(who, request, "plan.inspection", target, "ok");
  json assignment = json::array();
  for (size_t t = 0; t < r.teams.size(); ++t) {
    json team = json::array();
    for (int m : r.teams[t]) team.push_back(in->members[m].seq);
    assignment.push_back({{"target_seq", in->targets[t].seq},
                          {"label", in->targets[t].label},
                          {"members", std::move(team)}});
  }
  json load = json::array();
  for (size_t m = 0; m < r.load.size(); ++m) {
    load.push_back({{"seq", in->members[m].seq}, {"targets", r.load[m]}});
  }
  return JsonResponse(200, {{"feasible", true},
                            {"assignment", std::move(assignment)},
                            {"load", std::move(load)},
                            {"max_load", r.max_load}});
}

Response TransitionRoute(const ApiContext& ctx, const access::Principal& who,
                         const Request& request, store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kInspections); !s.ok()) return ErrorResponse(s);
  StatusOr<insp::Inspection> in = Visible(ctx, who, request, conn, "transition.inspection");
  if (!in.ok()) return ErrorResponse(in.status());
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("to") || !body["to"].is_string()) {
    return ErrorResponse(InvalidArgumentError("请求体须含目标状态 to", "bad_body"));
  }
  const std::string to = body["to"].get<std::string>();
  const std::string reason = body.value("reason", "");
  Status moved = insp::MoveInspection(conn, in->id, to, ActorOf(who), reason);
  const std::string target = std::to_string(in->id);
  ctx.audit(who, request, "transition.inspection." + to, target,
            moved.ok() ? "ok" : moved.reason());
  if (!moved.ok()) return TransitionErrorResponse(moved, insp::InspectionMachine(), in->state);
  StatusOr<insp::Inspection> after = insp::LoadInspection(conn, in->id);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(200, Summary(*after));
}

Response FindingRoute(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kInspections); !s.ok()) return ErrorResponse(s);
  StatusOr<insp::Inspection> in = Visible(ctx, who, request, conn, "finding.inspection");
  if (!in.ok()) return ErrorResponse(in.status());
  const json body = json::parse(request.body, nullptr, false);
  if (!body.is_object())
    return ErrorResponse(InvalidArgumentError("请求体应为 JSON 对象", "bad_body"));
  insp::FindingDraft f;
  f.category = body.value("category", "");
  f.behaviour = body.value("behaviour", "");
  f.title = body.value("title", "");
  f.description = body.value("description", "");
  f.region_code = body.value("region_code", "");
  f.responsible_org_id = body.value("responsible_org_id", "");
  f.amount_fen = body.value("amount_fen", static_cast<std::int64_t>(0));
  f.target_seq = body.value("target_seq", 0);
  if (!f.region_code.empty() && !who.scope.Allows(f.region_code)) {
    ctx.audit(who, request, "finding.inspection", std::to_string(in->id), "outside_jurisdiction");
    return ErrorResponse(ledger::OutsideJurisdiction());
  }
  StatusOr<std::int64_t> problem = insp::AddFinding(conn, in->id, f, ActorOf(who));
  ctx.audit(who, request, "finding.inspection", std::to_string(in->id),
            problem.ok() ? "ok" : problem.status().reason());
  if (!problem.ok())
    return TransitionErrorResponse(problem.status(), insp::InspectionMachine(), in->state);
  return JsonResponse(201, {{"problem_id", *problem}, {"inspection_id", in->id}});
}

}  // namespace

void RegisterInspectionRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/inspections", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return List(ctx, who, request, conn);
    });
  });
  router.Post("/api/v1/inspections", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return Create(ctx, who, request, conn);
    });
  });
  router.Get("/api/v1/inspections/{id}", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return GetOne(ctx, who, request, conn);
    });
  });
  router.Post("/api/v1/inspections/{id}/plan", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return PlanRoute(ctx, who, request, conn);
    });
  });
  router.Post("/api/v1/inspections/{id}/transitions", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return TransitionRoute(ctx, who, request, conn);
    });
  });
  router.Post("/api/v1/inspections/{id}/findings", [ctx](const Request& request) {
    return Handle(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return FindingRoute(ctx, who, request, conn);
    });
  });
}

}  // namespace sunlight::http
