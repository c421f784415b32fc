// Tests for Date: the accepted text forms, leap years, range, XLSX serials (including
// Excel's fictitious 1900-02-29), epoch arithmetic, weekdays and ordering.
#include "core/date.h"

#include <gtest/gtest.h>

#include <ctime>
#include <sstream>
#include <string>

namespace sunlight {
namespace {

Date D(int y, int m, int d) {
  StatusOr<Date> date = Date::FromYmd(y, m, d);
  EXPECT_TRUE(date.ok()) << date.status();
  return date.value_or(Date());
}

std::string ParseReason(std::string_view text) {
  StatusOr<Date> date = Date::Parse(text);
  return date.ok() ? "ok" : std::string(date.status().reason());
}

TEST(DateTest, ParsesAcceptedForms) {
  for (std::string_view text : {"2024-03-05", "2024-3-5", "2024/3/5", "2024/03/05", "2024年3月5日",
                                "2024年03月05日", " 2024-03-05 ", "\u30002024/3/5\u3000"}) {
    StatusOr<Date> date = Date::Parse(text);
    ASSERT_TRUE(date.ok()) << text << ": " << date.status();
    EXPECT_EQ(*date, D(2024, 3, 5)) << text;
  }
}

TEST(DateTest, RejectsMalformedText) {
  for (std::string_view text :
       {"", "2024", "2024-03", "24-03-05", "2024-03-05T00:00", "2024-03-05 12:00", "2024.03.05",
        "2024-03/05", "2024/03-05", "2024年3月5", "2024年3月5号", "2024-003-05", "2024--03-05",
        "20240305", "２０２４-03-05", "2024-0x-05", "-2024-03-05", "abc"}) {
    EXPECT_EQ(ParseReason(text), "bad_date_format") << text;
  }
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(Date::IsLeapYear(2000));
  EXPECT_FALSE(Date::IsLeapYear(1900));
  EXPECT_FALSE(Date::IsLeapYear(2100));
  EXPECT_TRUE(Date::IsLeapYear(2024));
  EXPECT_FALSE(Date::IsLeapYear(2023));
  EXPECT_EQ(ParseReason("2024-02-29"), "ok");
  EXPECT_EQ(ParseReason("2000-02-29"), "ok");
  EXPECT_EQ(ParseReason("2023-02-29"), "bad_date");
  EXPECT_EQ(ParseReason("1900-02-29"), "bad_date");
  EXPECT_EQ(ParseReason("2100-02-29"), "bad_date");
  EXPECT_EQ(ParseReason("2024-02-30"), "bad_date");
}

TEST(DateTest, RejectsImpossibleDays) {
  EXPECT_EQ(ParseReason("2024-13-01"), "bad_date");
  EXPECT_EQ(ParseReason("2024-00-10"), "bad_date");
  EXPECT_EQ(ParseReason("2024-04-31"), "bad_date");
  EXPECT_EQ(ParseReason("2024-01-00"), "bad_date");
  EXPECT_EQ(ParseReason("2024年6月31日"), "bad_date");
  EXPECT_EQ(ParseReason("2024-12-31"), "ok");
  StatusOr<Date> date = Date::Parse("2023-02-29");
  EXPECT_EQ(date.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(date.status().message().find("2023年2月29日"), std::string::npos);
}

TEST(DateTest, YearRange) {
  EXPECT_EQ(ParseReason("1900-01-01"), "ok");
  EXPECT_EQ(ParseReason("2200-12-31"), "ok");
  EXPECT_EQ(ParseReason("1899-12-31"), "date_out_of_range");
  EXPECT_EQ(ParseReason("2201-01-01"), "date_out_of_range");
  EXPECT_EQ(Date::FromYmd(0, 1, 1).status().reason(), "date_out_of_range");
}

TEST(DateTest, EpochDays) {
  EXPECT_EQ(D(1970, 1, 1).days_since_epoch(), 0);
  EXPECT_EQ(D(1970, 1, 2).days_since_epoch(), 1);
  EXPECT_EQ(D(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(D(2000, 3, 1).days_since_epoch(), 11017);
  EXPECT_EQ(D(1900, 1, 1).days_since_epoch(), -25567);
  EXPECT_EQ(D(2024, 2, 29).days_since_epoch(), 19782);
  EXPECT_EQ(Date().days_since_epoch(), 0);
  EXPECT_EQ(Date().ToString(), "1970-01-01");
}

TEST(DateTest, RoundTripsEveryDayOfTheRange) {
  int32_t expected = D(1900, 1, 1).days_since_epoch();
  for (int year = 1900; year <= 2200; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= Date::DaysInMonth(year, month); ++day) {
        StatusOr<Date> date = Date::FromYmd(year, month, day);
        ASSERT_TRUE(date.ok());
        ASSERT_EQ(date->days_since_epoch(), expected) << date->ToString();
        Date back = Date::FromDaysSinceEpoch(expected);
        ASSERT_EQ(back.year(), year);
        ASSERT_EQ(back.month(), month);
        ASSERT_EQ(back.day(), day);
        ++expected;
      }
    }
  }
}

TEST(DateTest, AddDaysAndDayOfWeek) {
  EXPECT_EQ(D(2024, 2, 28).AddDays(1), D(2024, 2, 29));
  EXPECT_EQ(D(2024, 2, 28).AddDays(2), D(2024, 3, 1));
  EXPECT_EQ(D(2023, 12, 31).AddDays(1), D(2024, 1, 1));
  EXPECT_EQ(D(2024, 1, 1).AddDays(-1), D(2023, 12, 31));
  EXPECT_EQ(D(2024, 1, 1).AddDays(366), D(2025, 1, 1));
  EXPECT_EQ(D(1970, 1, 1).DayOfWeek(), 4);   // Thursday
  EXPECT_EQ(D(2024, 3, 4).DayOfWeek(), 1);   // Monday
  EXPECT_EQ(D(2024, 3, 10).DayOfWeek(), 7);  // Sunday
  EXPECT_EQ(D(1900, 1, 1).DayOfWeek(), 1);   // Monday
  EXPECT_EQ(D(1969, 12, 28).DayOfWeek(), 7);
}

TEST(DateTest, Formatting) {
  EXPECT_EQ(D(2024, 3, 5).ToString(), "2024-03-05");
  EXPECT_EQ(D(2024, 3, 5).ToChineseString(), "2024年3月5日");
  EXPECT_EQ(D(1900, 12, 31).ToString(), "1900-12-31");
  EXPECT_EQ(D(2200, 10, 9).ToString(), "2200-10-09");
  // Arithmetic may leave the parsed range; such dates still print (the proleptic calendar).
  EXPECT_EQ(D(2200, 12, 31).AddDays(3000000).ToString(), "10414-09-20");
  EXPECT_EQ(D(1900, 1, 1).AddDays(-800000).ToString(), "-291-09-04");
  std::ostringstream os;
  os << D(2024, 3, 5);
  EXPECT_EQ(os.str(), "2024-03-05");
}

TEST(DateTest, Comparisons) {
  EXPECT_LT(D(2024, 3, 5), D(2024, 3, 6));
  EXPECT_LT(D(2023, 12, 31), D(2024, 1, 1));
  EXPECT_GT(D(2024, 2, 1), D(2024, 1, 31));
  EXPECT_LE(D(2024, 3, 5), D(2024, 3, 5));
  EXPECT_EQ(D(2024, 3, 5), Date::Parse("2024年3月5日").value());
  EXPECT_NE(D(2024, 3, 5), D(2024, 5, 3));
}

TEST(DateTest, XlsxSerials) {
  EXPECT_EQ(Date::FromXlsxSerial(1).value(), D(1900, 1, 1));
  EXPECT_EQ(Date::FromXlsxSerial(59).value(), D(1900, 2, 28));
  EXPECT_EQ(Date::FromXlsxSerial(60).status().reason(), "bad_date");  // fake 1900-02-29
  EXPECT_EQ(Date::FromXlsxSerial(61).value(), D(1900, 3, 1));
  EXPECT_EQ(Date::FromXlsxSerial(25569).value(), D(1970, 1, 1));
  EXPECT_EQ(Date::FromXlsxSerial(45356).value(), D(2024, 3, 5));
  EXPECT_EQ(Date::FromXlsxSerial(45356.75).value(), D(2024, 3, 5));  // time of day dropped
  EXPECT_EQ(Date::FromXlsxSerial(45356.999999).value(), D(2024, 3, 5));
  EXPECT_EQ(Date::FromXlsxSerial(60.5).status().reason(), "bad_date");
  EXPECT_EQ(Date::FromXlsxSerial(0).status().reason(), "bad_xlsx_serial");
  EXPECT_EQ(Date::FromXlsxSerial(0.5).status().reason(), "bad_xlsx_serial");
  EXPECT_EQ(Date::FromXlsxSerial(-1).status().reason(), "bad_xlsx_serial");
  EXPECT_EQ(Date::FromXlsxSerial(2958466).status().reason(), "bad_xlsx_serial");
  EXPECT_EQ(Date::FromXlsxSerial(0.0 / 0.0).status().reason(), "bad_xlsx_serial");
  // Serials up to 9999-12-31 are well formed, but beyond 2200 out of our range.
  EXPECT_EQ(Date::FromXlsxSerial(2958465).status().reason(), "date_out_of_range");
  EXPECT_EQ(Date::FromXlsxSerial(109574).value(), D(2199, 12, 31));
}

TEST(DateTest, TodayIsLocalDate) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  const Date today = Date::Today();
  // Tolerate the clock crossing midnight between the two readings.
  const Date expected = D(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
  EXPECT_TRUE(today == expected || today == expected.AddDays(1)) << today;
}

}  // namespace
}  // namespace sunlight
