#include "http/api/case_routes.h"

#include <string>

#include "access/masking.h"
#include "access/roles.h"
#include "http/api/api_paging.h"
#include "http/api/clue_routes.h"
#include "http/api/ledger_handler.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/cases.h"
#include "supervision/four_forms.h"

namespace sunlight::http {
namespace {

using workflow_api::BodyOf;
using workflow_api::DateField;
using workflow_api::StringField;

std::string IdText(std::int64_t id) { return std::to_string(id); }

nlohmann::json Text(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json OutcomeJson(const supervision::OutcomeRecord& o, const access::RecordScope& scope) {
  return {{"id", o.id},
          {"case_id", o.case_id ? nlohmann::json(*o.case_id) : nlohmann::json(nullptr)},
          {"person_name", access::NameFor(scope, o.person_name)},
          {"id_number", o.id_number.empty() ? nlohmann::json(nullptr)
                                            : nlohmann::json(access::MaskIdNumber(o.id_number))},
          {"org_id", o.org_id},
          {"region_code", o.region_code},
          {"category", o.category},
          {"category_label", std::string(supervision::OutcomeCategoryLabel(o.category))},
          {"measure", o.measure},
          {"form", o.form},
          {"decided_on", o.decided_on},
          {"deciding_body", o.deciding_body},
          {"created_by", o.created_by},
          {"created_at", o.created_at}};
}

nlohmann::json CaseJson(const supervision::CaseRecord& c, const access::RecordScope& scope,
                        bool full) {
  nlohmann::json j = {{"id", c.id},
                      {"number", c.number},
                      {"title", c.title},
                      {"clue_id", c.clue_id ? nlohmann::json(*c.clue_id) : nlohmann::json(nullptr)},
                      {"org_id", c.org_id},
                      {"region_code", c.region_code},
                      {"state", c.state},
                      {"state_label", std::string(supervision::CaseMachine().Label(c.state))},
                      {"filed_on", c.filed_on},
                      {"decided_on", Text(c.decided_on)},
                      {"created_by", c.created_by},
                      {"created_at", c.created_at},
                      {"updated_at", c.updated_at}};
  if (!full) return j;
  j["outcomes"] = nlohmann::json::array();
  for (const supervision::OutcomeRecord& o : c.outcomes)
    j["outcomes"].push_back(OutcomeJson(o, scope));
  j["recoveries"] = nlohmann::json::array();
  for (const supervision::CaseRecovery& r : c.recoveries) {
    j["recoveries"].push_back({{"id", r.id},
                               {"kind", r.kind},
                               {"amount_fen", r.amount_fen},
                               {"recovered_on", r.recovered_on},
                               {"note", r.note},
                               {"created_by", r.created_by}});
  }
  j["recovered_fen"] = c.recovered_fen;
  j["allowed"] = nlohmann::json::array();
  for (std::string_view next : supervision::CaseMachine().AllowedNext(c.state)) {
    j["allowed"].push_back(std::string(next));
  }
  return j;
}

Response ListCases(const ApiContext& ctx, const access::Principal& who, const Request& request,
                   store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kCases); !s.ok()) return ErrorResponse(s);
  supervision::CaseFilter filter;
  filter.region_prefixes = who.scope.region_prefixes;
  filter.state = std::string(request.Query("state").value_or(""));
  return ListOrExport(ctx, who, request, "cases", "read.cases",
                      [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                        filter.page = page;
                        filter.page_size = page_size;
                        SUNLIGHT_ASSIGN_OR_RETURN(supervision::CasePage rows,
                                                  supervision::ListCases(conn, filter));
                        ListPage out{.total = rows.total};
                        for (const supervision::CaseRecord& c : rows.items) {
                          out.items.push_back(CaseJson(c, who.scope, false));
                        }
                        return out;
                      });
}

// Loads the case and checks the region is in the principal's jurisdiction (403 audited).
StatusOr<supervision::CaseRecord> ReadableCase(const ApiContext& ctx, const access::Principal& who,
                                               const Request& request, store::Connection& conn,
                                               std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                            RecordIdParam(request, "记录不存在", "case_not_found"));
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::CaseRecord c, supervision::LoadCase(conn, id));
  if (!who.scope.Allows(c.region_code)) {
    if (ctx.audit) ctx.audit(who, request, action, IdText(id), "outside_jurisdiction");
    return ledger::OutsideJurisdiction();
  }
  return c;
}

Response GetCase(const ApiContext& ctx, const access::Principal& who, const Request& request,
                 store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kCases); !s.ok()) return ErrorResponse(s);
  StatusOr<supervision::CaseRecord> c = ReadableCase(ctx, who, request, conn, "read.case");
  if (!c.ok()) return ErrorResponse(c.status());
  if (ctx.audit) ctx.audit(who, request, "read.case", IdText(c->id), "ok");
  return JsonResponse(200, CaseJson(*c, who.scope, true));
}

