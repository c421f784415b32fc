// Period: parsing and the first/last day of months, quarters and years.
#include "core/period.h"

#include <fmt/format.h>

#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

Status FormatError(std::string_view text) {
  return InvalidArgumentError(
      fmt::format("无法识别的所属期 “{}”，应写成 2024-03（月）、2024-Q1（季度）或 2024（年）",
                  text),
      "bad_period_format");
}

}  // namespace

Period::Period(Kind kind, int year, int index) : kind_(kind), year_(year), index_(index) {
  // Callers have checked year and index, so the FromYmd calls cannot fail.
  int first_month = 1;
  int last_month = 12;
  if (kind == Kind::kMonth) {
    first_month = last_month = index;
  } else if (kind == Kind::kQuarter) {
    first_month = index * 3 - 2;
    last_month = index * 3;
  }
  start_ = Date::FromYmd(year, first_month, 1).value();
  end_ = Date::FromYmd(year, last_month, Date::DaysInMonth(year, last_month)).value();
}

StatusOr<Period> Period::Of(Kind kind, int year, int index) {
  if (year < Date::kMinYear || year > Date::kMaxYear) {
    return InvalidArgumentError(
        fmt::format("所属期年份 {} 超出支持范围（{}–{}）", year, Date::kMinYear, Date::kMaxYear),
        "bad_period");
  }
  switch (kind) {
    case Kind::kMonth:
      if (index < 1 || index > 12) {
        return InvalidArgumentError(fmt::format("月份 {} 无效，应为 1–12", index), "bad_period");
      }
      break;
    case Kind::kQuarter:
      if (index < 1 || index > 4) {
        return InvalidArgumentError(fmt::format("季度 {} 无效，应为 1–4", index), "bad_period");
      }
      break;
    case Kind::kYear:
      index = 0;
      break;
  }
  return Period(kind, year, index);
}

Period Period::Containing(Kind kind, Date date) {
  switch (kind) {
    case Kind::kMonth:
      return Period(kind, date.year(), date.month());
    case Kind::kQuarter:
      return Period(kind, date.year(), (date.month() + 2) / 3);
    case Kind::kYear:
      break;
  }
  return Period(Kind::kYear, date.year(), 0);
}

StatusOr<Period> Period::Parse(std::string_view text) {
  const std::string trimmed = TrimSpace(text);
  const std::string_view rest = trimmed;
  if (rest.size() < 4 || !AllDigits(rest.substr(0, 4))) return FormatError(trimmed);
  const int year = ToInt(rest.substr(0, 4));
  if (rest.size() == 4) return Of(Kind::kYear, year);
  if (rest[4] != '-') return FormatError(trimmed);
  const std::string_view tail = rest.substr(5);
  if (!tail.empty() && (tail[0] == 'Q' || tail[0] == 'q')) {
    if (tail.size() != 2 || !AllDigits(tail.substr(1))) return FormatError(trimmed);
    return Of(Kind::kQuarter, year, ToInt(tail.substr(1)));
  }
  if (tail.empty() || tail.size() > 2 || !AllDigits(tail)) return FormatError(trimmed);
  return Of(Kind::kMonth, year, ToInt(tail));
}

std::string Period::ToString() const {
  switch (kind_) {
    case Kind::kMonth:
      return fmt::format("{:04d}-{:02d}", year_, index_);
    case Kind::kQuarter:
      return fmt::format("{:04d}-Q{}", year_, index_);
    case Kind::kYear:
      break;
  }
  return fmt::format("{:04d}", year_);
}

std::ostream& operator<<(std::ostream& os, const Period& period) { return os << period.ToString(); }

}  // namespace sunlight
