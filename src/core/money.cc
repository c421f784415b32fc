// Money: a strict hand-written parser (no locale, no floating point) and formatting.
#include "core/money.h"

#include <fmt/format.h>

#include <limits>
#include <ostream>

#include "core/text.h"

namespace sunlight {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Status FormatError(std::string_view text) {
  return InvalidArgumentError(
      fmt::format("无法识别的金额 “{}”，应为以元为单位的数字，如 1234.50 或 1,234.50", text),
      "bad_money_format");
}

Status OverflowError(std::string_view text) {
  return OutOfRangeError(fmt::format("金额 “{}” 超出可表示的范围", text), "money_overflow");
}

// "1234.50" from a magnitude in fen, with or without thousands commas.
std::string FormatFen(int64_t fen, bool grouped) {
  // The magnitude of INT64_MIN does not fit in int64_t, so work unsigned.
  const uint64_t magnitude = fen < 0 ? ~static_cast<uint64_t>(fen) + 1 : static_cast<uint64_t>(fen);
  std::string yuan = std::to_string(magnitude / 100);
  if (grouped) {
    for (int pos = static_cast<int>(yuan.size()) - 3; pos > 0; pos -= 3) {
      yuan.insert(static_cast<size_t>(pos), 1, ',');
    }
  }
  return fmt::format("{}{}.{:02d}", fen < 0 ? "-" : "", yuan, magnitude % 100);
}

}  // namespace

StatusOr<Money> Money::Parse(std::string_view text) {
  const std::string trimmed = TrimSpace(text);
  std::string_view rest = trimmed;
  if (rest.empty()) return InvalidArgumentError("金额为空", "empty_money");

  bool negative = false;
  if (rest.starts_with('-')) {
    negative = true;
    rest.remove_prefix(1);
  }
  if (rest.starts_with("￥")) {
    rest.remove_prefix(std::string_view("￥").size());
  } else if (rest.starts_with("¥")) {
    rest.remove_prefix(std::string_view("¥").size());
  }
  if (!negative && rest.starts_with('-')) {
    negative = true;
    rest.remove_prefix(1);
  }

  const size_t dot = rest.find('.');
  const std::string_view integer_part = rest.substr(0, dot);
  const std::string_view fraction_part =
      dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  if (integer_part.empty()) return FormatError(trimmed);
  if (dot != std::string_view::npos && fraction_part.empty()) return FormatError(trimmed);
  for (char c : integer_part) {
    if (!IsDigit(c) && c != ',') return FormatError(trimmed);
  }
  for (char c : fraction_part) {
    if (!IsDigit(c)) return FormatError(trimmed);
  }

  // Commas must split the integer part into a 1–3 digit head and groups of exactly three.
  if (integer_part.find(',') != std::string_view::npos) {
    size_t group_start = 0;
    bool first = true;
    while (true) {
      const size_t comma = integer_part.find(',', group_start);
      const size_t group_length =
          (comma == std::string_view::npos ? integer_part.size() : comma) - group_start;
      const bool bad = first ? (group_length < 1 || group_length > 3) : group_length != 3;
      if (bad) {
        return InvalidArgumentError(
            fmt::format("金额 “{}” 的千位分隔符位置不对（应每三位一个逗号，如 1,234,567.00）",
                        trimmed),
            "bad_thousands_separator");
      }
      if (comma == std::string_view::npos) break;
      group_start = comma + 1;
      first = false;
    }
  }

  // Digits past the second decimal are allowed only when they are zeros.
  for (size_t i = 2; i < fraction_part.size(); ++i) {
    if (fraction_part[i] != '0') {
      return InvalidArgumentError(
          fmt::format("金额 “{}” 的小数超过两位（金额以元为单位，最小到分）", trimmed),
          "too_many_decimals");
    }
  }

  int64_t fen = 0;
  auto append_digit = [&fen](char c) {
    return !__builtin_mul_overflow(fen, 10, &fen) && !__builtin_add_overflow(fen, c - '0', &fen);
  };
  for (char c : integer_part) {
    if (c != ',' && !append_digit(c)) return OverflowError(trimmed);
  }
  for (size_t i = 0; i < 2; ++i) {
    if (!append_digit(i < fraction_part.size() ? fraction_part[i] : '0')) {
      return OverflowError(trimmed);
    }
  }
  return Money(negative ? -fen : fen);
}

std::string Money::ToString() const { return FormatFen(fen_, /*grouped=*/false); }

std::string Money::ToGroupedString() const { return FormatFen(fen_, /*grouped=*/true); }

StatusOr<Money> Money::Add(Money other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(fen_, other.fen_, &sum)) {
    return OutOfRangeError(
        fmt::format("金额相加超出可表示的范围：{} + {}", ToString(), other.ToString()),
        "money_overflow");
  }
  return Money(sum);
}

StatusOr<Money> Money::Subtract(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(fen_, other.fen_, &difference)) {
    return OutOfRangeError(
        fmt::format("金额相减超出可表示的范围：{} - {}", ToString(), other.ToString()),
        "money_overflow");
  }
  return Money(difference);
}

std::ostream& operator<<(std::ostream& os, Money money) { return os << money.ToString(); }

}  // namespace sunlight
