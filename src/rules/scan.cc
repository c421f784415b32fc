#include "rules/scan.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <optional>
#include <thread>

namespace sunlight::rules {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs every rule's kernel, `threads` rules at a time; results and times in rule order.
void RunKernels(const std::vector<const Rule*>& rules, const Snapshot& snapshot,
                const RuleConfig& config, Date as_of, int threads,
                std::vector<std::vector<Warning>>& found, std::vector<double>& seconds) {
  found.assign(rules.size(), {});
  seconds.assign(rules.size(), 0);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t rule_idx = next++; rule_idx < rules.size(); rule_idx = next++) {
      const auto started = std::chrono::steady_clock::now();
      const Rule& rule = *rules[rule_idx];
      found[rule_idx] = RunKernel(rule, snapshot, as_of, config.For(rule));
      seconds[rule_idx] = SecondsSince(started);
    }
  };
  const size_t helpers = std::min<size_t>(std::max(threads, 1), rules.size()) - 1;
  std::vector<std::thread> pool;
  for (size_t idx = 0; idx < helpers; ++idx) pool.emplace_back(worker);
  worker();
  for (std::thread& thread : pool) thread.join();
}

}  // namespace

StatusOr<ScanResult> Scan(store::Connection& conn, const std::vector<const Rule*>& rules,
                          const ScanOptions& options) {
  ScanResult result;
  const RuleConfig defaults;
  const RuleConfig& config = options.config != nullptr ? *options.config : defaults;
  std::optional<Snapshot> snapshot;
  if (options.engine == ScanEngine::kKernel) {
    const auto started = std::chrono::steady_clock::now();
    SUNLIGHT_ASSIGN_OR_RETURN(Snapshot loaded, LoadSnapshot(conn));
    snapshot.emplace(std::move(loaded));
    result.snapshot_seconds = SecondsSince(started);
    result.snapshot_bytes = snapshot->MemoryBytes();
  }
  std::vector<std::vector<Warning>> found;
  std::vector<double> seconds;
  if (snapshot && !rules.empty()) {
    RunKernels(rules, *snapshot, config, options.as_of, options.threads, found, seconds);
  } else {
    for (const Rule* rule : rules) {
      const auto started = std::chrono::steady_clock::now();
      SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Warning> one,
                                RunSql(*rule, conn, options.as_of, config.For(*rule)));
      found.push_back(std::move(one));
      seconds.push_back(SecondsSince(started));
    }
  }
  for (size_t rule_idx = 0; rule_idx < rules.size(); ++rule_idx) {
    const Rule& rule = *rules[rule_idx];
    std::vector<Warning>& warnings = found[rule_idx];
    result.rules.push_back(RuleTiming{&rule, seconds[rule_idx], warnings.size()});
    if (options.progress) options.progress(rule, warnings.size());
    result.warnings.insert(result.warnings.end(), std::make_move_iterator(warnings.begin()),
                           std::make_move_iterator(warnings.end()));
  }
  SortWarnings(result.warnings);
  const auto store_started = std::chrono::steady_clock::now();
  SUNLIGHT_ASSIGN_OR_RETURN(result.stored, StoreWarnings(conn, result.warnings, options.as_of));
  result.store_seconds = SecondsSince(store_started);
  return result;
}

StatusOr<ScanResult> ScanAndStore(store::Connection& conn, const std::vector<const Rule*>& rules,
                                  Date as_of, const ScanProgressFn& progress) {
  ScanOptions options;
  options.as_of = as_of;
  options.progress = progress;
  return Scan(conn, rules, options);
}

}  // namespace sunlight::rules
