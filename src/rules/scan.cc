#include "rules/scan.h"

#include <iterator>

namespace sunlight::rules {

StatusOr<ScanResult> ScanAndStore(store::Connection& conn, const std::vector<const Rule*>& rules,
                                  Date as_of, const ScanProgressFn& progress) {
  SUNLIGHT_ASSIGN_OR_RETURN(Snapshot snapshot, LoadSnapshot(conn));
  ScanResult result;
  result.snapshot_bytes = snapshot.MemoryBytes();
  for (const Rule* rule : rules) {
    std::vector<Warning> found = RunKernel(*rule, snapshot, as_of);
    if (progress) progress(*rule, found.size());
    result.warnings.insert(result.warnings.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
  }
  SortWarnings(result.warnings);
  SUNLIGHT_ASSIGN_OR_RETURN(result.stored, StoreWarnings(conn, result.warnings, as_of));
  return result;
}

}  // namespace sunlight::rules
