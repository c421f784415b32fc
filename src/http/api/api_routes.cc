#include "http/api/api_routes.h"

#include <memory>

#include "http/api/api_context.h"
#include "http/api/audit_routes.h"
#include "http/api/ledger_routes.h"
#include "http/api/region_routes.h"
#include "http/api/reveal_routes.h"
#include "http/api/session_routes.h"
#include "http/api/user_routes.h"
#include "http/api/warning_routes.h"
#include "http/health.h"

namespace sunlight::http {

void RegisterApiRoutes(Router& router, store::Database& db, access::AccessOptions options) {
  auto service = std::make_shared<access::AccessService>(db, std::move(options));
  const ApiContext ctx = MakeApiContext(db, service);
  RegisterHealthRoutes(router);
  RegisterRegionRoutes(router, db);
  RegisterSessionRoutes(router, ctx);
  RegisterUserRoutes(router, ctx);
  RegisterAuditRoutes(router, ctx);
  RegisterRevealRoutes(router, ctx);
  // Ledger and supervision routes take `ctx` (authenticate, scope, audit).
  RegisterLedgerRoutes(router, ctx);
  RegisterWarningRoutes(router, ctx);
}

}  // namespace sunlight::http
