#include "supervision/work_calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>

namespace sunlight::supervision {
namespace {

namespace fs = std::filesystem;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Splits off the first whitespace-delimited word.
std::string_view NextWord(std::string_view& rest) {
  rest = Trim(rest);
  size_t end = rest.find_first_of(" \t");
  std::string_view word = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : Trim(rest.substr(end));
  return word;
}

bool IsWeekend(Date day) { return day.DayOfWeek() >= 6; }

}  // namespace

StatusOr<fs::path> WorkCalendar::FindCalendarDir() {
  if (const char* env = std::getenv("SUNLIGHT_CALENDAR_DIR"); env != nullptr && *env != '\0') {
    fs::path dir(env);
    std::error_code ec;
    if (fs::is_directory(dir, ec)) return dir;
    return NotFoundError(
        fmt::format("环境变量 SUNLIGHT_CALENDAR_DIR 指向的目录 {} 不存在", dir.string()),
        "calendar_not_found");
  }
  std::error_code ec;
#ifdef SUNLIGHT_SOURCE_DIR
  {
    fs::path dir = fs::path(SUNLIGHT_SOURCE_DIR) / "data" / "calendar";
    if (fs::is_directory(dir, ec)) return dir;
  }
#endif
  fs::path dir = fs::path("data") / "calendar";
  if (fs::is_directory(dir, ec)) return dir;
  return NotFoundError(
      "找不到工作日历数据目录 data/calendar，请设置环境变量 SUNLIGHT_CALENDAR_DIR 指向它",
      "calendar_not_found");
}

StatusOr<WorkCalendar> WorkCalendar::LoadDefault() {
  SUNLIGHT_ASSIGN_OR_RETURN(fs::path dir, FindCalendarDir());
  return Load(dir);
}

StatusOr<WorkCalendar> WorkCalendar::Load(const fs::path& path) {
  WorkCalendar cal;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        files.push_back(entry.path());
      }
    }
    if (ec) {
      return UnavailableError(
          fmt::format("无法读取工作日历目录 {}：{}", path.string(), ec.message()),
          "calendar_not_found");
    }
    // Sorted, so that an error always names the same file first.
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) SUNLIGHT_RETURN_IF_ERROR(cal.LoadFile(file));
    return cal;
  }
  if (!fs::is_regular_file(path, ec)) {
    return NotFoundError(fmt::format("工作日历文件 {} 不存在", path.string()),
                         "calendar_not_found");
  }
  SUNLIGHT_RETURN_IF_ERROR(cal.LoadFile(path));
  return cal;
}

