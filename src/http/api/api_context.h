// What every authenticated API route needs besides the request: the store, the way to
// learn who is asking, and the audit log. Filled in once by RegisterApiRoutes.
#pragma once

#include <functional>
#include <string_view>

#include "access/principal.h"
#include "core/status.h"
#include "http/request.h"
#include "store/database.h"

namespace sunlight::http {

// The session behind a request (cookie), or 401 (reason "unauthenticated") without one; for
// a state-changing method also checks the X-CSRF-Token header (403, reason "csrf").
using Authenticator = std::function<StatusOr<access::Principal>(const Request& request)>;

// One audit record: a read of personal data, an export, a change, a reveal. `action` is a
// short English slug ("read.household", "export.payments"), `target` the record's id,
// `outcome` "ok" or the refusal's reason. Never pass full ID or card numbers here.
using AuditSink = std::function<void(const access::Principal& who, const Request& request,
                                     std::string_view action, std::string_view target,
                                     std::string_view outcome)>;

struct ApiContext {
  store::Database* db = nullptr;
  Authenticator authenticate;
  AuditSink audit;
};

}  // namespace sunlight::http
