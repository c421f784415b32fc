// What every authenticated API route needs besides the request: the store, the way to
// learn who is asking, and the audit log. Filled in once by RegisterApiRoutes.
//
//   router.Get("/api/v1/households/{id}", [ctx](const Request& request) {
//     StatusOr<access::Principal> who = ctx.authenticate(request);
//     if (!who.ok()) return ErrorResponse(who.status());
//     … if (!who->scope.Allows(region_code)) return ErrorResponse(PermissionDeniedError(…));
//     ctx.audit(*who, request, "read.household", id, "ok");
//   });
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "access/principal.h"
#include "core/status.h"
#include "http/request.h"
#include "store/database.h"

namespace sunlight::access {
class AccessService;
}

namespace sunlight::http {

// The session behind a request (cookie), or 401 (reason "unauthenticated") without one; for a
// state-changing method also checks the X-CSRF-Token header (403, reason "csrf"). A user whose
// temporary password is still unchanged gets 403 "password_change_required" here: only the
// /api/v1/session routes serve them.
using Authenticator = std::function<StatusOr<access::Principal>(const Request& request)>;

// One audit record: a read of personal data, an export, a change, a reveal. `action` is a
// short English slug ("read.household", "export.payments"), `target` the record's id,
// `outcome` "ok" or the refusal's reason. Never pass full ID or card numbers here.
// A failure to write the record is logged on stderr (the sink cannot refuse the request).
using AuditSink =
    std::function<void(const access::Principal& who, const Request& request,
                       std::string_view action, std::string_view target, std::string_view outcome)>;

struct ApiContext {
  store::Database* db = nullptr;
  Authenticator authenticate;
  AuditSink audit;
  // Sessions, passwords, audit writes with details (access/access_service.h). Shared by the
  // routes that hold this context; outlives them.
  std::shared_ptr<access::AccessService> access;
};

}  // namespace sunlight::http
