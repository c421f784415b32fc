#include "http/api/transfer_routes.h"

#include <string>

#include "access/roles.h"
#include "http/api/api_paging.h"
#include "http/api/clue_routes.h"
#include "http/api/ledger_handler.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/transfers.h"
#include "supervision/work_calendar.h"

namespace sunlight::http {
namespace {

using workflow_api::BodyOf;
using workflow_api::DateField;
using workflow_api::StringField;

std::string IdText(std::int64_t id) { return std::to_string(id); }

// The calendar of data/calendar, loaded once per process.
StatusOr<const supervision::WorkCalendar*> Calendar() {
  static const StatusOr<supervision::WorkCalendar> kCalendar =
      supervision::WorkCalendar::LoadDefault();
  if (!kCalendar.ok()) return kCalendar.status();
  return &*kCalendar;
}

nlohmann::json Text(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json TransferJson(const supervision::TransferRecord& t, std::string_view viewer_org) {
  nlohmann::json items = nlohmann::json::array();
  for (const supervision::TransferItem& item : t.items) {
    items.push_back({{"type", item.type}, {"id", item.id}});
  }
  nlohmann::json j = {
      {"id", t.id},
      {"letter_no", t.letter_no},
      {"from_org_id", t.from_org_id},
      {"to_org_id", t.to_org_id},
      {"from_region", t.from_region},
      {"to_region", t.to_region},
      {"state", t.state},
      {"state_label", std::string(supervision::TransferMachine().Label(t.state))},
      {"sent_on", t.sent_on},
      {"feedback_due", t.feedback_due},
      {"batch_quarter", Text(t.batch_quarter)},
      {"note", t.note},
      {"result", Text(t.result)},
      {"return_reason", Text(t.return_reason)},
      {"sent_at", t.sent_at},
      {"acknowledged_at", Text(t.acknowledged_at)},
      {"concluded_at", Text(t.concluded_at)},
      {"created_by", t.created_by},
      {"direction", t.from_org_id == viewer_org ? "sent" : "received"},
      {"items", items},
  };
  return j;
}

// 403 unless the principal's org is one of the two commissions.
Status CheckParty(const ApiContext& ctx, const access::Principal& who, const Request& request,
                  const supervision::TransferRecord& t, std::string_view action) {
  if (who.org_id == t.from_org_id || who.org_id == t.to_org_id) return Status::Ok();
  if (ctx.audit) ctx.audit(who, request, action, IdText(t.id), "outside_jurisdiction");
  return ledger::OutsideJurisdiction();
}

Response ListTransfers(const ApiContext& ctx, const access::Principal& who, const Request& request,
                       store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
  supervision::TransferFilter filter;
  filter.org_id = who.org_id;
  filter.box = std::string(request.Query("box").value_or(""));
  if (!filter.box.empty() && filter.box != "sent" && filter.box != "received") {
    return ErrorResponse(InvalidArgumentError("box 应为 sent 或 received", "invalid_box"),
                         {{"parameter", "box"}});
  }
  filter.state = std::string(request.Query("state").value_or(""));
  filter.batch_quarter = std::string(request.Query("batch_quarter").value_or(""));
  return ListOrExport(ctx, who, request, "transfers", "read.transfers",
                      [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                        filter.page = page;
                        filter.page_size = page_size;
                        SUNLIGHT_ASSIGN_OR_RETURN(supervision::TransferPage rows,
                                                  supervision::ListTransfers(conn, filter));
                        ListPage out{.total = rows.total};
                        for (const supervision::TransferRecord& t : rows.items) {
                          out.items.push_back(TransferJson(t, who.org_id));
                        }
                        return out;
                      });
}

// The problem as the transfer shows it (the receiver reads carried problems here).
StatusOr<nlohmann::json> ProblemJson(store::Connection& conn, std::int64_t id) {
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, source, category, behaviour, title, description, region_code, "
                 "responsible_org_id, owner_org_id, state, amount_fen FROM problems WHERE id = ?",
                 {id}));
  if (rs.empty()) return nlohmann::json(nullptr);
  store::Row r = rs.row(0);
  return nlohmann::json{{"id", r[0].AsInteger()},         {"source", r[1].AsText()},
                        {"category", r[2].AsText()},      {"behaviour", r[3].AsText()},
                        {"title", r[4].AsText()},         {"description", r[5].AsText()},
                        {"region_code", r[6].AsText()},   {"responsible_org_id", r[7].AsText()},
                        {"owner_org_id", r[8].AsText()},  {"state", r[9].AsText()},
                        {"amount_fen", r[10].AsInteger()}};
}

StatusOr<nlohmann::json> FullTransferJson(store::Connection& conn, const access::Principal& who,
                                          const supervision::TransferRecord& t) {
  nlohmann::json j = TransferJson(t, who.org_id);
  nlohmann::json items = nlohmann::json::array();
  for (const supervision::TransferItem& item : t.items) {
    nlohmann::json entry = {{"type", item.type}, {"id", item.id}};
    if (item.type == "clue") {
      StatusOr<supervision::ClueRecord> clue = supervision::LoadClue(conn, item.id);
      if (clue.ok()) {
        // The informant stays with the sender: a transfer carries the matter, not the source.
        entry["record"] = workflow_api::ClueJson(*clue, who.scope, /*with_informant=*/false);
      }
    } else {
      SUNLIGHT_ASSIGN_OR_RETURN(entry["record"], ProblemJson(conn, item.id));
    }
    items.push_back(std::move(entry));
  }
  j["items"] = items;
  nlohmann::json feedback = nlohmann::json::array();
  for (const supervision::TransferFeedback& f : t.feedback) {
    feedback.push_back({{"id", f.id},
                        {"text", f.text},
                        {"reported_on", f.reported_on},
                        {"author_login", f.author_login},
                        {"author_org", f.author_org},
                        {"created_at", f.created_at}});
  }
  j["feedback"] = feedback;
  j["allowed"] = nlohmann::json::array();
  if (who.org_id == t.to_org_id) {
    for (std::string_view next : supervision::TransferMachine().AllowedNext(t.state)) {
      j["allowed"].push_back(std::string(next));
    }
  }
  return j;
}

Response GetTransfer(const ApiContext& ctx, const access::Principal& who, const Request& request,
                     store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
  StatusOr<std::int64_t> id = RecordIdParam(request, "记录不存在", "transfer_not_found");
  if (!id.ok()) return ErrorResponse(id.status());
  StatusOr<supervision::TransferRecord> t = supervision::LoadTransfer(conn, *id);
  if (!t.ok()) return ErrorResponse(t.status());
  if (Status s = CheckParty(ctx, who, request, *t, "read.transfer"); !s.ok()) {
    return ErrorResponse(s);
  }
  StatusOr<nlohmann::json> body = FullTransferJson(conn, who, *t);
  if (!body.ok()) return ErrorResponse(body.status());
  if (ctx.audit) ctx.audit(who, request, "read.transfer", IdText(*id), "ok");
  return JsonResponse(200, *body);
}

StatusOr<supervision::NewTransfer> TransferFromBody(const Request& request,
                                                    const nlohmann::json& body) {
  supervision::NewTransfer t;
  SUNLIGHT_ASSIGN_OR_RETURN(t.request_key, StringField(body, "request_key"));
  if (t.request_key.empty()) {
    t.request_key = std::string(request.Header("Idempotency-Key").value_or(""));
  }
  SUNLIGHT_ASSIGN_OR_RETURN(t.letter_no, StringField(body, "letter_no"));
  SUNLIGHT_ASSIGN_OR_RETURN(t.to_org_id, StringField(body, "to_org_id"));
  SUNLIGHT_ASSIGN_OR_RETURN(t.batch_quarter, StringField(body, "batch_quarter"));
  SUNLIGHT_ASSIGN_OR_RETURN(t.note, StringField(body, "note"));
  // The sending day is the server's today: a client cannot back-date a transfer.
  t.sent_on = Date::Today();
  SUNLIGHT_ASSIGN_OR_RETURN(std::string due, StringField(body, "feedback_due"));
  if (!due.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(Date day, DateField(body, "feedback_due", t.sent_on));
    t.feedback_due = day;
  }
  if (auto days = body.find("feedback_working_days"); days != body.end() && !days->is_null()) {
    if (!days->is_number_integer() || days->get<int>() < 1 || days->get<int>() > 365) {
      return InvalidArgumentError("feedback_working_days 应为 1–365 的整数",
                                  "invalid_feedback_working_days");
    }
    t.feedback_working_days = days->get<int>();
  }
  auto items = body.find("items");
  if (items != body.end() && !items->is_null()) {
    if (!items->is_array()) return InvalidArgumentError("items 应为数组", "invalid_items");
    for (const nlohmann::json& item : *items) {
      if (!item.is_object() || !item.contains("id") || !item["id"].is_number_integer()) {
        return InvalidArgumentError("items 的元素应为 {\"type\", \"id\"}", "invalid_items");
      }
      SUNLIGHT_ASSIGN_OR_RETURN(std::string type, StringField(item, "type"));
      t.items.push_back({type, item["id"].get<std::int64_t>()});
    }
  }
  return t;
}

// The region of a carried item, for the sender's jurisdiction check ("" when none).
StatusOr<std::string> ItemRegion(store::Connection& conn, const supervision::TransferItem& item) {
  const char* sql = item.type == "clue" ? "SELECT region_code FROM clues WHERE id = ?"
                                        : "SELECT region_code FROM problems WHERE id = ?";
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs, conn.Query(sql, {item.id}));
  return rs.empty() ? std::string() : rs.at(0, 0).AsText();
}

