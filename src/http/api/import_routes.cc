#include "http/api/import_routes.h"

namespace sunlight::http {

void RegisterImportRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
