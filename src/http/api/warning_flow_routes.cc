#include "http/api/warning_flow_routes.h"

namespace sunlight::http {

void RegisterWarningFlowRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
