// SQL for one ledger table, generated from its TableSpec (names from the static schema only).
#include "ledger/import/stored_table.h"

#include <nlohmann/json.hpp>

#include <utility>

#include "core/text.h"

namespace sunlight::ledger {
namespace {

// Names remembered per table; past this the memo starts again (it is a cache, not a set).
constexpr size_t kMaxRememberedNames = 1 << 18;

std::string KeyCondition(const TableSpec& spec, const std::vector<size_t>& key_columns) {
  std::string sql;
  for (size_t column_idx : key_columns) {
    if (!sql.empty()) sql += " AND ";
    sql += std::string(spec.columns[column_idx].name) + " = ?";
  }
  return sql;
}

nlohmann::ordered_json ToJson(const store::Value& value) {
  switch (value.type()) {
    case store::ValueType::kNull:
      return nullptr;
    case store::ValueType::kInteger:
      return value.integer();
    case store::ValueType::kReal:
      return value.real();
    default:
      return value.AsText();
  }
}

}  // namespace

StatusOr<StoredTable> StoredTable::Prepare(store::Connection& conn, const TableSpec& spec) {
  StoredTable table;
  table.conn_ = &conn;
  table.spec_ = &spec;
  for (size_t column_idx = 0; column_idx < spec.columns.size(); ++column_idx) {
    bool is_key = false;
    for (std::string_view key : spec.key) is_key = is_key || key == spec.columns[column_idx].name;
    (is_key ? table.key_columns_ : table.non_key_columns_).push_back(column_idx);
  }
  std::string columns;
  std::string placeholders;
  for (const ColumnSpec& column : spec.columns) {
    columns += std::string(column.name) + ", ";
    placeholders += "?, ";
    table.stored_columns_.emplace_back(column.name);
  }
  std::string derived_assignments;
  for (const DerivedColumn& derived : spec.derived) {
    std::optional<size_t> source = ColumnIndex(spec, derived.source);
    if (!source) {
      return InternalError("派生列 " + std::string(derived.name) + " 的来源列不存在",
                           "bad_derived_column");
    }
    table.derived_sources_.push_back(*source);
    table.last_derived_.emplace_back();
    table.stored_columns_.emplace_back(derived.name);
    columns += std::string(derived.name) + ", ";
    placeholders += "?, ";
    derived_assignments += std::string(derived.name) + " = ?, ";
  }
  table.stored_columns_.emplace_back("batch_id");
  std::string name(spec.name);
  std::string where = KeyCondition(spec, table.key_columns_);
  std::string select_columns = columns.substr(0, columns.size() - 2);
  SUNLIGHT_ASSIGN_OR_RETURN(
      table.find_, conn.Prepare("SELECT " + select_columns + " FROM " + name + " WHERE " + where));
  SUNLIGHT_ASSIGN_OR_RETURN(
      table.insert_, conn.Prepare("INSERT INTO " + name + " (" + columns + "batch_id) VALUES (" +
                                  placeholders + "?)"));
  std::string assignments;
  for (size_t column_idx : table.non_key_columns_) {
    assignments += std::string(spec.columns[column_idx].name) + " = ?, ";
  }
  SUNLIGHT_ASSIGN_OR_RETURN(
      table.update_, conn.Prepare("UPDATE " + name + " SET " + assignments + derived_assignments +
                                  "batch_id = ? WHERE " + where));
  if (!spec.derived.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(
        table.refresh_, conn.Prepare("UPDATE " + name + " SET " +
                                     derived_assignments.substr(0, derived_assignments.size() - 2) +
                                     " WHERE " + where));
  }
  SUNLIGHT_ASSIGN_OR_RETURN(table.any_row_, conn.Prepare("SELECT 1 FROM " + name + " LIMIT 1"));
  SUNLIGHT_ASSIGN_OR_RETURN(
      table.history_,
      conn.Prepare("INSERT INTO replaced_rows (batch_id, table_name, row_key, old_values) "
                   "VALUES (?, ?, ?, ?)"));
  return table;
}

StatusOr<bool> StoredTable::IsEmpty() {
  StatusOr<bool> has_row = any_row_->Step();
  Status reset = any_row_->Reset();
  if (!has_row.ok()) return has_row.status();
  SUNLIGHT_RETURN_IF_ERROR(reset);
  return !*has_row;
}

store::Value StoredTable::Derive(const std::vector<store::Value>& row, size_t derived_idx) {
  const store::Value& source = row[derived_sources_[derived_idx]];
  if (source.is_null()) return store::Value();
  const std::string& name = source.text();
  // Neighbouring rows mostly repeat the name (a household's payments): no hashing for those.
  std::pair<std::string, std::string>& last = last_derived_[derived_idx];
  if (name == last.first && !name.empty()) return store::Value(last.second);
  auto it = normalized_.find(name);
  if (it == normalized_.end()) {
    if (normalized_.size() >= kMaxRememberedNames) normalized_.clear();
    it = normalized_.emplace(name, NormalizeName(name)).first;
  }
  last = *it;
  return store::Value(it->second);
}

StatusOr<std::optional<std::vector<store::Value>>> StoredTable::Find(
    const std::vector<store::Value>& row) {
  int param = 1;
  for (size_t column_idx : key_columns_) {
    SUNLIGHT_RETURN_IF_ERROR(find_->Bind(param++, row[column_idx]));
  }
  std::optional<std::vector<store::Value>> found;
  StatusOr<bool> has_row = find_->Step();
  if (has_row.ok() && *has_row) {
    found.emplace();
    found->reserve(spec_->columns.size());
    for (int column_idx = 0; column_idx < find_->column_count(); ++column_idx) {
      found->push_back(find_->Column(column_idx));
    }
  }
  Status reset = find_->Reset();
  if (!has_row.ok()) return has_row.status();
  SUNLIGHT_RETURN_IF_ERROR(reset);
  return found;
}

Status StoredTable::Insert(const std::vector<store::Value>& row, int64_t batch_id) {
  SUNLIGHT_RETURN_IF_ERROR(
      insert_->BindAll(StoredValues(std::vector<store::Value>(row), batch_id)));
  return insert_->Run();
}

std::vector<store::Value> StoredTable::StoredValues(std::vector<store::Value>&& row,
                                                    int64_t batch_id) {
  row.reserve(stored_columns_.size());
  for (size_t derived_idx = 0; derived_idx < derived_sources_.size(); ++derived_idx) {
    // Derive reads only the spec columns, which the appended values leave in place.
    row.push_back(Derive(row, derived_idx));
  }
  row.emplace_back(batch_id);
  return std::move(row);
}

std::vector<store::Value> StoredTable::TakeRow() {
  std::vector<store::Value> row;
  if (!spare_rows_.empty()) {
    row = std::move(spare_rows_.back());
    spare_rows_.pop_back();
  }
  row.reserve(stored_columns_.size());
  row.resize(spec_->columns.size());
  return row;
}

Status StoredTable::Append(std::vector<store::Value>&& row, int64_t batch_id) {
  appended_.push_back(StoredValues(std::move(row), batch_id));
  if (appended_.size() >= kAppendChunk) return FlushAppended();
  return Status::Ok();
}

Status StoredTable::FlushAppended() {
  if (appended_.empty()) return Status::Ok();
  // Taken out first: after an error the queue is gone, never sent twice. The job holds all it
  // needs by value, so it may outlive this table on the writer thread.
  {
    std::vector<std::vector<std::vector<store::Value>>> freed;
    {
      std::lock_guard<std::mutex> lock(sent_->mutex);
      freed.swap(sent_->chunks);
    }
    // The rows are kept for TakeRow with their spec columns' values, whose strings the next
    // rows' cells are written into (ParseCellInto), up to kSpareChunks chunks of them: the
    // writer may hand back several chunks at once and then none for a while. The rest are
    // freed here, on this thread.
    for (std::vector<std::vector<store::Value>>& chunk : freed) {
      for (std::vector<store::Value>& row : chunk) {
        if (spare_rows_.size() >= kSpareChunks * kAppendChunk) break;
        row.resize(spec_->columns.size());
        spare_rows_.push_back(std::move(row));
      }
    }
  }
  const bool hand_back = writer_ != nullptr;
  auto write = [conn = conn_, table = spec_->name, columns = stored_columns_,
                rows = std::move(appended_), sent = sent_, hand_back]() mutable -> Status {
    SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::BulkInserter> bulk,
                              conn->BulkInsert(table, columns));
    for (const std::vector<store::Value>& values : rows) {
      SUNLIGHT_RETURN_IF_ERROR(bulk->Add(values));
    }
    SUNLIGHT_ASSIGN_OR_RETURN(int64_t count, bulk->Finish());
    if (count != static_cast<int64_t>(rows.size())) {
      return InternalError("批量写入 " + std::string(table) + " 的行数不符",
                           "bulk_row_count_mismatch");
    }
    if (hand_back) {
      std::lock_guard<std::mutex> lock(sent->mutex);
      sent->chunks.push_back(std::move(rows));
    }
    return Status::Ok();
  };
  appended_ = {};
  appended_.reserve(kAppendChunk);
  if (writer_ != nullptr) return writer_->Submit(std::move(write));
  return write();
}

