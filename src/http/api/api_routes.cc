#include "http/api/api_routes.h"

#include <memory>

#include "http/api/api_context.h"
#include "http/api/archive_routes.h"
#include "http/api/audit_routes.h"
#include "http/api/case_routes.h"
#include "http/api/clue_routes.h"
#include "http/api/import_routes.h"
#include "http/api/inspection_routes.h"
#include "http/api/letter_routes.h"
#include "http/api/ledger_routes.h"
#include "http/api/public_routes.h"
#include "http/api/rectification_routes.h"
#include "http/api/region_routes.h"
#include "http/api/reveal_routes.h"
#include "http/api/session_routes.h"
#include "http/api/share_routes.h"
#include "http/api/stats_routes.h"
#include "http/api/transfer_routes.h"
#include "http/api/user_routes.h"
#include "http/api/warning_flow_routes.h"
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
  RegisterShareRoutes(router, ctx);
  // Ledger and supervision routes take `ctx` (authenticate, scope, audit).
  RegisterLedgerRoutes(router, ctx);
  RegisterImportRoutes(router, ctx);
  RegisterWarningRoutes(router, ctx);
  RegisterWarningFlowRoutes(router, ctx);
  RegisterRectificationRoutes(router, ctx);
  RegisterClueRoutes(router, ctx);
  RegisterTransferRoutes(router, ctx);
  RegisterCaseRoutes(router, ctx);
  RegisterLetterRoutes(router, ctx);
  RegisterInspectionRoutes(router, ctx);
  RegisterArchiveRoutes(router, ctx);
  RegisterStatsRoutes(router, ctx);
  // Public side: no login (rate-limited and audited inside).
  RegisterPublicRoutes(router, ctx);
}

}  // namespace sunlight::http
