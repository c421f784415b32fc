#include "http/api/workflow_http.h"

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/error_response.h"

namespace sunlight::http {

Response WithSession(const ApiContext& ctx, const Request& request, const SessionWork& work) {
  if (!ctx.authenticate) return ErrorResponse(UnauthenticatedError("请先登录", "unauthenticated"));
  StatusOr<access::Principal> who = ctx.authenticate(request);
  if (!who.ok()) return ErrorResponse(who.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = ctx.db->Connect();
  if (!conn.ok()) return ErrorResponse(conn.status());
  return work(*who, **conn);
}

std::optional<std::int64_t> ParseRecordId(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t id = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  if (id <= 0) return std::nullopt;
  return id;
}

StatusOr<std::int64_t> RecordIdParam(const Request& request, std::string_view message,
                                     std::string_view reason) {
  std::optional<std::int64_t> id = ParseRecordId(request.Param("id"));
  if (!id) return NotFoundError(std::string(message), std::string(reason));
  return *id;
}

Router::Handler SessionRoute(const ApiContext& ctx, RouteWork work) {
  return [ctx, work = std::move(work)](const Request& request) {
    return WithSession(ctx, request, [&](const access::Principal& who, store::Connection& conn) {
      return work(ctx, who, request, conn);
    });
  };
}

Response ParameterErrorResponse(const Status& status) {
  std::string_view reason = status.reason();
  if (status.code() == StatusCode::kInvalidArgument && reason.starts_with("invalid_")) {
    return ErrorResponse(status, {{"parameter", std::string(reason.substr(8))}});
  }
  return ErrorResponse(status);
}

supervision::Actor ActorOf(const access::Principal& who) {
  return supervision::Actor{who.login, who.org_id, who.region_code};
}

Status RequireDuty(const access::Principal& who, access::Duty duty) {
  if (access::HasDuty(who.role, duty)) return Status::Ok();
  return PermissionDeniedError(
      "角色“" + std::string(access::CapabilitiesOf(who.role).label) + "”无权执行此操作",
      "duty_not_allowed");
}

Response TransitionErrorResponse(const Status& status, const supervision::StateMachine& machine,
                                 std::string_view current_state) {
  if (status.reason() != "wrong_state") return ErrorResponse(status);
  nlohmann::json allowed = nlohmann::json::array();
  for (std::string_view next : machine.AllowedNext(current_state)) {
    allowed.push_back(std::string(next));
  }
  return ErrorResponse(status, {{"state", std::string(current_state)}, {"allowed", allowed}});
}

}  // namespace sunlight::http
