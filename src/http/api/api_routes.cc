#include "http/api/api_routes.h"

#include "http/api/region_routes.h"
#include "http/health.h"

namespace sunlight::http {

void RegisterApiRoutes(Router& router, store::Database& db) {
  RegisterHealthRoutes(router);
  RegisterRegionRoutes(router, db);
}

}  // namespace sunlight::http
