// `sunlight import` of a generated dataset (400 000 households by default: ≈1.2 M members,
// ≈1.5 M payments) into a fresh SQLite database and into a fresh PostgreSQL database, against
// DuckDB loading the same CSV files in the same run. Target of the import issue: ≤ 2.0×
// DuckDB's time, with validation and persistence included.
//
//   build/bench/import_bench [--households N] [--seed S] [--cache DIR] [--no-peer]
//                            [--no-postgres]
//   SUNLIGHT_BENCH_HOUSEHOLDS=50000 build/bench/import_bench      # a quicker run
//
// Steps, each printed:
//   1. The dataset: reused from <cache>/households-N-seed-S-clean when its dataset.json is
//      there, otherwise generated (tools/demo_data without planted anomalies: the anomalies
//      are a few hundred rows and do not change the import's speed). The cache is
//      $SUNLIGHT_BENCH_CACHE or <tmp>/sunlight-bench; it is kept for the next run.
//   2. A fresh database: schema and the national region table (cli::OpenDatabase). Timed and
//      reported, but not part of the import time — it happens once per database.
//   3. Timed: ledger::ImportDataset — every cell validated, references resolved, all rows and
//      the batch record committed in one transaction. Once into SQLite, then (unless
//      --no-postgres) into a database on a PostgreSQL server this program starts itself — the
//      test harness's (tests/support/postgres_server.h: fsync off, shared_buffers 32 MB), so
//      the PostgreSQL figure is for the engine's work, not for a tuned server's disks. Tables
//      empty before the import are loaded there through COPY (ledger/import/stored_table.h).
//   4. The peer, timed by itself: `node bench/duckdb_load.mjs <dataset>` (@duckdb/node-api,
//      2 threads, file-backed database, CHECKPOINT before close). Its JSON is parsed here.
//   5. The ratio Sunlight/DuckDB in seconds, and whether it meets the target.
// Peak memory: VmHWM of this process over the import alone (reset via /proc/self/clear_refs
// before it), ru_maxrss of the process over its whole life, and the peer's own maxRSS.
// Without node or node_modules/@duckdb/node-api the peer is reported unavailable, no ratio.
// Plain main rather than Google Benchmark: one import of 4 M rows is the measurement, and
// repeating it would only multiply a minute-long run.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#include "bench_dataset.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "core/status.h"
#include "demo_data/demo_data.h"
#include "ledger/import/importer.h"
#include "store/database.h"
#include "support/postgres_server.h"

namespace {

namespace fs = std::filesystem;
using sunlight::StatusOr;
namespace demo = sunlight::demo;
namespace ledger = sunlight::ledger;
namespace store = sunlight::store;
using sunlight::bench::SecondsSince;

constexpr int64_t kDefaultHouseholds = 400000;
constexpr uint64_t kDefaultSeed = 7;
constexpr double kTargetRatio = 2.0;

const fs::path kSourceDir = SUNLIGHT_SOURCE_DIR;

struct BenchOptions {
  int64_t households = kDefaultHouseholds;
  uint64_t seed = kDefaultSeed;
  fs::path cache_dir;
  bool run_peer = true;
  bool run_postgres = true;
};

// Returns false (after printing why) on a bad command line.
bool ParseOptions(int argc, char** argv, BenchOptions& options) {
  if (const char* env = std::getenv("SUNLIGHT_BENCH_HOUSEHOLDS"); env != nullptr && *env) {
    options.households = std::strtoll(env, nullptr, 10);
  }
  if (const char* env = std::getenv("SUNLIGHT_BENCH_CACHE"); env != nullptr && *env) {
    options.cache_dir = env;
  } else {
    options.cache_dir = fs::temp_directory_path() / "sunlight-bench";
  }
  for (int arg_idx = 1; arg_idx < argc; ++arg_idx) {
    std::string_view arg = argv[arg_idx];
    bool has_value = arg_idx + 1 < argc;
    if (arg == "--households" && has_value) {
      options.households = std::strtoll(argv[++arg_idx], nullptr, 10);
    } else if (arg == "--seed" && has_value) {
      options.seed = std::strtoull(argv[++arg_idx], nullptr, 10);
    } else if (arg == "--cache" && has_value) {
      options.cache_dir = argv[++arg_idx];
    } else if (arg == "--no-peer") {
      options.run_peer = false;
    } else if (arg == "--no-postgres") {
      options.run_postgres = false;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--households N] [--seed S] [--cache DIR] [--no-peer] "
                   "[--no-postgres]\n"
                   "  (env SUNLIGHT_BENCH_HOUSEHOLDS, SUNLIGHT_BENCH_CACHE)\n",
                   argv[0]);
      return false;
    }
  }
  if (options.households < demo::kMinHouseholds) {
    std::fprintf(stderr, "--households must be at least %lld\n",
                 static_cast<long long>(demo::kMinHouseholds));
    return false;
  }
  return true;
}

