#include "http/api/inspection_routes.h"

namespace sunlight::http {

void RegisterInspectionRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
