// Date: a calendar day (proleptic Gregorian, no time zone), as ledgers record pay dates,
// approval dates and birth dates.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Date paid, Date::Parse("2024年3月5日"));
//   if (paid < approved) ...                       // ordered
//   int32_t day = paid.days_since_epoch();          // what columnar rules store
//
// Parsing accepts the forms departments actually type: "2024-03-05", "2024/3/5",
// "2024年3月5日" (month and day with or without a leading zero, surrounding spaces ignored),
// and XLSX date serials. Parsed dates lie in 1900–2200. Arithmetic (AddDays,
// FromDaysSinceEpoch) is unchecked: it stays exact far beyond that range.
//
// Reasons: bad_date_format, bad_date (no such day, e.g. 2023-02-29), date_out_of_range,
// bad_xlsx_serial.
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight {

class Date {
 public:
  static constexpr int kMinYear = 1900;
  static constexpr int kMaxYear = 2200;

  // 1970-01-01.
  constexpr Date() = default;

  // "YYYY-MM-DD", "YYYY/M/D" (either zero-padded or not), "YYYY年M月D日".
  [[nodiscard]] static StatusOr<Date> Parse(std::string_view text);
  // A real day in 1900–2200.
  [[nodiscard]] static StatusOr<Date> FromYmd(int year, int month, int day);
  // An Excel/XLSX serial in the 1900 date system: 1 = 1900-01-01; 60 is Excel's nonexistent
  // 1900-02-29 and is rejected; 61 = 1900-03-01. A time of day (fraction) is dropped.
  // Accepts 1 to 2958465 (9999-12-31), and then the 1900–2200 range applies.
  [[nodiscard]] static StatusOr<Date> FromXlsxSerial(double serial);
  // REQUIRES nothing: any day count is a date (years outside 1900–2200 only via arithmetic).
  static Date FromDaysSinceEpoch(int32_t days);
  // Today in the local time zone of the server.
  static Date Today();

  static bool IsLeapYear(int year);
  // REQUIRES: 1 <= month <= 12.
  static int DaysInMonth(int year, int month);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  // 1970-01-01 = 0, earlier days negative.
  int32_t days_since_epoch() const { return days_; }

  Date AddDays(int days) const { return FromDaysSinceEpoch(days_ + days); }
  // 1 = Monday ... 7 = Sunday (ISO 8601).
  int DayOfWeek() const;

  // "2024-03-05".
  std::string ToString() const;
  // "2024年3月5日", as official letters write dates.
  std::string ToChineseString() const;

  friend constexpr bool operator==(const Date& a, const Date& b) { return a.days_ == b.days_; }
  friend constexpr std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.days_ <=> b.days_;
  }

 private:
  int32_t days_ = 0;
  int16_t year_ = 1970;
  int8_t month_ = 1;
  int8_t day_ = 1;
};

std::ostream& operator<<(std::ostream& os, const Date& date);

}  // namespace sunlight