// Peak resident set of this process since start, or since the last ResetPeakRss(), in KiB.
int64_t ReadVmHwmKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtoll(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

// Linux: writing 5 to clear_refs resets VmHWM to the current RSS. False when not allowed.
bool ResetPeakRss() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
  clear_refs.flush();
  return clear_refs.good();
}

int64_t MaxRssKb(int who) {
  rusage usage{};
  if (::getrusage(who, &usage) != 0) return -1;
  return usage.ru_maxrss;  // KiB on Linux
}

double Mib(int64_t kib) { return static_cast<double>(kib) / 1024.0; }

void RemoveDatabase(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path.string() + suffix, ignored);
  }
}

int64_t DatasetBytes(const fs::path& dir) {
  int64_t bytes = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".csv") bytes += static_cast<int64_t>(entry.file_size());
  }
  return bytes;
}

struct SunlightResult {
  int64_t rows = 0;
  double seconds = 0;
};

// The size of the PostgreSQL database `db` is connected to, in bytes; -1 when unknown.
int64_t PostgresDatabaseBytes(store::Database& db) {
  StatusOr<std::unique_ptr<store::Connection>> conn = db.Connect();
  if (!conn.ok()) return -1;
  StatusOr<store::ResultSet> rs = (*conn)->Query("SELECT pg_database_size(current_database())");
  if (!rs.ok() || rs->empty()) return -1;
  return rs->row(0)[0].AsInteger();
}

// Imports the dataset into a fresh database: `target` is a SQLite file (removed first) or a
// postgresql:// URL of a new, empty database. `label` starts every line printed.
std::optional<SunlightResult> RunSunlight(const fs::path& dataset, const std::string& target,
                                          const char* label) {
  const bool postgres = target.starts_with("postgresql://");
  if (!postgres) RemoveDatabase(target);
  auto setup_start = std::chrono::steady_clock::now();
  StatusOr<std::unique_ptr<store::Database>> db =
      sunlight::cli::OpenDatabase(target, sunlight::cli::GlobalOptions{});
  if (!db.ok()) {
    std::fprintf(stderr, "%s: opening the database failed: %s\n", label,
                 db.status().ToString().c_str());
    return std::nullopt;
  }
  std::printf("%s: new database, schema + region table: %.2f s (not in the import time)\n", label,
              SecondsSince(setup_start));
  std::fflush(stdout);

  bool peak_reset = ResetPeakRss();
  ledger::ImportOptions import_options;
  import_options.user = "bench";
  auto start = std::chrono::steady_clock::now();
  StatusOr<ledger::ImportReport> report = ledger::ImportDataset(**db, dataset, import_options);
  // Closing is part of persisting; a PostgreSQL database is measured first (a query).
  int64_t postgres_bytes = postgres && report.ok() ? PostgresDatabaseBytes(**db) : -1;
  db->reset();
  double seconds = SecondsSince(start);
  if (!report.ok()) {
    std::fprintf(stderr, "%s: import could not run: %s\n", label,
                 report.status().ToString().c_str());
    return std::nullopt;
  }
  if (!report->ok()) {
    std::fprintf(stderr, "%s: import rejected the dataset (%zu errors), first ones:\n", label,
                 report->errors.total());
    int shown = 0;
    for (const ledger::ImportError& error : report->errors.kept()) {
      if (shown++ == 10) break;
      std::fprintf(stderr, "  %s\n", error.ToString().c_str());
    }
    return std::nullopt;
  }
  SunlightResult result{.rows = report->total_rows, .seconds = seconds};
  std::printf("%s: ImportDataset %lld rows in %.2f s = %.0f rows/s\n", label,
              static_cast<long long>(result.rows), seconds,
              static_cast<double>(result.rows) / seconds);
  if (peak_reset) {
    std::printf("%s: peak RSS during the import %.0f MiB (VmHWM%s)\n", label, Mib(ReadVmHwmKb()),
                postgres ? " of this client process; the server is not counted" : "");
  }
  std::printf(
      "%s: peak RSS of the whole process %.0f MiB (ru_maxrss; includes "
      "generation and region table)\n",
      label, Mib(MaxRssKb(RUSAGE_SELF)));
  if (postgres) {
    if (postgres_bytes >= 0) {
      std::printf("%s: database size %.0f MiB (pg_database_size, region table included)\n", label,
                  Mib(postgres_bytes / 1024));
    }
  } else {
    std::error_code ignored;
    auto db_bytes = fs::file_size(target, ignored);
    if (!ignored) std::printf("%s: database file %.0f MiB\n", label, Mib(db_bytes / 1024));
  }
  return result;
}

