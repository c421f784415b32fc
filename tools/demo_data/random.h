// Rng: the generator's one source of randomness, so that a seed gives the same bytes on
// every machine and compiler.
//
// The standard library's distributions are implementation-defined (libstdc++ and libc++
// draw different numbers from the same engine), so the generator uses its own: xoshiro256**
// seeded through splitmix64, with Lemire's multiply-shift for bounded integers.
//
//   Rng rng(seed, /*stream=*/county_index);
//   int members = static_cast<int>(rng.Uniform(1, 6));
//   if (rng.Chance(0.15)) ...
//
// Independent streams (one per county, per household, per stage) come from Fork(), so that
// adding a draw in one stage does not shift every number after it in another.
#pragma once

#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>

namespace sunlight::demo {

// 128-bit products for bounded draws (GCC and Clang).
__extension__ typedef unsigned __int128 UInt128;

class Rng {
 public:
  explicit Rng(uint64_t seed, uint64_t stream = 0) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ULL) ^ 0x5DEECE66DULL;
    for (auto& word : state_) word = SplitMix(x);
  }

  // A new generator for sub-stream `stream`, independent of how far this one has run.
  Rng Fork(uint64_t stream) const { return Rng(state_[0] ^ state_[2], stream + 1); }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, bound). REQUIRES: bound > 0.
  uint64_t Below(uint64_t bound) {
    assert(bound > 0);
    return static_cast<uint64_t>((static_cast<UInt128>(Next()) * bound) >> 64);
  }

  // Uniform in [lo, hi], both inclusive. REQUIRES: lo <= hi.
  int64_t Uniform(int64_t lo, int64_t hi) {
    assert(lo <= hi);
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1).
  double Real() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  bool Chance(double probability) { return Real() < probability; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    assert(!items.empty());
    return items[Below(items.size())];
  }

  // Index drawn with probability proportional to weights[i]. REQUIRES: a positive sum.
  size_t Weighted(std::span<const int> weights) {
    int64_t total = 0;
    for (int w : weights) total += w;
    assert(total > 0);
    int64_t draw = static_cast<int64_t>(Below(static_cast<uint64_t>(total)));
    for (size_t i = 0; i < weights.size(); ++i) {
      draw -= weights[i];
      if (draw < 0) return i;
    }
    return weights.size() - 1;
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  std::array<uint64_t, 4> state_;
};

}  // namespace sunlight::demo
