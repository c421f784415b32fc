// Scan: the whole of one warning run — snapshot, every selected rule (its kernel, or its
// reference SQL inside the store), sorted warnings, stored without duplicating open ones.
// Shared by `sunlight scan` and `sunlight demo`.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/engine.h"
#include "rules/params.h"
#include "rules/rule.h"
#include "rules/snapshot.h"
#include "store/connection.h"
#include "store/database.h"

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
  // Found again, but their last warning was given an outcome on the same evidence (dismissed,
  // turned into a problem or a clue): not raised again (StoreWarningsOnce).
  int still_handled = 0;
  size_t snapshot_bytes = 0;      // 0 with the SQL engine
  double snapshot_seconds = 0;    // loading the snapshot (0 with the SQL engine)
  std::vector<RuleTiming> rules;  // in the order the rules ran
  double store_seconds = 0;       // StoreWarningsOnce
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
  // The connection's database: with it and threads ≥ 2 the snapshot loads on two threads
  // (a second connection from here reads payments; store::BeginSharedRead keeps both on one
  // state). Without it the snapshot loads on the calling thread.
  store::Database* database = nullptr;
  ScanProgressFn progress;  // called in rule order, from the calling thread
};

// The SHA-256 (hex) of the canonical evidence JSON (EvidenceJson(...).dump(): kinds and ids
// sorted), stored as warnings.evidence_hash.
std::string EvidenceHash(const Evidence& evidence);
std::string EvidenceTextHash(std::string_view evidence_json);

struct StoreOnceCounts {
  int inserted = 0;
  int already_open = 0;   // an open warning (new, explanation_requested, explained) exists
  int still_handled = 0;  // the latest was dismissed / became a problem or clue, same evidence
};

// Stores warnings in one transaction (state 'new', with evidence_hash) so that a re-scan never
// duplicates one (spec/workflows.md "Warning"), per rule + subject:
// - an open warning exists (any state but an outcome): skipped;
// - the latest is dismissed, problem or clue: skipped while its evidence hash equals the new
//   one (a changed evidence raises a new warning);
// - the latest is data_corrected (or a legacy 'closed'): the ledger was said to be corrected,
//   yet the rule still fires, so a new warning is raised.
// Used by Scan and by the workflow rules (supervision/workflow_rules.h).
[[nodiscard]] StatusOr<StoreOnceCounts> StoreWarningsOnce(store::Connection& conn,
                                                          const std::vector<Warning>& warnings,
                                                          Date as_of);

[[nodiscard]] StatusOr<ScanResult> Scan(store::Connection& conn,
                                        const std::vector<const Rule*>& rules,
                                        const ScanOptions& options);

// Scan with the kernels and default parameters.
[[nodiscard]] StatusOr<ScanResult> ScanAndStore(store::Connection& conn,
                                                const std::vector<const Rule*>& rules, Date as_of,
                                                const ScanProgressFn& progress = {});

}  // namespace sunlight::rules
