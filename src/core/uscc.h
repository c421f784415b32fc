// Uscc: an 18-character unified social credit code (统一社会信用代码, GB 32100-2015), the
// identifier of companies, public institutions and social organisations that contract for
// projects and receive payments.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(Uscc code, Uscc::Parse("91350100M000100Y43"));
//
// Layout: 1 registration authority (1 机构编制, 5 民政, 9 工商/市场监管, Y 其他, ...),
// 1 organisation type, 6-digit region code of the registering authority, 9-character
// organisation code, 1 check character. Characters come from "0123456789ABCDEFGHJKLMNPQRTUWXY"
// (no I, O, Z, S, V). Check: with weights 3^i mod 31, c = (31 - Σ value·weight mod 31) mod 31.
//
// Parse upper-cases ASCII letters and ignores surrounding spaces; it checks the length, the
// alphabet, the authority (one of 1–9, A, N, Y), digits in the region code, and the check
// character. Reasons: uscc_length, uscc_bad_char, uscc_bad_authority, uscc_bad_region,
// bad_check_character.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/status.h"

namespace sunlight {

class Uscc {
 public:
  [[nodiscard]] static StatusOr<Uscc> Parse(std::string_view text);
  // The check character for the first 17 characters (upper-case, from the alphabet);
  // InvalidArgument (uscc_length, uscc_bad_char) otherwise.
  [[nodiscard]] static StatusOr<char> CheckCharacter(std::string_view first17);

  const std::string& str() const { return str_; }
  char registration_authority() const { return str_[0]; }
  // Characters 3–8: the region of the registering authority (GB/T 2260 style, 6 digits).
  std::string_view region_code() const { return std::string_view(str_).substr(2, 6); }

  friend bool operator==(const Uscc& a, const Uscc& b) { return a.str_ == b.str_; }
  friend std::strong_ordering operator<=>(const Uscc& a, const Uscc& b) {
    return a.str_ <=> b.str_;
  }

 private:
  explicit Uscc(std::string str) : str_(std::move(str)) {}

  std::string str_;
};

std::ostream& operator<<(std::ostream& os, const Uscc& code);

}  // namespace sunlight
