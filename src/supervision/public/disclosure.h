// The public disclosure (村务公开 / 公示) of one village, answering the five questions the
// portal asks: 钱从哪里来 (programmes and allocations reaching the village), 花到哪里去 (subsidy
// totals per item, masked recipients, payments to projects), 干了什么事 (projects with their
// money and progress), 效果怎么样 (households by status, beneficiaries), 有没有问题 (counts of
// problems and rectification tasks, no names).
//
// What never leaves: ID numbers, account numbers, household ids, warnings (a warning is an
// unverified suspicion; only problems a commission confirmed are counted). Personal names are
// masked with MaskName (core/masking.h): 张*明.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::supervision::public_side {

// The disclosure JSON of `village_code` (format in docs/public.md). NotFound
// "village_not_found" for a 12-digit code no region has; InvalidArgument "not_a_village" for a
// region above village level, "bad_region_code" for anything else.
StatusOr<nlohmann::json> VillageDisclosure(store::Connection& conn, std::string_view village_code);

}  // namespace sunlight::supervision::public_side
