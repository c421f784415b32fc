// ReferenceResolver: does a referenced value (payments.project_id = "XM1") name a row of the
// batch or of the store?
//
// The batch side is a set of values per target column, filled as target tables are read (they
// come first in dataset order). The store side is one indexed lookup per distinct value,
// remembered, so a million payments of one project cost one query. A target column is named
// once (TargetId) and then looked up by number, so a row's checks build no strings.
//
//   ReferenceResolver::TargetId households = resolver.IdOf({"households", "household_id"});
//   resolver.AddBatchValue(households, "H001");                  // while reading households
//   SUNLIGHT_ASSIGN_OR_RETURN(bool ok, resolver.Resolves(households, "H001"));  // later
//
// Used from one thread. REQUIRES: the Connection outlives it.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/key_index.h"
#include "core/status.h"
#include "ledger/import/interchange_schema.h"
#include "store/connection.h"

namespace sunlight::ledger {

class ReferenceResolver {
 public:
  using TargetId = size_t;

  // `before_store_use` runs before each look-up in the store, and its failure is returned:
  // the importer waits there for its writer thread, which shares the connection.
  explicit ReferenceResolver(
      store::Connection& conn,
      std::function<Status()> before_store_use = [] { return Status::Ok(); });

  // Every column some reference points to, in `table` (e.g. organizations.org_id).
  std::vector<Reference> TargetsIn(std::string_view table) const;

  // The number of `target` (the same for equal references), valid for this resolver.
  TargetId IdOf(const Reference& target);

  void AddBatchValue(TargetId target, const std::string& value);
  // In the batch, or in the store.
  StatusOr<bool> Resolves(TargetId target, const std::string& value);

  // subsidy_items.period_kind of `item_id`, from the batch or the store; nothing when unknown.
  void AddBatchPeriodKind(const std::string& item_id, const std::string& period_kind);
  StatusOr<std::optional<std::string>> PeriodKind(const std::string& item_id);

 private:
  struct Target {
    Reference reference;
    KeyIndex batch_values;  // the value is unused
    std::unordered_map<std::string, bool> store_cache;
    std::unique_ptr<store::Statement> exists;  // prepared on first use
  };

  store::Connection* conn_;  // not owned
  std::function<Status()> before_store_use_;
  std::vector<Target> targets_;
  std::unordered_map<std::string, std::string> batch_period_kinds_;
  std::unordered_map<std::string, std::optional<std::string>> store_period_kinds_;
};

}  // namespace sunlight::ledger
