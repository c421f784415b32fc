// The working-day calendar on the shipped data files (data/calendar/) and on small files
// written by the tests, with days whose status the State Council notices fix.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/date.h"
#include "supervision/work_calendar.h"

namespace sunlight::supervision {
namespace {

namespace fs = std::filesystem;

Date D(std::string_view text) { return *Date::Parse(text); }

const WorkCalendar& Shipped() {
  static const WorkCalendar cal = [] {
    StatusOr<WorkCalendar> loaded = WorkCalendar::LoadDefault();
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? *loaded : WorkCalendar();
  }();
  return cal;
}

class CalendarFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("calendar_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path Write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p;
  }
  fs::path dir_;
};

TEST(CalendarShippedTest, CoversTheYearsOfTheNotices) {
  for (int year = 2020; year <= 2026; ++year) EXPECT_TRUE(Shipped().Covers(year)) << year;
}

TEST(CalendarShippedTest, MakeUpSundayIsAWorkingDay) {
  const Date sunday = D("2024-02-04");
  ASSERT_EQ(sunday.DayOfWeek(), 7);
  EXPECT_TRUE(Shipped().IsWorkingDay(sunday));
  EXPECT_TRUE(Shipped().IsMakeUpWorkday(sunday));
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2024-02-18")));  // the Sunday after 春节
}

TEST(CalendarShippedTest, NationalDayWeekIsOff) {
  for (Date d = D("2024-10-01"); d <= D("2024-10-07"); d = d.AddDays(1)) {
    EXPECT_FALSE(Shipped().IsWorkingDay(d)) << d;
    EXPECT_TRUE(Shipped().IsHoliday(d)) << d;
  }
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2024-10-08")));   // Tuesday after
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2024-10-12")));   // make-up Saturday
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2024-09-29")));   // make-up Sunday
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2024-10-13")));  // an ordinary Sunday
}

TEST(CalendarShippedTest, OrdinaryDaysFollowTheWeek) {
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2024-03-05")));   // Tuesday
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2024-03-09")));  // Saturday
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2024-03-10")));  // Sunday
}

TEST(CalendarShippedTest, OtherYearsSpotChecks) {
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2020-02-02")));  // 2020 春节 extended (COVID)
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2020-02-01")));  // its make-up Saturday cancelled
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2020-02-03")));
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2023-01-28")));   // make-up Saturday
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2025-01-28")));  // 除夕 2025, a holiday since 2025
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2026-01-04")));   // make-up Sunday
  EXPECT_FALSE(Shipped().IsWorkingDay(D("2026-02-23")));  // 正月初七, Monday
  EXPECT_TRUE(Shipped().IsWorkingDay(D("2026-02-28")));   // make-up Saturday
}

TEST(CalendarShippedTest, AddWorkingDaysSkipsTheHolidayWeek) {
  // Sent on Monday 30 September 2024: the 1st working day after is 8 October.
  EXPECT_EQ(Shipped().AddWorkingDays(D("2024-09-30"), 1), D("2024-10-08"));
  // 5 working days: 8, 9, 10, 11, 12 (Saturday, make-up) October.
  EXPECT_EQ(Shipped().AddWorkingDays(D("2024-09-30"), 5), D("2024-10-12"));
  // Friday 2 February 2024 + 1 = Sunday 4 February (make-up).
  EXPECT_EQ(Shipped().AddWorkingDays(D("2024-02-02"), 1), D("2024-02-04"));
  EXPECT_EQ(Shipped().AddWorkingDays(D("2024-02-02"), 0), D("2024-02-02"));
  EXPECT_EQ(Shipped().AddWorkingDays(D("2024-10-08"), -1), D("2024-09-30"));
}

TEST(CalendarShippedTest, WorkingDaysBetweenCountsHalfOpen) {
  EXPECT_EQ(Shipped().WorkingDaysBetween(D("2024-09-30"), D("2024-10-07")), 0);
  EXPECT_EQ(Shipped().WorkingDaysBetween(D("2024-09-30"), D("2024-10-12")), 5);
  EXPECT_EQ(Shipped().WorkingDaysBetween(D("2024-10-12"), D("2024-09-30")), -5);
  EXPECT_EQ(Shipped().WorkingDaysBetween(D("2024-03-04"), D("2024-03-04")), 0);
  // A plain week: Monday to next Monday is 5.
  EXPECT_EQ(Shipped().WorkingDaysBetween(D("2024-03-04"), D("2024-03-11")), 5);
}

TEST(CalendarShippedTest, AddAndBetweenAgreeOverTwoYears) {
  const WorkCalendar& cal = Shipped();
  for (Date from = D("2024-01-01"); from <= D("2025-12-31"); from = from.AddDays(13)) {
    for (int n : {1, 3, 5, 10, 15}) {
      const Date due = cal.AddWorkingDays(from, n);
      EXPECT_TRUE(cal.IsWorkingDay(due)) << from << " + " << n;
      EXPECT_EQ(cal.WorkingDaysBetween(from, due), n) << from << " + " << n;
      EXPECT_EQ(cal.WorkingDaysBetween(from, due.AddDays(-1)), n - 1) << from << " + " << n;
    }
  }
}

TEST(CalendarShippedTest, YearWithoutFileFallsBackToWeekendsAndWarns) {
  const WorkCalendar& cal = Shipped();
  ASSERT_FALSE(cal.Covers(2031));
  EXPECT_TRUE(cal.IsWorkingDay(D("2031-10-01")));   // a Wednesday: no holiday known
  EXPECT_FALSE(cal.IsWorkingDay(D("2031-10-04")));  // Saturday
  std::optional<std::string> warning = cal.CoverageWarning(D("2026-12-20"), D("2031-01-10"));
  ASSERT_TRUE(warning.has_value());
  EXPECT_NE(warning->find("2027"), std::string::npos) << *warning;
  EXPECT_NE(warning->find("2031"), std::string::npos) << *warning;
  EXPECT_EQ(warning->find("2026"), std::string::npos) << *warning;
  EXPECT_FALSE(cal.CoverageWarning(D("2024-01-01"), D("2026-12-31")).has_value());
}

TEST_F(CalendarFileTest, LoadsOneFileAndOnlyItsYear) {
  fs::path f = Write("2030.txt",
                     "# test\nyear 2030\nsource 测试\nholiday 2030-10-01..2030-10-03 国庆\n"
                     "workday 2030-10-12 调休\n");
  StatusOr<WorkCalendar> cal = WorkCalendar::Load(f);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_TRUE(cal->Covers(2030));
  EXPECT_FALSE(cal->Covers(2024));
  EXPECT_FALSE(cal->IsWorkingDay(D("2030-10-02")));
  EXPECT_TRUE(cal->IsWorkingDay(D("2030-10-12")));
  EXPECT_TRUE(cal->IsWorkingDay(D("2024-02-09")));  // not loaded: weekday rule only
}

TEST_F(CalendarFileTest, EnvironmentOverridesTheDirectory) {
  Write("2030.txt", "year 2030\nholiday 2030-10-01 国庆\n");
  ::setenv("SUNLIGHT_CALENDAR_DIR", dir_.c_str(), 1);
  StatusOr<WorkCalendar> cal = WorkCalendar::LoadDefault();
  ::unsetenv("SUNLIGHT_CALENDAR_DIR");
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->covered_years(), std::set<int>{2030});
}

