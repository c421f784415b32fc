#include "http/api/stats_routes.h"

namespace sunlight::http {

void RegisterStatsRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
