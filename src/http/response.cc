// Response helpers and JSON in and out.
#include "http/response.h"

#include <algorithm>

namespace sunlight::http {

void Response::SetHeader(std::string name, std::string value) {
  std::erase_if(headers, [&](const auto& header) { return EqualsIgnoreCase(header.first, name); });
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

Response JsonResponse(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body =
      body.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
  return response;
}

StatusOr<nlohmann::json> ParseJsonBody(const Request& request) {
  nlohmann::json parsed = nlohmann::json::parse(request.body, /*cb=*/nullptr,
                                                /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return InvalidArgumentError("请求体不是有效的 JSON", "bad_json");
  }
  return parsed;
}

}  // namespace sunlight::http
