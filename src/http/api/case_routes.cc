#include "http/api/case_routes.h"

namespace sunlight::http {

void RegisterCaseRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
