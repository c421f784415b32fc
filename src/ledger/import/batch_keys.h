// BatchKeys: the keys of one table's rows in an import batch, to find a repeated key and the
// row that had it first ("键 … 与第 12 行重复").
//
// Ledgers are mostly exported in key order (ZF0000000001, ZF0000000002, …, with a few rows out
// of place). A key greater than every key before it cannot repeat one: it is appended to a
// sorted run without a hash look-up. At 1.5 M payments each look-up in a hash table missed the
// CPU's caches, and the table's regrowth rehashed every key. Any other key is looked for in the
// run (a binary search) and goes into a KeyIndex. A file in no order costs what a KeyIndex
// alone would, plus one comparison per key.
//
//   BatchKeys keys;
//   keys.FirstRowOf("ZF1", 2);   // nullopt: new, kept as row 2
//   keys.FirstRowOf("ZF2", 3);   // nullopt
//   keys.FirstRowOf("ZF1", 9);   // 2: a duplicate of row 2
//
// Keys are compared byte for byte. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/arena.h"
#include "core/key_index.h"

namespace sunlight::ledger {

class BatchKeys {
 public:
  // The row that first had `key`; nullopt when `key` is new, and it is then kept with `row`.
  std::optional<int64_t> FirstRowOf(std::string_view key, int64_t row);

 private:
  struct Kept {
    std::string_view key;  // in arena_
    int64_t row;
  };
  // Strictly ascending: each key greater than every key before it. Every key in others_ was
  // smaller than the run's last key when it came, so a key past that last one is in neither.
  std::vector<Kept> run_;
  Arena arena_;
  KeyIndex others_;  // the keys that were not greater than every key before them
};

}  // namespace sunlight::ledger
