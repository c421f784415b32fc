// Period: the month, quarter or year a subsidy payment is for (payments.period, "所属期").
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Period p, Period::Parse("2024-Q1"));
//   p.start();  // 2024-01-01
//   p.end();    // 2024-03-31, inclusive
//
// Accepted: "YYYY-MM" (month with or without a leading zero), "YYYY-Qn" or "YYYY-qn"
// (n = 1..4), "YYYY"; years 1900–2200; surrounding spaces ignored. ToString() gives the
// canonical form: "2024-03", "2024-Q1", "2024".
//
// Periods are ordered by start date, then by end date, so a month sorts before the quarter
// and the year that begin with it. Reasons: bad_period_format, bad_period.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace sunlight {

class Period {
 public:
  enum class Kind { kMonth, kQuarter, kYear };

  // The year 1970 (so that Period can sit in structs and containers).
  Period() : Period(Kind::kYear, 1970, 0) {}

  [[nodiscard]] static StatusOr<Period> Parse(std::string_view text);
  // `index` is the month (1..12) for kMonth, the quarter (1..4) for kQuarter, ignored for
  // kYear.
  [[nodiscard]] static StatusOr<Period> Of(Kind kind, int year, int index = 0);
  // The period of `kind` that contains `date`.
  static Period Containing(Kind kind, Date date);

  Kind kind() const { return kind_; }
  int year() const { return year_; }
  // Month 1..12, quarter 1..4, or 0 for a year.
  int index() const { return index_; }

  Date start() const { return start_; }
  // The last day, inclusive.
  Date end() const { return end_; }
  bool Contains(Date date) const { return start_ <= date && date <= end_; }

  std::string ToString() const;

  friend bool operator==(const Period& a, const Period& b) {
    return a.start_ == b.start_ && a.end_ == b.end_;
  }
  friend std::strong_ordering operator<=>(const Period& a, const Period& b) {
    if (auto c = a.start_ <=> b.start_; c != 0) return c;
    return a.end_ <=> b.end_;
  }

 private:
  Period(Kind kind, int year, int index);

  Kind kind_ = Kind::kYear;
  int year_ = 0;
  int index_ = 0;
  Date start_;
  Date end_;
};

std::ostream& operator<<(std::ostream& os, const Period& period);

}  // namespace sunlight