Response SendTransfer(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      store::Connection& conn) {
  if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<supervision::NewTransfer> t = TransferFromBody(request, *body);
  if (!t.ok()) return ErrorResponse(t.status());
  for (const supervision::TransferItem& item : t->items) {
    if (item.type != "clue" && item.type != "problem") continue;  // refused below, as 400
    StatusOr<std::string> region = ItemRegion(conn, item);
    if (!region.ok()) return ErrorResponse(region.status());
    if (!region->empty() && !who.scope.Allows(*region)) {
      if (ctx.audit) {
        ctx.audit(who, request, "transfer.send", item.type + ":" + IdText(item.id),
                  "outside_jurisdiction");
      }
      return ErrorResponse(ledger::OutsideJurisdiction());
    }
  }
  StatusOr<const supervision::WorkCalendar*> calendar = Calendar();
  if (!calendar.ok()) return ErrorResponse(calendar.status());
  StatusOr<supervision::SentTransfer> sent =
      supervision::SendTransfer(conn, ActorOf(who), **calendar, *t);
  if (!sent.ok()) {
    if (ctx.audit) ctx.audit(who, request, "transfer.send", t->to_org_id, sent.status().reason());
    return ErrorResponse(sent.status());
  }
  if (ctx.audit) {
    ctx.audit(who, request, "transfer.send", IdText(sent->id), sent->created ? "ok" : "retry");
  }
  StatusOr<supervision::TransferRecord> stored = supervision::LoadTransfer(conn, sent->id);
  if (!stored.ok()) return ErrorResponse(stored.status());
  StatusOr<nlohmann::json> json = FullTransferJson(conn, who, *stored);
  if (!json.ok()) return ErrorResponse(json.status());
  (*json)["created"] = sent->created;
  // A year without holiday data counted weekends only: say so, the due date may be early.
  StatusOr<Date> sent_on = Date::Parse(stored->sent_on);
  StatusOr<Date> due = Date::Parse(stored->feedback_due);
  if (sent_on.ok() && due.ok()) {
    if (std::optional<std::string> warning = (*calendar)->CoverageWarning(*sent_on, *due)) {
      (*json)["calendar_warning"] = *warning;
    }
  }
  return JsonResponse(sent->created ? 201 : 200, *json);
}