Status StoredTable::Replace(const std::vector<store::Value>& row,
                            const std::vector<store::Value>& old, int64_t batch_id) {
  SUNLIGHT_RETURN_IF_ERROR(history_->BindInteger(1, batch_id));
  SUNLIGHT_RETURN_IF_ERROR(history_->BindText(2, spec_->name));
  SUNLIGHT_RETURN_IF_ERROR(history_->BindText(3, KeyJson(row)));
  SUNLIGHT_RETURN_IF_ERROR(history_->BindText(4, RowJson(old)));
  SUNLIGHT_RETURN_IF_ERROR(history_->Run());
  int param = 1;
  for (size_t column_idx : non_key_columns_) {
    SUNLIGHT_RETURN_IF_ERROR(update_->Bind(param++, row[column_idx]));
  }
  for (size_t derived_idx = 0; derived_idx < derived_sources_.size(); ++derived_idx) {
    SUNLIGHT_RETURN_IF_ERROR(update_->Bind(param++, Derive(row, derived_idx)));
  }
  SUNLIGHT_RETURN_IF_ERROR(update_->BindInteger(param++, batch_id));
  for (size_t column_idx : key_columns_) {
    SUNLIGHT_RETURN_IF_ERROR(update_->Bind(param++, row[column_idx]));
  }
  return update_->Run();
}

