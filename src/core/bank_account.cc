// BankAccount: separator stripping, length checks, Luhn.
#include "core/bank_account.h"

#include <fmt/format.h>

#include <ostream>

namespace sunlight {
namespace {

// Sum of the Luhn-weighted digits of `digits`, doubling every second digit from the right
// starting at the rightmost when `double_rightmost`.
int LuhnSum(std::string_view digits, bool double_rightmost) {
  int sum = 0;
  bool double_it = double_rightmost;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (double_it) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double_it = !double_it;
  }
  return sum;
}

}  // namespace

bool LuhnValid(std::string_view digits) {
  if (digits.size() < 2) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return LuhnSum(digits, /*double_rightmost=*/false) % 10 == 0;
}

char LuhnCheckDigit(std::string_view payload) {
  // Once the check digit is appended, the payload's rightmost digit becomes second from the
  // right, so it is doubled.
  const int sum = LuhnSum(payload, /*double_rightmost=*/true);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

StatusOr<BankAccount> BankAccount::Parse(std::string_view text) {
  std::string digits;
  digits.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const std::string_view rest = text.substr(pos);
    if (rest.starts_with("\u3000")) {
      pos += 3;
      continue;
    }
    if (rest.starts_with("\u00A0")) {
      pos += 2;
      continue;
    }
    const char c = text[pos++];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-') continue;
    if (c < '0' || c > '9') {
      return InvalidArgumentError(
          "银行账号只能包含数字（可用空格或连字符分隔），不能有字母、全角数字或其他符号",
          "account_not_digits");
    }
    digits.push_back(c);
  }
  if (digits.size() < kMinLength || digits.size() > kMaxLength) {
    return InvalidArgumentError(
        fmt::format("银行账号应为 {}–{} 位数字，现为 {} 位", kMinLength, kMaxLength, digits.size()),
        "account_length");
  }
  return BankAccount(std::move(digits));
}

std::string BankAccount::Masked() const {
  const size_t head = digits_.size() >= 14 ? 6 : 2;
  const size_t tail = digits_.size() >= 14 ? 4 : 2;
  return digits_.substr(0, head) + std::string(digits_.size() - head - tail, '*') +
         digits_.substr(digits_.size() - tail);
}

std::ostream& operator<<(std::ostream& os, const BankAccount& account) {
  return os << account.Masked();
}

}  // namespace sunlight
