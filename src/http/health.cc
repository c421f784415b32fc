// The health route.
#include "http/health.h"

namespace sunlight::http {

void RegisterHealthRoutes(Router& router) {
  router.Get("/api/v1/health", [](const Request&) {
    return JsonResponse(200, {{"status", "ok"}});
  });
}

}  // namespace sunlight::http
