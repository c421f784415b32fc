#include "http/api/public_routes.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "core/date.h"
#include "core/masking.h"
#include "http/api/api_paging.h"
#include "http/api/ledger_handler.h"
#include "http/api/list_export.h"
#include "http/api/workflow_http.h"
#include "http/error_response.h"
#include "supervision/public/disclosure.h"
#include "supervision/public/public_cases.h"
#include "supervision/public/public_reports.h"
#include "supervision/public/query_code.h"
#include "supervision/public/rate_limiter.h"
#include "supervision/public/self_query.h"
#include "supervision/work_calendar.h"

namespace sunlight::http {
namespace {

namespace ps = supervision::public_side;

// The limits of the routes anyone may call (docs/public.md "Limits").
struct PublicLimits {
  ps::RateLimiter disclosure{120, 600};  // per address: 120 pages in 10 minutes
  ps::RateLimiter submit{10, 3600};      // per address: 10 reports an hour
  ps::RateLimiter lookup{20, 600};       // per address: 20 query-code lookups in 10 minutes
  ps::RateLimiter self_address{5, 600};  // 惠民资金查询 per address: 5 in 10 minutes
  ps::RateLimiter self_id{5, 600};       // … and per ID number
  ps::RateLimiter cases{120, 600};       // 曝光台 per address
};

// Attachments as base64 in JSON: 5 files of 2 MiB each at most, plus text and the base64
// overhead (4/3).
constexpr size_t kReportBodyLimit = 16u << 20;
constexpr size_t kSmallBodyLimit = 16u << 10;

std::int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Response TooMany(ps::RateLimiter& limiter, const std::string& key) {
  Response r =
      ErrorResponse(ResourceExhaustedError("操作过于频繁，请稍后再试", "too_many_requests"));
  r.SetHeader("Retry-After",
              std::to_string(std::max<std::int64_t>(1, limiter.RetryAfter(key, NowSeconds()))));
  return r;
}

// An audit record of an action without a logged-in user (docs/public.md: actor "public").
void AuditPublic(const ApiContext& ctx, const Request& request, std::string_view action,
                 std::string_view target, std::string_view outcome,
                 const nlohmann::json& details = nlohmann::json::object()) {
  if (!ctx.access) return;
  Status s =
      ctx.access->Audit(nullptr, request.remote_address, action, target, outcome, details.dump());
  if (!s.ok()) std::cerr << "audit: " << s << "\n";
}

// The official working-day calendar (data/calendar/), loaded once. When the files cannot be
// read the calendar counts Monday–Friday only, and the server says so on stderr: a report must
// still be accepted when the calendar is missing.
const supervision::WorkCalendar& Calendar() {
  static const supervision::WorkCalendar kCalendar = [] {
    StatusOr<supervision::WorkCalendar> loaded = supervision::WorkCalendar::LoadDefault();
    if (loaded.ok()) return *std::move(loaded);
    std::cerr << "public reports: working-day calendar not loaded (" << loaded.status()
              << "); counting Monday–Friday only\n";
    return supervision::WorkCalendar();
  }();
  return kCalendar;
}

Date AddWorkingDays(Date from, int n) { return Calendar().AddWorkingDays(from, n); }

std::string StringField(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  if (it == body.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

StatusOr<std::string> DecodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(text.size() * 3 / 4);
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    const int v = value(c);
    if (v < 0) return InvalidArgumentError("附件内容不是有效的 base64", "bad_attachment");
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

StatusOr<ps::NewReport> ParseReport(const Request& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(request));
  if (!body.is_object()) return InvalidArgumentError("请求体应为 JSON 对象", "bad_body");
  ps::NewReport report;
  report.region_code = StringField(body, "region_code");
  report.reported_name = StringField(body, "reported_name");
  report.reported_org = StringField(body, "reported_org");
  report.content = StringField(body, "content");
  report.anonymous = body.value("anonymous", true);
  if (!report.anonymous) {
    report.informant_name = StringField(body, "informant_name");
    report.informant_id_number = StringField(body, "informant_id_number");
    report.informant_contact = StringField(body, "informant_contact");
  }
  if (auto it = body.find("attachments"); it != body.end()) {
    if (!it->is_array()) return InvalidArgumentError("attachments 应为数组", "bad_attachment");
    if (it->size() > ps::kMaxAttachments) {
      return InvalidArgumentError("附件最多 " + std::to_string(ps::kMaxAttachments) + " 个",
                                  "too_many_attachments");
    }
    for (const nlohmann::json& a : *it) {
      if (!a.is_object()) return InvalidArgumentError("附件格式不正确", "bad_attachment");
      const std::string encoded = StringField(a, "content_base64");
      // Refuse before decoding: the decoded size is about 3/4 of the text.
      if (encoded.size() / 4 * 3 > ps::kMaxAttachmentBytes + 3) {
        return ResourceExhaustedError("附件超过 2 MB 上限", "attachment_too_large");
      }
      SUNLIGHT_ASSIGN_OR_RETURN(std::string bytes, DecodeBase64(encoded));
      std::string name = StringField(a, "file_name");
      if (name.empty()) name = "附件";
      report.attachments.push_back({name, StringField(a, "content_type"), std::move(bytes)});
    }
  }
  return report;
}

StatusOr<std::unique_ptr<store::Connection>> Connect(const ApiContext& ctx) {
  return ctx.db->Connect();
}

// ---- the commission's side -------------------------------------------------------------

nlohmann::json ReportJson(const ps::PublicReport& r, bool show_informant) {
  nlohmann::json informant = nullptr;
  if (!r.anonymous) {
    if (show_informant) {
      informant = {{"name", r.informant_name},
                   {"id_number", r.informant_id_number},
                   {"contact", r.informant_contact}};
    } else {
      informant = {{"hidden", true}};
    }
  }
  nlohmann::json repeats = r.repeats;
  return {
      {"id", r.id},
      {"region_code", r.region_code},
      {"region_name", r.region_name},
      {"reported_name", r.reported_name},
      {"reported_org", r.reported_org},
      {"content", r.content},
      {"anonymous", r.anonymous},
      {"informant", informant},
      {"state", r.state},
      {"state_label", std::string(ps::PublicReportMachine().Label(r.state))},
      {"received_on", r.received_on},
      {"acceptance_due", r.acceptance_due},
      {"accepted_on", r.accepted_on.empty() ? nlohmann::json() : nlohmann::json(r.accepted_on)},
      {"concluded_on", r.concluded_on.empty() ? nlohmann::json() : nlohmann::json(r.concluded_on)},
      {"result_due", r.result_due.empty() ? nlohmann::json() : nlohmann::json(r.result_due)},
      {"reply", r.reply.empty() ? nlohmann::json() : nlohmann::json(r.reply)},
      {"replied_on", r.replied_on.empty() ? nlohmann::json() : nlohmann::json(r.replied_on)},
      {"clue_id", r.clue_id ? nlohmann::json(*r.clue_id) : nlohmann::json()},
      {"repeat_of", r.repeat_of ? nlohmann::json(*r.repeat_of) : nlohmann::json()},
      {"repeats", repeats},
      {"attachments", r.attachment_count}};
}

// The report `id` if the principal may handle it: the duty, then the region's jurisdiction.
StatusOr<ps::PublicReport> HandledReport(const ApiContext& ctx, const access::Principal& who,
                                         const Request& request, store::Connection& conn) {
  SUNLIGHT_RETURN_IF_ERROR(RequireDuty(who, access::Duty::kPublicReports));
  SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                            RecordIdParam(request, "举报不存在", "report_not_found"));
  SUNLIGHT_ASSIGN_OR_RETURN(ps::PublicReport report, ps::GetReport(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(ledger::CheckRecordScope(ctx, who, request, "read.public_report",
                                                    std::to_string(id), {report.region_code}));
  return report;
}

using Step = std::function<Status(store::Connection& conn, const ps::PublicReport& report,
                                  const supervision::Actor& actor, const nlohmann::json& body)>;

// A transition route: duty, jurisdiction, the step, an audit record, the report after it. A
// wrong state is 409 with details.allowed.
Response ReportStep(const ApiContext& ctx, const access::Principal& who, const Request& request,
                    store::Connection& conn, std::string_view action, const Step& step) {
  StatusOr<ps::PublicReport> report = HandledReport(ctx, who, request, conn);
  if (!report.ok()) return ErrorResponse(report.status());
  nlohmann::json body = nlohmann::json::object();
  if (!request.body.empty()) {
    StatusOr<nlohmann::json> parsed = ParseJsonBody(request);
    if (!parsed.ok()) return ErrorResponse(parsed.status());
    if (parsed->is_object()) body = *parsed;
  }
  const std::string target = std::to_string(report->id);
  Status done = step(conn, *report, ActorOf(who), body);
  if (ctx.audit) ctx.audit(who, request, action, target, done.ok() ? "ok" : done.reason());
  if (!done.ok()) return TransitionErrorResponse(done, ps::PublicReportMachine(), report->state);
  StatusOr<ps::PublicReport> after = ps::GetReport(conn, report->id);
  if (!after.ok()) return ErrorResponse(after.status());
  return JsonResponse(200,
                      ReportJson(*after, access::HasDuty(who.role, access::Duty::kInformants)));
}

Response HandleStep(const ApiContext& ctx, const Request& request, std::string_view action,
                    const Step& step) {
  return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
    return ReportStep(ctx, who, request, conn, action, step);
  });
}

void RegisterCommissionRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/reports", [ctx](const Request& request) {
    return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      if (Status s = RequireDuty(who, access::Duty::kPublicReports); !s.ok()) {
        return ErrorResponse(s);
      }
      const std::string state(request.Query("state").value_or(""));
      if (!state.empty() && !ps::PublicReportMachine().IsState(state)) {
        return ParameterErrorResponse(
            InvalidArgumentError("未知的状态“" + state + "”", "invalid_state"));
      }
      std::vector<std::string> prefixes = who.scope.region_prefixes;
      if (auto region = request.Query("region"); region && !region->empty()) {
        // A region filter narrows the scope, never widens it.
        if (!who.scope.Allows(*region)) return ErrorResponse(ledger::OutsideJurisdiction());
        prefixes = {std::string(*region)};
      }
      const bool informant = access::HasDuty(who.role, access::Duty::kInformants);
      // Lists carry informants' identities for the intake role: each page read is logged (an
      // export is logged as the export).
      if (informant && ctx.audit && request.Query("format").value_or("json") == "json") {
        ctx.audit(who, request, "read.public_report.informant", "list", "ok");
      }
      return ListOrExport(ctx, who, request, "reports", /*read_action=*/"",
                          [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                            SUNLIGHT_ASSIGN_OR_RETURN(
                                ps::ReportPage rows,
                                ps::ListReports(conn, prefixes, state, page, page_size));
                            ListPage out{.total = rows.total};
                            for (const ps::PublicReport& r : rows.items) {
                              out.items.push_back(ReportJson(r, informant));
                            }
                            return out;
                          });
    });
  });
  router.Get("/api/v1/reports/{id}", [ctx](const Request& request) {
    return ledger::HandleLedgerRequest(
        ctx, request,
        [&ctx](const access::Principal& who, const Request& req,
               store::Connection& conn) -> StatusOr<nlohmann::json> {
          SUNLIGHT_ASSIGN_OR_RETURN(ps::PublicReport report, HandledReport(ctx, who, req, conn));
          const bool informant = access::HasDuty(who.role, access::Duty::kInformants);
          const std::string target = std::to_string(report.id);
          if (ctx.audit) {
            ctx.audit(who, req, "read.public_report", target, "ok");
            if (informant && !report.anonymous) {
              ctx.audit(who, req, "read.public_report.informant", target, "ok");
            }
          }
          return ReportJson(report, informant);
        });
  });
  router.Post("/api/v1/reports/{id}/accept", [ctx](const Request& request) {
    return HandleStep(
        ctx, request, "public_report.accept",
        [](store::Connection& conn, const ps::PublicReport& r, const supervision::Actor& actor,
           const nlohmann::json&) { return ps::AcceptReport(conn, r.id, actor, Date::Today()); });
  });
  router.Post("/api/v1/reports/{id}/reject", [ctx](const Request& request) {
    return HandleStep(ctx, request, "public_report.reject",
                      [](store::Connection& conn, const ps::PublicReport& r,
                         const supervision::Actor& actor, const nlohmann::json& body) {
                        return ps::RejectReport(conn, r.id, actor, Date::Today(),
                                                StringField(body, "reply"));
                      });
  });
  router.Post("/api/v1/reports/{id}/conclude", [ctx](const Request& request) {
    return HandleStep(ctx, request, "public_report.conclude",
                      [](store::Connection& conn, const ps::PublicReport& r,
                         const supervision::Actor& actor, const nlohmann::json&) {
                        return ps::ConcludeReport(conn, r.id, actor, Date::Today(), AddWorkingDays);
                      });
  });
  router.Post("/api/v1/reports/{id}/reply", [ctx](const Request& request) {
    return HandleStep(ctx, request, "public_report.reply",
                      [](store::Connection& conn, const ps::PublicReport& r,
                         const supervision::Actor& actor, const nlohmann::json& body) {
                        return ps::ReplyToReport(conn, r.id, actor, Date::Today(),
                                                 StringField(body, "reply"));
                      });
  });

  // The report becomes a clue of the caller's commission (spec/workflows.md: reports are one
  // channel of clues); the response is the report, whose clue_id names the new clue.
  router.Post("/api/v1/reports/{id}/register-as-clue", [ctx](const Request& request) {
    return HandleStep(ctx, request, "public_report.register_as_clue",
                      [](store::Connection& conn, const ps::PublicReport& r,
                         const supervision::Actor& actor, const nlohmann::json&) -> Status {
                        return ps::RegisterReportAsClue(conn, r.id, actor).status();
                      });
  });

  router.Post(
      "/api/v1/public-cases",
      [ctx](const Request& request) {
        return ledger::HandleLedgerRequest(
            ctx, request,
            [&ctx](const access::Principal& who, const Request& req,
                   store::Connection& conn) -> StatusOr<nlohmann::json> {
              SUNLIGHT_RETURN_IF_ERROR(RequireDuty(who, access::Duty::kPublicReports));
              SUNLIGHT_ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(req));
              if (!body.is_object())
                return InvalidArgumentError("请求体应为 JSON 对象", "bad_body");
              ps::NewPublicCase c{StringField(body, "title"), StringField(body, "summary"),
                                  StringField(body, "region_code"), StringField(body, "case_date"),
                                  StringField(body, "outcome")};
              if (!who.scope.Allows(c.region_code)) {
                if (ctx.audit)
                  ctx.audit(who, req, "public_case.publish", c.region_code, "outside_jurisdiction");
                return ledger::OutsideJurisdiction();
              }
              SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, ps::PublishCase(conn, c, ActorOf(who)));
              if (ctx.audit) ctx.audit(who, req, "public_case.publish", std::to_string(id), "ok");
              return nlohmann::json{{"id", id}, {"published", true}};
            });
      },
      {.body_limit = 64u << 10});
  for (const bool publish : {false, true}) {
    const std::string verb = publish ? "publish" : "withdraw";
    router.Post("/api/v1/public-cases/{id}/" + verb, [ctx, publish, verb](const Request& request) {
      return ledger::HandleLedgerRequest(
          ctx, request,
          [&ctx, publish, &verb](const access::Principal& who, const Request& req,
                                 store::Connection& conn) -> StatusOr<nlohmann::json> {
            SUNLIGHT_RETURN_IF_ERROR(RequireDuty(who, access::Duty::kPublicReports));
            SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                                      RecordIdParam(req, "典型案例不存在", "case_not_found"));
            SUNLIGHT_ASSIGN_OR_RETURN(std::string region, ps::CaseRegion(conn, id));
            SUNLIGHT_RETURN_IF_ERROR(ledger::CheckRecordScope(ctx, who, req, "public_case." + verb,
                                                              std::to_string(id), {region}));
            SUNLIGHT_RETURN_IF_ERROR(ps::SetCasePublished(conn, id, publish, ActorOf(who)));
            if (ctx.audit) ctx.audit(who, req, "public_case." + verb, std::to_string(id), "ok");
            return nlohmann::json{{"id", id}, {"published", publish}};
          });
    });
  }
}

