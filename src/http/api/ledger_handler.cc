#include "http/api/ledger_handler.h"

#include <memory>
#include <string>

#include "http/error_response.h"

namespace sunlight::http::ledger {

Response HandleLedgerRequest(const ApiContext& ctx, const Request& request,
                             const LedgerWork& work) {
  if (!ctx.authenticate) {
    return ErrorResponse(UnauthenticatedError("请先登录", "unauthenticated"));
  }
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  StatusOr<nlohmann::json> body = work(*who, request, **conn);
  if (!body.ok()) {
    const Status& status = body.status();
    std::string_view reason = status.reason();
    if (status.code() == StatusCode::kInvalidArgument && reason.starts_with("invalid_")) {
      return ErrorResponse(status, {{"parameter", std::string(reason.substr(8))}});
    }
    return ErrorResponse(status);
  }
  return JsonResponse(200, *body);
}

Status OutsideJurisdiction() {
  return PermissionDeniedError("该记录不在您的管辖范围内", "outside_jurisdiction");
}

Status CheckRecordScope(const ApiContext& ctx, const access::Principal& who, const Request& request,
                        std::string_view action, std::string_view target,
                        std::initializer_list<std::string_view> regions) {
  for (std::string_view region : regions) {
    if (who.scope.Allows(region)) return Status::Ok();
  }
  if (ctx.audit) ctx.audit(who, request, action, target, "outside_jurisdiction");
  return OutsideJurisdiction();
}

}  // namespace sunlight::http::ledger
