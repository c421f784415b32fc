#include "rules/scan.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <memory>
#include <optional>
#include <thread>

#include <openssl/evp.h>

#include "store/shared_read.h"
#include "store/timestamp.h"
#include "store/transaction.h"

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

// One thread, or two when there is a database to open a second connection from. The read
// transactions end before the scan stores its warnings on `conn`.
StatusOr<Snapshot> LoadSnapshotFor(store::Connection& conn, const ScanOptions& options) {
  if (options.database == nullptr || options.threads < 2) return LoadSnapshot(conn);
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> payments_conn,
                            options.database->Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(store::SharedRead read,
                            store::BeginSharedRead(*options.database, conn, *payments_conn));
  StatusOr<Snapshot> loaded = LoadSnapshot(conn, *payments_conn);
  // Read-only transactions: rolling back only ends them.
  SUNLIGHT_RETURN_IF_ERROR(read.second.Rollback());
  SUNLIGHT_RETURN_IF_ERROR(read.first.Rollback());
  return loaded;
}

// Outcome states of the warning life cycle (supervision/warning_flow.h; rules/ sits below
// supervision/, so the names are repeated here) after which a warning is no longer open.
bool IsHandledOutcome(std::string_view state) {
  return state == "dismissed" || state == "problem" || state == "clue";
}
bool IsFinished(std::string_view state) {
  return IsHandledOutcome(state) || state == "data_corrected" || state == "closed";
}

}  // namespace

std::string EvidenceTextHash(std::string_view evidence_json) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(evidence_json.data(), evidence_json.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::string EvidenceHash(const Evidence& evidence) {
  return EvidenceTextHash(EvidenceJson(evidence).dump());
}

StatusOr<StoreOnceCounts> StoreWarningsOnce(store::Connection& conn,
                                            const std::vector<Warning>& warnings, Date as_of) {
  StoreOnceCounts counts;
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn.Begin());
  const std::string now = store::TimestampNow();
  const std::string as_of_text = as_of.ToString();
  for (const Warning& w : warnings) {
    const std::string evidence = EvidenceJson(w.evidence).dump();
    const std::string hash = EvidenceTextHash(evidence);
    // Newest first: any open one decides; otherwise the latest outcome does.
    SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet earlier,
                              conn.Query("SELECT state, evidence_hash, evidence FROM warnings "
                                         "WHERE rule = ? AND subject_id = ? ORDER BY id DESC",
                                         {w.rule, w.subject_id}));
    bool open = false;
    for (size_t i = 0; i < earlier.size() && !open; ++i) {
      open = !IsFinished(earlier.at(i, 0).AsText());
    }
    if (open) {
      ++counts.already_open;
      continue;
    }
    if (earlier.size() > 0 && IsHandledOutcome(earlier.at(0, 0).AsText())) {
      // Warnings stored before evidence_hash existed: hash their stored evidence text, which
      // was written in the same canonical form.
      const std::string before = earlier.at(0, 1).is_null()
                                     ? EvidenceTextHash(earlier.at(0, 2).AsText())
                                     : earlier.at(0, 1).AsText();
      if (before == hash) {
        ++counts.still_handled;
        continue;
      }
    }
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO warnings(rule, subject_type, subject_id, region_code, severity, amount_fen, "
        "evidence, params, as_of, state, created_at, evidence_hash, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?)",
        {w.rule, w.subject_type, w.subject_id, w.region_code, w.severity, w.amount_fen, evidence,
         w.params.dump(), as_of_text, now, hash, now}));
    ++counts.inserted;
  }
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  return counts;
}

StatusOr<ScanResult> Scan(store::Connection& conn, const std::vector<const Rule*>& rules,
                          const ScanOptions& options) {
  ScanResult result;
  const RuleConfig defaults;
  const RuleConfig& config = options.config != nullptr ? *options.config : defaults;
  std::optional<Snapshot> snapshot;
  if (options.engine == ScanEngine::kKernel) {
    const auto started = std::chrono::steady_clock::now();
    SUNLIGHT_ASSIGN_OR_RETURN(Snapshot loaded, LoadSnapshotFor(conn, options));
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
  SUNLIGHT_ASSIGN_OR_RETURN(StoreOnceCounts stored,
                            StoreWarningsOnce(conn, result.warnings, options.as_of));
  result.stored.inserted = stored.inserted;
  result.stored.already_open = stored.already_open;
  result.still_handled = stored.still_handled;
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
