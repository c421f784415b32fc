#include "http/api/clue_routes.h"

#include <memory>
#include <string>

#include "access/masking.h"
#include "access/roles.h"
#include "http/api/api_paging.h"
#include "http/api/ledger_handler.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"

namespace sunlight::http {
namespace workflow_api {

StatusOr<nlohmann::json> BodyOf(const Request& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) {
    return InvalidArgumentError("请求体应为 JSON 对象", "bad_json");
  }
  return body;
}

StatusOr<std::string> StringField(const nlohmann::json& body, std::string_view name) {
  auto it = body.find(std::string(name));
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) {
    return InvalidArgumentError("字段 " + std::string(name) + " 应为字符串",
                                "invalid_" + std::string(name));
  }
  return it->get<std::string>();
}

StatusOr<Date> DateField(const nlohmann::json& body, std::string_view name, Date fallback) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::string text, StringField(body, name));
  if (text.empty()) return fallback;
  StatusOr<Date> day = Date::Parse(text);
  if (!day.ok()) {
    return InvalidArgumentError(
        "字段 " + std::string(name) + " 日期无效：" + day.status().message(),
        "invalid_" + std::string(name));
  }
  return *day;
}

nlohmann::json ClueJson(const supervision::ClueRecord& clue, const access::RecordScope& scope,
                        bool with_informant) {
  nlohmann::json persons = nlohmann::json::array();
  for (const supervision::CluePerson& p : clue.persons) {
    persons.push_back(
        {{"name", access::NameFor(scope, p.name)},
         {"id_number", p.id_number.empty() ? nlohmann::json(nullptr)
                                           : nlohmann::json(access::MaskIdNumber(p.id_number))},
         {"org_name", p.org_name},
         {"position", p.position},
         {"authority", p.authority}});
  }
  auto optional_id = [](const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
  };
  auto optional_text = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  nlohmann::json informant = {{"confidential", clue.informant_confidential}};
  if (with_informant) {
    informant["name"] = optional_text(clue.informant_name);
    informant["contact"] = optional_text(clue.informant_contact);
  } else {
    informant["hidden"] = true;
  }
  return {{"id", clue.id},
          {"number", clue.number},
          {"channel", clue.channel},
          {"channel_label", std::string(supervision::ClueChannelLabel(clue.channel))},
          {"summary", clue.summary},
          {"received_on", clue.received_on},
          {"handling_org_id", clue.handling_org_id},
          {"region_code", clue.region_code},
          {"state", clue.state},
          {"state_label", std::string(supervision::ClueMachine().Label(clue.state))},
          {"proposal", optional_text(clue.proposal)},
          {"approval", optional_text(clue.approval)},
          {"approved_on", optional_text(clue.approved_on)},
          {"disposal", optional_text(clue.disposal)},
          {"disposal_label",
           clue.disposal.empty()
               ? nlohmann::json(nullptr)
               : nlohmann::json(std::string(supervision::DisposalLabel(clue.disposal)))},
          {"result", optional_text(clue.result)},
          {"warning_id", optional_id(clue.warning_id)},
          {"problem_id", optional_id(clue.problem_id)},
          {"case_id", optional_id(clue.case_id)},
          {"persons", persons},
          {"informant", informant},
          {"created_by", clue.created_by},
          {"created_at", clue.created_at},
          {"updated_at", clue.updated_at}};
}

StatusOr<bool> MayReadClue(store::Connection& conn, const access::Principal& who,
                           const supervision::ClueRecord& clue) {
  if (who.scope.Allows(clue.region_code)) return true;
  return supervision::ClueTransferredTo(conn, clue.id, who.org_id);
}

}  // namespace workflow_api

