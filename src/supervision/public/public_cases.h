// 曝光台: typical cases (典型案例) a commission chooses to publish. Only what the commission
// writes is shown (title, summary, region, date, outcome); nothing is drawn from case records,
// so no personal data reaches the public unless a commission wrote it on purpose.
// Publishing and withdrawing are recorded as workflow events (entity "public_case").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/connection.h"
#include "supervision/actor.h"

namespace sunlight::supervision::public_side {

struct NewPublicCase {
  std::string title;
  std::string summary;
  std::string region_code;  // must exist
  std::string case_date;    // YYYY-MM-DD
  std::string outcome;      // 处理结果, as the commission words it
};

// Validates (all fields required, date parsable, region known) and publishes; returns the id.
StatusOr<std::int64_t> PublishCase(store::Connection& conn, const NewPublicCase& c,
                                   const Actor& actor);

// The region of a case (for the caller's jurisdiction check); NotFound "case_not_found".
StatusOr<std::string> CaseRegion(store::Connection& conn, std::int64_t id);

// Withdraws (published = 0) or republishes; FailedPrecondition "wrong_state" when it already
// is so.
Status SetCasePublished(store::Connection& conn, std::int64_t id, bool published,
                        const Actor& actor);

// Published cases, newest date first; `region_prefix` filters when non-empty.
// {"items": [{id, title, summary, region_code, region_name, case_date, outcome}], "total"}.
StatusOr<nlohmann::json> ListPublishedCases(store::Connection& conn, std::string_view region_prefix,
                                            std::int64_t page, std::int64_t page_size);

}  // namespace sunlight::supervision::public_side
