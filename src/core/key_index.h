// KeyIndex: a set of short strings, each with an int64 value, for millions of keys: the keys
// of one import batch (the row of each payment_id, the household ids other tables refer to),
// and the strings of the rules' snapshot (rules/snapshot.h: text → code).
//
// std::unordered_map<std::string, int64_t> spends a heap node per key (and a second block for
// a key past 15 bytes), and rehashing a table of millions of nodes walks all of them; at
// 400 000 households that was a tenth of the import's time. Here the keys are copied into
// large arena blocks and the table is one open-addressing array of {hash, key, value}, so an
// insertion is a hash, a probe or two and a copy into the arena.
//
//   KeyIndex first_row;
//   auto [row, inserted] = first_row.Emplace("ZF0001", 12);   // {12, true}
//   first_row.Emplace("ZF0001", 40);                          // {12, false}: a duplicate
//   first_row.Contains("ZF0002");                              // false
//
// Not thread-safe while adding; keys are compared byte for byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "core/arena.h"
#include "core/zeroed_array.h"

namespace sunlight {

class KeyIndex {
 public:
  KeyIndex() = default;
  KeyIndex(KeyIndex&&) = default;
  KeyIndex& operator=(KeyIndex&&) = default;

  // Adds `key` with `value` unless it is there; returns the value stored for `key` (the new
  // one or the earlier one) and whether it was added.
  // `stored`, when given, receives the key as kept here: valid as long as this index.
  std::pair<int64_t, bool> Emplace(std::string_view key, int64_t value,
                                   std::string_view* stored = nullptr);
  bool Contains(std::string_view key) const;
  // Makes room for `keys` keys in all without the table growing on the way.
  void Reserve(size_t keys);

  // Batched look-ups overlap their cache misses: hash a batch of keys, Prefetch each slot,
  // then Emplace each with its hash (the same result as Emplace(key, value, stored)).
  static uint64_t HashOf(std::string_view key) { return Hash(key); }
  void Prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Start(hash, slots_.size() - 1)]);
  }
  std::pair<int64_t, bool> EmplaceHashed(std::string_view key, uint64_t hash, int64_t value,
                                         std::string_view* stored = nullptr);
  // The value of `key`, or nullptr. Valid until the next Emplace.
  const int64_t* Find(std::string_view key) const;
  size_t size() const { return size_; }
  // Memory held (slots and arena), for benchmarks.
  size_t MemoryBytes() const;

 private:
  struct Slot {
    uint64_t hash = 0;          // 0: empty (hashes are forced odd)
    const char* key = nullptr;  // in the arena: a uint32 length, then the bytes
    int64_t value = 0;
  };

  static uint64_t Hash(std::string_view key);
  // The first slot to probe. The high bits pick it: std::hash of short strings varies most
  // there.
  static size_t Start(uint64_t hash, size_t mask) { return static_cast<size_t>(hash >> 20) & mask; }
  static std::string_view KeyOf(const Slot& slot);
  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(std::string_view key, uint64_t hash) const;
  const char* Store(std::string_view key);
  void Grow();
  void Rehash(size_t slots);  // a power of two, more than size_

  ZeroedArray<Slot> slots_;  // size a power of two, at most 3/4 full; all-zero is empty
  size_t size_ = 0;
  Arena keys_;  // the keys' bytes, each after its uint32 length
};

}  // namespace sunlight
