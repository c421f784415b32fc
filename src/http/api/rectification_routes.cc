#include "http/api/rectification_routes.h"

namespace sunlight::http {

void RegisterRectificationRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
