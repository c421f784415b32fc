// The JSON API's route table: every /api/v1 route the server answers, registered in one place.
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace sunlight::http {

// Registers every API route. REQUIRES: `db` outlives the server the router is given to.
void RegisterApiRoutes(Router& router, store::Database& db);

}  // namespace sunlight::http
