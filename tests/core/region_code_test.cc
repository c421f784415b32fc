// Tests for RegionCode: syntax, canonicalisation of zero groups, candidate forms for the
// real codes that end in zero groups, levels, parents and prefixes.
#include "core/region_code.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sunlight {
namespace {

RegionCode R(std::string_view text) {
  StatusOr<RegionCode> code = RegionCode::Parse(text);
  EXPECT_TRUE(code.ok()) << text << ": " << code.status();
  return code.value();
}

std::string ParseReason(std::string_view text) {
  StatusOr<RegionCode> code = RegionCode::Parse(text);
  return code.ok() ? "ok" : std::string(code.status().reason());
}

TEST(RegionCodeTest, LevelsByLength) {
  EXPECT_EQ(R("52").level(), 1);
  EXPECT_EQ(R("5205").level(), 2);
  EXPECT_EQ(R("520521").level(), 3);
  EXPECT_EQ(R("520521001").level(), 4);
  EXPECT_EQ(R("520521001001").level(), 5);
  EXPECT_EQ(R(" 520521 ").str(), "520521");
}

TEST(RegionCodeTest, Syntax) {
  for (std::string_view text : {"", "5", "520", "52052", "5205210", "52052100", "5205210010",
                                "52052100100", "5205210010010"}) {
    EXPECT_EQ(ParseReason(text), "region_length") << text;
  }
  for (std::string_view text : {"52a5", "52-05", "５２", "52 05", "+52"}) {
    EXPECT_EQ(ParseReason(text), "region_not_digits") << text;
  }
}

TEST(RegionCodeTest, CanonicalisesZeroGroups) {
  EXPECT_EQ(R("520521000000").str(), "520521");
  EXPECT_EQ(R("520000000000").str(), "52");
  EXPECT_EQ(R("520500000000").str(), "5205");
  EXPECT_EQ(R("520521001000").str(), "520521001");
  EXPECT_EQ(R("520000").str(), "52");  // GB/T 2260 style
  EXPECT_EQ(R("520500").str(), "5205");
  EXPECT_EQ(R("5200").str(), "52");
  EXPECT_EQ(R("520521100").str(), "520521100");  // a zero inside the group is not a group
  EXPECT_EQ(R("520521001010").str(), "520521001010");
  EXPECT_EQ(R("520521000000"), R("520521"));
}

TEST(RegionCodeTest, CandidateFormsLongestFirst) {
  EXPECT_EQ(R("520521000000").CandidateForms(),
            (std::vector<std::string>{"520521000000", "520521000", "520521"}));
  // 东莞市 has no counties: its county-level code is 441900, and its towns are 441900xxx.
  EXPECT_EQ(R("441900000000").CandidateForms(),
            (std::vector<std::string>{"441900000000", "441900000", "441900", "4419"}));
  // 金门县's only township is 350527000 and its village 350527000000.
  EXPECT_EQ(R("350527000000").CandidateForms(),
            (std::vector<std::string>{"350527000000", "350527000", "350527"}));
  EXPECT_EQ(R("520521001001").CandidateForms(), (std::vector<std::string>{"520521001001"}));
  EXPECT_EQ(R("52").CandidateForms(), (std::vector<std::string>{"52"}));
}

TEST(RegionCodeTest, ParseExactKeepsTheText) {
  StatusOr<RegionCode> code = RegionCode::ParseExact("441900");
  ASSERT_TRUE(code.ok());
  EXPECT_EQ(code->str(), "441900");
  EXPECT_EQ(code->level(), 3);
  EXPECT_EQ(code->CandidateForms(), (std::vector<std::string>{"441900"}));
  EXPECT_EQ(RegionCode::ParseExact("4419000").status().reason(), "region_length");
}

TEST(RegionCodeTest, ParentAndPrefix) {
  EXPECT_EQ(R("520521001001").parent(), "520521001");
  EXPECT_EQ(R("520521001").parent(), "520521");
  EXPECT_EQ(R("520521").parent(), "5205");
  EXPECT_EQ(R("5205").parent(), "52");
  EXPECT_EQ(R("52").parent(), "");
  EXPECT_EQ(R("441900003").parent(), "441900");  // not canonicalised
  EXPECT_TRUE(R("52").IsPrefixOf(R("520521001001")));
  EXPECT_TRUE(R("520521").IsPrefixOf(R("520521")));
  EXPECT_FALSE(R("520521001001").IsPrefixOf(R("520521")));
  EXPECT_FALSE(R("5205").IsPrefixOf(R("5201")));
  EXPECT_FALSE(R("44").IsPrefixOf(R("52")));
}

TEST(RegionCodeTest, FullCodeAndLevels) {
  EXPECT_EQ(R("52").ToFullCode(), "520000000000");
  EXPECT_EQ(R("520521001").ToFullCode(), "520521001000");
  EXPECT_EQ(R("520521001001").ToFullCode(), "520521001001");
  EXPECT_EQ(RegionCode::LengthOfLevel(1), 2);
  EXPECT_EQ(RegionCode::LengthOfLevel(4), 9);
  EXPECT_EQ(RegionCode::LengthOfLevel(5), 12);
  EXPECT_EQ(RegionCode::LengthOfLevel(6), 0);
  EXPECT_LT(R("44"), R("52"));
}

}  // namespace
}  // namespace sunlight
