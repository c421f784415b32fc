// Statistics (spec/workflows.md "Statistics"): computed from the stored records, never typed
// in, for one region (code prefix) and period, each number with the collection and query that
// list the rows behind it, so that the dashboard can link every number to its rows.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto figures, ComputeStatistics(conn, {"5205", "2026-01-01",
//                                                                   "2026-12-31"}));
//   // figures[i].key "clues.by_channel.petition", .value 3, .collection "clues",
//   // .query "channel=petition&region=5205&from=2026-01-01&to=2026-12-31"
//
// Which date puts a record in the period (docs/inspections-archives-stats.md):
// inspections — their period overlaps; problems — created; clues — received_on; cases —
// filed_on; outcomes — decided_on; payments — pay_date; warnings — as_of; transfers — sent.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "store/connection.h"

namespace sunlight::supervision {

struct StatsQuery {
  std::string region;  // region code prefix, 2–12 digits
  std::string from;    // YYYY-MM-DD, inclusive
  std::string to;      // YYYY-MM-DD, inclusive
};

struct Figure {
  std::string key;    // stable: "warnings.by_rule.A01.dismissal_rate"
  std::string label;  // Chinese: "A01 预警排除率"
  double value = 0;
  std::string unit;        // count | fen | rate (0–1) | days
  std::string collection;  // the list with the rows: "warnings"
  std::string query;       // its query string: "rule=A01&state=dismissed&region=…"
};

// InvalidArgument for a bad region or dates.
StatusOr<std::vector<Figure>> ComputeStatistics(store::Connection& conn, const StatsQuery& query);

}  // namespace sunlight::supervision
