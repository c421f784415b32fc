#include "http/api/region_routes.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "http/error_response.h"
#include "http/response.h"
#include "store/region_table.h"

namespace sunlight::http {
namespace {

constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 1000;

nlohmann::json RegionJson(const store::Region& region) {
  return {{"code", region.code},
          {"name", region.name},
          {"level", region.level},
          {"parent_code", region.parent_code.empty() ? nlohmann::json(nullptr)
                                                     : nlohmann::json(region.parent_code)}};
}

StatusOr<nlohmann::json> OneRegion(store::Database& db, std::string_view code) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<store::Region> path, store::Path(*conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<store::Region> children,
                            store::Children(*conn, path.back().code));
  nlohmann::json body = RegionJson(path.back());
  std::string full_name;
  nlohmann::json path_json = nlohmann::json::array();
  for (const store::Region& region : path) {
    if (!full_name.empty()) full_name += " / ";
    full_name += region.name;
    path_json.push_back(RegionJson(region));
  }
  body["full_name"] = full_name;
  body["path"] = std::move(path_json);
  nlohmann::json children_json = nlohmann::json::array();
  for (const store::Region& child : children) children_json.push_back(RegionJson(child));
  body["children"] = std::move(children_json);
  return body;
}

StatusOr<int> ParseLimit(std::optional<std::string_view> text) {
  if (!text) return kDefaultLimit;
  int limit = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || end != text->data() + text->size() || limit < 1 || limit > kMaxLimit) {
    return InvalidArgumentError("limit 须为 1 至 1000 的整数", "bad_limit");
  }
  return limit;
}

StatusOr<nlohmann::json> RegionsByPrefix(store::Database& db, const Request& request) {
  SUNLIGHT_ASSIGN_OR_RETURN(int limit, ParseLimit(request.Query("limit")));
  std::string prefix(request.Query("prefix").value_or(""));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<store::Region> regions,
                            store::FindByPrefix(*conn, prefix, limit));
  nlohmann::json items = nlohmann::json::array();
  for (const store::Region& region : regions) items.push_back(RegionJson(region));
  return nlohmann::json{{"items", std::move(items)}};
}

Response ToResponse(const StatusOr<nlohmann::json>& result) {
  if (!result.ok()) return ErrorResponse(result.status());
  return JsonResponse(200, *result);
}

}  // namespace

void RegisterRegionRoutes(Router& router, store::Database& db) {
  router.Get("/api/v1/regions/{code}", [&db](const Request& request) {
    return ToResponse(OneRegion(db, request.Param("code")));
  });
  router.Get("/api/v1/regions",
             [&db](const Request& request) { return ToResponse(RegionsByPrefix(db, request)); });
}

}  // namespace sunlight::http
