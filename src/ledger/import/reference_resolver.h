// ReferenceResolver: does a referenced value (payments.project_id = "XM1") name a row of the
// batch or of the store?
//
// The batch side is a set of values per target column, filled as target tables are read (they
// come first in dataset order). The store side is one indexed lookup per distinct value,
// remembered, so a million payments of one project cost one query.
//
// Belongs to its Connection's thread. REQUIRES: the Connection outlives it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/status.h"
#include "ledger/import/interchange_schema.h"
#include "store/connection.h"

namespace sunlight::ledger {

class ReferenceResolver {
 public:
  explicit ReferenceResolver(store::Connection& conn);

  // Every column some reference points to, in `table` (e.g. organizations.org_id).
  std::vector<Reference> TargetsIn(std::string_view table) const;

  void AddBatchValue(const Reference& target, const std::string& value);
  bool InBatch(const Reference& target, const std::string& value) const;
  // In the batch, or in the store.
  StatusOr<bool> Resolves(const Reference& target, const std::string& value);

  // subsidy_items.period_kind of `item_id`, from the batch or the store; nothing when unknown.
  void AddBatchPeriodKind(const std::string& item_id, const std::string& period_kind);
  StatusOr<std::optional<std::string>> PeriodKind(const std::string& item_id);

 private:
  static std::string TargetName(const Reference& target);

  store::Connection* conn_;  // not owned
  std::unordered_map<std::string, std::unordered_set<std::string>> batch_values_;
  std::unordered_map<std::string, std::unordered_map<std::string, bool>> store_cache_;
  std::map<std::string, std::unique_ptr<store::Statement>> exists_statements_;
  std::unordered_map<std::string, std::string> batch_period_kinds_;
  std::unordered_map<std::string, std::optional<std::string>> store_period_kinds_;
};

}  // namespace sunlight::ledger
