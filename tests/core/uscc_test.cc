// Tests for Uscc: GB 32100-2015 check characters on published codes, and rejections.
#include "core/uscc.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace sunlight {
namespace {

std::string ParseReason(std::string_view text) {
  StatusOr<Uscc> code = Uscc::Parse(text);
  return code.ok() ? "ok" : std::string(code.status().reason());
}

TEST(UsccTest, PublishedCodes) {
  // The example in GB 32100-2015, and codes published by well-known companies.
  for (std::string_view text :
       {"91350100M000100Y43", "91110000802100433B", "91440300708461136T", "914403001922038216"}) {
    StatusOr<Uscc> code = Uscc::Parse(text);
    ASSERT_TRUE(code.ok()) << text << ": " << code.status();
    EXPECT_EQ(code->str(), text);
  }
  const Uscc code = Uscc::Parse("91350100M000100Y43").value();
  EXPECT_EQ(code.registration_authority(), '9');
  EXPECT_EQ(code.region_code(), "350100");
}

TEST(UsccTest, CheckCharacter) {
  EXPECT_EQ(Uscc::CheckCharacter("91350100M000100Y4").value(), '3');
  EXPECT_EQ(Uscc::CheckCharacter("91110000802100433").value(), 'B');
  EXPECT_EQ(Uscc::CheckCharacter("91440300708461136").value(), 'T');
  EXPECT_EQ(Uscc::CheckCharacter("9135010").status().reason(), "uscc_length");
  EXPECT_EQ(Uscc::CheckCharacter("91350100I000100Y4").status().reason(), "uscc_bad_char");
  EXPECT_EQ(Uscc::CheckCharacter("91350100m000100Y4").status().reason(), "uscc_bad_char");
}

TEST(UsccTest, EveryCheckCharacterIsReachable) {
  // Vary one position until all 31 check characters have appeared, and each parses.
  const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string seen;
  for (char c : alphabet) {
    std::string first17 = "91350100M000100Y4";
    first17[16] = c;
    const char check = Uscc::CheckCharacter(first17).value();
    seen += check;
    EXPECT_TRUE(Uscc::Parse(first17 + check).ok()) << first17 + check;
  }
  std::sort(seen.begin(), seen.end());
  std::string sorted_alphabet = alphabet;
  std::sort(sorted_alphabet.begin(), sorted_alphabet.end());
  EXPECT_EQ(seen, sorted_alphabet);
}

TEST(UsccTest, UpperCasesAndTrims) {
  StatusOr<Uscc> code = Uscc::Parse("  91350100m000100y43 ");
  ASSERT_TRUE(code.ok()) << code.status();
  EXPECT_EQ(code->str(), "91350100M000100Y43");
}

TEST(UsccTest, Rejections) {
  EXPECT_EQ(ParseReason("91350100M000100Y44"), "bad_check_character");
  EXPECT_EQ(ParseReason("91350100M000100Y34"), "bad_check_character");  // transposition
  EXPECT_EQ(ParseReason("12100000400000770A"), "bad_check_character");
  EXPECT_EQ(ParseReason(""), "uscc_length");
  EXPECT_EQ(ParseReason("91350100M000100Y4"), "uscc_length");
  EXPECT_EQ(ParseReason("91350100M000100Y433"), "uscc_length");
  EXPECT_EQ(ParseReason("91350100O000100Y43"), "uscc_bad_char");  // O
  EXPECT_EQ(ParseReason("91350100M0001I0Y43"), "uscc_bad_char");  // I
  EXPECT_EQ(ParseReason("91350100M000100S43"), "uscc_bad_char");  // S
  EXPECT_EQ(ParseReason("91350100M000100Y4-"), "uscc_bad_char");
  EXPECT_EQ(ParseReason("９1350100M000100Y43"), "uscc_bad_char");  // full-width 9
  EXPECT_EQ(ParseReason("01350100M000100Y43"), "uscc_bad_authority");
  EXPECT_EQ(ParseReason("B1350100M000100Y43"), "uscc_bad_authority");
  EXPECT_EQ(ParseReason("913501A0M000100Y43"), "uscc_bad_region");
}

TEST(UsccTest, OtherAuthorities) {
  // 1 机构编制 (public institutions), 5 民政 (social organisations), Y 其他.
  for (std::string first17 : {"12100000400000770", "53100000500000000", "Y1520521000000000",
                              "N2520521MA0000000", "31520000000000000"}) {
    const char check = Uscc::CheckCharacter(first17).value();
    EXPECT_TRUE(Uscc::Parse(first17 + check).ok()) << first17 + check;
  }
}

}  // namespace
}  // namespace sunlight
