// BatchKeys: a repeated key is found with its first row whether the keys come in order,
// out of order, or in order and then not.
#include "ledger/import/batch_keys.h"

#include <gtest/gtest.h>

#include <string>

namespace sunlight::ledger {
namespace {

TEST(BatchKeysTest, KeysInOrderAreNewAndARepeatOfTheLastIsFound) {
  BatchKeys keys;
  EXPECT_EQ(keys.FirstRowOf("ZF1", 2), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF2", 3), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF3", 4), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF3", 5), 4);
}

TEST(BatchKeysTest, ARepeatOfAnEarlyKeyAfterTheOrderBreaksIsFound) {
  BatchKeys keys;
  for (int n = 0; n < 1000; ++n) {
    ASSERT_EQ(keys.FirstRowOf("ZF" + std::to_string(10000 + n), n + 2), std::nullopt);
  }
  EXPECT_EQ(keys.FirstRowOf("ZF10000", 5000), 2);  // out of order
  EXPECT_EQ(keys.FirstRowOf("ZF10500", 5001), 502);
  EXPECT_EQ(keys.FirstRowOf("ZF10999", 5002), 1001);
  // New keys, smaller than the run's, inside it or past it, are new once and repeated after.
  EXPECT_EQ(keys.FirstRowOf("ZF0", 5003), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF10500x", 5004), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF99999", 5005), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF0", 5006), 5003);
  EXPECT_EQ(keys.FirstRowOf("ZF10500x", 5007), 5004);
  EXPECT_EQ(keys.FirstRowOf("ZF99999", 5008), 5005);
}

TEST(BatchKeysTest, KeysInOrderAfterOnesOutOfPlace) {
  BatchKeys keys;
  EXPECT_EQ(keys.FirstRowOf("ZF5", 2), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF3", 3), std::nullopt);  // out of place
  EXPECT_EQ(keys.FirstRowOf("ZF4", 4), std::nullopt);  // still below ZF5
  EXPECT_EQ(keys.FirstRowOf("ZF6", 5), std::nullopt);  // in order again
  EXPECT_EQ(keys.FirstRowOf("ZF7", 6), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("ZF3", 7), 3);
  EXPECT_EQ(keys.FirstRowOf("ZF4", 8), 4);
  EXPECT_EQ(keys.FirstRowOf("ZF5", 9), 2);
  EXPECT_EQ(keys.FirstRowOf("ZF6", 10), 5);
  EXPECT_EQ(keys.FirstRowOf("ZF7", 11), 6);
}

TEST(BatchKeysTest, KeysOutOfOrderFromTheStart) {
  BatchKeys keys;
  EXPECT_EQ(keys.FirstRowOf("b", 2), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("a", 3), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("c", 4), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("b", 5), 2);
  EXPECT_EQ(keys.FirstRowOf("a", 6), 3);
  EXPECT_EQ(keys.FirstRowOf("c", 7), 4);
}

TEST(BatchKeysTest, APrefixIsAnotherKeyAndPartsAreCompared) {
  BatchKeys keys;
  // Composite keys as the importer builds them: each part followed by 0x1F.
  EXPECT_EQ(keys.FirstRowOf("H1\x1f"
                            "110101\x1f",
                            2),
            std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("H1\x1f"
                            "1101010\x1f",
                            3),
            std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("H1\x1f", 4), std::nullopt);  // out of order
  EXPECT_EQ(keys.FirstRowOf("H1\x1f"
                            "110101\x1f",
                            5),
            2);
  EXPECT_EQ(keys.FirstRowOf("H1\x1f"
                            "1101010\x1f",
                            6),
            3);
  EXPECT_EQ(keys.FirstRowOf("H1\x1f", 7), 4);
}

TEST(BatchKeysTest, NonAsciiKeysAfterAsciiOnes) {
  BatchKeys keys;
  // UTF-8 lead bytes sort after ASCII (compared unsigned): still in order, still found.
  EXPECT_EQ(keys.FirstRowOf("Z", 2), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("户1", 3), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("户2", 4), std::nullopt);
  EXPECT_EQ(keys.FirstRowOf("Z", 5), 2);
  EXPECT_EQ(keys.FirstRowOf("户1", 6), 3);
}

}  // namespace
}  // namespace sunlight::ledger
