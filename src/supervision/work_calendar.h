// WorkCalendar: which days are working days (工作日) in mainland China, so that deadlines
// given "in working days" (transfer feedback, acknowledgement within 5 working days, D02/D03)
// count the way the commissions count them: weekends off, public holidays off, and the
// make-up working days (调休, a Saturday or Sunday worked in exchange) on.
//
// The holidays change every year by a State Council notice (国务院办公厅关于…部分节假日安排的
// 通知), so they live in data files an operator updates, one per year, under data/calendar/
// (format: data/calendar/README.md). A year without a file falls back to "Monday–Friday"; the
// calendar says so (CoverageWarning), so a page can tell the user the count may be off.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(WorkCalendar cal, WorkCalendar::LoadDefault());
//   Date due = cal.AddWorkingDays(sent, 5);          // 5 working days after `sent`
//   if (cal.WorkingDaysBetween(sent, today) > 5) ... // more than 5 working days have passed
//
// Reasons: calendar_not_found, calendar_bad_line, calendar_bad_date, calendar_conflict,
// calendar_duplicate_year.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace sunlight::supervision {

class WorkCalendar {
 public:
  // A calendar with no year loaded: every year falls back to weekends only.
  WorkCalendar() = default;

  // `path` is one year file or a directory of them (every "*.txt" file in it). Any bad line
  // fails the whole load, with a message naming file, line and field.
  [[nodiscard]] static StatusOr<WorkCalendar> Load(const std::filesystem::path& path);
  // Loads FindCalendarDir().
  [[nodiscard]] static StatusOr<WorkCalendar> LoadDefault();
  // Where the calendar files are: $SUNLIGHT_CALENDAR_DIR if set (must exist), else
  // <source dir>/data/calendar, else ./data/calendar (the way the region data is found).
  [[nodiscard]] static StatusOr<std::filesystem::path> FindCalendarDir();

  // A holiday is never a working day; a make-up day always is; otherwise Monday–Friday.
  bool IsWorkingDay(Date day) const;
  bool IsHoliday(Date day) const;
  bool IsMakeUpWorkday(Date day) const;

  // n > 0: the n-th working day after `from` (`from` itself not counted, whatever it is).
  // n < 0: the |n|-th working day before `from`. n == 0: `from`.
  Date AddWorkingDays(Date from, int n) const;
  // The number of working days d with from < d <= to; negative (-(count of to < d <= from))
  // when to < from. So "more than 5 working days since sent" is WorkingDaysBetween(sent,
  // today) > 5, and AddWorkingDays(from, WorkingDaysBetween(from, to)) == to when `to` is a
  // working day after `from`.
  int WorkingDaysBetween(Date from, Date to) const;

  // Years that have a holiday file loaded.
  const std::set<int>& covered_years() const { return years_; }
  bool Covers(int year) const { return years_.contains(year); }
  // A message in Chinese when some year in [from, to] has no file (the count there used
  // weekends only); nullopt when the whole span is covered.
  std::optional<std::string> CoverageWarning(Date from, Date to) const;

 private:
  Status LoadFile(const std::filesystem::path& file);

  std::set<int> years_;
  std::unordered_set<int32_t> holidays_;  // days_since_epoch
  std::unordered_set<int32_t> workdays_;  // make-up working days, days_since_epoch
};

}  // namespace sunlight::supervision
