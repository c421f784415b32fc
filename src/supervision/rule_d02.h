// Rule D02 整改逾期 (spec/rules.md): a rectification task that is open past its deadline, or
// that has had no progress report for more than its cadence allows while open.
//
// Decisions (docs/warning-flow.md):
// - "open" is assigned, claimed, in_progress or reopened. A submitted task waits for its
//   verifier, not its responsible person, and a closed one is done: neither warns.
// - Past its deadline: deadline < as-of (the deadline day itself is still in time).
// - Silent: as-of − (last_report_on, else assigned_on) > report_days of its cadence:
//   report_days (daily, default 1), weekly_report_days (default 7), monthly_report_days
//   (default 31). Calendar days, as the other rules count.
// - One warning per task: subject_type "task", subject_id the task id, region the task's,
//   severity high when past its deadline, else medium; evidence {"tasks": [id], "problems":
//   [problem id], "reasons": ["overdue", "silent"]} — a change of reason is a change of
//   evidence, so a dismissed D02 warning comes back when a silent task also runs late.
// Two forms that tests hold equal: a C++ pass over the loaded task rows (RunD02), and a
// reference SQL query (RunD02Sql).
#pragma once

#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/rule.h"
#include "rules/warning.h"
#include "store/connection.h"

namespace sunlight::supervision {

// {"report_days": 1, "weekly_report_days": 7, "monthly_report_days": 31}.
rules::ParamValues D02DefaultParams();

// Missing parameters take their defaults. Results sorted by subject_id; rule, subject_type
// and params set.
StatusOr<std::vector<rules::Warning>> RunD02(store::Connection& conn, Date as_of,
                                             const rules::ParamValues& params);
StatusOr<std::vector<rules::Warning>> RunD02Sql(store::Connection& conn, Date as_of,
                                                const rules::ParamValues& params);

}  // namespace sunlight::supervision
