// The JSON API's route table: every /api/v1 route the server answers, registered in one place.
#pragma once

#include "access/access_service.h"
#include "http/router.h"
#include "store/database.h"

namespace sunlight::http {

// Registers every API route, with access control configured by `options` (lockout, idle
// timeout, Argon2 cost). REQUIRES: `db` outlives the server the router is given to.
void RegisterApiRoutes(Router& router, store::Database& db, access::AccessOptions options = {});

}  // namespace sunlight::http
