// References resolved against the batch first, then (once per value) against the store.
#include "ledger/import/reference_resolver.h"

#include <set>
#include <utility>

namespace sunlight::ledger {
namespace {

std::string TargetName(const Reference& target) {
  return std::string(target.table) + "." + std::string(target.column);
}

}  // namespace

ReferenceResolver::ReferenceResolver(store::Connection& conn,
                                     std::function<Status()> before_store_use)
    : conn_(&conn), before_store_use_(std::move(before_store_use)) {}

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

ReferenceResolver::TargetId ReferenceResolver::IdOf(const Reference& target) {
  for (TargetId id = 0; id < targets_.size(); ++id) {
    const Reference& known = targets_[id].reference;
    if (known.table == target.table && known.column == target.column) return id;
  }
  targets_.push_back({.reference = target});
  return targets_.size() - 1;
}

void ReferenceResolver::AddBatchValue(TargetId target, const std::string& value) {
  targets_[target].batch_values.Emplace(value, 0);
}

StatusOr<bool> ReferenceResolver::Resolves(TargetId id, const std::string& value) {
  Target& target = targets_[id];
  if (target.batch_values.Contains(value)) return true;
  if (auto it = target.store_cache.find(value); it != target.store_cache.end()) return it->second;
  SUNLIGHT_RETURN_IF_ERROR(before_store_use_());
  if (target.exists == nullptr) {
    // Names from the static schema; the value is bound.
    SUNLIGHT_ASSIGN_OR_RETURN(
        target.exists,
        conn_->Prepare("SELECT 1 FROM " + std::string(target.reference.table) + " WHERE " +
                       std::string(target.reference.column) + " = ? LIMIT 1"));
  }
  SUNLIGHT_RETURN_IF_ERROR(target.exists->BindText(1, value));
  StatusOr<bool> found = target.exists->Step();
  Status reset = target.exists->Reset();
  if (!found.ok()) return found.status();
  SUNLIGHT_RETURN_IF_ERROR(reset);
  target.store_cache.emplace(value, *found);
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
  SUNLIGHT_RETURN_IF_ERROR(before_store_use_());
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet rs,
      conn_->Query("SELECT period_kind FROM subsidy_items WHERE item_id = ?", {item_id}));
  std::optional<std::string> kind;
  if (!rs.empty()) kind = rs.row(0)[0].AsText();
  store_period_kinds_.emplace(item_id, kind);
  return kind;
}

}  // namespace sunlight::ledger
