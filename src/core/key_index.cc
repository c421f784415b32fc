// KeyIndex: linear probing over a power-of-two array; keys in arena blocks.
#include "core/key_index.h"

#include <cstring>
#include <functional>

namespace sunlight {
namespace {

constexpr size_t kInitialSlots = 1024;

}  // namespace

uint64_t KeyIndex::Hash(std::string_view key) {
  // Odd, so that 0 can mark an empty slot.
  return static_cast<uint64_t>(std::hash<std::string_view>()(key)) | 1;
}

std::string_view KeyIndex::KeyOf(const Slot& slot) {
  uint32_t length = 0;
  std::memcpy(&length, slot.key, sizeof length);
  return {slot.key + sizeof length, length};
}

size_t KeyIndex::Probe(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  size_t idx = Start(hash, mask);
  while (true) {
    const Slot& slot = slots_[idx];
    if (slot.hash == 0 || (slot.hash == hash && KeyOf(slot) == key)) return idx;
    idx = (idx + 1) & mask;
  }
}

const char* KeyIndex::Store(std::string_view key) {
  const uint32_t length = static_cast<uint32_t>(key.size());
  char* at = keys_.Allocate(sizeof length + key.size());
  std::memcpy(at, &length, sizeof length);
  std::memcpy(at + sizeof length, key.data(), key.size());
  return at;
}

void KeyIndex::Grow() { Rehash(slots_.empty() ? kInitialSlots : slots_.size() * 2); }

void KeyIndex::Reserve(size_t keys) {
  size_t slots = kInitialSlots;
  while (keys * 4 > slots * 3) slots *= 2;
  if (slots > slots_.size()) Rehash(slots);
}

void KeyIndex::Rehash(size_t slots) {
  ZeroedArray<Slot> old = std::move(slots_);
  slots_ = ZeroedArray<Slot>(slots);
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.hash == 0) continue;
    size_t idx = Start(slot.hash, mask);
    while (slots_[idx].hash != 0) idx = (idx + 1) & mask;
    slots_[idx] = slot;
  }
}

std::pair<int64_t, bool> KeyIndex::Emplace(std::string_view key, int64_t value,
                                           std::string_view* stored) {
  return EmplaceHashed(key, Hash(key), value, stored);
}

std::pair<int64_t, bool> KeyIndex::EmplaceHashed(std::string_view key, uint64_t hash, int64_t value,
                                                 std::string_view* stored) {
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  Slot& slot = slots_[Probe(key, hash)];
  const bool inserted = slot.hash == 0;
  if (inserted) {
    slot = {hash, Store(key), value};
    ++size_;
  }
  if (stored != nullptr) *stored = KeyOf(slot);
  return {slot.value, inserted};
}

bool KeyIndex::Contains(std::string_view key) const { return Find(key) != nullptr; }

const int64_t* KeyIndex::Find(std::string_view key) const {
  if (slots_.empty()) return nullptr;
  const Slot& slot = slots_[Probe(key, Hash(key))];
  return slot.hash == 0 ? nullptr : &slot.value;
}

size_t KeyIndex::MemoryBytes() const { return slots_.size() * sizeof(Slot) + keys_.MemoryBytes(); }

}  // namespace sunlight
