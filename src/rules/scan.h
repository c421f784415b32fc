// Scan: the whole of one warning run — snapshot, every selected rule's kernel, sorted
// warnings, stored without duplicating open ones. Shared by `sunlight scan` and `sunlight demo`.
#pragma once

#include <functional>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/engine.h"
#include "rules/rule.h"
#include "rules/snapshot.h"
#include "store/connection.h"

namespace sunlight::rules {

struct ScanResult {
  std::vector<Warning> warnings;  // sorted by (rule, subject_id)
  StoreCounts stored;
  size_t snapshot_bytes = 0;
};

// Called once per rule with the number of warnings it found; may be empty.
using ScanProgressFn = std::function<void(const Rule& rule, size_t found)>;

[[nodiscard]] StatusOr<ScanResult> ScanAndStore(store::Connection& conn,
                                                const std::vector<const Rule*>& rules, Date as_of,
                                                const ScanProgressFn& progress = {});

}  // namespace sunlight::rules