StatusOr<bool> StoredTable::RefreshDerived(const std::vector<store::Value>& row,
                                           const std::vector<store::Value>& old) {
  if (refresh_ == nullptr) return false;
  std::vector<store::Value> derived;
  bool differs = false;
  for (size_t derived_idx = 0; derived_idx < derived_sources_.size(); ++derived_idx) {
    derived.push_back(Derive(row, derived_idx));
    differs = differs || !(derived.back() == old[spec_->columns.size() + derived_idx]);
  }
  if (!differs) return false;
  int param = 1;
  for (const store::Value& value : derived) {
    SUNLIGHT_RETURN_IF_ERROR(refresh_->Bind(param++, value));
  }
  for (size_t column_idx : key_columns_) {
    SUNLIGHT_RETURN_IF_ERROR(refresh_->Bind(param++, row[column_idx]));
  }
  SUNLIGHT_RETURN_IF_ERROR(refresh_->Run());
  return true;
}

std::string StoredTable::KeyJson(const std::vector<store::Value>& row) const {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (size_t column_idx : key_columns_) {
    json[std::string(spec_->columns[column_idx].name)] = ToJson(row[column_idx]);
  }
  return json.dump();
}

std::string StoredTable::RowJson(const std::vector<store::Value>& row) const {
  nlohmann::ordered_json json = nlohmann::ordered_json::object();
  for (size_t column_idx = 0; column_idx < spec_->columns.size(); ++column_idx) {
    json[std::string(spec_->columns[column_idx].name)] = ToJson(row[column_idx]);
  }
  return json.dump();
}

}  // namespace sunlight::ledger
