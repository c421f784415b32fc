// Arena: bump allocation in large blocks that never move, for millions of short strings that
// live as long as their owner (KeyIndex's keys, the snapshot dictionary's texts). Freeing the
// arena frees a few blocks instead of a heap node per string.
//
//   Arena arena;
//   std::string_view kept = arena.Copy("ZF0001");   // valid as long as `arena`
//
// Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace sunlight {

class Arena {
 public:
  Arena() = default;
  Arena(Arena&&) = default;
  Arena& operator=(Arena&&) = default;

  // `bytes` of uninitialised memory, unaligned.
  char* Allocate(size_t bytes);
  // A copy of `text` in the arena.
  std::string_view Copy(std::string_view text);
  // Bytes of the blocks held.
  size_t MemoryBytes() const { return held_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;  // in blocks_.back()
  size_t size_ = 0;  // of blocks_.back()
  size_t held_ = 0;
};

}  // namespace sunlight
