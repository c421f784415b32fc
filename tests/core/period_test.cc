// Tests for Period: parsing, canonical text, first and last days, containment, ordering.
#include "core/period.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace sunlight {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

Period P(std::string_view text) {
  StatusOr<Period> period = Period::Parse(text);
  EXPECT_TRUE(period.ok()) << text << ": " << period.status();
  return period.value_or(Period());
}

std::string ParseReason(std::string_view text) {
  StatusOr<Period> period = Period::Parse(text);
  return period.ok() ? "ok" : std::string(period.status().reason());
}

TEST(PeriodTest, Months) {
  Period p = P("2024-02");
  EXPECT_EQ(p.kind(), Period::Kind::kMonth);
  EXPECT_EQ(p.year(), 2024);
  EXPECT_EQ(p.index(), 2);
  EXPECT_EQ(p.start(), D(2024, 2, 1));
  EXPECT_EQ(p.end(), D(2024, 2, 29));
  EXPECT_EQ(p.ToString(), "2024-02");
  EXPECT_EQ(P("2023-2").end(), D(2023, 2, 28));
  EXPECT_EQ(P("2023-2").ToString(), "2023-02");
  EXPECT_EQ(P("2023-12").end(), D(2023, 12, 31));
  EXPECT_EQ(P(" 2023-04 ").end(), D(2023, 4, 30));
}

TEST(PeriodTest, Quarters) {
  Period p = P("2024-Q1");
  EXPECT_EQ(p.kind(), Period::Kind::kQuarter);
  EXPECT_EQ(p.index(), 1);
  EXPECT_EQ(p.start(), D(2024, 1, 1));
  EXPECT_EQ(p.end(), D(2024, 3, 31));
  EXPECT_EQ(P("2024-q2").ToString(), "2024-Q2");
  EXPECT_EQ(P("2024-Q2").end(), D(2024, 6, 30));
  EXPECT_EQ(P("2024-Q3").start(), D(2024, 7, 1));
  EXPECT_EQ(P("2024-Q4").end(), D(2024, 12, 31));
}

TEST(PeriodTest, Years) {
  Period p = P("2024");
  EXPECT_EQ(p.kind(), Period::Kind::kYear);
  EXPECT_EQ(p.start(), D(2024, 1, 1));
  EXPECT_EQ(p.end(), D(2024, 12, 31));
  EXPECT_EQ(p.ToString(), "2024");
}

TEST(PeriodTest, RejectsBadPeriods) {
  EXPECT_EQ(ParseReason("2024-Q5"), "bad_period");
  EXPECT_EQ(ParseReason("2024-Q0"), "bad_period");
  EXPECT_EQ(ParseReason("2024-13"), "bad_period");
  EXPECT_EQ(ParseReason("2024-00"), "bad_period");
  EXPECT_EQ(ParseReason("1899"), "bad_period");
  EXPECT_EQ(ParseReason("2201-01"), "bad_period");
  for (std::string_view text :
       {"", "24", "2024-", "2024-Q", "2024-Q12", "2024Q1", "2024-1-1", "2024-03-01", "2024/03",
        "2024-003", "2024年3月", "20245", "abcd", "2024-H1", "2024 -Q1"}) {
    EXPECT_EQ(ParseReason(text), "bad_period_format") << text;
  }
}

TEST(PeriodTest, Of) {
  EXPECT_EQ(Period::Of(Period::Kind::kMonth, 2024, 3).value(), P("2024-03"));
  EXPECT_EQ(Period::Of(Period::Kind::kQuarter, 2024, 4).value(), P("2024-Q4"));
  EXPECT_EQ(Period::Of(Period::Kind::kYear, 2024).value(), P("2024"));
  EXPECT_EQ(Period::Of(Period::Kind::kQuarter, 2024, 5).status().reason(), "bad_period");
  EXPECT_EQ(Period::Of(Period::Kind::kMonth, 2024, 0).status().reason(), "bad_period");
}

TEST(PeriodTest, ContainingAndContains) {
  const Date day = D(2024, 8, 31);
  EXPECT_EQ(Period::Containing(Period::Kind::kMonth, day), P("2024-08"));
  EXPECT_EQ(Period::Containing(Period::Kind::kQuarter, day), P("2024-Q3"));
  EXPECT_EQ(Period::Containing(Period::Kind::kYear, day), P("2024"));
  EXPECT_EQ(Period::Containing(Period::Kind::kQuarter, D(2024, 3, 31)), P("2024-Q1"));
  EXPECT_EQ(Period::Containing(Period::Kind::kQuarter, D(2024, 4, 1)), P("2024-Q2"));
  EXPECT_TRUE(P("2024-Q1").Contains(D(2024, 1, 1)));
  EXPECT_TRUE(P("2024-Q1").Contains(D(2024, 3, 31)));
  EXPECT_FALSE(P("2024-Q1").Contains(D(2024, 4, 1)));
  EXPECT_FALSE(P("2024-Q1").Contains(D(2023, 12, 31)));
  EXPECT_TRUE(P("2024-02").Contains(D(2024, 2, 29)));
}

TEST(PeriodTest, Ordering) {
  std::vector<Period> periods = {P("2024"),    P("2024-Q2"), P("2024-02"), P("2023-12"),
                                 P("2024-Q1"), P("2024-01"), P("2024-04")};
  std::sort(periods.begin(), periods.end());
  std::vector<std::string> texts;
  for (const Period& p : periods) texts.push_back(p.ToString());
  EXPECT_EQ(texts, (std::vector<std::string>{"2023-12", "2024-01", "2024-Q1", "2024", "2024-02",
                                             "2024-04", "2024-Q2"}));
  EXPECT_EQ(P("2024-q1"), P("2024-Q1"));
  EXPECT_NE(P("2024-Q1"), P("2024-01"));
  EXPECT_EQ(Period().ToString(), "1970");
}

}  // namespace
}  // namespace sunlight
