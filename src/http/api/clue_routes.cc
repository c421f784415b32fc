#include "http/api/clue_routes.h"

namespace sunlight::http {

void RegisterClueRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
