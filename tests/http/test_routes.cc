// Handlers for the server tests.
#include "test_routes.h"

#include <stdexcept>
#include <thread>

#include "http/error_response.h"
#include "http/health.h"

namespace sunlight::http::testing {

Router MakeTestRouter(TestRouteState& state) {
  Router router;
  RegisterHealthRoutes(router);
  router.Get("/api/v1/echo/{id}", [](const Request& request) {
    nlohmann::json query = nlohmann::json::object();
    for (const auto& [name, value] : request.query) query[name] = value;
    return JsonResponse(200, {{"id", request.Param("id")},
                              {"method", request.method},
                              {"path", request.path},
                              {"query", query},
                              {"remote", request.remote_address}});
  });
  router.Post("/api/v1/echo", [](const Request& request) {
    return JsonResponse(200, {{"size", request.body.size()}, {"body", request.body}});
  });
  router.Post("/api/v1/upload",
              [](const Request& request) {
                return JsonResponse(200, {{"size", request.body.size()}});
              },
              {.body_limit = 8 * 1024});
  router.Get("/api/v1/status/{code}", [](const Request& request) {
    std::string_view code = request.Param("code");
    for (int value = 1; value <= static_cast<int>(StatusCode::kInternal); ++value) {
      auto status_code = static_cast<StatusCode>(value);
      if (StatusCodeName(status_code) == code) {
        return ErrorResponse(Status(status_code, "测试错误：" + std::string(code)));
      }
    }
    return JsonResponse(200, {{"unknown", code}});
  });
  router.Get("/api/v1/throw", [](const Request&) -> Response {
    throw std::runtime_error("boom: internal detail /etc/secret");
  });
  router.Get("/api/v1/throw-int", [](const Request&) -> Response { throw 42; });
  router.Get("/api/v1/bad-status", [](const Request&) {
    Response response;
    response.status = 42;
    return response;
  });
  router.Get("/api/v1/slow", [&state](const Request& request) {
    state.slow_started++;
    int millis = request.Query("ms") ? std::stoi(std::string(*request.Query("ms"))) : 1500;
    std::this_thread::sleep_for(std::chrono::milliseconds(millis));
    state.slow_finished++;
    return JsonResponse(200, {{"slept_ms", millis}});
  });
  router.Get("/api/v1/custom", [](const Request&) {
    Response response = JsonResponse(201, {{"ok", true}});
    response.SetHeader("Cache-Control", "private, max-age=60");
    response.SetHeader("X-Custom", "1");
    response.SetHeader("Content-Length", "999");  // ignored: the server owns framing
    return response;
  });
  router.Get("/api/v1/public/reports/{query_code}",
             [](const Request&) {
               return JsonResponse(200, {{"state", "received"}});
             },
             {.log_pattern_only = true});
  return router;
}

}  // namespace sunlight::http::testing