Response FileCase(const ApiContext& ctx, const access::Principal& who, const Request& request,
                  store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kCases); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  supervision::NewCase draft;
  Status parsed = [&]() -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(draft.title, StringField(*body, "title"));
    SUNLIGHT_ASSIGN_OR_RETURN(draft.region_code, StringField(*body, "region_code"));
    SUNLIGHT_ASSIGN_OR_RETURN(draft.filed_on, DateField(*body, "filed_on", Date::Today()));
    if (auto clue = body->find("clue_id"); clue != body->end() && !clue->is_null()) {
      if (!clue->is_number_integer()) {
        return InvalidArgumentError("clue_id 应为整数", "invalid_clue_id");
      }
      draft.clue_id = clue->get<std::int64_t>();
    }
    return Status::Ok();
  }();
  if (!parsed.ok()) return ErrorResponse(parsed);
  draft.org_id = who.org_id;
  // The case's region: given, or the clue's (checked by FileCase); either must be ours.
  std::string region = draft.region_code;
  if (region.empty() && draft.clue_id) {
    StatusOr<store::ResultSet> rs =
        conn.Query("SELECT region_code FROM clues WHERE id = ?", {*draft.clue_id});
    if (!rs.ok()) return ErrorResponse(rs.status());
    if (!rs->empty()) region = rs->at(0, 0).AsText();
  }
  if (!region.empty() && !who.scope.Allows(region)) {
    if (ctx.audit) ctx.audit(who, request, "case.file", region, "outside_jurisdiction");
    return ErrorResponse(ledger::OutsideJurisdiction());
  }
  StatusOr<supervision::FiledCase> filed = supervision::FileCase(conn, ActorOf(who), draft);
  if (!filed.ok()) {
    if (ctx.audit) ctx.audit(who, request, "case.file", "", filed.status().reason());
    if (filed.status().reason() == "wrong_state") {
      return TransitionErrorResponse(filed.status(), supervision::ClueMachine(), "registered");
    }
    return ErrorResponse(filed.status());
  }
  if (ctx.audit) ctx.audit(who, request, "case.file", IdText(filed->id), "ok");
  StatusOr<supervision::CaseRecord> c = supervision::LoadCase(conn, filed->id);
  if (!c.ok()) return ErrorResponse(c.status());
  return JsonResponse(201, CaseJson(*c, who.scope, true));
}

