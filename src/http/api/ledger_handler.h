// The frame of every ledger API handler: WithSession (workflow_http.h: 401 without a session,
// a database connection), the handler's work, and the JSON or error response — or, for a list
// asked with ?format=xlsx (ledger_list.h), the Excel workbook of its rows, audited as
// "export.<collection>" (xlsx_export.h).
#pragma once

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/request.h"
#include "http/response.h"
#include "store/connection.h"

namespace sunlight::http::ledger {

using LedgerWork = std::function<StatusOr<nlohmann::json>(
    const access::Principal& who, const Request& request, store::Connection& conn)>;

// Authenticates, connects, runs `work`, and answers 200 with its JSON or the error body.
// A 400 whose reason is "invalid_<param>" carries details {"parameter": "<param>"}.
Response HandleLedgerRequest(const ApiContext& ctx, const Request& request, const LedgerWork& work);

// 403 "outside_jurisdiction", for a record the scope does not allow.
Status OutsideJurisdiction();

// Checks a single record's regions against the scope: OK when any is allowed, else 403
// (and an audit record of the refusal with `action` and `target`).
Status CheckRecordScope(const ApiContext& ctx, const access::Principal& who, const Request& request,
                        std::string_view action, std::string_view target,
                        std::initializer_list<std::string_view> regions);

}  // namespace sunlight::http::ledger
