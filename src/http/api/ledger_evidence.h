// A warning's evidence (spec/rules.md: "evidence names the rows (ids) that prove the
// warning") resolved into those rows, masked, so that a user sees what the rule saw.
//
//   stored:   {"payments": ["P1", "P2"], "bank_accounts": ["6222…"]}
//   returned: {"payments": [{"id": "P1", "rows": [{payment row}]}, ...],
//              "bank_accounts": [{"id": "622202*********8901", "rows": [{account row}]}]}
//
// Ids that are personal numbers (accounts, ID numbers) are masked like every other number.
// The rows are shown because the warning is in the scope, even when a row itself (an official
// of the paired region) lies outside it: they are what the warning is about.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "access/principal.h"
#include "core/status.h"
#include "store/connection.h"

namespace sunlight::http::ledger {

// At most this many ids of one kind are resolved; the rest are listed without rows.
inline constexpr size_t kMaxResolvedEvidence = 200;

// `subject_id` is the warning's (raw) subject: some evidence ids complete its key.
StatusOr<nlohmann::json> ResolveEvidence(store::Connection& conn, const nlohmann::json& evidence,
                                         std::string_view subject_id,
                                         const access::RecordScope& scope);

// A warning subject as it may be shown: people and accounts are named by their numbers.
std::string ShownSubjectId(std::string_view subject_type, std::string_view subject_id);

}  // namespace sunlight::http::ledger
