// Status → HTTP error response; see the table in error_response.h.
#include "http/error_response.h"

#include <string>

namespace sunlight::http {
namespace {

constexpr std::string_view kInternalMessage = "服务器内部错误，请稍后重试或联系系统管理员";

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kOutOfRange:
      return 400;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAborted:
      return 409;
    case StatusCode::kResourceExhausted:
      return EndsWith(status.reason(), "too_large") ? 413 : 429;
    case StatusCode::kUnimplemented:
      return 501;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kDeadlineExceeded:
      return 504;
    case StatusCode::kOk:
    case StatusCode::kDataLoss:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

Response HttpErrorResponse(int http_status, std::string_view code, std::string_view message,
                           const nlohmann::json& details) {
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}, {"details", details}}}};
  return JsonResponse(http_status, body);
}

Response ErrorResponse(const Status& status, const nlohmann::json& details) {
  int http_status = HttpStatusFor(status);
  if (http_status == 500) {
    // The code name is safe to show; the message and reason may describe internals.
    std::string_view code = status.ok() ? "internal" : StatusCodeName(status.code());
    return HttpErrorResponse(500, code, kInternalMessage);
  }
  return HttpErrorResponse(http_status, status.reason(), status.message(), details);
}

Response InternalErrorResponse() { return HttpErrorResponse(500, "internal", kInternalMessage); }

}  // namespace sunlight::http