StatusOr<supervision::OutcomeDraft> OutcomeFromBody(const nlohmann::json& body) {
  supervision::OutcomeDraft o;
  SUNLIGHT_ASSIGN_OR_RETURN(o.person_name, StringField(body, "person_name"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.id_number, StringField(body, "id_number"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.org_id, StringField(body, "org_id"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.region_code, StringField(body, "region_code"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.category, StringField(body, "category"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.measure, StringField(body, "measure"));
  SUNLIGHT_ASSIGN_OR_RETURN(o.decided_on, DateField(body, "decided_on", Date::Today()));
  SUNLIGHT_ASSIGN_OR_RETURN(o.deciding_body, StringField(body, "deciding_body"));
  return o;
}

// A change to a case by its own commission.
using CaseStep =
    std::function<Response(const access::Principal& who, const supervision::CaseRecord& c,
                           const nlohmann::json& body, store::Connection& conn)>;

Response StepCase(const ApiContext& ctx, const access::Principal& who, const Request& request,
                  store::Connection& conn, std::string_view action, const CaseStep& step) {
  if (Status s = RequireDuty(who, access::Duty::kCases); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<supervision::CaseRecord> c = ReadableCase(ctx, who, request, conn, action);
  if (!c.ok()) return ErrorResponse(c.status());
  if (c->org_id != who.org_id) {
    if (ctx.audit) ctx.audit(who, request, action, IdText(c->id), "not_handling_org");
    return ErrorResponse(
        PermissionDeniedError("只有立案的纪委监委才能办理该案件", "not_handling_org"));
  }
  Response response = step(who, *c, *body, conn);
  if (ctx.audit) {
    ctx.audit(who, request, action, IdText(c->id), response.status < 300 ? "ok" : "refused");
  }
  return response;
}

Response AdvanceStep(const access::Principal& who, const supervision::CaseRecord& c,
                     const nlohmann::json& body, store::Connection& conn) {
  StatusOr<std::string> to = StringField(body, "to");
  if (!to.ok()) return ErrorResponse(to.status());
  StatusOr<std::string> reason = StringField(body, "reason");
  if (!reason.ok()) return ErrorResponse(reason.status());
  StatusOr<Date> on = DateField(body, "on", Date::Today());
  if (!on.ok()) return ErrorResponse(on.status());
  Status done = supervision::AdvanceCase(conn, ActorOf(who), c.id, *to, *reason, *on);
  if (!done.ok()) return TransitionErrorResponse(done, supervision::CaseMachine(), c.state);
  StatusOr<supervision::CaseRecord> after = supervision::LoadCase(conn, c.id);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(200, CaseJson(*after, who.scope, true));
}

Response OutcomeStep(const access::Principal& who, const supervision::CaseRecord& c,
                     const nlohmann::json& body, store::Connection& conn) {
  StatusOr<supervision::OutcomeDraft> draft = OutcomeFromBody(body);
  if (!draft.ok()) return ErrorResponse(draft.status());
  draft->case_id = c.id;
  if (draft->region_code.empty()) draft->region_code = c.region_code;
  StatusOr<supervision::OutcomeRecord> made =
      supervision::RecordOutcome(conn, ActorOf(who), *draft);
  if (!made.ok()) {
    if (made.status().reason() == "case_not_decided") {
      return ErrorResponse(
          made.status(),
          {{"state", c.state}, {"allowed", nlohmann::json::array({"decided", "appeal"})}});
    }
    return ErrorResponse(made.status());
  }
  return JsonResponse(201, OutcomeJson(*made, who.scope));
}

Response RecoveryStep(const access::Principal& who, const supervision::CaseRecord& c,
                      const nlohmann::json& body, store::Connection& conn) {
  StatusOr<std::string> kind = StringField(body, "kind");
  if (!kind.ok()) return ErrorResponse(kind.status());
  auto amount = body.find("amount_fen");
  if (amount == body.end() || !amount->is_number_integer()) {
    return ErrorResponse(InvalidArgumentError("amount_fen 应为整数（分）", "invalid_amount_fen"),
                         {{"parameter", "amount_fen"}});
  }
  StatusOr<Date> on = DateField(body, "recovered_on", Date::Today());
  if (!on.ok()) return ErrorResponse(on.status());
  StatusOr<std::string> note = StringField(body, "note");
  if (!note.ok()) return ErrorResponse(note.status());
  StatusOr<std::int64_t> id = supervision::RecordCaseRecovery(
      conn, ActorOf(who), c.id, *kind, amount->get<std::int64_t>(), *on, *note);
  if (!id.ok()) return ErrorResponse(id.status());
  StatusOr<supervision::CaseRecord> after = supervision::LoadCase(conn, c.id);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(201, CaseJson(*after, who.scope, true));
}

Response OutcomeOutsideCase(const ApiContext& ctx, const access::Principal& who,
                            const Request& request, store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kCases); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<supervision::OutcomeDraft> draft = OutcomeFromBody(*body);
  if (!draft.ok()) return ErrorResponse(draft.status());
  draft->case_id.reset();
  if (!who.scope.Allows(draft->region_code)) {
    if (ctx.audit)
      ctx.audit(who, request, "outcome.record", draft->region_code, "outside_jurisdiction");
    return ErrorResponse(ledger::OutsideJurisdiction());
  }
  StatusOr<supervision::OutcomeRecord> made =
      supervision::RecordOutcome(conn, ActorOf(who), *draft);
  if (ctx.audit) {
    ctx.audit(who, request, "outcome.record", made.ok() ? IdText(made->id) : "",
              made.ok() ? "ok" : std::string(made.status().reason()));
  }
  if (!made.ok()) return ErrorResponse(made.status());
  return JsonResponse(201, OutcomeJson(*made, who.scope));
}

Response ListMeasures() {
  nlohmann::json items = nlohmann::json::array();
  for (const supervision::MeasureInfo& m : supervision::Measures()) {
    items.push_back({{"category", std::string(m.category)},
                     {"category_label", std::string(supervision::OutcomeCategoryLabel(m.category))},
                     {"measure", std::string(m.measure)},
                     {"form", m.form},
                     {"outside_case", m.outside_case}});
  }
  return JsonResponse(200, {{"items", items}});
}

}  // namespace

void RegisterCaseRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/cases", SessionRoute(ctx, ListCases));
  router.Get("/api/v1/cases/{id}", SessionRoute(ctx, GetCase));
  router.Post("/api/v1/cases", SessionRoute(ctx, FileCase));
  router.Post("/api/v1/outcomes", SessionRoute(ctx, OutcomeOutsideCase));
  router.Get("/api/v1/measures", [ctx](const Request& request) {
    return WithSession(ctx, request, [](auto&, auto&) { return ListMeasures(); });
  });
  RegisterSteps<CaseStep>(router, ctx, StepCase,
                          {
                              {"/api/v1/cases/{id}/advance", "case.advance", AdvanceStep},
                              {"/api/v1/cases/{id}/outcomes", "case.outcome", OutcomeStep},
                              {"/api/v1/cases/{id}/recoveries", "case.recovery", RecoveryStep},
                          });
}

}  // namespace sunlight::http
