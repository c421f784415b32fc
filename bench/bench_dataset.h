// What the benchmarks share: a generated dataset, cached between runs, and wall-clock timing.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>

namespace sunlight::bench {

double SecondsSince(std::chrono::steady_clock::time_point start);

// The folder `<cache_dir>/households-N-seed-S-{clean|anomalies}` holding a generated dataset,
// generated unless a complete one is there (dataset.json is written last). Prints what it
// does; nullopt, with the reason on stderr, when generation fails.
std::optional<std::filesystem::path> PrepareDataset(const std::filesystem::path& cache_dir,
                                                    int64_t households, uint64_t seed,
                                                    bool anomalies);

}  // namespace sunlight::bench
