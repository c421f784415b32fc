#include "http/api/public_routes.h"

namespace sunlight::http {

void RegisterPublicRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
