// Arena: one block at a time; a request larger than a block gets a block of its own size.
#include "core/arena.h"

#include <algorithm>
#include <cstring>

namespace sunlight {
namespace {

constexpr size_t kBlockBytes = 1 << 20;

}  // namespace

char* Arena::Allocate(size_t bytes) {
  if (blocks_.empty() || used_ + bytes > size_) {
    size_ = std::max(kBlockBytes, bytes);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size_));
    held_ += size_;
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  used_ += bytes;
  return at;
}

std::string_view Arena::Copy(std::string_view text) {
  if (text.empty()) return {};
  char* at = Allocate(text.size());
  std::memcpy(at, text.data(), text.size());
  return {at, text.size()};
}

}  // namespace sunlight
