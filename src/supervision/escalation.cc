#include "supervision/escalation.h"

#include <nlohmann/json.hpp>

#include "store/timestamp.h"
#include "store/transaction.h"
#include "supervision/workflow_events.h"

namespace sunlight::supervision {

int EscalationLevelFor(const WorkCalendar& calendar, const EscalationConfig& config, Date due,
                       Date as_of) {
  if (as_of <= due) return 0;
  const int overdue = calendar.WorkingDaysBetween(due, as_of);
  int level = 0;
  for (int threshold : config.level_days) {
    if (overdue >= threshold) ++level;
  }
  return level;
}

std::string_view EscalationLevelLabel(int level) {
  switch (level) {
    case 1:
      return "单位主要负责人";
    case 2:
      return "主管部门";
    case 3:
      return "纪委监委";
    default:
      return "未升级";
  }
}

StatusOr<EscalationResult> EscalateOverdue(store::Connection& conn, Date as_of,
                                           const WorkCalendar& calendar,
                                           const EscalationConfig& config) {
  EscalationResult result;
  const Actor system{"system", "", ""};
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, explanation_due, escalation_level FROM warnings "
                 "WHERE state = 'explanation_requested' AND explanation_due IS NOT NULL "
                 "AND explanation_due < ? ORDER BY id",
                 {as_of.ToString()}));
  for (size_t i = 0; i < rs.size(); ++i) {
    const std::int64_t id = rs.at(i, 0).AsInteger();
    StatusOr<Date> due = Date::Parse(rs.at(i, 1).AsText());
    if (!due.ok()) continue;  // a malformed due date cannot be counted; leave it as it is
    const int current = static_cast<int>(rs.at(i, 2).AsInteger());
    const int level = EscalationLevelFor(calendar, config, *due, as_of);
    if (level <= current) continue;
    SUNLIGHT_RETURN_IF_ERROR(
        conn.Execute("UPDATE warnings SET escalation_level = ?, updated_at = ? WHERE id = ?",
                     {level, store::TimestampNow(), id}));
    const nlohmann::json details = {
        {"escalation_level", level},
        {"working_days_overdue", calendar.WorkingDaysBetween(*due, as_of)},
        {"as_of", as_of.ToString()}};
    SUNLIGHT_RETURN_IF_ERROR(RecordEvent(
        conn, "warning", id, "explanation_requested", "explanation_requested", system,
        "超时未说明，升级至" + std::string(EscalationLevelLabel(level)), details.dump()));
    ++result.escalated;
  }
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return result;
}

}  // namespace sunlight::supervision
