#include "bench_dataset.h"

#include <cstdio>
#include <string>

#include "core/status.h"
#include "demo_data/demo_data.h"

namespace sunlight::bench {

namespace fs = std::filesystem;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::optional<fs::path> PrepareDataset(const fs::path& cache_dir, int64_t households, uint64_t seed,
                                       bool anomalies) {
  fs::path dir = cache_dir / ("households-" + std::to_string(households) + "-seed-" +
                              std::to_string(seed) + (anomalies ? "-anomalies" : "-clean"));
  if (fs::exists(dir / "dataset.json")) {  // written last: the folder is complete
    std::printf("dataset: reusing %s\n", dir.c_str());
    return dir;
  }
  demo::DemoOptions demo_options;
  demo_options.households = households;
  demo_options.seed = seed;
  demo_options.anomalies = anomalies;
  demo_options.as_of = demo::DefaultAsOf();
  demo_options.out_dir = dir;
  std::printf("dataset: generating %lld households%s into %s …\n",
              static_cast<long long>(households), anomalies ? " with anomalies" : "", dir.c_str());
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  StatusOr<demo::DemoSummary> summary = demo::GenerateDemoDataset(demo_options);
  if (!summary.ok()) {
    std::fprintf(stderr, "dataset generation failed: %s\n", summary.status().ToString().c_str());
    return std::nullopt;
  }
  std::printf("dataset: %lld rows generated in %.1f s\n",
              static_cast<long long>(summary->total_rows), SecondsSince(start));
  return dir;
}

}  // namespace sunlight::bench
