// BankAccount: a bank account or card number that subsidies are paid into (一卡通账号,
// payee_account).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(BankAccount account, BankAccount::Parse("6222 0200 1234 5678 901"));
//   account.digits();      // "6222020012345678901"
//   account.LuhnValid();   // a question for rule A03, never a reason to reject
//   account.Masked();      // "622202*********8901"
//
// Parse removes spaces (ASCII, U+3000, U+00A0) and hyphens, then requires 8–32 ASCII
// digits. A failed Luhn check is NOT an error here: fabricated card numbers are what the
// warning rules look for, so they must reach the ledger. Reasons: account_not_digits,
// account_length.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight {

// True if `digits` (ASCII digits only, at least 2) passes the Luhn (mod 10) check.
[[nodiscard]] bool LuhnValid(std::string_view digits);
// The digit to append to `payload` so that it passes the Luhn check.
// REQUIRES: payload is ASCII digits.
[[nodiscard]] char LuhnCheckDigit(std::string_view payload);

class BankAccount {
 public:
  static constexpr size_t kMinLength = 8;
  static constexpr size_t kMaxLength = 32;

  [[nodiscard]] static StatusOr<BankAccount> Parse(std::string_view text);

  // The digits, without separators.
  const std::string& digits() const { return digits_; }
  // 16 to 19 digits: the length of a bank card (银行卡) rather than a passbook or corporate
  // account; only then does LuhnValid() mean anything.
  bool IsCardLength() const { return digits_.size() >= 16 && digits_.size() <= 19; }
  bool LuhnValid() const { return sunlight::LuhnValid(digits_); }

  // 14 digits or more: first 6 (the bank's BIN) + '*' for each hidden digit + last 4.
  // Shorter numbers show only the first 2 and last 2, so that at least 4 stay hidden.
  std::string Masked() const;

  friend bool operator==(const BankAccount& a, const BankAccount& b) {
    return a.digits_ == b.digits_;
  }
  friend std::strong_ordering operator<=>(const BankAccount& a, const BankAccount& b) {
    return a.digits_ <=> b.digits_;
  }

 private:
  explicit BankAccount(std::string digits) : digits_(std::move(digits)) {}

  std::string digits_;
};

// Prints the masked form: account numbers are personal data.
std::ostream& operator<<(std::ostream& os, const BankAccount& account);

}  // namespace sunlight
