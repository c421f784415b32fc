#include "http/api/rectification_routes.h"

#include <functional>
#include <memory>
#include <string>

#include "http/api/api_paging.h"
#include "http/api/list_export.h"
#include "http/api/warning_flow_routes.h"
#include "http/api/workflow_http.h"
#include "store/transaction.h"
#include "supervision/problems.h"
#include "supervision/tasks.h"
#include "supervision/workflow_events.h"

namespace sunlight::http {
namespace {

using flow::FlowRoute;
using json = nlohmann::json;

json Allowed(const supervision::StateMachine& machine, std::string_view state) {
  json next = json::array();
  for (std::string_view s : machine.AllowedNext(state)) next.push_back(std::string(s));
  return next;
}

json ProblemJson(const supervision::ProblemRecord& p) {
  json evidence = json::array();
  for (const supervision::EvidenceLink& e : p.evidence) {
    evidence.push_back({{"kind", e.kind}, {"ref", e.ref}, {"note", e.note}});
  }
  return {{"id", p.id},
          {"source", p.source},
          {"category", p.category},
          {"category_label", std::string(supervision::ProblemCategoryLabel(p.category))},
          {"behaviour", p.behaviour},
          {"title", p.title},
          {"description", p.description},
          {"region_code", p.region_code},
          {"responsible_org_id", p.responsible_org_id},
          {"owner_org_id", p.owner_org_id},
          {"warning_id", p.warning_id ? json(*p.warning_id) : json(nullptr)},
          {"state", p.state},
          {"state_label", std::string(supervision::ProblemMachine().Label(p.state))},
          {"amount_fen", p.amount_fen},
          {"created_by", p.created_by},
          {"created_at", p.created_at},
          {"evidence", evidence}};
}

json TaskJson(const supervision::TaskRecord& t) {
  auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  return {{"id", t.id},
          {"problem_id", t.problem_id},
          {"description", t.description},
          {"measures", t.measures},
          {"deadline", t.deadline},
          {"responsible_org_id", t.responsible_org_id},
          {"responsible_login", t.responsible_login},
          {"cadence", t.cadence},
          {"state", t.state},
          {"state_label", std::string(supervision::TaskMachine().Label(t.state))},
          {"allowed", Allowed(supervision::TaskMachine(), t.state)},
          {"region_code", t.region_code},
          {"assigned_on", or_null(t.assigned_on)},
          {"last_report_on", or_null(t.last_report_on)},
          {"closed_by", or_null(t.closed_by)},
          {"closed_at", or_null(t.closed_at)}};
}

StatusOr<std::string> Base64Decode(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  int buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') break;
    if (c == '\n' || c == '\r') continue;
    const int v = value(c);
    if (v < 0) return InvalidArgumentError("附件内容须为 Base64", "invalid_attachments");
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

FlowRoute TaskRoute(std::optional<access::Duty> duty, std::string_view action,
                    const Request& request) {
  FlowRoute route;
  route.duty = duty;
  route.action = action;
  route.machine = &supervision::TaskMachine();
  const std::string id(request.Param("id"));
  route.current_state = [id](store::Connection& conn) -> StatusOr<std::string> {
    SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskRecord t,
                              supervision::LoadTask(conn, std::stoll(id)));
    return t.state;
  };
  return route;
}

StatusOr<json> TaskWithReports(const access::Principal& who, std::int64_t id,
                               store::Connection& conn) {
  SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskRecord t, supervision::LoadTask(conn, id));
  SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, t.region_code));
  json out = TaskJson(t);
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::TaskReport> reports,
                            supervision::ReportsOfTask(conn, id));
  json items = json::array();
  for (const supervision::TaskReport& r : reports) {
    items.push_back({{"id", r.id},
                     {"kind", r.kind},
                     {"report_on", r.report_on},
                     {"text", r.text},
                     {"author_login", r.author_login},
                     {"created_at", r.created_at},
                     {"attachment_ids", r.attachment_ids}});
  }
  out["reports"] = items;
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::WorkflowEvent> events,
                            supervision::EventsOf(conn, "task", id));
  json history = json::array();
  for (const supervision::WorkflowEvent& e : events) {
    history.push_back({{"from_state", e.from_state},
                       {"to_state", e.to_state},
                       {"actor_login", e.actor_login},
                       {"reason", e.reason},
                       {"occurred_at", e.occurred_at}});
  }
  out["events"] = history;
  return out;
}

using TaskStep = std::function<Status(const access::Principal& who, const json& body,
                                      store::Connection& conn, std::int64_t task_id)>;

void TaskPost(Router& router, const ApiContext& ctx, std::string verb, access::Duty duty,
              TaskStep step, RouteOptions options = {}) {
  const std::string action = "task." + verb;
  router.Post(
      "/api/v1/tasks/{id}/" + verb,
      [ctx, action, duty, step](const Request& request) {
        return flow::Handle(ctx, request, TaskRoute(duty, action, request),
                            [&](const access::Principal& who, const json& body,
                                store::Connection& conn) -> StatusOr<json> {
                              SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
                              SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskRecord t,
                                                        supervision::LoadTask(conn, id));
                              SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, t.region_code));
                              SUNLIGHT_RETURN_IF_ERROR(step(who, body, conn, id));
                              return TaskWithReports(who, id, conn);
                            });
      },
      options);
}

void RegisterProblemRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/problems", [ctx](const Request& request) {
    return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      supervision::ProblemFilter filter;
      filter.region_prefixes = who.scope.region_prefixes;
      filter.region_code = std::string(request.Query("region").value_or(""));
      filter.state = std::string(request.Query("state").value_or(""));
      return ListOrExport(ctx, who, request, "problems", /*read_action=*/"",
                          [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                            filter.page = page;
                            filter.page_size = page_size;
                            SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemPage rows,
                                                      supervision::ListProblems(conn, filter));
                            ListPage out{.total = rows.total};
                            for (const auto& p : rows.items) out.items.push_back(ProblemJson(p));
                            return out;
                          });
    });
  });
  router.Get("/api/v1/problems/{id}", [ctx](const Request& request) {
    FlowRoute route;
    route.action = "read.problem";
    route.audit_success = false;
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const json&, store::Connection& conn) -> StatusOr<json> {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemRecord p,
                                    supervision::LoadProblem(conn, id));
          SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, p.region_code));
          json out = ProblemJson(p);
          SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::TaskRecord> tasks,
                                    supervision::TasksOfProblem(conn, id));
          json items = json::array();
          for (const auto& t : tasks) items.push_back(TaskJson(t));
          out["tasks"] = items;
          return out;
        });
  });
  router.Post("/api/v1/problems", [ctx](const Request& request) {
    FlowRoute route;
    route.duty = access::Duty::kProblems;
    route.action = "problem.create";
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const json& body,
            store::Connection& conn) -> StatusOr<json> {
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemDraft draft, flow::ParseProblemDraft(body));
          if (draft.source.empty()) draft.source = "other";
          if (draft.source == "warning") {
            return InvalidArgumentError("来自预警的问题请通过预警“督促整改”创建", "invalid_source");
          }
          SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, draft.region_code));
          std::vector<supervision::TaskDraft> tasks;
          if (body.contains("tasks")) {
            if (!body["tasks"].is_array())
              return InvalidArgumentError("tasks 须为数组", "invalid_tasks");
            for (const json& t : body["tasks"]) {
              if (!t.is_object()) return InvalidArgumentError("tasks 项须为对象", "invalid_tasks");
              SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskDraft task, flow::ParseTaskDraft(t));
              tasks.push_back(std::move(task));
            }
          }
          // The problem and its tasks in one transaction: all or nothing.
          SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
          const supervision::Actor actor = ActorOf(who);
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                                    supervision::InsertProblem(conn, actor, draft));
          for (const supervision::TaskDraft& task : tasks) {
            SUNLIGHT_RETURN_IF_ERROR(supervision::InsertTask(conn, actor, id, task).status());
          }
          SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemRecord p,
                                    supervision::LoadProblem(conn, id));
          json out = ProblemJson(p);
          SUNLIGHT_ASSIGN_OR_RETURN(std::vector<supervision::TaskRecord> stored,
                                    supervision::TasksOfProblem(conn, id));
          json items = json::array();
          for (const auto& t : stored) items.push_back(TaskJson(t));
          out["tasks"] = items;
          return out;
        });
  });
  router.Post("/api/v1/problems/{id}/tasks", [ctx](const Request& request) {
    FlowRoute route;
    route.duty = access::Duty::kProblems;
    route.action = "problem.add_task";
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const json& body,
            store::Connection& conn) -> StatusOr<json> {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::ProblemRecord p,
                                    supervision::LoadProblem(conn, id));
          SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, p.region_code));
          SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskDraft draft, flow::ParseTaskDraft(body));
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t task_id,
                                    supervision::AddTask(conn, ActorOf(who), id, draft));
          return TaskWithReports(who, task_id, conn);
        });
  });
}

