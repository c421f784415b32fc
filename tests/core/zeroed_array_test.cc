// ZeroedArray: zero-filled below and above the huge-page threshold, writable, movable.
#include "core/zeroed_array.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

namespace sunlight {
namespace {

struct Pair {
  std::uint64_t a;
  std::int64_t b;
};

void ExpectZeroThenWritable(size_t size) {
  ZeroedArray<Pair> array(size);
  ASSERT_EQ(array.size(), size);
  for (size_t idx = 0; idx < size; ++idx) {
    ASSERT_EQ(array[idx].a, 0u) << idx;
    ASSERT_EQ(array[idx].b, 0) << idx;
  }
  for (size_t idx = 0; idx < size; ++idx) array[idx] = {idx, -static_cast<std::int64_t>(idx)};
  ZeroedArray<Pair> moved = std::move(array);
  EXPECT_TRUE(array.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
  ASSERT_EQ(moved.size(), size);
  for (size_t idx = 0; idx < size; ++idx) {
    ASSERT_EQ(moved[idx].a, idx);
    ASSERT_EQ(moved[idx].b, -static_cast<std::int64_t>(idx));
  }
}

TEST(ZeroedArrayTest, SmallArrayFromTheHeap) { ExpectZeroThenWritable(1000); }

TEST(ZeroedArrayTest, LargeArrayFromMmap) {
  ExpectZeroThenWritable((size_t{8} << 20) / sizeof(Pair) + 3);  // 8 MiB and an odd tail
}

TEST(ZeroedArrayTest, MoveAssignmentFreesTheOldArray) {
  ZeroedArray<Pair> target((size_t{4} << 20) / sizeof(Pair));
  target[0].a = 7;
  ZeroedArray<Pair> source(16);
  source[3].b = 5;
  target = std::move(source);
  ASSERT_EQ(target.size(), 16u);
  EXPECT_EQ(target[3].b, 5);
  EXPECT_EQ(target[0].a, 0u);
}

TEST(ZeroedArrayTest, EmptyArray) {
  ZeroedArray<Pair> array;
  EXPECT_TRUE(array.empty());
  EXPECT_EQ(array.begin(), array.end());
  ZeroedArray<Pair> zero(0);
  EXPECT_TRUE(zero.empty());
}

}  // namespace
}  // namespace sunlight
