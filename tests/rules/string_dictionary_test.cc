// StringDictionary: interning, appended keys, and absorbing a dictionary filled elsewhere.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/snapshot.h"

namespace sunlight::rules {
namespace {

TEST(StringDictionaryTest, InternGivesOneCodePerText) {
  StringDictionary dict;
  const Code a = dict.Intern("G520502");
  EXPECT_EQ(dict.Intern("G520502"), a);
  const Code b = dict.Intern("毕节市");
  EXPECT_NE(a, b);
  EXPECT_EQ(dict.Intern(""), kNullCode);
  EXPECT_EQ(dict.Find("毕节市"), b);
  EXPECT_EQ(dict.Find("毕节"), kNullCode);
  EXPECT_EQ(dict.Text(b), "毕节市");
  EXPECT_EQ(dict.Text(kNullCode), "");
  EXPECT_EQ(dict.size(), 2u);
}

TEST(StringDictionaryTest, AppendedTextsGetNewCodesAndAreNotFound) {
  StringDictionary dict;
  const Code interned = dict.Intern("ZF0001");
  const Code appended = dict.Append("ZF0001");
  EXPECT_NE(appended, interned);
  EXPECT_NE(dict.Append("ZF0001"), appended);  // every Append is a new code
  EXPECT_EQ(dict.Text(appended), "ZF0001");
  EXPECT_EQ(dict.Find("ZF0001"), interned);
  EXPECT_EQ(dict.Append(""), kNullCode);
  dict.Append("ZF0002");
  EXPECT_EQ(dict.Find("ZF0002"), kNullCode);
  EXPECT_EQ(dict.size(), 4u);
}

TEST(StringDictionaryTest, AbsorbMapsEveryCodeToTheSameText) {
  StringDictionary main;
  main.Intern("H001");
  main.Intern("H002");
  StringDictionary other;
  std::vector<Code> other_codes = {other.Append("P1"), other.Intern("H002"), other.Intern("H009"),
                                   other.Append("P2"), other.Intern("H002")};
  const std::vector<std::string> texts = {"P1", "H002", "H009", "P2", "H002"};
  const std::vector<Code> here = main.Absorb(std::move(other));
  ASSERT_EQ(here.size(), 4u);  // other held four codes
  for (size_t idx = 0; idx < texts.size(); ++idx) {
    EXPECT_EQ(main.Text(here[other_codes[idx]]), texts[idx]) << idx;
  }
  // Interned texts meet their equals; appended ones stay apart and unfound.
  EXPECT_EQ(here[other_codes[1]], main.Find("H002"));
  EXPECT_EQ(here[other_codes[2]], main.Find("H009"));
  EXPECT_EQ(main.Find("P1"), kNullCode);
  EXPECT_EQ(main.size(), 5u);  // H001 H002 P1 H009 P2
  EXPECT_GT(main.MemoryBytes(), 0u);
}

TEST(StringDictionaryTest, InternBatchGivesWhatInternGives) {
  StringDictionary one;
  StringDictionary batched;
  batched.Reserve(10, 10);
  std::vector<std::string> owned;
  for (int idx = 0; idx < 5000; ++idx) owned.push_back("H" + std::to_string(idx % 1700));
  owned[7] = "";
  std::vector<std::string_view> texts(owned.begin(), owned.end());
  std::vector<Code> codes(texts.size());
  batched.InternBatch(std::span<const std::string_view>(texts).first(2500),
                      std::span<Code>(codes).first(2500));
  batched.InternBatch(std::span<const std::string_view>(texts).subspan(2500),
                      std::span<Code>(codes).subspan(2500));
  for (size_t idx = 0; idx < texts.size(); ++idx) {
    ASSERT_EQ(codes[idx], one.Intern(texts[idx])) << idx;
    ASSERT_EQ(batched.Text(codes[idx]), texts[idx]) << idx;
  }
  EXPECT_EQ(codes[7], kNullCode);
  EXPECT_EQ(batched.size(), one.size());
  EXPECT_EQ(batched.Find("H1699"), one.Find("H1699"));
}

}  // namespace
}  // namespace sunlight::rules