namespace {

using workflow_api::BodyOf;
using workflow_api::DateField;
using workflow_api::StringField;

std::string IdText(std::int64_t id) { return std::to_string(id); }

Response ListClues(const ApiContext& ctx, const access::Principal& who, const Request& request,
                   store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kClues); !s.ok()) return ErrorResponse(s);
  supervision::ClueFilter filter;
  filter.region_prefixes = who.scope.region_prefixes;
  filter.also_org_id = who.org_id;
  filter.state = std::string(request.Query("state").value_or(""));
  filter.channel = std::string(request.Query("channel").value_or(""));
  // Lists name the persons reported: a read of personal data.
  return ListOrExport(ctx, who, request, "clues", "read.clues",
                      [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                        filter.page = page;
                        filter.page_size = page_size;
                        SUNLIGHT_ASSIGN_OR_RETURN(supervision::CluePage rows,
                                                  supervision::ListClues(conn, filter));
                        ListPage out{.total = rows.total};
                        for (const supervision::ClueRecord& clue : rows.items) {
                          out.items.push_back(workflow_api::ClueJson(clue, who.scope,
                                                                     /*with_informant=*/false));
                        }
                        return out;
                      });
}

// Loads the clue and checks the principal may read it (403 audited otherwise).
StatusOr<supervision::ClueRecord> ReadableClue(const ApiContext& ctx, const access::Principal& who,
                                               const Request& request, store::Connection& conn,
                                               std::string_view action) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                            RecordIdParam(request, "记录不存在", "clue_not_found"));
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::ClueRecord clue, supervision::LoadClue(conn, id));
  SUNLIGHT_ASSIGN_OR_RETURN(bool may, workflow_api::MayReadClue(conn, who, clue));
  if (!may) {
    if (ctx.audit) ctx.audit(who, request, action, IdText(id), "outside_jurisdiction");
    return ledger::OutsideJurisdiction();
  }
  return clue;
}

Response GetClue(const ApiContext& ctx, const access::Principal& who, const Request& request,
                 store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kClues); !s.ok()) return ErrorResponse(s);
  StatusOr<supervision::ClueRecord> clue = ReadableClue(ctx, who, request, conn, "read.clue");
  if (!clue.ok()) return ErrorResponse(clue.status());
  const bool informant = access::HasDuty(who.role, access::Duty::kInformants);
  if (ctx.audit) {
    ctx.audit(who, request, "read.clue", IdText(clue->id), "ok");
    // The informant's identity is the most protected field: each view is its own record.
    if (informant) ctx.audit(who, request, "read.clue_informant", IdText(clue->id), "ok");
  }
  return JsonResponse(200, workflow_api::ClueJson(*clue, who.scope, informant));
}

StatusOr<supervision::NewClue> ClueFromBody(const access::Principal& who,
                                            const nlohmann::json& body) {
  supervision::NewClue clue;
  SUNLIGHT_ASSIGN_OR_RETURN(clue.channel, StringField(body, "channel"));
  SUNLIGHT_ASSIGN_OR_RETURN(clue.summary, StringField(body, "summary"));
  SUNLIGHT_ASSIGN_OR_RETURN(clue.received_on, DateField(body, "received_on", Date::Today()));
  SUNLIGHT_ASSIGN_OR_RETURN(clue.region_code, StringField(body, "region_code"));
  SUNLIGHT_ASSIGN_OR_RETURN(clue.handling_org_id, StringField(body, "handling_org_id"));
  if (clue.handling_org_id.empty()) clue.handling_org_id = who.org_id;
  if (auto persons = body.find("persons"); persons != body.end() && !persons->is_null()) {
    if (!persons->is_array()) {
      return InvalidArgumentError("persons 应为数组", "invalid_persons");
    }
    for (const nlohmann::json& p : *persons) {
      if (!p.is_object()) return InvalidArgumentError("persons 的元素应为对象", "invalid_persons");
      supervision::CluePerson person;
      SUNLIGHT_ASSIGN_OR_RETURN(person.name, StringField(p, "name"));
      SUNLIGHT_ASSIGN_OR_RETURN(person.id_number, StringField(p, "id_number"));
      SUNLIGHT_ASSIGN_OR_RETURN(person.org_name, StringField(p, "org_name"));
      SUNLIGHT_ASSIGN_OR_RETURN(person.position, StringField(p, "position"));
      SUNLIGHT_ASSIGN_OR_RETURN(person.authority, StringField(p, "authority"));
      clue.persons.push_back(std::move(person));
    }
  }
  if (auto informant = body.find("informant"); informant != body.end() && informant->is_object()) {
    SUNLIGHT_ASSIGN_OR_RETURN(clue.informant_name, StringField(*informant, "name"));
    SUNLIGHT_ASSIGN_OR_RETURN(clue.informant_contact, StringField(*informant, "contact"));
    clue.informant_confidential = informant->value("confidential", true);
  }
  return clue;
}

