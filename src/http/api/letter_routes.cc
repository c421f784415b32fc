#include "http/api/letter_routes.h"

namespace sunlight::http {

void RegisterLetterRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