// ---- the public side --------------------------------------------------------------------

void RegisterAnonymousRoutes(Router& router, const ApiContext& ctx,
                             const std::shared_ptr<PublicLimits>& limits) {
  router.Get("/api/v1/public/villages/{code}/disclosure", [ctx, limits](const Request& request) {
    const std::string key = "addr:" + request.remote_address;
    if (!limits->disclosure.Allow(key, NowSeconds())) return TooMany(limits->disclosure, key);
    StatusOr<std::unique_ptr<store::Connection>> conn = Connect(ctx);
    if (!conn.ok()) return ErrorResponse(conn.status());
    StatusOr<nlohmann::json> body = ps::VillageDisclosure(**conn, request.Param("code"));
    if (!body.ok()) return ErrorResponse(body.status());
    return JsonResponse(200, *body);
  });

  router.Post("/api/v1/public/reports",
              [ctx, limits](const Request& request) {
                const std::string key = "addr:" + request.remote_address;
                if (!limits->submit.Allow(key, NowSeconds())) return TooMany(limits->submit, key);
                StatusOr<ps::NewReport> report = ParseReport(request);
                if (!report.ok()) return ErrorResponse(report.status());
                StatusOr<std::unique_ptr<store::Connection>> conn = Connect(ctx);
                if (!conn.ok()) return ErrorResponse(conn.status());
                StatusOr<ps::SubmittedReport> made =
                    ps::SubmitReport(**conn, *report, Date::Today(), AddWorkingDays);
                if (!made.ok()) return ErrorResponse(made.status());
                // The audit log names the report, never the informant or the code.
                AuditPublic(ctx, request, "public_report.submit", std::to_string(made->id), "ok",
                            {{"anonymous", report->anonymous},
                             {"region_code", report->region_code},
                             {"attachments", report->attachments.size()}});
                return JsonResponse(
                    201, {{"query_code", ps::DisplayQueryCode(made->query_code)},
                          {"state", "received"},
                          {"state_label", std::string(ps::PublicReportMachine().Label("received"))},
                          {"received_on", made->received_on},
                          {"acceptance_due", made->acceptance_due},
                          {"message",
                           "举报已收到。请妥善保存查询码，凭查询码可查询受理进度和答复；"
                           "查询码丢失无法找回。"}});
              },
              {.body_limit = kReportBodyLimit});

  router.Get("/api/v1/public/reports/{query_code}", [ctx, limits](const Request& request) {
    const std::string key = "addr:" + request.remote_address;
    if (!limits->lookup.Allow(key, NowSeconds())) return TooMany(limits->lookup, key);
    StatusOr<std::unique_ptr<store::Connection>> conn = Connect(ctx);
    if (!conn.ok()) return ErrorResponse(conn.status());
    StatusOr<ps::ReportStage> stage = ps::StageByCode(**conn, request.Param("query_code"));
    if (!stage.ok()) return ErrorResponse(stage.status());
    auto opt = [](const std::string& s) {
      return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    return JsonResponse(200, {{"state", stage->state},
                              {"state_label", stage->label},
                              {"received_on", stage->received_on},
                              {"acceptance_due", stage->acceptance_due},
                              {"accepted_on", opt(stage->accepted_on)},
                              {"result_due", opt(stage->result_due)},
                              {"reply", opt(stage->reply)},
                              {"replied_on", opt(stage->replied_on)}});
  });

  router.Post("/api/v1/public/self-query",
              [ctx, limits](const Request& request) {
                const std::int64_t now = NowSeconds();
                const std::string addr_key = "addr:" + request.remote_address;
                StatusOr<nlohmann::json> body = ParseJsonBody(request);
                if (!body.ok()) return ErrorResponse(body.status());
                const std::string name = body->is_object() ? StringField(*body, "name") : "";
                const std::string id_number =
                    body->is_object() ? StringField(*body, "id_number") : "";
                const std::string masked = ps::MaskedIdForLog(id_number);
                // Keyed by a hash: the limiter's memory holds no ID numbers.
                const std::string id_key = "id:" + ps::Sha256HexOf(id_number);
                if (!limits->self_address.Allow(addr_key, now)) {
                  AuditPublic(ctx, request, "public.self_query", masked, "too_many_requests");
                  return TooMany(limits->self_address, addr_key);
                }
                if (!limits->self_id.Allow(id_key, now)) {
                  AuditPublic(ctx, request, "public.self_query", masked, "too_many_requests");
                  return TooMany(limits->self_id, id_key);
                }
                StatusOr<std::unique_ptr<store::Connection>> conn = Connect(ctx);
                if (!conn.ok()) return ErrorResponse(conn.status());
                StatusOr<nlohmann::json> result = ps::SelfQuery(**conn, name, id_number);
                if (!result.ok()) {
                  AuditPublic(ctx, request, "public.self_query", masked, result.status().reason());
                  return ErrorResponse(result.status());
                }
                AuditPublic(ctx, request, "public.self_query", masked,
                            result->value("found", false) ? "found" : "no_record",
                            {{"name", MaskName(name)}, {"items", (*result)["items"].size()}});
                return JsonResponse(200, *result);
              },
              {.body_limit = kSmallBodyLimit});

  router.Get("/api/v1/public/cases", [ctx, limits](const Request& request) {
    const std::string key = "addr:" + request.remote_address;
    if (!limits->cases.Allow(key, NowSeconds())) return TooMany(limits->cases, key);
    StatusOr<Paging> paging = ParsePaging(request, 100);
    if (!paging.ok()) return ErrorResponse(paging.status());
    StatusOr<std::unique_ptr<store::Connection>> conn = Connect(ctx);
    if (!conn.ok()) return ErrorResponse(conn.status());
    StatusOr<nlohmann::json> page = ps::ListPublishedCases(
        **conn, request.Query("region").value_or(""), paging->page, paging->page_size);
    if (!page.ok()) return ErrorResponse(page.status());
    return JsonResponse(200, *page);
  });
}

}  // namespace

void RegisterPublicRoutes(Router& router, const ApiContext& ctx) {
  // One set of limits per router (per server), shared by its handlers' copies.
  auto limits = std::make_shared<PublicLimits>();
  RegisterAnonymousRoutes(router, ctx, limits);
  RegisterCommissionRoutes(router, ctx);
}

}  // namespace sunlight::http
