// KeyIndex: the importer's set of keys with their first row.
#include "core/key_index.h"

#include <gtest/gtest.h>

#include <string>

namespace sunlight {
namespace {

TEST(KeyIndexTest, TheFirstValueOfAKeyStays) {
  KeyIndex index;
  EXPECT_FALSE(index.Contains("ZF0001"));
  EXPECT_EQ(index.Emplace("ZF0001", 12), std::make_pair(int64_t{12}, true));
  EXPECT_EQ(index.Emplace("ZF0001", 40), std::make_pair(int64_t{12}, false));
  EXPECT_TRUE(index.Contains("ZF0001"));
  EXPECT_FALSE(index.Contains("ZF000"));    // a prefix is another key
  EXPECT_FALSE(index.Contains("ZF00010"));  // and so is a longer one
  EXPECT_EQ(index.size(), 1u);
}

TEST(KeyIndexTest, EmptyChineseAndBinaryKeysAreKeys) {
  KeyIndex index;
  EXPECT_TRUE(index.Emplace("", 1).second);
  EXPECT_TRUE(index.Emplace("毕节市大方县", 2).second);
  EXPECT_TRUE(index.Emplace(std::string("a\0b", 3), 3).second);
  EXPECT_TRUE(index.Emplace(std::string("a\0c", 3), 4).second);
  EXPECT_EQ(index.Emplace("", 9).first, 1);
  EXPECT_EQ(index.Emplace("毕节市大方县", 9).first, 2);
  EXPECT_EQ(index.Emplace(std::string("a\0c", 3), 9).first, 4);
  EXPECT_FALSE(index.Contains("a"));
  EXPECT_EQ(index.size(), 4u);
}

TEST(KeyIndexTest, AMillionKeysSurviveGrowthAndFindTheirRows) {
  // Far past the first table size and the first arena block, so both grow many times.
  KeyIndex index;
  constexpr int64_t kKeys = 1'000'000;
  for (int64_t row = 0; row < kKeys; ++row) {
    ASSERT_TRUE(index.Emplace("520521" + std::to_string(row * 7919), row).second) << row;
  }
  EXPECT_EQ(index.size(), static_cast<size_t>(kKeys));
  for (int64_t row = 0; row < kKeys; row += 997) {
    auto [first, inserted] = index.Emplace("520521" + std::to_string(row * 7919), -1);
    EXPECT_FALSE(inserted) << row;
    EXPECT_EQ(first, row);
  }
  EXPECT_FALSE(index.Contains("520521" + std::to_string(3 * 7919 + 1)));
  EXPECT_GT(index.MemoryBytes(), static_cast<size_t>(kKeys) * 24);
}

TEST(KeyIndexTest, AKeyLargerThanABlockIsKept) {
  KeyIndex index;
  const std::string huge(3 << 20, 'x');
  EXPECT_TRUE(index.Emplace("small", 1).second);
  EXPECT_TRUE(index.Emplace(huge, 2).second);
  EXPECT_TRUE(index.Emplace("after", 3).second);
  EXPECT_EQ(index.Emplace(huge, 9).first, 2);
  EXPECT_TRUE(index.Contains("small"));
  EXPECT_TRUE(index.Contains("after"));
}

TEST(KeyIndexTest, FindGivesTheValueAndEmplaceTheKeptKey) {
  KeyIndex index;
  EXPECT_EQ(index.Find("H001"), nullptr);
  std::string_view stored;
  std::string key = "H001";
  EXPECT_TRUE(index.Emplace(key, 7, &stored).second);
  key = "XXXX";  // the index keeps its own copy
  EXPECT_EQ(stored, "H001");
  ASSERT_NE(index.Find("H001"), nullptr);
  EXPECT_EQ(*index.Find("H001"), 7);
  std::string_view again;
  EXPECT_FALSE(index.Emplace("H001", 9, &again).second);
  EXPECT_EQ(again.data(), stored.data());  // the same kept bytes, not a new copy
  EXPECT_EQ(index.Find("XXXX"), nullptr);
}

TEST(KeyIndexTest, ReserveKeepsTheKeysAndTheBatchedPathAgrees) {
  KeyIndex index;
  for (int idx = 0; idx < 1000; ++idx) index.Emplace("P" + std::to_string(idx), idx);
  const size_t before = index.MemoryBytes();
  index.Reserve(200'000);  // a rehash into a larger table
  EXPECT_GT(index.MemoryBytes(), before);
  const size_t reserved = index.MemoryBytes();
  for (int idx = 0; idx < 200'000; ++idx) {
    const std::string key = "P" + std::to_string(idx);
    const uint64_t hash = KeyIndex::HashOf(key);
    index.Prefetch(hash);
    auto [value, inserted] = index.EmplaceHashed(key, hash, idx + 1'000'000);
    ASSERT_EQ(inserted, idx >= 1000) << key;
    ASSERT_EQ(value, idx < 1000 ? idx : idx + 1'000'000) << key;
  }
  EXPECT_EQ(index.size(), 200'000u);
  // The table did not grow again: only the arena's blocks were added.
  EXPECT_LT(index.MemoryBytes() - reserved, size_t{8} << 20);
  EXPECT_EQ(*index.Find("P999"), 999);
  index.Reserve(10);  // never shrinks
  EXPECT_EQ(*index.Find("P199999"), 1'199'999);
}

}  // namespace
}  // namespace sunlight
