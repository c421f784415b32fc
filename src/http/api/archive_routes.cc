#include "http/api/archive_routes.h"

namespace sunlight::http {

void RegisterArchiveRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
