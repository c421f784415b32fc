// Arena: copies stay valid and intact while the arena grows past many blocks.
#include "core/arena.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace sunlight {
namespace {

TEST(ArenaTest, CopiesStayIntactAcrossBlocks) {
  Arena arena;
  std::vector<std::string_view> kept;
  for (int idx = 0; idx < 300'000; ++idx) {  // ≈ 4 MiB: several blocks
    kept.push_back(arena.Copy("毕节" + std::to_string(idx)));
  }
  for (int idx = 0; idx < 300'000; ++idx) {
    ASSERT_EQ(kept[idx], "毕节" + std::to_string(idx)) << idx;
  }
  EXPECT_GE(arena.MemoryBytes(), size_t{3} << 20);
}

TEST(ArenaTest, ATextLargerThanABlockGetsItsOwn) {
  Arena arena;
  std::string_view small = arena.Copy("a");
  const std::string big(3 << 20, 'x');
  std::string_view copied = arena.Copy(big);
  std::string_view after = arena.Copy("b");
  EXPECT_EQ(copied, big);
  EXPECT_NE(copied.data(), big.data());
  EXPECT_EQ(small, "a");
  EXPECT_EQ(after, "b");
}

TEST(ArenaTest, EmptyTextsTakeNothing) {
  Arena arena;
  EXPECT_TRUE(arena.Copy("").empty());
  EXPECT_EQ(arena.MemoryBytes(), 0u);
}

}  // namespace
}  // namespace sunlight
