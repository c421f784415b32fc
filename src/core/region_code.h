// RegionCode: the syntax of a division code (统计用区划代码 and its GB/T 2260 prefixes).
// Whether a code exists is a question for the store's region table (loaded from
// ReadDivisions); this type only makes sure the text can be a code and puts it in one form.
//
// Levels and lengths: 1 province 2 digits (52), 2 city 4 (5205), 3 county 6 (520521),
// 4 township 9 (520521001), 5 village 12 (520521001001).
//
// Parse canonicalises padded codes to their shortest level form by dropping trailing zero
// groups at the level boundaries: "520521000000" → "520521", "520000000000" → "52",
// "520000" (GB/T 2260 style) → "52". That is right nearly always, but a few real codes end
// in a zero group — 东莞市's county-level code 441900, 金门县's township 350527000 — so
// CandidateForms() lists every reading, longest first, for a caller to keep the first one
// the region table holds. ParseExact keeps the text as given.
//
// Reasons: region_not_digits, region_length.
#pragma once

#include <compare>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace sunlight {

class RegionCode {
 public:
  // Digits of length 2, 4, 6, 9 or 12 (surrounding spaces ignored), canonicalised.
  [[nodiscard]] static StatusOr<RegionCode> Parse(std::string_view text);
  // As Parse, without canonicalising: for codes read from the division table itself.
  [[nodiscard]] static StatusOr<RegionCode> ParseExact(std::string_view text);

  // The code length of `level` (1..5), or 0 for other levels.
  static int LengthOfLevel(int level);

  const std::string& str() const { return str_; }
  // 1 province .. 5 village.
  int level() const;
  // The code one level up ("520521" → "5205"), taken as a prefix and not canonicalised
  // (the parent of 441900003 is 441900); empty for a province.
  std::string parent() const;
  // True if this code is `other` or one of its ancestors.
  bool IsPrefixOf(const RegionCode& other) const;
  // Padded with zeros to 12 digits, as some systems store codes.
  std::string ToFullCode() const;
  // The text as parsed and every form obtained by dropping trailing zero groups, longest
  // first: "441900000000" → {"441900000000", "441900000", "441900", "4419"}. At least one;
  // includes str().
  const std::vector<std::string>& CandidateForms() const { return candidates_; }

  friend bool operator==(const RegionCode& a, const RegionCode& b) { return a.str_ == b.str_; }
  friend std::strong_ordering operator<=>(const RegionCode& a, const RegionCode& b) {
    return a.str_ <=> b.str_;
  }

 private:
  RegionCode(std::string str, std::vector<std::string> candidates)
      : str_(std::move(str)), candidates_(std::move(candidates)) {}

  std::string str_;
  std::vector<std::string> candidates_;
};

std::ostream& operator<<(std::ostream& os, const RegionCode& code);

}  // namespace sunlight
