// Response: what a route handler returns; the server adds the standard headers.
//
//   return JsonResponse(200, {{"items", items}, {"total", total}});
//   return ErrorResponse(NotFoundError("预警不存在", "warning_not_found"));   // error_response.h
//
// The server sets Content-Length, Connection, Date, Server and the security headers
// (security_headers.h) itself, and adds `Cache-Control: no-store` to API responses that do
// not set their own Cache-Control.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/request.h"

namespace sunlight::http {

inline constexpr std::string_view kJsonContentType = "application/json; charset=utf-8";

struct Response {
  int status = 200;
  std::string content_type = std::string(kJsonContentType);
  NameValueList headers;  // extra headers; Content-Length, Connection and the like are ignored
  std::string body;

  // Sets a header, replacing any of the same name (case-insensitive).
  void SetHeader(std::string name, std::string value);
  std::optional<std::string_view> Header(std::string_view name) const;
};

// A JSON response. Invalid UTF-8 in strings is replaced rather than thrown on, so a stray byte
// in stored data cannot turn into a 500.
Response JsonResponse(int status, const nlohmann::json& body);

// Parses a request body as JSON; InvalidArgument (HTTP 400) with a Chinese message if it is
// not JSON.
StatusOr<nlohmann::json> ParseJsonBody(const Request& request);

}  // namespace sunlight::http