Status WorkCalendar::LoadFile(const fs::path& file) {
  std::ifstream in(file);
  if (!in) {
    return UnavailableError(fmt::format("无法打开工作日历文件 {}", file.string()),
                            "calendar_not_found");
  }
  const std::string name = file.string();
  int year = 0;
  // Collected first and merged only when the whole file is good.
  std::unordered_set<int32_t> holidays;
  std::unordered_set<int32_t> workdays;
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view rest = Trim(raw);
    if (line_no == 1 && rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);  // BOM
    if (rest.empty() || rest.front() == '#') continue;
    auto bad = [&](std::string_view field, std::string why, std::string_view reason) {
      return InvalidArgumentError(fmt::format("{}:{}:{}: {}", name, line_no, field, why),
                                  std::string(reason));
    };
    const std::string_view keyword = NextWord(rest);
    if (keyword == "year") {
      if (year != 0) return bad("year", "每个文件只能有一行 year", "calendar_bad_line");
      const std::string text(NextWord(rest));
      char* end = nullptr;
      const long value = std::strtol(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || value < Date::kMinYear || value > Date::kMaxYear) {
        return bad("year", fmt::format("年份“{}”无效", text), "calendar_bad_line");
      }
      year = static_cast<int>(value);
      if (years_.contains(year)) {
        return bad("year", fmt::format("{} 年的节假日已在另一个文件中给出", year),
                   "calendar_duplicate_year");
      }
      continue;
    }
    if (keyword == "source") continue;  // the notice's number, for people reading the file
    if (keyword != "holiday" && keyword != "workday") {
      return bad("keyword",
                 fmt::format("未知的关键字“{}”（应为 year、source、holiday 或 workday）", keyword),
                 "calendar_bad_line");
    }
    if (year == 0) {
      return bad(keyword, "holiday/workday 之前须先有 year 行", "calendar_bad_line");
    }
    // "2024-02-10" or "2024-02-10..2024-02-17"; the rest of the line is the holiday's name.
    const std::string_view span = NextWord(rest);
    const size_t dots = span.find("..");
    const std::string_view first_text = span.substr(0, dots);
    const std::string_view last_text =
        dots == std::string_view::npos ? span : span.substr(dots + 2);
    StatusOr<Date> first = Date::Parse(first_text);
    StatusOr<Date> last = Date::Parse(last_text);
    if (!first.ok()) return bad("date", first.status().message(), "calendar_bad_date");
    if (!last.ok()) return bad("date", last.status().message(), "calendar_bad_date");
    if (*last < *first) {
      return bad("date", fmt::format("日期区间 {} 结束早于开始", span), "calendar_bad_date");
    }
    if (last->days_since_epoch() - first->days_since_epoch() > 31) {
      return bad("date", fmt::format("日期区间 {} 超过 31 天", span), "calendar_bad_date");
    }
    for (Date d = *first; d <= *last; d = d.AddDays(1)) {
      // A notice may start New Year's holiday on 31 December of the year before.
      const bool in_year = d.year() == year || (d.year() == year - 1 && d.month() == 12);
      if (!in_year) {
        return bad("date", fmt::format("日期 {} 不属于 {} 年", d.ToString(), year),
                   "calendar_bad_date");
      }
      const int32_t key = d.days_since_epoch();
      if (keyword == "holiday") {
        if (workdays.contains(key) || workdays_.contains(key)) {
          return bad("date", fmt::format("{} 既是节假日又是调休上班日", d.ToString()),
                     "calendar_conflict");
        }
        holidays.insert(key);
      } else {
        if (!IsWeekend(d)) {
          return bad("date", fmt::format("调休上班日 {} 不是周六或周日", d.ToString()),
                     "calendar_bad_date");
        }
        if (holidays.contains(key) || holidays_.contains(key)) {
          return bad("date", fmt::format("{} 既是节假日又是调休上班日", d.ToString()),
                     "calendar_conflict");
        }
        workdays.insert(key);
      }
    }
  }
  if (year == 0) {
    return InvalidArgumentError(fmt::format("{}: 缺少 year 行", name), "calendar_bad_line");
  }
  years_.insert(year);
  holidays_.insert(holidays.begin(), holidays.end());
  workdays_.insert(workdays.begin(), workdays.end());
  return Status::Ok();
}

bool WorkCalendar::IsHoliday(Date day) const { return holidays_.contains(day.days_since_epoch()); }

bool WorkCalendar::IsMakeUpWorkday(Date day) const {
  return workdays_.contains(day.days_since_epoch());
}

bool WorkCalendar::IsWorkingDay(Date day) const {
  if (IsHoliday(day)) return false;
  if (IsMakeUpWorkday(day)) return true;
  return !IsWeekend(day);
}

Date WorkCalendar::AddWorkingDays(Date from, int n) const {
  const int step = n >= 0 ? 1 : -1;
  int left = n >= 0 ? n : -n;
  Date day = from;
  while (left > 0) {
    day = day.AddDays(step);
    if (IsWorkingDay(day)) --left;
  }
  return day;
}

int WorkCalendar::WorkingDaysBetween(Date from, Date to) const {
  if (to < from) return -WorkingDaysBetween(to, from);
  int count = 0;
  for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) {
    if (IsWorkingDay(d)) ++count;
  }
  return count;
}

std::optional<std::string> WorkCalendar::CoverageWarning(Date from, Date to) const {
  if (to < from) std::swap(from, to);
  std::vector<int> missing;
  for (int y = from.year(); y <= to.year(); ++y) {
    if (!years_.contains(y)) missing.push_back(y);
  }
  if (missing.empty()) return std::nullopt;
  std::string years;
  for (int y : missing) {
    if (!years.empty()) years += "、";
    years += std::to_string(y);
  }
  return fmt::format("工作日历缺少 {} 年的节假日安排，这些年份仅按周六、周日休息计算工作日", years);
}

}  // namespace sunlight::supervision
