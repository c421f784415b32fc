#include "http/api/share_routes.h"

namespace sunlight::http {

void RegisterShareRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