using TransferStep = std::function<Status(store::Connection&, const supervision::Actor&,
                                          std::int64_t id, const nlohmann::json& body)>;

Response StepTransfer(const ApiContext& ctx, const access::Principal& who, const Request& request,
                      store::Connection& conn, std::string_view action, const TransferStep& step) {
  if (Status s = RequireDuty(who, access::Duty::kTransfers); !s.ok()) return ErrorResponse(s);
  StatusOr<nlohmann::json> body = BodyOf(request);
  if (!body.ok()) return ErrorResponse(body.status());
  StatusOr<std::int64_t> id = RecordIdParam(request, "记录不存在", "transfer_not_found");
  if (!id.ok()) return ErrorResponse(id.status());
  StatusOr<supervision::TransferRecord> t = supervision::LoadTransfer(conn, *id);
  if (!t.ok()) return ErrorResponse(t.status());
  if (Status s = CheckParty(ctx, who, request, *t, action); !s.ok()) return ErrorResponse(s);
  Status done = step(conn, ActorOf(who), *id, *body);
  if (ctx.audit) {
    ctx.audit(who, request, action, IdText(*id), done.ok() ? "ok" : std::string(done.reason()));
  }
  if (!done.ok()) {
    StatusOr<supervision::TransferRecord> now = supervision::LoadTransfer(conn, *id);
    return TransitionErrorResponse(done, supervision::TransferMachine(),
                                   now.ok() ? now->state : t->state);
  }
  StatusOr<supervision::TransferRecord> after = supervision::LoadTransfer(conn, *id);
  if (!after.ok()) return ErrorResponse(after.status());
  StatusOr<nlohmann::json> json = FullTransferJson(conn, who, *after);
  if (!json.ok()) return ErrorResponse(json.status());
  return JsonResponse(200, *json);
}

}  // namespace

void RegisterTransferRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/transfers", SessionRoute(ctx, ListTransfers));
  router.Get("/api/v1/transfers/{id}", SessionRoute(ctx, GetTransfer));
  router.Post("/api/v1/transfers", SessionRoute(ctx, SendTransfer));
  RegisterSteps<TransferStep>(
      router, ctx, StepTransfer,
      {
          {"/api/v1/transfers/{id}/acknowledge", "transfer.acknowledge",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json&) { return supervision::AcknowledgeTransfer(conn, actor, id); }},
          {"/api/v1/transfers/{id}/feedback", "transfer.feedback",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string text, StringField(body, "text"));
             SUNLIGHT_ASSIGN_OR_RETURN(Date on, DateField(body, "reported_on", Date::Today()));
             return supervision::AddTransferFeedback(conn, actor, id, text, on).status();
           }},
          {"/api/v1/transfers/{id}/conclude", "transfer.conclude",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string result, StringField(body, "result"));
             return supervision::ConcludeTransfer(conn, actor, id, result);
           }},
          {"/api/v1/transfers/{id}/return", "transfer.return",
           [](store::Connection& conn, const supervision::Actor& actor, std::int64_t id,
              const nlohmann::json& body) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(std::string reason, StringField(body, "reason"));
             return supervision::ReturnTransfer(conn, actor, id, reason);
           }},
      });
}

}  // namespace sunlight::http