Response CreateClue(const ApiContext& ctx, const access::Principal& who, const Request& request,
                    store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kClues); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<supervision::NewClue> clue = ClueFromBody(who, *body);
  if (!clue.ok()) return ErrorResponse(clue.status());
  // A commission registers clues for itself, about matters in its jurisdiction.
  if (clue->handling_org_id != who.org_id || !who.scope.Allows(clue->region_code)) {
    if (ctx.audit)
      ctx.audit(who, request, "create.clue", clue->region_code, "outside_jurisdiction");
    return ErrorResponse(ledger::OutsideJurisdiction());
  }
  StatusOr<supervision::RegisteredClue> made = supervision::RegisterClue(conn, ActorOf(who), *clue);
  if (!made.ok()) return ErrorResponse(made.status());
  if (ctx.audit) ctx.audit(who, request, "create.clue", IdText(made->id), "ok");
  StatusOr<supervision::ClueRecord> stored = supervision::LoadClue(conn, made->id);
  if (!stored.ok()) return ErrorResponse(stored.status());
  const bool informant = access::HasDuty(who.role, access::Duty::kInformants);
  return JsonResponse(201, workflow_api::ClueJson(*stored, who.scope, informant));
}

// One step on a clue by its handling commission.
using ClueStep = std::function<Status(store::Connection&, const supervision::Actor&,
                                      std::int64_t clue_id, const nlohmann::json& body)>;

Response StepClue(const ApiContext& ctx, const access::Principal& who, const Request& request,
                  store::Connection& conn, std::string_view action, const ClueStep& step) {
  if (Status s = RequireDuty(who, access::Duty::kClues); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<supervision::ClueRecord> clue = ReadableClue(ctx, who, request, conn, action);
  if (!clue.ok()) return ErrorResponse(clue.status());
  if (clue->handling_org_id != who.org_id) {
    if (ctx.audit) ctx.audit(who, request, action, IdText(clue->id), "not_handling_org");
    return ErrorResponse(
        PermissionDeniedError("只有承办该线索的纪委监委才能办理", "not_handling_org"));
  }
  Status done = step(conn, ActorOf(who), clue->id, *body);
  if (ctx.audit) {
    ctx.audit(who, request, action, IdText(clue->id),
              done.ok() ? "ok" : std::string(done.reason()));
  }
  if (!done.ok()) {
    // The state now (it may have moved since the load), for details.allowed.
    StatusOr<supervision::ClueRecord> now = supervision::LoadClue(conn, clue->id);
    return TransitionErrorResponse(done, supervision::ClueMachine(),
                                   now.ok() ? now->state : clue->state);
  }
  StatusOr<supervision::ClueRecord> after = supervision::LoadClue(conn, clue->id);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(200, workflow_api::ClueJson(*after, who.scope, false));
}

}  // namespace

void RegisterClueRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/clues", SessionRoute(ctx, ListClues));
  router.Get("/api/v1/clues/{id}", SessionRoute(ctx, GetClue));
  router.Post("/api/v1/clues", SessionRoute(ctx, CreateClue));
  RegisterSteps<ClueStep>(
      router, ctx, StepClue,
      {
          {"/api/v1/clues/{id}/propose", "clue.propose",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string proposal, StringField(body, "proposal"));
             return supervision::ProposeClue(conn, actor, id, proposal);
           }},
          {"/api/v1/clues/{id}/approve", "clue.approve",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string approval, StringField(body, "approval"));
             SUNLIGHT_ASSIGN_OR_RETURN(Date on, DateField(body, "approved_on", Date::Today()));
             return supervision::ApproveClueProposal(conn, actor, id, approval, on);
           }},
          {"/api/v1/clues/{id}/dispose", "clue.dispose",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string disposal, StringField(body, "disposal"));
             return supervision::DisposeClue(conn, actor, id, disposal);
           }},
          {"/api/v1/clues/{id}/conclude", "clue.conclude",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string result, StringField(body, "result"));
             return supervision::ConcludeClue(conn, actor, id, result);
           }},
      });
}

}  // namespace sunlight::http
