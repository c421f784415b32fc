// Money: an amount in yuan held as integer fen (分), so that sums are exact.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Money amount, Money::Parse("￥1,234.50"));
//   amount.fen();       // 123450
//   amount.ToString();  // "1234.50"
//
// Parse accepts what ledgers contain and nothing that could be misread: digits with at most
// two decimals ("1234.5", "1234.50"; further decimals only if they are zeros, "1.500"),
// thousands commas only in correct groups of three ("1,234.50", not "1,23.45"), an optional
// "￥" or "¥" sign, a leading minus for refunds and reversals ("-0.01", "-￥5", "￥-5"), and
// surrounding spaces. No full-width digits, no letters, no "元", no exponent.
//
// Reasons: empty_money, bad_money_format, bad_thousands_separator, too_many_decimals,
// money_overflow (beyond ±9223372036854775807 fen, about 9.2e16 yuan).
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight {

class Money {
 public:
  // Zero.
  constexpr Money() = default;

  [[nodiscard]] static StatusOr<Money> Parse(std::string_view text);
  static constexpr Money FromFen(int64_t fen) { return Money(fen); }

  constexpr int64_t fen() const { return fen_; }
  constexpr bool is_negative() const { return fen_ < 0; }
  constexpr bool is_zero() const { return fen_ == 0; }

  // "1234.50", "-0.01", "0.00": no grouping, always two decimals (what CSV exports hold).
  std::string ToString() const;
  // "1,234.50", for letters and screens.
  std::string ToGroupedString() const;

  // Checked arithmetic: OutOfRange (reason money_overflow) instead of wrapping.
  [[nodiscard]] StatusOr<Money> Add(Money other) const;
  [[nodiscard]] StatusOr<Money> Subtract(Money other) const;

  friend constexpr bool operator==(Money a, Money b) = default;
  friend constexpr std::strong_ordering operator<=>(Money a, Money b) = default;

 private:
  explicit constexpr Money(int64_t fen) : fen_(fen) {}

  int64_t fen_ = 0;
};

std::ostream& operator<<(std::ostream& os, Money money);

}  // namespace sunlight
