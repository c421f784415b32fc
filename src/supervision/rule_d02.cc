#include "supervision/rule_d02.h"

#include <algorithm>
#include <string>

#include "rules/engine.h"

namespace sunlight::supervision {
namespace {

constexpr std::string_view kCode = "D02";

bool IsOpen(std::string_view state) {
  return state == "assigned" || state == "claimed" || state == "in_progress" || state == "reopened";
}

rules::ParamValues WithDefaults(const rules::ParamValues& given) {
  rules::ParamValues params = D02DefaultParams();
  for (const auto& [name, value] : given) params[name] = value;
  return params;
}

int ReportDays(const rules::ParamValues& params, std::string_view cadence) {
  if (cadence == "daily") return static_cast<int>(params.at("report_days"));
  if (cadence == "weekly") return static_cast<int>(params.at("weekly_report_days"));
  return static_cast<int>(params.at("monthly_report_days"));
}

rules::Warning MakeWarning(const std::string& task_id, const std::string& problem_id,
                           const std::string& region, bool overdue, bool silent,
                           const rules::ParamValues& params) {
  rules::Warning w;
  w.rule = std::string(kCode);
  w.subject_type = "task";
  w.subject_id = task_id;
  w.region_code = region;
  w.severity = overdue ? "high" : "medium";
  w.evidence["tasks"].insert(task_id);
  w.evidence["problems"].insert(problem_id);
  if (overdue) w.evidence["reasons"].insert("overdue");
  if (silent) w.evidence["reasons"].insert("silent");
  w.params = rules::ParamsJson(params);
  return w;
}

void Sort(std::vector<rules::Warning>& warnings) {
  std::sort(warnings.begin(), warnings.end(), [](const rules::Warning& a, const rules::Warning& b) {
    return a.subject_id < b.subject_id;
  });
}

}  // namespace

rules::ParamValues D02DefaultParams() {
  return {{"report_days", 1}, {"weekly_report_days", 7}, {"monthly_report_days", 31}};
}

StatusOr<std::vector<rules::Warning>> RunD02(store::Connection& conn, Date as_of,
                                             const rules::ParamValues& given) {
  const rules::ParamValues params = WithDefaults(given);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, problem_id, state, deadline, cadence, assigned_on, last_report_on, "
                 "region_code FROM rectification_tasks"));
  std::vector<rules::Warning> warnings;
  const std::int32_t today = as_of.days_since_epoch();
  for (size_t i = 0; i < rs.size(); ++i) {
    if (!IsOpen(rs.at(i, 2).AsText())) continue;
    StatusOr<Date> deadline = Date::Parse(rs.at(i, 3).AsText());
    const bool overdue = deadline.ok() && deadline->days_since_epoch() < today;
    const std::string last = rs.at(i, 6).is_null() ? rs.at(i, 5).AsText() : rs.at(i, 6).AsText();
    bool silent = false;
    if (!last.empty()) {
      StatusOr<Date> last_day = Date::Parse(last);
      silent = last_day.ok() &&
               today - last_day->days_since_epoch() > ReportDays(params, rs.at(i, 4).AsText());
    }
    if (!overdue && !silent) continue;
    warnings.push_back(MakeWarning(std::to_string(rs.at(i, 0).AsInteger()),
                                   std::to_string(rs.at(i, 1).AsInteger()), rs.at(i, 7).AsText(),
                                   overdue, silent, params));
  }
  Sort(warnings);
  return warnings;
}

StatusOr<std::vector<rules::Warning>> RunD02Sql(store::Connection& conn, Date as_of,
                                                const rules::ParamValues& given) {
  const rules::ParamValues params = WithDefaults(given);
  // "as_of − last > n days" is "last < as_of − n days": dates in ISO text compare as text, so
  // the query needs no engine's date functions. The three limits are bound per cadence.
  const std::string daily = as_of.AddDays(-ReportDays(params, "daily")).ToString();
  const std::string weekly = as_of.AddDays(-ReportDays(params, "weekly")).ToString();
  const std::string monthly = as_of.AddDays(-ReportDays(params, "monthly")).ToString();
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, problem_id, region_code, overdue, silent FROM ("
                 " SELECT t.id, t.problem_id, t.region_code,"
                 "  CASE WHEN t.deadline < ? THEN 1 ELSE 0 END AS overdue,"
                 "  CASE WHEN COALESCE(t.last_report_on, t.assigned_on) <"
                 "   CASE t.cadence WHEN 'daily' THEN ? WHEN 'weekly' THEN ? ELSE ? END"
                 "   THEN 1 ELSE 0 END AS silent"
                 " FROM rectification_tasks t"
                 " WHERE t.state IN ('assigned', 'claimed', 'in_progress', 'reopened')"
                 ") x WHERE overdue = 1 OR silent = 1",
                 {as_of.ToString(), daily, weekly, monthly}));
  std::vector<rules::Warning> warnings;
  for (size_t i = 0; i < rs.size(); ++i) {
    warnings.push_back(MakeWarning(
        std::to_string(rs.at(i, 0).AsInteger()), std::to_string(rs.at(i, 1).AsInteger()),
        rs.at(i, 2).AsText(), rs.at(i, 3).AsInteger() == 1, rs.at(i, 4).AsInteger() == 1, params));
  }
  Sort(warnings);
  return warnings;
}

}  // namespace sunlight::supervision
