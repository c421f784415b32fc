#include "http/api/transfer_routes.h"

namespace sunlight::http {

void RegisterTransferRoutes(Router& /*router*/, const ApiContext& /*ctx*/) {}

}  // namespace sunlight::http
