#include "http/api/audit_routes.h"

#include <nlohmann/json.hpp>

#include "access/access_service.h"
#include "access/audit_log.h"
#include "access/roles.h"
#include "http/api/api_paging.h"
#include "http/error_response.h"
#include "http/response.h"
#include "store/timestamp.h"

namespace sunlight::http {
namespace {

nlohmann::json EntryJson(const access::AuditEntry& e) {
  nlohmann::json details = nlohmann::json::parse(e.details, nullptr, false);
  if (details.is_discarded()) details = e.details;
  return {{"id", e.id},
          {"occurred_at", e.occurred_at},
          {"user_id", e.user_id},
          {"login", e.login},
          {"role", e.role},
          {"org_id", e.org_id},
          {"action", e.action},
          {"target", e.target},
          {"outcome", e.outcome},
          {"remote_address", e.remote_address},
          {"details", std::move(details)},
          {"hash", e.hash}};
}

Response ListAuditRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  if (!access::CapabilitiesOf(who->role).reads_audit) {
    ctx.audit(*who, request, "read.audit", "", "forbidden");
    return ErrorResponse(PermissionDeniedError("只有审计管理员可以查看审计日志", "forbidden"));
  }
  StatusOr<Paging> paging = ParsePaging(request);
  if (!paging.ok()) return ErrorResponse(paging.status());
  access::AuditQuery query;
  query.page = paging->page;
  query.page_size = paging->page_size;
  query.action = std::string(request.Query("action").value_or(""));
  query.login = std::string(request.Query("login").value_or(""));
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<access::AuditPage> page = access::ListAudit(**conn, query);
  if (!page.ok()) return ErrorResponse(page.status());
  ctx.audit(*who, request, "read.audit", "", "ok");
  nlohmann::json items = nlohmann::json::array();
  for (const access::AuditEntry& e : page->items) items.push_back(EntryJson(e));
  return JsonResponse(200, {{"items", std::move(items)},
                            {"total", page->total},
                            {"page", query.page},
                            {"page_size", query.page_size}});
}

// The broken record as far as it is still there (a removed record has no row: only its id).
StatusOr<nlohmann::json> BrokenRecordJson(store::Connection& conn,
                                          const access::AuditVerification& v) {
  nlohmann::json broken = {{"id", *v.first_broken}, {"problem", v.problem}};
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT occurred_at, login, action, target FROM audit_log WHERE id = ?",
                 {*v.first_broken}));
  broken["present"] = !rs.empty();
  if (!rs.empty()) {
    broken["occurred_at"] = rs.at(0, 0).AsText();
    broken["login"] = rs.at(0, 1).AsText();
    broken["action"] = rs.at(0, 2).AsText();
    broken["target"] = rs.at(0, 3).AsText();
  }
  return broken;
}

// The same check as `sunlight verify-audit` (access::VerifyAuditLog), for whoever reads the log.
Response VerifyAuditRoute(const ApiContext& ctx, const Request& request) {
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  if (!access::CapabilitiesOf(who->role).reads_audit) {
    ctx.audit(*who, request, "verify.audit", "", "forbidden");
    return ErrorResponse(PermissionDeniedError("只有审计管理员可以校验审计日志", "forbidden"));
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<access::AuditVerification> v = access::VerifyAuditLog(**conn);
  if (!v.ok()) return ErrorResponse(v.status());
  nlohmann::json broken = nullptr;
  if (!v->ok()) {
    StatusOr<nlohmann::json> record = BrokenRecordJson(**conn, *v);
    if (!record.ok()) return ErrorResponse(record.status());
    broken = *std::move(record);
  }
  const std::string checked_at = store::TimestampNow();
  // Recorded after the check, so the record is not part of what it reports.
  ctx.audit(*who, request, "verify.audit", "", v->ok() ? "ok" : "broken");
  return JsonResponse(200, {{"ok", v->ok()},
                            {"records", v->count},
                            {"first_broken", std::move(broken)},
                            {"checked_at", checked_at}});
}

}  // namespace

void RegisterAuditRoutes(Router& router, const ApiContext& ctx) {
  router.Get("/api/v1/audit",
             [ctx](const Request& request) { return ListAuditRoute(ctx, request); });
  router.Get("/api/v1/audit/verify",
             [ctx](const Request& request) { return VerifyAuditRoute(ctx, request); });
}

}  // namespace sunlight::http
