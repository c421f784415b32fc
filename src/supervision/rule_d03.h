// Rule D03 移送未反馈 (spec/rules.md): a transfer not acknowledged within ack_days working days,
// or without feedback by its due date.
//
// Decisions (docs/clues-transfers-cases.md):
// - Only open transfers warn: sent, acknowledged, in_progress. Concluded and returned ones are
//   done.
// - Not acknowledged: state sent and WorkingDaysBetween(sent_on, as_of) > ack_days (default 5),
//   working days by the calendar of data/calendar (weekends, holidays, 调休). Sent on a
//   Monday with no holiday, the transfer is still in time on the next Monday (5 working days)
//   and warns from the Tuesday.
// - No feedback: feedback_due < as_of (the due day itself is in time) and no feedback entry
//   reported on or before feedback_due. A late entry does not undo the lateness; concluding
//   the transfer does.
// - One warning per transfer: subject_type "transfer", subject_id its id, region the
//   receiver's (to_region), severity high when feedback is overdue, else medium; evidence
//   {"transfers": [id], "reasons": ["not_acknowledged", "no_feedback"]}.
// Two forms held equal by tests: RunD03 (C++ over the loaded rows, the calendar in memory) and
// RunD03Sql (reference SQL; working days through the work_days table of migration 8, which
// FillWorkDays writes from the same calendar before the query).
#pragma once

#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/rule.h"
#include "rules/warning.h"
#include "store/connection.h"
#include "supervision/work_calendar.h"

namespace sunlight::supervision {

// {"ack_days": 5}.
rules::ParamValues D03DefaultParams();

// With the default calendar (WorkCalendar::LoadDefault, loaded once): the workflow_rules.h
// signature.
StatusOr<std::vector<rules::Warning>> RunD03(store::Connection& conn, Date as_of,
                                             const rules::ParamValues& params);
StatusOr<std::vector<rules::Warning>> RunD03Sql(store::Connection& conn, Date as_of,
                                                const rules::ParamValues& params);
// The same with a given calendar (tests).
StatusOr<std::vector<rules::Warning>> RunD03With(store::Connection& conn,
                                                 const WorkCalendar& calendar, Date as_of,
                                                 const rules::ParamValues& params);
StatusOr<std::vector<rules::Warning>> RunD03SqlWith(store::Connection& conn,
                                                    const WorkCalendar& calendar, Date as_of,
                                                    const rules::ParamValues& params);

// Rewrites work_days for [from, to] from `calendar` (in its own transaction unless one is
// open).
Status FillWorkDays(store::Connection& conn, const WorkCalendar& calendar, Date from, Date to);

}  // namespace sunlight::supervision
