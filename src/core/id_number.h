// IdNumber: an 18-character resident identity number (公民身份号码, GB 11643-1999).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(IdNumber id, IdNumber::Parse("11010519491231002x"));
//   id.str();         // "11010519491231002X"
//   id.birth_date();  // 1949-12-31
//   id.Masked();      // "110105********002X"
//
// Layout: 6-digit address code (where the number was first issued), 8-digit birth date,
// 3-digit sequence (odd for men, even for women), and a check character computed with
// ISO 7064 MOD 11-2 over the first 17 digits ('X' stands for 10).
//
// Validation: length 18; 17 digits and a digit or X/x (stored as 'X'); the check
// character; a province-level prefix (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82);
// a real birth date between 1900-01-01 and today. The full 6-digit address code is
// deliberately NOT checked against today's division table: a number keeps the county code
// in force when it was issued, and many of those counties have since been merged, renamed
// or abolished, so a strict check would reject real people. 15-digit first-generation
// numbers are rejected: the interchange format requires 18.
//
// Personal data: status messages and operator<< show the masked form, never the number.
//
// Reasons: id_length, id_not_digits, bad_check_digit, bad_region_prefix, bad_birth_date.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace sunlight {

class IdNumber {
 public:
  // Surrounding spaces are ignored.
  [[nodiscard]] static StatusOr<IdNumber> Parse(std::string_view text);
  // As Parse, with "today" given (tests, and re-validating archived data as of a date).
  [[nodiscard]] static StatusOr<IdNumber> Parse(std::string_view text, Date today);

  // The check character ('0'..'9' or 'X') for the first 17 characters.
  // REQUIRES: first17 is exactly 17 ASCII digits.
  static char CheckDigit(std::string_view first17);

  // The 18 characters, the last one upper-case.
  const std::string& str() const { return str_; }
  // The 6-digit address code where the number was issued.
  std::string_view region_prefix() const { return std::string_view(str_).substr(0, 6); }
  Date birth_date() const { return birth_date_; }
  bool is_male() const { return (str_[16] - '0') % 2 == 1; }
  // Full years of age on `date` (0 before the first birthday; negative before birth).
  int AgeOn(Date date) const;

  // First 6 + "********" + last 4, e.g. "110105********002X".
  std::string Masked() const;

  friend bool operator==(const IdNumber& a, const IdNumber& b) { return a.str_ == b.str_; }
  friend std::strong_ordering operator<=>(const IdNumber& a, const IdNumber& b) {
    return a.str_ <=> b.str_;
  }

 private:
  IdNumber(std::string str, Date birth_date) : str_(std::move(str)), birth_date_(birth_date) {}

  std::string str_;
  Date birth_date_;
};

std::ostream& operator<<(std::ostream& os, const IdNumber& id);

}  // namespace sunlight