TEST_F(CalendarFileTest, MissingOverrideDirectoryIsAnError) {
  ::setenv("SUNLIGHT_CALENDAR_DIR", (dir_ / "nope").c_str(), 1);
  StatusOr<WorkCalendar> cal = WorkCalendar::LoadDefault();
  ::unsetenv("SUNLIGHT_CALENDAR_DIR");
  ASSERT_FALSE(cal.ok());
  EXPECT_EQ(cal.status().reason(), "calendar_not_found");
}

struct BadCase {
  const char* text;
  const char* reason;
  const char* where;  // what the message must contain
};

TEST_F(CalendarFileTest, BadFilesNameFileLineAndField) {
  const BadCase cases[] = {
      {"year 2030\nholiday 2030-13-01 坏\n", "calendar_bad_date", ":2:date:"},
      {"holiday 2030-10-01 国庆\n", "calendar_bad_line", ":1:holiday:"},
      {"year 2030\nfeast 2030-10-01\n", "calendar_bad_line", ":2:keyword:"},
      {"year 2030\n\n# c\nworkday 2030-10-09 周三\n", "calendar_bad_date", ":4:date:"},
      {"year 2030\nholiday 2031-01-01 元旦\n", "calendar_bad_date", ":2:date:"},
      {"year 2030\nholiday 2030-10-05..2030-10-01\n", "calendar_bad_date", ":2:date:"},
      {"year 2030\nholiday 2030-10-05\nworkday 2030-10-05\n", "calendar_conflict", ":3:date:"},
      {"year 2030\nyear 2031\n", "calendar_bad_line", ":2:year:"},
      {"year 20x0\n", "calendar_bad_line", ":1:year:"},
      {"# only a comment\n", "calendar_bad_line", "bad.txt"},
  };
  for (const BadCase& c : cases) {
    fs::path f = Write("bad.txt", c.text);
    StatusOr<WorkCalendar> cal = WorkCalendar::Load(f);
    ASSERT_FALSE(cal.ok()) << c.text;
    EXPECT_EQ(cal.status().reason(), c.reason) << c.text << cal.status().ToString();
    EXPECT_NE(cal.status().message().find("bad.txt"), std::string::npos) << cal.status().message();
    EXPECT_NE(cal.status().message().find(c.where), std::string::npos)
        << c.text << " → " << cal.status().message();
  }
}

TEST_F(CalendarFileTest, SameYearTwiceInADirectoryIsAnError) {
  Write("a.txt", "year 2030\n");
  Write("b.txt", "year 2030\n");
  StatusOr<WorkCalendar> cal = WorkCalendar::Load(dir_);
  ASSERT_FALSE(cal.ok());
  EXPECT_EQ(cal.status().reason(), "calendar_duplicate_year");
  EXPECT_NE(cal.status().message().find("b.txt"), std::string::npos);
}

}  // namespace
}  // namespace sunlight::supervision
