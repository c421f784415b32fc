// 惠民资金查询: a villager enters their name and ID number and sees the payments made to them
// and to their household — programme (钱从哪里来), item, amount, date and paying department
// (花到哪里去). A wrong name for an existing ID number gives exactly the answer an unknown ID
// number gives (no oracle for whether an ID exists). The caller rate-limits and audits.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::supervision::public_side {

// {"found": bool, "items": [...], "total_fen": n, "message": "…"}; found is false, items empty
// for no match. InvalidArgument "bad_id_number" / "name_required" for malformed input only.
// Payee names are masked (张*明); no account or ID numbers are returned.
StatusOr<nlohmann::json> SelfQuery(store::Connection& conn, std::string_view name,
                                   std::string_view id_number);

// "5205**********1234": what the audit log may keep of an ID number.
std::string MaskedIdForLog(std::string_view id_number);

}  // namespace sunlight::supervision::public_side
