// StoredTable: the prepared statements the importer runs against one ledger table — find a row
// by its natural key, insert, update, record the old values — built from the TableSpec so that
// no table needs hand-written SQL. Identifiers come from the static schema only; every value is
// bound.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(StoredTable payments, StoredTable::Prepare(conn, *spec));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::vector<store::Value>> old, payments.Find(row));
//   if (!old) SUNLIGHT_RETURN_IF_ERROR(payments.Insert(row, batch_id));
//
// Belongs to its Connection's thread. REQUIRES: the Connection outlives it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ledger/import/interchange_schema.h"
#include "store/connection.h"
#include "store/value.h"

namespace sunlight::ledger {

class StoredTable {
 public:
  static StatusOr<StoredTable> Prepare(store::Connection& conn, const TableSpec& spec);

  // The stored row (one value per spec column, in spec order) with the key of `row`, if any.
  // REQUIRES: row has one value per spec column and its key values are not NULL.
  StatusOr<std::optional<std::vector<store::Value>>> Find(const std::vector<store::Value>& row);
  Status Insert(const std::vector<store::Value>& row, int64_t batch_id);
  // Overwrites the row with the same key, and records `old` in replaced_rows.
  Status Replace(const std::vector<store::Value>& row, const std::vector<store::Value>& old,
                 int64_t batch_id);

  // The key of `row` as a JSON object ({"payment_id":"ZF1"}), for replaced_rows and messages.
  std::string KeyJson(const std::vector<store::Value>& row) const;
  // All of `row` as a JSON object.
  std::string RowJson(const std::vector<store::Value>& row) const;

 private:
  StoredTable() = default;

  const TableSpec* spec_ = nullptr;         // static schema, not owned
  std::vector<size_t> key_columns_;         // indexes into spec_->columns
  std::vector<size_t> non_key_columns_;     // the others, in spec order
  std::unique_ptr<store::Statement> find_;  // SELECT all columns WHERE key
  std::unique_ptr<store::Statement> insert_;
  std::unique_ptr<store::Statement> update_;   // SET non-key columns, batch_id WHERE key
  std::unique_ptr<store::Statement> history_;  // INSERT INTO replaced_rows
};

}  // namespace sunlight::ledger
