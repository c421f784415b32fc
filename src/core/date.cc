// Date: civil-calendar conversions after Howard Hinnant's "chrono-Compatible Low-Level Date
// Algorithms", and the parsers for the forms ledgers use.
#include "core/date.h"

#include <fmt/format.h>

#include <cmath>
#include <ctime>
#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

int64_t DaysFromCivil(int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;
  const int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

// Reads 1 to `max_digits` ASCII digits at the start of `text`; advances `text`.
bool ReadNumber(std::string_view& text, int min_digits, int max_digits, int& value) {
  int digits = 0;
  value = 0;
  while (digits < max_digits && !text.empty() && text.front() >= '0' && text.front() <= '9') {
    value = value * 10 + (text.front() - '0');
    text.remove_prefix(1);
    ++digits;
  }
  return digits >= min_digits;
}

bool Consume(std::string_view& text, std::string_view token) {
  if (!text.starts_with(token)) return false;
  text.remove_prefix(token.size());
  return true;
}

}  // namespace

bool Date::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

Date Date::FromDaysSinceEpoch(int32_t days) {
  int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  Date date;
  date.days_ = days;
  date.year_ = static_cast<int16_t>(year);
  date.month_ = static_cast<int8_t>(month);
  date.day_ = static_cast<int8_t>(day);
  return date;
}

StatusOr<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear) {
    return InvalidArgumentError(fmt::format("日期 {}年{}月{}日 超出支持范围（{}–{} 年）", year,
                                            month, day, kMinYear, kMaxYear),
                                "date_out_of_range");
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return InvalidArgumentError(fmt::format("不存在的日期：{}年{}月{}日", year, month, day),
                                "bad_date");
  }
  return FromDaysSinceEpoch(static_cast<int32_t>(DaysFromCivil(year, month, day)));
}

StatusOr<Date> Date::Parse(std::string_view text) {
  const std::string_view trimmed = TrimSpaceView(text);
  std::string_view rest = trimmed;
  int year = 0;
  int month = 0;
  int day = 0;
  bool ok = ReadNumber(rest, 4, 4, year);
  if (ok) {
    if (!rest.empty() && (rest.front() == '-' || rest.front() == '/')) {
      const std::string_view separator = rest.substr(0, 1);
      ok = Consume(rest, separator) && ReadNumber(rest, 1, 2, month) && Consume(rest, separator) &&
           ReadNumber(rest, 1, 2, day) && rest.empty();
    } else {
      ok = Consume(rest, "年") && ReadNumber(rest, 1, 2, month) && Consume(rest, "月") &&
           ReadNumber(rest, 1, 2, day) && Consume(rest, "日") && rest.empty();
    }
  }
  if (!ok) {
    return InvalidArgumentError(
        fmt::format("无法识别的日期 “{}”，应写成 2024-03-05、2024/3/5 或 2024年3月5日", trimmed),
        "bad_date_format");
  }
  return FromYmd(year, month, day);
}

StatusOr<Date> Date::FromXlsxSerial(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) {
    return InvalidArgumentError(fmt::format("Excel 日期序号 {} 超出有效范围（1–2958465）", serial),
                                "bad_xlsx_serial");
  }
  const auto whole = static_cast<int64_t>(std::floor(serial));
  if (whole == 60) {
    return InvalidArgumentError("Excel 日期序号 60 对应不存在的 1900年2月29日", "bad_date");
  }
  // Serial 1 is 1900-01-01; from 61 on, Excel counts its fictitious 1900-02-29 as well.
  const int64_t epoch_1900 = DaysFromCivil(1900, 1, 1);
  const int64_t days = epoch_1900 + whole - (whole < 60 ? 1 : 2);
  const Date date = FromDaysSinceEpoch(static_cast<int32_t>(days));
  return FromYmd(date.year(), date.month(), date.day());
}

Date Date::Today() {
  // Every ID number parsed asks for today (a birth date must not lie in the future), and
  // localtime_r consults the time zone each time: that was a third of parsing an ID number in
  // an import. The answer is kept for the second it was computed in.
  thread_local std::time_t computed_at = -1;
  thread_local Date today;
  const std::time_t now = std::time(nullptr);
  if (now != computed_at) {
    std::tm local{};
    localtime_r(&now, &local);
    today = FromDaysSinceEpoch(
        static_cast<int32_t>(DaysFromCivil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday)));
    computed_at = now;
  }
  return today;
}

int Date::DayOfWeek() const {
  // 1970-01-01 was a Thursday (4).
  const int64_t shifted = (static_cast<int64_t>(days_) + 3) % 7;
  return static_cast<int>((shifted + 7) % 7) + 1;
}

std::string Date::ToString() const {
  // Written by hand: the import formats every date cell it stores, and fmt::format's parsing
  // of the format string was a twentieth of reading a ledger.
  if (year_ < 0 || year_ > 9999) return fmt::format("{:04d}-{:02d}-{:02d}", year(), month(), day());
  const auto digit = [](int value) { return static_cast<char>('0' + value); };
  const char text[10] = {digit(year_ / 1000),
                         digit(year_ / 100 % 10),
                         digit(year_ / 10 % 10),
                         digit(year_ % 10),
                         '-',
                         digit(month_ / 10),
                         digit(month_ % 10),
                         '-',
                         digit(day_ / 10),
                         digit(day_ % 10)};
  return std::string(text, sizeof text);
}

std::string Date::ToChineseString() const {
  return fmt::format("{}年{}月{}日", year(), month(), day());
}

std::ostream& operator<<(std::ostream& os, const Date& date) { return os << date.ToString(); }

}  // namespace sunlight
