// References resolved against the batch first, then (once per value) against the store.
#include "ledger/import/reference_resolver.h"

#include <set>

namespace sunlight::ledger {

ReferenceResolver::ReferenceResolver(store::Connection& conn) : conn_(&conn) {}

std::string ReferenceResolver::TargetName(const Reference& target) {
  return std::string(target.table) + "." + std::string(target.column);
}

std::vector<Reference> ReferenceResolver::TargetsIn(std::string_view table) const {
  std::vector<Reference> targets;
  std::set<std::string> seen;
  for (const TableSpec& spec : InterchangeSchema()) {
    for (const ColumnSpec& column : spec.columns) {
      if (column.reference && column.reference.table == table &&
          seen.insert(TargetName(column.reference)).second) {
        targets.push_back(column.reference);
      }
    }
  }
  return targets;
}

void ReferenceResolver::AddBatchValue(const Reference& target, const std::string& value) {
  batch_values_[TargetName(target)].insert(value);
}

bool ReferenceResolver::InBatch(const Reference& target, const std::string& value) const {
  auto it = batch_values_.find(TargetName(target));
  return it != batch_values_.end() && it->second.contains(value);
}

StatusOr<bool> ReferenceResolver::Resolves(const Reference& target, const std::string& value) {
  if (InBatch(target, value)) return true;
  std::string name = TargetName(target);
  auto& cache = store_cache_[name];
  if (auto it = cache.find(value); it != cache.end()) return it->second;
  std::unique_ptr<store::Statement>& statement = exists_statements_[name];
  if (statement == nullptr) {
    // Names from the static schema; the value is bound.
    SUNLIGHT_ASSIGN_OR_RETURN(
        statement, conn_->Prepare("SELECT 1 FROM " + std::string(target.table) + " WHERE " +
                                  std::string(target.column) + " = ? LIMIT 1"));
  }
  SUNLIGHT_RETURN_IF_ERROR(statement->BindText(1, value));
  StatusOr<bool> found = statement->Step();
  Status reset = statement->Reset();
  if (!found.ok()) return found.status();
  SUNLIGHT_RETURN_IF_ERROR(reset);
  cache.emplace(value, *found);
  return *found;
}

void ReferenceResolver::AddBatchPeriodKind(const std::string& item_id,
                                           const std::string& period_kind) {
  batch_period_kinds_[item_id] = period_kind;
}

StatusOr<std::optional<std::string>> ReferenceResolver::PeriodKind(const std::string& item_id) {
  if (auto it = batch_period_kinds_.find(item_id); it != batch_period_kinds_.end()) {
    return std::optional<std::string>(it->second);
  }
  if (auto it = store_period_kinds_.find(item_id); it != store_period_kinds_.end()) {
    return it->second;
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn_->Query("SELECT period_kind FROM subsidy_items WHERE item_id = ?", {item_id}));
  std::optional<std::string> kind;
  if (!rs.empty()) kind = rs.row(0)[0].AsText();
  store_period_kinds_.emplace(item_id, kind);
  return kind;
}

}  // namespace sunlight::ledger
