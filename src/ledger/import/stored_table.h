// StoredTable: the prepared statements the importer runs against one ledger table — find a row
// by its natural key, insert, update, record the old values — built from the TableSpec so that
// no table needs hand-written SQL. Identifiers come from the static schema only; every value is
// bound. The table's derived columns (TableSpec::derived, e.g. members.name_norm) are computed
// here from the row (StoredValues), so every write path fills them.
//
// A table that held no row before the batch is written through Append instead of Insert: rows
// are queued and sent through Connection::BulkInsert (COPY … FROM STDIN on PostgreSQL, a
// prepared INSERT on SQLite) a chunk at a time, on the importer's writer thread when it has
// one (SetWriter).
//
//   SUNLIGHT_ASSIGN_OR_RETURN(StoredTable payments, StoredTable::Prepare(conn, *spec));
//   SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::vector<store::Value>> old, payments.Find(row));
//   if (!old) SUNLIGHT_RETURN_IF_ERROR(payments.Insert(row, batch_id));
//
// Used from one thread (its bulk writes may run on the writer's). REQUIRES: the Connection
// outlives it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/status.h"
#include "ledger/import/async_writer.h"
#include "ledger/import/interchange_schema.h"
#include "store/connection.h"
#include "store/value.h"

namespace sunlight::ledger {

class StoredTable {
 public:
  static StatusOr<StoredTable> Prepare(store::Connection& conn, const TableSpec& spec);

  // Whether the table holds no row at all.
  StatusOr<bool> IsEmpty();

  // The stored row with the key of `row`, if any: one value per spec column in spec order,
  // then one per derived column.
  // REQUIRES: row has one value per spec column and its key values are not NULL.
  StatusOr<std::optional<std::vector<store::Value>>> Find(const std::vector<store::Value>& row);
  Status Insert(const std::vector<store::Value>& row, int64_t batch_id);
  // Queues `row` for a bulk write; for a table that was empty when the batch started, so that
  // nothing needs to be found first. Every kAppendChunk rows the queue is sent through
  // Connection::BulkInsert and finished within this call: a COPY holds the PostgreSQL session,
  // and between rows the importer queries the store (references, period kinds).
  Status Append(std::vector<store::Value>&& row, int64_t batch_id);
  // A row of one value per spec column to fill and pass to Append: room for what Append adds
  // (derived columns, the batch), so the row is never copied to grow, and when it can be a row
  // already sent, so a million rows do not cost a million allocations. Such a row still holds
  // that row's values (their strings are reused): the caller sets every column.
  std::vector<store::Value> TakeRow();
  // Sends the rows still queued. Call after a table's last Append, before committing.
  Status FlushAppended();
  // From now on the bulk writes of Append run as jobs of `writer` (which shares the
  // connection; see async_writer.h) instead of within Append. Null: within Append again.
  // REQUIRES: `writer` outlives this table's writes.
  void SetWriter(AsyncWriter* writer) { writer_ = writer; }
  // Rows per bulk write: big enough that a COPY's round trips vanish, small enough that the
  // queue stays a few megabytes.
  static constexpr size_t kAppendChunk = 8192;
  // Chunks of sent rows kept for TakeRow: the writer's queue (2) and the chunk it writes.
  static constexpr size_t kSpareChunks = 3;
  // Overwrites the row with the same key, and records `old` (as Find returned it) in
  // replaced_rows.
  Status Replace(const std::vector<store::Value>& row, const std::vector<store::Value>& old,
                 int64_t batch_id);
  // For a row whose spec columns equal the stored ones (`old`, as Find returned it): rewrites
  // the derived columns if they differ — rows stored before migration 4 hold NULL there.
  // Returns whether it wrote.
  StatusOr<bool> RefreshDerived(const std::vector<store::Value>& row,
                                const std::vector<store::Value>& old);

  // The key of `row` as a JSON object ({"payment_id":"ZF1"}), for replaced_rows and messages.
  std::string KeyJson(const std::vector<store::Value>& row) const;
  // All of `row` as a JSON object.
  std::string RowJson(const std::vector<store::Value>& row) const;

 private:
  StoredTable() = default;

  // The value of derived column `derived_idx` for `row`.
  store::Value Derive(const std::vector<store::Value>& row, size_t derived_idx);
  // What a new row stores: the spec columns, the derived columns, the batch (the order of
  // stored_columns_).
  // `row`'s storage is reused: pass a copy to keep the row.
  std::vector<store::Value> StoredValues(std::vector<store::Value>&& row, int64_t batch_id);

  store::Connection* conn_ = nullptr;                // not owned
  AsyncWriter* writer_ = nullptr;                    // not owned; null: write in the caller
  const TableSpec* spec_ = nullptr;                  // static schema, not owned
  std::vector<std::string> stored_columns_;          // spec columns, derived columns, batch_id
  std::vector<std::vector<store::Value>> appended_;  // queued by Append, not yet sent
  // Chunks the writer thread has sent, handed back to be freed here: a block freed by
  // another thread than the one that allocated it takes the allocator's lock, and with the
  // reading thread allocating at the same time that lock was a tenth of an import's time.
  struct Sent {
    std::mutex mutex;
    std::vector<std::vector<std::vector<store::Value>>> chunks;
  };
  std::shared_ptr<Sent> sent_ = std::make_shared<Sent>();
  std::vector<std::vector<store::Value>> spare_rows_;  // sent rows for TakeRow
  std::vector<size_t> key_columns_;                    // indexes into spec_->columns
  std::vector<size_t> non_key_columns_;                // the others, in spec order
  std::vector<size_t> derived_sources_;     // per derived column, its source's spec index
  std::unique_ptr<store::Statement> find_;  // SELECT all columns and derived WHERE key
  std::unique_ptr<store::Statement> insert_;
  std::unique_ptr<store::Statement> update_;   // SET non-key, derived, batch_id WHERE key
  std::unique_ptr<store::Statement> refresh_;  // SET derived WHERE key; null without derived
  std::unique_ptr<store::Statement> history_;  // INSERT INTO replaced_rows
  std::unique_ptr<store::Statement> any_row_;  // SELECT 1 … LIMIT 1
  // NormalizeName of recent names: Traditional→Simplified is a dictionary search, and a
  // ledger names the same people many times over (payees, holders, members).
  std::unordered_map<std::string, std::string> normalized_;
  // Per derived column, the last name and its normal form.
  std::vector<std::pair<std::string, std::string>> last_derived_;
};

}  // namespace sunlight::ledger
