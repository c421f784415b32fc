// Tests for Money: accepted and rejected amounts, overflow, formatting, checked arithmetic.
#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>

namespace sunlight {
namespace {

int64_t Fen(std::string_view text) {
  StatusOr<Money> money = Money::Parse(text);
  EXPECT_TRUE(money.ok()) << text << ": " << money.status();
  return money.ok() ? money->fen() : -999999;
}

std::string ParseReason(std::string_view text) {
  StatusOr<Money> money = Money::Parse(text);
  return money.ok() ? "ok" : std::string(money.status().reason());
}

TEST(MoneyTest, PlainAmounts) {
  EXPECT_EQ(Fen("0"), 0);
  EXPECT_EQ(Fen("1234"), 123400);
  EXPECT_EQ(Fen("1234.5"), 123450);
  EXPECT_EQ(Fen("1234.50"), 123450);
  EXPECT_EQ(Fen("0.01"), 1);
  EXPECT_EQ(Fen("0.1"), 10);
  EXPECT_EQ(Fen("007.00"), 700);
  EXPECT_EQ(Fen("  88.8\u3000"), 8880);
}

TEST(MoneyTest, TrailingZeroDecimalsAreExact) {
  EXPECT_EQ(Fen("1.500"), 150);
  EXPECT_EQ(Fen("1.0000"), 100);
}

TEST(MoneyTest, ThousandsSeparators) {
  EXPECT_EQ(Fen("1,234.50"), 123450);
  EXPECT_EQ(Fen("1,234,567"), 123456700);
  EXPECT_EQ(Fen("12,345.6"), 1234560);
  EXPECT_EQ(Fen("123,456.78"), 12345678);
  for (std::string_view text :
       {"1,23.45", "12,34", "1234,567", ",123", "1,,234", "1,234,", "1,2345", "1,234,56.00"}) {
    EXPECT_EQ(ParseReason(text), "bad_thousands_separator") << text;
  }
}

TEST(MoneyTest, CurrencySigns) {
  EXPECT_EQ(Fen("￥1234.50"), 123450);
  EXPECT_EQ(Fen("¥1234.50"), 123450);
  EXPECT_EQ(Fen("￥1,234.50"), 123450);
  EXPECT_EQ(ParseReason("￥"), "bad_money_format");
  EXPECT_EQ(ParseReason("￥￥12"), "bad_money_format");
  EXPECT_EQ(ParseReason("12￥"), "bad_money_format");
  EXPECT_EQ(ParseReason("$12"), "bad_money_format");
  EXPECT_EQ(ParseReason("￥ 12"), "bad_money_format");
}

TEST(MoneyTest, Negative) {
  EXPECT_EQ(Fen("-0.01"), -1);
  EXPECT_EQ(Fen("-1,234.50"), -123450);
  EXPECT_EQ(Fen("-￥5"), -500);
  EXPECT_EQ(Fen("￥-5"), -500);
  EXPECT_EQ(Fen("-0"), 0);
  EXPECT_EQ(ParseReason("--5"), "bad_money_format");
  EXPECT_EQ(ParseReason("-￥-5"), "bad_money_format");
  EXPECT_EQ(ParseReason("+5"), "bad_money_format");
  EXPECT_EQ(ParseReason("5-"), "bad_money_format");
  EXPECT_EQ(ParseReason("- 5"), "bad_money_format");
  EXPECT_EQ(ParseReason("-"), "bad_money_format");
}

TEST(MoneyTest, TooManyDecimals) {
  EXPECT_EQ(ParseReason("0.005"), "too_many_decimals");
  EXPECT_EQ(ParseReason("1234.567"), "too_many_decimals");
  EXPECT_EQ(ParseReason("1.001"), "too_many_decimals");
  StatusOr<Money> money = Money::Parse("0.005");
  EXPECT_EQ(money.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(money.status().message().find("0.005"), std::string::npos);
}

TEST(MoneyTest, RejectsGarbage) {
  EXPECT_EQ(ParseReason(""), "empty_money");
  EXPECT_EQ(ParseReason("   "), "empty_money");
  for (std::string_view text : {"abc", "12a", "1e3", "1.2.3", ".5", "5.", "１２３", "100元",
                                "1 000", "1_000", "0x10", "12.3a", "NaN", "1.-5", "1,234.5,0"}) {
    EXPECT_EQ(ParseReason(text), "bad_money_format") << text;
  }
}

TEST(MoneyTest, Overflow) {
  // INT64_MAX fen = 92233720368547758.07 yuan.
  EXPECT_EQ(Fen("92233720368547758.07"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(Fen("-92233720368547758.07"), -std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ParseReason("92233720368547758.08"), "money_overflow");
  EXPECT_EQ(ParseReason("92233720368547759"), "money_overflow");
  EXPECT_EQ(ParseReason("99999999999999999999999999"), "money_overflow");
  EXPECT_EQ(ParseReason("92,233,720,368,547,758.08"), "money_overflow");
  EXPECT_EQ(Money::Parse("92233720368547759").status().code(), StatusCode::kOutOfRange);
}

TEST(MoneyTest, Formatting) {
  EXPECT_EQ(Money::FromFen(123450).ToString(), "1234.50");
  EXPECT_EQ(Money::FromFen(0).ToString(), "0.00");
  EXPECT_EQ(Money::FromFen(1).ToString(), "0.01");
  EXPECT_EQ(Money::FromFen(-1).ToString(), "-0.01");
  EXPECT_EQ(Money::FromFen(-123450).ToString(), "-1234.50");
  EXPECT_EQ(Money::FromFen(123456789).ToGroupedString(), "1,234,567.89");
  EXPECT_EQ(Money::FromFen(99999).ToGroupedString(), "999.99");
  EXPECT_EQ(Money::FromFen(100000).ToGroupedString(), "1,000.00");
  EXPECT_EQ(Money::FromFen(-100000).ToGroupedString(), "-1,000.00");
  EXPECT_EQ(Money::FromFen(std::numeric_limits<int64_t>::max()).ToString(), "92233720368547758.07");
  EXPECT_EQ(Money::FromFen(std::numeric_limits<int64_t>::min()).ToString(),
            "-92233720368547758.08");
  std::ostringstream os;
  os << Money::FromFen(5);
  EXPECT_EQ(os.str(), "0.05");
}

TEST(MoneyTest, ToStringRoundTrips) {
  for (int64_t fen : {0L, 1L, 10L, 99L, 100L, 123456L, -7L, -100001L}) {
    const Money money = Money::FromFen(fen);
    EXPECT_EQ(Money::Parse(money.ToString()).value(), money);
    EXPECT_EQ(Money::Parse(money.ToGroupedString()).value(), money);
  }
}

TEST(MoneyTest, ComparisonsAndArithmetic) {
  EXPECT_LT(Money::FromFen(-1), Money());
  EXPECT_GT(Money::FromFen(100), Money::FromFen(99));
  EXPECT_EQ(Money::Parse("1.5").value(), Money::FromFen(150));
  EXPECT_TRUE(Money().is_zero());
  EXPECT_TRUE(Money::FromFen(-1).is_negative());
  EXPECT_EQ(Money::FromFen(150).Add(Money::FromFen(-50)).value(), Money::FromFen(100));
  EXPECT_EQ(Money::FromFen(150).Subtract(Money::FromFen(200)).value(), Money::FromFen(-50));
  const Money max = Money::FromFen(std::numeric_limits<int64_t>::max());
  const Money min = Money::FromFen(std::numeric_limits<int64_t>::min());
  EXPECT_EQ(max.Add(Money::FromFen(1)).status().reason(), "money_overflow");
  EXPECT_EQ(max.Add(Money::FromFen(1)).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(min.Add(Money::FromFen(-1)).status().reason(), "money_overflow");
  EXPECT_EQ(min.Subtract(Money::FromFen(1)).status().reason(), "money_overflow");
  EXPECT_EQ(Money().Subtract(min).status().reason(), "money_overflow");
  EXPECT_TRUE(max.Add(min).ok());
}

}  // namespace
}  // namespace sunlight