// The number after `"key":` in a flat JSON object; nullopt when absent.
std::optional<double> JsonNumber(const std::string& json, std::string_view key) {
  std::string needle = "\"" + std::string(key) + "\":";
  size_t at = json.find(needle);
  if (at == std::string::npos) return std::nullopt;
  const char* begin = json.c_str() + at + needle.size();
  char* end = nullptr;
  double value = std::strtod(begin, &end);
  if (end == begin) return std::nullopt;
  return value;
}

struct PeerResult {
  int64_t rows = 0;
  double seconds = 0;       // as the peer measured it: open, load, checkpoint, close
  double wall_seconds = 0;  // as seen from here, node start-up included
};

std::optional<PeerResult> RunPeer(const fs::path& dataset) {
  const fs::path script = kSourceDir / "bench/duckdb_load.mjs";
  if (std::system("command -v node > /dev/null 2>&1") != 0) {
    std::printf("duckdb: peer unavailable — `node` is not on PATH\n");
    return std::nullopt;
  }
  if (!fs::exists(kSourceDir / "node_modules/@duckdb/node-api")) {
    std::printf("duckdb: peer unavailable — node_modules/@duckdb/node-api is missing (npm ci)\n");
    return std::nullopt;
  }
  fs::path db_path = fs::temp_directory_path() /
                     ("sunlight-import-bench-peer-" + std::to_string(::getpid()) + ".duckdb");
  std::string command = "node '" + script.string() + "' '" + dataset.string() +
                        "' --threads 2 --db '" + db_path.string() + "'";
  std::printf("duckdb: %s\n", command.c_str());
  std::fflush(stdout);
  auto start = std::chrono::steady_clock::now();
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::printf("duckdb: peer unavailable — could not start node\n");
    return std::nullopt;
  }
  std::string output;
  char buffer[4096];
  while (size_t read = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  int exit_status = ::pclose(pipe);
  double wall_seconds = SecondsSince(start);
  std::optional<double> seconds = JsonNumber(output, "seconds");
  std::optional<double> rows = JsonNumber(output, "rows");
  if (exit_status != 0 || !seconds || !rows) {
    std::printf("duckdb: peer failed (exit status %d): %s\n", exit_status, output.c_str());
    return std::nullopt;
  }
  PeerResult result{
      .rows = static_cast<int64_t>(*rows), .seconds = *seconds, .wall_seconds = wall_seconds};
  std::printf("duckdb: %lld rows in %.2f s = %.0f rows/s (%.2f s with node start-up)\n",
              static_cast<long long>(result.rows), result.seconds,
              static_cast<double>(result.rows) / result.seconds, wall_seconds);
  if (std::optional<double> rss = JsonNumber(output, "max_rss_kb")) {
    std::printf("duckdb: peak RSS %.0f MiB (node's maxRSS; ru_maxrss of children %.0f MiB)\n",
                *rss / 1024.0, Mib(MaxRssKb(RUSAGE_CHILDREN)));
  }
  if (std::optional<double> bytes = JsonNumber(output, "database_bytes")) {
    std::printf("duckdb: database file %.0f MiB\n", *bytes / 1024.0 / 1024.0);
  }
  if (size_t notes = output.find("\"notes\":[\""); notes != std::string::npos) {
    std::printf("duckdb: notes: %s\n", output.c_str() + notes + 8);
  }
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  BenchOptions options;
  if (!ParseOptions(argc, argv, options)) return 2;
  std::printf("import bench: %lld households, seed %llu, %u hardware threads\n",
              static_cast<long long>(options.households),
              static_cast<unsigned long long>(options.seed),
              static_cast<unsigned>(::sysconf(_SC_NPROCESSORS_ONLN)));
  std::optional<fs::path> dataset =
      sunlight::bench::PrepareDataset(options.cache_dir, options.households, options.seed,
                                      /*anomalies=*/false);
  if (!dataset) return 1;
  std::printf("dataset: %.0f MiB of CSV\n\n", Mib(DatasetBytes(*dataset) / 1024));

  const fs::path db_path =
      fs::temp_directory_path() / ("sunlight-import-bench-" + std::to_string(::getpid()) + ".db");
  std::optional<SunlightResult> sunlight = RunSunlight(*dataset, db_path.string(), "sunlight");
  RemoveDatabase(db_path);
  if (!sunlight) return 1;
  std::printf("\n");

  std::optional<SunlightResult> postgres;
  if (options.run_postgres) {
    StatusOr<sunlight::testing::PostgresServer*> server = sunlight::testing::PostgresServer::Get();
    StatusOr<std::string> url =
        server.ok() ? (*server)->CreateDatabase() : StatusOr<std::string>(server.status());
    if (!url.ok()) {
      std::fprintf(stderr, "postgres: the server could not start: %s\n",
                   url.status().ToString().c_str());
      return 1;
    }
    std::printf("postgres: %s (server started by this bench; fsync off)\n", url->c_str());
    postgres = RunSunlight(*dataset, *url, "postgres");
    if (!postgres) return 1;
    if (postgres->rows != sunlight->rows) {
      std::printf("note: row counts differ (sqlite %lld, postgres %lld)\n",
                  static_cast<long long>(sunlight->rows), static_cast<long long>(postgres->rows));
    }
    std::printf("\n");
  }

  std::optional<PeerResult> peer;
  if (options.run_peer) peer = RunPeer(*dataset);
  std::printf("\n");
  // Side by side: each engine's seconds, rows/s and ratio against DuckDB.
  std::printf("%-10s %10s %10s %12s\n", "engine", "seconds", "rows/s", "÷ duckdb");
  auto line = [&](const char* engine, const SunlightResult& result) {
    std::printf("%-10s %10.2f %10.0f", engine, result.seconds,
                static_cast<double>(result.rows) / result.seconds);
    if (peer) {
      std::printf(" %11.2f×", result.seconds / peer->seconds);
    } else {
      std::printf(" %12s", "-");
    }
    std::printf("\n");
  };
  line("sqlite", *sunlight);
  if (postgres) line("postgres", *postgres);
  if (peer) line("duckdb", {.rows = peer->rows, .seconds = peer->seconds});
  if (!peer) {
    std::printf("ratio: not computed (no peer figure)\n");
    return 0;
  }
  if (peer->rows != sunlight->rows) {
    std::printf("note: row counts differ (sunlight %lld, duckdb %lld)\n",
                static_cast<long long>(sunlight->rows), static_cast<long long>(peer->rows));
  }
  double ratio = sunlight->seconds / peer->seconds;
  std::printf("ratio sunlight/duckdb time = %.2f× (target ≤ %.1f×): %s\n", ratio, kTargetRatio,
              ratio <= kTargetRatio ? "MET" : "NOT MET");
  if (postgres) {
    double pg_ratio = postgres->seconds / peer->seconds;
    std::printf("ratio sunlight on postgres/duckdb time = %.2f× (target ≤ %.1f×): %s\n", pg_ratio,
                kTargetRatio, pg_ratio <= kTargetRatio ? "MET" : "NOT MET");
  }
  return 0;
}
