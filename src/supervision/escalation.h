// Escalation of unexplained warnings (超时升级, spec/workflows.md "Warning"): a warning whose
// explanation was requested and not given by its due date rises, by working days past the due
// date, to level 1 (the responsible org's leader), 2 (its supervising department), 3 (the
// commission). Run daily (and by `sunlight scan`); each rise is a workflow event.
#pragma once

#include <array>

#include "core/date.h"
#include "core/status.h"
#include "store/connection.h"
#include "supervision/work_calendar.h"

namespace sunlight::supervision {

struct EscalationConfig {
  // Working days past explanation_due after which levels 1, 2, 3 are reached (ascending).
  std::array<int, 3> level_days = {3, 5, 7};
};

// The level a warning due on `due` has reached on `as_of` (0–3): the number of thresholds t
// with WorkingDaysBetween(due, as_of) >= t.
int EscalationLevelFor(const WorkCalendar& calendar, const EscalationConfig& config, Date due,
                       Date as_of);

struct EscalationResult {
  int escalated = 0;  // warnings whose level rose
};

// Raises escalation_level of every warning in state explanation_requested whose level on
// `as_of` is above its stored one, in one transaction, with an event per warning (actor
// "system"; from_state = to_state; details {"escalation_level": n, "working_days_overdue": d}).
// Levels never fall.
StatusOr<EscalationResult> EscalateOverdue(store::Connection& conn, Date as_of,
                                           const WorkCalendar& calendar,
                                           const EscalationConfig& config = {});

// The Chinese name of a level: 1 单位主要负责人, 2 主管部门, 3 纪委监委.
std::string_view EscalationLevelLabel(int level);

}  // namespace sunlight::supervision
