// Clue routes (spec/workflows.md "Clue"; docs/clues-transfers-cases.md):
//
//   GET  /api/v1/clues                 ?state=&channel=&page=&page_size=
//   GET  /api/v1/clues/{id}            informant shown only with Duty::kInformants (audited)
//   POST /api/v1/clues                 register
//   POST /api/v1/clues/{id}/propose    {"proposal"}
//   POST /api/v1/clues/{id}/approve    {"approval", "approved_on"}
//   POST /api/v1/clues/{id}/dispose    {"disposal"}
//   POST /api/v1/clues/{id}/conclude   {"result"}
//
// Also the body and id helpers the clue, transfer and case routes share (namespace workflow_api).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/date.h"
#include "core/status.h"
#include "http/api/api_context.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "store/connection.h"
#include "supervision/clues.h"

namespace sunlight::http {

// REQUIRES: ctx.db outlives the server the router is given to.
void RegisterClueRoutes(Router& router, const ApiContext& ctx);

namespace workflow_api {

// The JSON object of the body; 400 "bad_json" otherwise.
StatusOr<nlohmann::json> BodyOf(const Request& request);
// A string member ("" when absent); 400 "invalid_<name>" when present but not a string.
StatusOr<std::string> StringField(const nlohmann::json& body, std::string_view name);
// A date member "YYYY-MM-DD" (or the other forms core/date.h reads); `fallback` when absent.
StatusOr<Date> DateField(const nlohmann::json& body, std::string_view name, Date fallback);

// The clue as JSON: persons' names as the scope allows, ID numbers masked, and the informant
// only when `with_informant` (else {"confidential": …, "hidden": true}).
nlohmann::json ClueJson(const supervision::ClueRecord& clue, const access::RecordScope& scope,
                        bool with_informant);

// Whether the principal may read the clue: its region is in their jurisdiction, or a transfer
// to their org carries it (not returned).
StatusOr<bool> MayReadClue(store::Connection& conn, const access::Principal& who,
                           const supervision::ClueRecord& clue);

}  // namespace workflow_api
}  // namespace sunlight::http
