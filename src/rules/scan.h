// Scan: the whole of one warning run — snapshot, every selected rule (its kernel, or its
// reference SQL inside the store), sorted warnings, stored without duplicating open ones.
// Shared by `sunlight scan` and `sunlight demo`.
#pragma once

#include <functional>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/engine.h"
#include "rules/params.h"
#include "rules/rule.h"
#include "rules/snapshot.h"
#include "store/connection.h"

namespace sunlight::rules {

// kKernel: C++ kernels over a snapshot loaded once (the embedded engine's fast path).
// kSql: each rule's reference SQL run by the store itself, no snapshot (how the rules run
// inside PostgreSQL); both give the same warnings.
enum class ScanEngine { kKernel, kSql };

struct RuleTiming {
  const Rule* rule = nullptr;
  double seconds = 0;  // this rule alone, every parameter set included
  size_t found = 0;
};

struct ScanResult {
  std::vector<Warning> warnings;  // sorted by (rule, subject_id)
  StoreCounts stored;
  size_t snapshot_bytes = 0;      // 0 with the SQL engine
  double snapshot_seconds = 0;    // loading the snapshot (0 with the SQL engine)
  std::vector<RuleTiming> rules;  // in the order the rules ran
  double store_seconds = 0;       // StoreWarnings
};

// Called once per rule with the number of warnings it found; may be empty.
using ScanProgressFn = std::function<void(const Rule& rule, size_t found)>;

struct ScanOptions {
  Date as_of;
  ScanEngine engine = ScanEngine::kKernel;
  const RuleConfig* config = nullptr;  // nullptr: every rule with its defaults
  // Kernels of different rules run on this many threads (they only read the snapshot); the
  // SQL engine runs rules one after the other on the one connection.
  int threads = 2;
  ScanProgressFn progress;  // called in rule order, from the calling thread
};

[[nodiscard]] StatusOr<ScanResult> Scan(store::Connection& conn,
                                        const std::vector<const Rule*>& rules,
                                        const ScanOptions& options);

// Scan with the kernels and default parameters.
[[nodiscard]] StatusOr<ScanResult> ScanAndStore(store::Connection& conn,
                                                const std::vector<const Rule*>& rules, Date as_of,
                                                const ScanProgressFn& progress = {});

}  // namespace sunlight::rules
