#include "supervision/rule_d03.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "rules/engine.h"
#include "store/transaction.h"

namespace sunlight::supervision {
namespace {

constexpr std::string_view kCode = "D03";

rules::ParamValues WithDefaults(const rules::ParamValues& given) {
  rules::ParamValues params = D03DefaultParams();
  for (const auto& [name, value] : given) params[name] = value;
  return params;
}

int AckDays(const rules::ParamValues& params) { return static_cast<int>(params.at("ack_days")); }

rules::Warning MakeWarning(std::int64_t transfer_id, const std::string& region,
                           bool not_acknowledged, bool no_feedback,
                           const rules::ParamValues& params) {
  rules::Warning w;
  w.rule = std::string(kCode);
  w.subject_type = "transfer";
  w.subject_id = std::to_string(transfer_id);
  w.region_code = region;
  w.severity = no_feedback ? "high" : "medium";
  w.evidence["transfers"].insert(w.subject_id);
  if (not_acknowledged) w.evidence["reasons"].insert("not_acknowledged");
  if (no_feedback) w.evidence["reasons"].insert("no_feedback");
  w.params = rules::ParamsJson(params);
  return w;
}

void Sort(std::vector<rules::Warning>& warnings) {
  std::sort(warnings.begin(), warnings.end(), [](const rules::Warning& a, const rules::Warning& b) {
    return a.subject_id < b.subject_id;
  });
}

StatusOr<const WorkCalendar*> DefaultCalendar() {
  static const StatusOr<WorkCalendar> kCalendar = WorkCalendar::LoadDefault();
  if (!kCalendar.ok()) return kCalendar.status();
  return &*kCalendar;
}

std::optional<Date> ParseDay(const store::Value& v) {
  if (v.is_null()) return std::nullopt;
  StatusOr<Date> d = Date::Parse(v.AsText());
  if (!d.ok()) return std::nullopt;
  return *d;
}

}  // namespace

rules::ParamValues D03DefaultParams() { return {{"ack_days", 5}}; }

StatusOr<std::vector<rules::Warning>> RunD03With(store::Connection& conn,
                                                 const WorkCalendar& calendar, Date as_of,
                                                 const rules::ParamValues& given) {
  const rules::ParamValues params = WithDefaults(given);
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet transfers,
      conn.Query("SELECT id, state, sent_on, feedback_due, to_region FROM transfers "
                 "WHERE state IN ('sent', 'acknowledged', 'in_progress')"));
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet feedback,
                            conn.Query("SELECT transfer_id, reported_on FROM transfer_feedback"));
  // The earliest feedback day of each transfer.
  std::map<std::int64_t, Date> first_feedback;
  for (store::Row row : feedback) {
    std::optional<Date> day = ParseDay(row[1]);
    if (!day) continue;
    auto [it, inserted] = first_feedback.emplace(row[0].AsInteger(), *day);
    if (!inserted && *day < it->second) it->second = *day;
  }
  std::vector<rules::Warning> warnings;
  for (store::Row row : transfers) {
    const std::int64_t id = row[0].AsInteger();
    const std::optional<Date> sent_on = ParseDay(row[2]);
    const std::optional<Date> due = ParseDay(row[3]);
    const bool not_acknowledged = row[1].AsText() == "sent" && sent_on &&
                                  calendar.WorkingDaysBetween(*sent_on, as_of) > AckDays(params);
    bool no_feedback = false;
    if (due && *due < as_of) {
      auto it = first_feedback.find(id);
      no_feedback = it == first_feedback.end() || it->second > *due;
    }
    if (!not_acknowledged && !no_feedback) continue;
    warnings.push_back(MakeWarning(id, row[4].AsText(), not_acknowledged, no_feedback, params));
  }
  Sort(warnings);
  return warnings;
}

Status FillWorkDays(store::Connection& conn, const WorkCalendar& calendar, Date from, Date to) {
  std::optional<store::Transaction> tx;
  if (!conn.in_transaction()) {
    SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction begun, conn.Begin());
    tx.emplace(std::move(begun));
  }
  SUNLIGHT_RETURN_IF_ERROR(conn.Execute("DELETE FROM work_days"));
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::BulkInserter> insert,
                            conn.BulkInsert("work_days", {"day", "working", "wd_index"}));
  std::int64_t index = 0;
  for (Date d = from; d <= to; d = d.AddDays(1)) {
    const bool working = calendar.IsWorkingDay(d);
    if (working) ++index;
    SUNLIGHT_RETURN_IF_ERROR(insert->Add({d.ToString(), working ? 1 : 0, index}));
  }
  SUNLIGHT_RETURN_IF_ERROR(insert->Finish().status());
  if (tx) return tx->Commit();
  return Status::Ok();
}

StatusOr<std::vector<rules::Warning>> RunD03SqlWith(store::Connection& conn,
                                                    const WorkCalendar& calendar, Date as_of,
                                                    const rules::ParamValues& given) {
  const rules::ParamValues params = WithDefaults(given);
  // The day table must hold every sent_on and as_of.
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet span,
                            conn.Query("SELECT MIN(sent_on), MAX(sent_on) FROM transfers "
                                       "WHERE state IN ('sent', 'acknowledged', 'in_progress')"));
  Date from = as_of;
  Date to = as_of;
  if (std::optional<Date> first = ParseDay(span.at(0, 0)); first && *first < from) from = *first;
  if (std::optional<Date> last = ParseDay(span.at(0, 1)); last && *last > to) to = *last;
  SUNLIGHT_RETURN_IF_ERROR(FillWorkDays(conn, calendar, from, to));
  // Working days in (sent_on, as_of] are a.wd_index − s.wd_index; dates in ISO text compare as
  // text.
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn.Query("SELECT id, to_region, not_acknowledged, no_feedback FROM ("
                 " SELECT t.id, t.to_region,"
                 "  CASE WHEN t.state = 'sent' AND a.wd_index - s.wd_index > ? THEN 1 ELSE 0 END"
                 "   AS not_acknowledged,"
                 "  CASE WHEN t.feedback_due < ? AND NOT EXISTS ("
                 "    SELECT 1 FROM transfer_feedback f WHERE f.transfer_id = t.id"
                 "    AND f.reported_on <= t.feedback_due) THEN 1 ELSE 0 END AS no_feedback"
                 " FROM transfers t"
                 " LEFT JOIN work_days s ON s.day = t.sent_on"
                 " LEFT JOIN work_days a ON a.day = ?"
                 " WHERE t.state IN ('sent', 'acknowledged', 'in_progress')"
                 ") x WHERE not_acknowledged = 1 OR no_feedback = 1",
                 {AckDays(params), as_of.ToString(), as_of.ToString()}));
  std::vector<rules::Warning> warnings;
  for (store::Row row : rs) {
    warnings.push_back(MakeWarning(row[0].AsInteger(), row[1].AsText(), row[2].AsInteger() == 1,
                                   row[3].AsInteger() == 1, params));
  }
  Sort(warnings);
  return warnings;
}

StatusOr<std::vector<rules::Warning>> RunD03(store::Connection& conn, Date as_of,
                                             const rules::ParamValues& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(const WorkCalendar* calendar, DefaultCalendar());
  return RunD03With(conn, *calendar, as_of, params);
}

StatusOr<std::vector<rules::Warning>> RunD03Sql(store::Connection& conn, Date as_of,
                                                const rules::ParamValues& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(const WorkCalendar* calendar, DefaultCalendar());
  return RunD03SqlWith(conn, *calendar, as_of, params);
}

}  // namespace sunlight::supervision
