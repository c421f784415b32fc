// /api/v1/regions: the national division table (public reference data, no personal data).
//
//   GET /api/v1/regions/{code}            one region: name, level, full path, children
//   GET /api/v1/regions?prefix=5205&limit=50   regions whose code starts with prefix
#pragma once

#include "http/router.h"
#include "store/database.h"

namespace sunlight::http {

void RegisterRegionRoutes(Router& router, store::Database& db);

}  // namespace sunlight::http