void RegisterTaskRoutes(Router& router, const ApiContext& ctx) {
  using access::Duty;
  router.Get("/api/v1/tasks", [ctx](const Request& request) {
    return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      supervision::TaskFilter filter;
      filter.region_prefixes = who.scope.region_prefixes;
      filter.region_code = std::string(request.Query("region").value_or(""));
      filter.state = std::string(request.Query("state").value_or(""));
      if (request.Query("mine").value_or("") == "1") filter.responsible_login = who.login;
      return ListOrExport(ctx, who, request, "tasks", /*read_action=*/"",
                          [&](std::int64_t page, std::int64_t page_size) -> StatusOr<ListPage> {
                            filter.page = page;
                            filter.page_size = page_size;
                            SUNLIGHT_ASSIGN_OR_RETURN(supervision::TaskPage rows,
                                                      supervision::ListTasks(conn, filter));
                            ListPage out{.total = rows.total};
                            for (const auto& t : rows.items) out.items.push_back(TaskJson(t));
                            return out;
                          });
    });
  });

  router.Get("/api/v1/tasks/{id}", [ctx](const Request& request) {
    FlowRoute route;
    route.action = "read.task";
    route.audit_success = false;
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const json&, store::Connection& conn) -> StatusOr<json> {
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id, flow::PathId(request));
          return TaskWithReports(who, id, conn);
        });
  });
  TaskPost(router, ctx, "claim", Duty::kRectify,
           [](const access::Principal& who, const json&, store::Connection& conn, std::int64_t id) {
             return supervision::ClaimTask(conn, ActorOf(who), id);
           });
  TaskPost(router, ctx, "report", Duty::kRectify,
           [](const access::Principal& who, const json& body, store::Connection& conn,
              std::int64_t id) -> Status {
             SUNLIGHT_ASSIGN_OR_RETURN(Date on, flow::OptionalDate(body, "report_on"));
             return supervision::ReportProgress(conn, ActorOf(who), id, on,
                                                flow::OptionalString(body, "text"));
           });
  TaskPost(router, ctx, "submit", Duty::kRectify,
           [](const access::Principal& who, const json& body, store::Connection& conn,
              std::int64_t id) -> Status {
             std::vector<supervision::AttachmentDraft> files;
             if (body.contains("attachments")) {
               if (!body["attachments"].is_array()) {
                 return InvalidArgumentError("attachments 须为数组", "invalid_attachments");
               }
               for (const json& a : body["attachments"]) {
                 if (!a.is_object()) {
                   return InvalidArgumentError("attachments 项须为对象", "invalid_attachments");
                 }
                 supervision::AttachmentDraft file;
                 file.file_name = flow::OptionalString(a, "file_name");
                 file.content_type = flow::OptionalString(a, "content_type");
                 SUNLIGHT_ASSIGN_OR_RETURN(file.content,
                                           Base64Decode(flow::OptionalString(a, "content_base64")));
                 files.push_back(std::move(file));
               }
             }
             return supervision::SubmitTask(conn, ActorOf(who), id,
                                            flow::OptionalString(body, "text"), files);
           },
           {.body_limit = 30u << 20});
  TaskPost(
      router, ctx, "close", Duty::kProblems,
      [](const access::Principal& who, const json& body, store::Connection& conn, std::int64_t id) {
        return supervision::CloseTask(conn, ActorOf(who), id, flow::OptionalString(body, "note"));
      });
  TaskPost(
      router, ctx, "reject", Duty::kProblems,
      [](const access::Principal& who, const json& body, store::Connection& conn, std::int64_t id) {
        return supervision::RejectTask(conn, ActorOf(who), id,
                                       flow::OptionalString(body, "reason"));
      });
  TaskPost(
      router, ctx, "revisit", Duty::kProblems,
      [](const access::Principal& who, const json& body, store::Connection& conn, std::int64_t id) {
        return supervision::RevisitTask(conn, ActorOf(who), id,
                                        flow::OptionalString(body, "reason"));
      });
}

void RegisterRecoveryRoutes(Router& router, const ApiContext& ctx) {
  router.Post("/api/v1/recoveries", [ctx](const Request& request) {
    FlowRoute route;
    route.duty = access::Duty::kProblems;
    route.action = "recovery.create";
    return flow::Handle(
        ctx, request, route,
        [&](const access::Principal& who, const json& body,
            store::Connection& conn) -> StatusOr<json> {
          supervision::RecoveryDraft draft;
          SUNLIGHT_ASSIGN_OR_RETURN(draft.source_type, flow::RequiredString(body, "source_type"));
          SUNLIGHT_ASSIGN_OR_RETURN(draft.source_id, flow::RequiredInteger(body, "source_id"));
          draft.kind = flow::OptionalString(body, "kind");
          SUNLIGHT_ASSIGN_OR_RETURN(draft.amount_fen, flow::RequiredInteger(body, "amount_fen"));
          SUNLIGHT_ASSIGN_OR_RETURN(Date on, flow::RequiredDate(body, "recovered_on"));
          draft.recovered_on = on.ToString();
          draft.note = flow::OptionalString(body, "note");
          SUNLIGHT_ASSIGN_OR_RETURN(
              std::string region,
              supervision::RecoverySourceRegion(conn, draft.source_type, draft.source_id));
          SUNLIGHT_RETURN_IF_ERROR(flow::RequireRegion(who, region));
          SUNLIGHT_ASSIGN_OR_RETURN(std::int64_t id,
                                    supervision::RecordRecovery(conn, ActorOf(who), draft));
          return json{{"id", id},
                      {"source_type", draft.source_type},
                      {"source_id", draft.source_id},
                      {"kind", draft.kind},
                      {"amount_fen", draft.amount_fen},
                      {"recovered_on", draft.recovered_on},
                      {"note", draft.note}};
        });
  });
}

}  // namespace

void RegisterRectificationRoutes(Router& router, const ApiContext& ctx) {
  RegisterProblemRoutes(router, ctx);
  RegisterTaskRoutes(router, ctx);
  RegisterRecoveryRoutes(router, ctx);
}

}  // namespace sunlight::http
