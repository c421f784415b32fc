// The importer: one pass over the dataset inside one write transaction.
//
// Each table is streamed row by row: cells are parsed, required cells and references checked,
// keys tested for duplicates, and the row compared with the stored row of the same key. While
// no error has been found the row is written at once (insert, or --replace update); after the
// first error the pass goes on checking but writes nothing more, and the transaction is rolled
// back at the end. Reading and checking once, inside the transaction, is what makes "same key,
// different content" an error found before anything is committed, and a kill at any point a
// rollback.
//
// A table that is empty when the import starts (the first load of a region's ledger, millions
// of rows) takes a faster path with the same checks: no row can match a stored one, so rows
// are written without looking for one (duplicates within the batch are caught in memory) and
// in bulk — StoredTable::Append, COPY on PostgreSQL — and its secondary indexes are dropped
// before its rows and built again after them, one sort per index instead of one B-tree
// insertion per row. All of it happens inside the import's transaction, so a rejected or
// killed import still leaves the table and its indexes as they were.
//
// Two threads share the work (async_writer.h): this one reads and checks rows; a writer thread
// sends the queued chunks of the empty tables to the store and rebuilds their indexes. The
// connection has one user at a time — every statement this thread runs itself (a look-up in
// the store, a row of a filled table, the commit) waits for the writer to be idle first — so
// the statements of every table are prepared, and the indexes dropped, before the first row.
// Tables are read in an order that puts the biggest index builds first (import_order.h);
// the report still lists tables and errors in the dataset's order.
#include "ledger/import/importer.h"

#include <chrono>
#include <optional>
#include <regex>
#include <unordered_map>
#include <utility>

#include "ledger/import/async_writer.h"
#include "ledger/import/batch_keys.h"
#include "ledger/import/cell_parser.h"
#include "ledger/import/header_mapping.h"
#include "ledger/import/import_order.h"
#include "ledger/import/interchange_schema.h"
#include "ledger/import/reference_resolver.h"
#include "ledger/import/stored_table.h"
#include "store/region_index.h"
#include "store/secondary_indexes.h"
#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::ledger {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int64_t kProgressEvery = 4096;

// The row a reader's message names ("第 12 行…"), or 0.
int64_t RowFromMessage(const std::string& message) {
  static const std::regex kLine("第 ?([0-9]+) ?行");
  std::smatch match;
  if (std::regex_search(message, match, kLine)) return std::stoll(match[1].str());
  return 0;
}

// A reader's message starts with the file's name, which the error list already shows.
std::string WithoutName(const std::string& message, std::string_view name) {
  std::string prefix = std::string(name) + ": ";
  return message.starts_with(prefix) ? message.substr(prefix.size()) : message;
}

// ID numbers are personal data: a message shows only their masked form.
std::string Shown(const ColumnSpec& column, const std::string& value) {
  if (column.type == ColumnType::kIdNumber && value.size() == 18) {
    return value.substr(0, 6) + "********" + value.substr(14);
  }
  return value;
}

// Does a canonical period ("2024-03", "2024-Q1", "2024") fit the item's period_kind?
bool PeriodFits(const std::string& period, const std::string& period_kind) {
  if (period_kind == "monthly") return period.size() == 7 && period[5] != 'Q';
  if (period_kind == "quarterly") return period.find("-Q") != std::string::npos;
  if (period_kind == "yearly") return period.size() == 4;
  return true;  // "once": any period
}

std::string_view PeriodKindChinese(const std::string& period_kind) {
  if (period_kind == "monthly") return "按月（YYYY-MM）";
  if (period_kind == "quarterly") return "按季（YYYY-Qn）";
  if (period_kind == "yearly") return "按年（YYYY）";
  return period_kind;
}

// Ends a connection's bulk-load mode (Connection::SetBulkLoad) when it goes out of scope.
struct BulkLoadScope {
  store::Connection& conn;
  ~BulkLoadScope() { conn.SetBulkLoad(false).IgnoreError(); }
};

class BatchImporter {
 public:
  BatchImporter(store::Connection& conn, const Dataset& dataset, const store::RegionIndex& regions,
                const ImportOptions& options, ImportReport& report, int64_t batch_id)
      : conn_(conn),
        dataset_(dataset),
        regions_(regions),
        options_(options),
        report_(report),
        batch_id_(batch_id),
        resolver_(conn, [this] { return writer_.Drain(); }),
        started_(Clock::now()) {}

  // Before the first row: the statements of every table of the dataset, whether each was
  // empty, and the secondary indexes of the empty ones dropped (built again after their rows).
  // Done once up front so that from then on the connection is the writer's while it has work.
  // Also decides the order in which the tables are read (import_order.h).
  Status PrepareTables();
  // Indexes into the dataset's tables, in reading order; set by PrepareTables.
  const std::vector<size_t>& order() const { return order_; }
  // Table `table_idx` of the dataset.
  Status ImportTable(size_t table_idx);
  // Waits for the writer; after it the connection is free for the commit.
  Status FinishWrites() { return writer_.Drain(); }

 private:
  struct PreparedTable {
    StoredTable stored;
    bool was_empty = false;
    std::vector<store::IndexDefinition> deferred_indexes;  // dropped, to be built again
  };

  struct PendingReference {  // a reference to a row later in the same table
    int64_t row;
    size_t column_idx;
    std::string value;
  };

  void AddError(const DatasetTable& table, int64_t row, std::string_view column, std::string code,
                std::string message) {
    report_.errors.Add(
        {table.display_name, row, std::string(column), std::move(code), std::move(message)});
  }
  bool writing() const { return report_.errors.empty(); }

  // Whether `value` resolves; when not, the error is added.
  StatusOr<bool> CheckReference(const DatasetTable& table, const ColumnSpec& column,
                                ReferenceResolver::TargetId target, int64_t row,
                                const std::string& value);
  Status CheckPeriod(const DatasetTable& table, size_t item_idx, size_t period_idx, int64_t row,
                     const std::vector<store::Value>& values);
  // May move `values` away (into the table's bulk queue).
  Status StoreRow(const DatasetTable& table, const TableSpec& spec, StoredTable& stored,
                  bool was_empty, int64_t row, std::vector<store::Value>& values,
                  TableCounts& counts);
  void Progress(std::string_view table) {
    if (!options_.on_progress) return;
    options_.on_progress({table, report_.total_rows,
                          std::chrono::duration<double>(Clock::now() - started_).count()});
  }

  store::Connection& conn_;
  const Dataset& dataset_;
  const store::RegionIndex& regions_;
  const ImportOptions& options_;
  ImportReport& report_;
  int64_t batch_id_;
  // Declared before the resolver, whose store look-ups wait for it. Behind an index build the
  // next table's chunks may queue up to kChunksBehindBuilds (8 192 rows each; ≈100 MiB more
  // at the peak of 400 000 households), so that reading it overlaps the store's sorting.
  static constexpr size_t kChunksBehindBuilds = 48;
  AsyncWriter writer_{/*max_queued=*/2, kChunksBehindBuilds};
  ReferenceResolver resolver_;
  std::unordered_map<std::string, PreparedTable> prepared_;  // by table name
  std::vector<size_t> order_;
  Clock::time_point started_;
};

Status BatchImporter::PrepareTables() {
  for (const DatasetTable& table : dataset_.tables()) {
    const TableSpec* spec = FindTableSpec(table.table);
    if (spec == nullptr) return InternalError("未知的表 " + table.table, "unknown_table");
    SUNLIGHT_ASSIGN_OR_RETURN(StoredTable stored, StoredTable::Prepare(conn_, *spec));
    SUNLIGHT_ASSIGN_OR_RETURN(bool was_empty, stored.IsEmpty());
    std::vector<store::IndexDefinition> deferred_indexes;
    if (was_empty) {
      SUNLIGHT_ASSIGN_OR_RETURN(deferred_indexes, store::SecondaryIndexes(conn_, spec->name));
      for (const store::IndexDefinition& index : deferred_indexes) {
        SUNLIGHT_RETURN_IF_ERROR(conn_.Execute("DROP INDEX " + index.name));
      }
      // Its rows go through the writer thread (and COPY on PostgreSQL).
      stored.SetWriter(&writer_);
    }
    prepared_.emplace(table.table,
                      PreparedTable{std::move(stored), was_empty, std::move(deferred_indexes)});
  }

  // The report lists the tables in the dataset's order whatever the reading order.
  std::vector<OrderedTable> ordered;
  for (const DatasetTable& table : dataset_.tables()) {
    TableCounts& counts = report_.tables.emplace_back();
    counts.table = table.table;
    counts.source = table.display_name;
    OrderedTable& entry = ordered.emplace_back();
    entry.name = table.table;
    for (const ColumnSpec& column : FindTableSpec(table.table)->columns) {
      if (column.reference) entry.refers_to.emplace_back(column.reference.table);
    }
    entry.work = static_cast<uint64_t>(table.size_bytes) *
                 (1 + prepared_.at(table.table).deferred_indexes.size());
  }
  order_ = ImportOrder(ordered);
  return Status::Ok();
}

StatusOr<bool> BatchImporter::CheckReference(const DatasetTable& table, const ColumnSpec& column,
                                             ReferenceResolver::TargetId target, int64_t row,
                                             const std::string& value) {
  SUNLIGHT_ASSIGN_OR_RETURN(bool resolves, resolver_.Resolves(target, value));
  if (resolves) return true;
  const TableSpec* target_spec = FindTableSpec(column.reference.table);
  const DatasetTable* target_table = dataset_.Find(column.reference.table);
  std::string target_name = target_table != nullptr ? target_table->display_name
                                                    : std::string(column.reference.table) + ".csv";
  AddError(table, row, column.name, "dangling_reference",
           "引用的" + std::string(target_spec->noun) + " " + Shown(column, value) + " 在 " +
               target_name + " 和库中都不存在");
  return false;
}

Status BatchImporter::CheckPeriod(const DatasetTable& table, size_t item_idx, size_t period_idx,
                                  int64_t row, const std::vector<store::Value>& values) {
  const store::Value& item = values[item_idx];
  const store::Value& period = values[period_idx];
  if (item.is_null() || period.is_null()) return Status::Ok();
  SUNLIGHT_ASSIGN_OR_RETURN(std::optional<std::string> kind, resolver_.PeriodKind(item.text()));
  if (kind && !PeriodFits(period.text(), *kind)) {
    AddError(table, row, "period", "period_mismatch",
             "所属期 " + period.text() + " 与补助项目 " + item.text() + " 的发放周期“" +
                 std::string(PeriodKindChinese(*kind)) + "”不符");
  }
  return Status::Ok();
}

Status BatchImporter::StoreRow(const DatasetTable& table, const TableSpec& spec,
                               StoredTable& stored, bool was_empty, int64_t row,
                               std::vector<store::Value>& values, TableCounts& counts) {
  std::optional<std::vector<store::Value>> old;
  // In a table that was empty, only this batch's rows are stored, and a repeated key never
  // gets here: there is nothing to find.
  if (!was_empty) {
    // The connection is ours only once the writer is idle (an earlier table's index builds).
    SUNLIGHT_RETURN_IF_ERROR(writer_.Drain());
    SUNLIGHT_ASSIGN_OR_RETURN(old, stored.Find(values));
  }
  if (!old) {
    if (writing()) {
      SUNLIGHT_RETURN_IF_ERROR(was_empty ? stored.Append(std::move(values), batch_id_)
                                         : stored.Insert(values, batch_id_));
    }
    ++counts.inserted;
    return Status::Ok();
  }
  std::string changed;
  for (size_t column_idx = 0; column_idx < spec.columns.size(); ++column_idx) {
    if (!((*old)[column_idx] == values[column_idx])) {
      if (!changed.empty()) changed += "、";
      changed += spec.columns[column_idx].name;
    }
  }
  if (changed.empty()) {
    // Rows stored before their derived columns existed get them now (not a change of data).
    if (writing()) SUNLIGHT_RETURN_IF_ERROR(stored.RefreshDerived(values, *old).status());
    ++counts.unchanged;
    return Status::Ok();
  }
  if (!options_.replace) {
    AddError(table, row, "", "changed_without_replace",
             "库中已有同键的" + std::string(spec.noun) + " " + stored.KeyJson(values) +
                 "，内容不同（" + changed + "）；如需以新内容替换，请使用 --replace");
    return Status::Ok();
  }
  if (writing()) SUNLIGHT_RETURN_IF_ERROR(stored.Replace(values, *old, batch_id_));
  ++counts.replaced;
  return Status::Ok();
}

Status BatchImporter::ImportTable(size_t table_idx) {
  const DatasetTable& table = dataset_.tables()[table_idx];
  const TableSpec* spec = FindTableSpec(table.table);
  if (spec == nullptr) return InternalError("未知的表 " + table.table, "unknown_table");
  TableCounts& counts = report_.tables[table_idx];

  StatusOr<std::unique_ptr<TableSource>> opened = dataset_.Open(table);
  if (!opened.ok()) {
    AddError(table, RowFromMessage(opened.status().message()), "",
             std::string(opened.status().reason()),
             WithoutName(opened.status().message(), table.display_name));
    return Status::Ok();
  }
  TableSource& source = **opened;
  auto found = prepared_.find(table.table);
  if (found == prepared_.end()) return InternalError("表 " + table.table + " 未准备", "unprepared");
  StoredTable& stored = found->second.stored;
  const bool was_empty = found->second.was_empty;

  Row row;
  StatusOr<bool> more = source.Next(row);
  if (!more.ok()) {
    AddError(table, RowFromMessage(more.status().message()), "",
             std::string(more.status().reason()),
             WithoutName(more.status().message(), table.display_name));
    return Status::Ok();
  }
  if (!*more) {
    AddError(table, 1, "", "empty_file", "文件为空：缺少表头行");
    return Status::Ok();
  }
  HeaderMapping mapping = MapHeader(*spec, row.cells, table.display_name, row.number,
                                    options_.ignore_unknown_columns, report_.errors);

  // Columns of this table that other rows refer to, and the references of each column.
  std::vector<ReferenceResolver::TargetId> targets;
  std::vector<size_t> target_columns;
  for (const Reference& target : resolver_.TargetsIn(spec->name)) {
    targets.push_back(resolver_.IdOf(target));
    target_columns.push_back(*ColumnIndex(*spec, target.column));
  }
  std::vector<std::optional<ReferenceResolver::TargetId>> reference_of(spec->columns.size());
  for (size_t column_idx = 0; column_idx < spec->columns.size(); ++column_idx) {
    const ColumnSpec& column = spec->columns[column_idx];
    if (column.reference) reference_of[column_idx] = resolver_.IdOf(column.reference);
  }
  std::optional<size_t> item_idx = ColumnIndex(*spec, "item_id");
  std::optional<size_t> period_idx = ColumnIndex(*spec, "period");
  std::optional<size_t> period_kind_idx;
  if (spec->name == "subsidy_items") period_kind_idx = ColumnIndex(*spec, "period_kind");
  std::vector<size_t> key_columns;
  for (std::string_view key : spec->key) key_columns.push_back(*ColumnIndex(*spec, key));
  BatchKeys keys;
  std::string key;
  std::vector<PendingReference> pending;
  // Per column, the value its last reference resolved to: neighbouring rows mostly name the
  // same household, account or programme, and a value that resolved once always does.
  std::vector<std::string> last_resolved(spec->columns.size());
  std::vector<store::Value> values;
  std::vector<bool> bad(spec->columns.size());

  while (true) {
    more = source.Next(row);
    if (!more.ok()) {
      AddError(table, RowFromMessage(more.status().message()), "",
               std::string(more.status().reason()),
               WithoutName(more.status().message(), table.display_name));
      break;
    }
    if (!*more) break;
    ++counts.rows;
    if (++report_.total_rows % kProgressEvery == 0) Progress(table.table);
    // Not fill: the last row's values may have been moved into the table's queue. The row
    // taken may hold an earlier row's values, whose strings the cells below write into: every
    // column is set below, from its cell or to NULL.
    values = stored.TakeRow();
    std::fill(bad.begin(), bad.end(), false);
    bool row_ok = true;

    for (size_t cell_idx = 0; cell_idx < row.cells.size(); ++cell_idx) {
      if (cell_idx >= mapping.column_of_cell.size()) {
        if (!row.cells[cell_idx].empty()) {
          AddError(table, row.number, "", "extra_cell",
                   "第 " + std::to_string(cell_idx + 1) + " 个单元格在表头之外（共 " +
                       std::to_string(mapping.column_of_cell.size()) + " 列）");
          row_ok = false;
        }
        continue;
      }
      std::optional<size_t> column_idx = mapping.column_of_cell[cell_idx];
      if (!column_idx) continue;
      const ColumnSpec& column = spec->columns[*column_idx];
      Status parsed = ParseCellInto(column, row.cells[cell_idx], regions_, values[*column_idx]);
      if (!parsed.ok()) {
        AddError(table, row.number, column.name, std::string(parsed.reason()), parsed.message());
        bad[*column_idx] = true;
        row_ok = false;
      }
    }
    // Columns without a cell in this row: not in the header, or after a short row's end.
    for (size_t column_idx = 0; column_idx < spec->columns.size(); ++column_idx) {
      const std::optional<size_t>& cell_idx = mapping.cell_of_column[column_idx];
      if (!cell_idx || *cell_idx >= row.cells.size()) values[column_idx] = store::Value();
    }

    for (size_t column_idx = 0; column_idx < spec->columns.size(); ++column_idx) {
      const ColumnSpec& column = spec->columns[column_idx];
      // An absent required column was reported once, at the header.
      if (!mapping.cell_of_column[column_idx] || bad[column_idx]) continue;
      const store::Value& value = values[column_idx];
      if (value.is_null()) {
        if (column.required) {
          AddError(table, row.number, column.name, "empty_required",
                   "必填列“" + std::string(column.name) + "”为空");
          row_ok = false;
        }
        continue;
      }
      if (!reference_of[column_idx]) continue;
      if (column.reference.table == spec->name) {
        pending.push_back({row.number, column_idx, value.text()});
      } else if (value.text() != last_resolved[column_idx]) {
        SUNLIGHT_ASSIGN_OR_RETURN(
            bool resolves,
            CheckReference(table, column, *reference_of[column_idx], row.number, value.text()));
        if (resolves) last_resolved[column_idx] = value.text();
      }
    }
    if (item_idx && period_idx) {
      SUNLIGHT_RETURN_IF_ERROR(CheckPeriod(table, *item_idx, *period_idx, row.number, values));
    }

    // The row's identity counts even when another cell is bad: one bad cell must not turn
    // every row that refers to this one into a second, misleading error.
    for (size_t target_idx = 0; target_idx < targets.size(); ++target_idx) {
      const store::Value& value = values[target_columns[target_idx]];
      if (!value.is_null()) resolver_.AddBatchValue(targets[target_idx], value.text());
    }
    if (period_kind_idx) {
      const store::Value& item = values[*item_idx];
      const store::Value& kind = values[*period_kind_idx];
      if (!item.is_null() && !kind.is_null())
        resolver_.AddBatchPeriodKind(item.text(), kind.text());
    }
    bool key_complete = true;
    key.clear();
    for (size_t column_idx : key_columns) {
      const store::Value& part = values[column_idx];
      if (part.is_null()) key_complete = false;
      if (part.type() == store::ValueType::kText) {
        key += part.text();
      } else {
        key += part.AsText();
      }
      key += '\x1f';
    }
    if (!key_complete) continue;
    if (std::optional<int64_t> first_row = keys.FirstRowOf(key, row.number)) {
      AddError(table, row.number, spec->key.front(), "duplicate_key",
               "键 " + stored.KeyJson(values) + " 与第 " + std::to_string(*first_row) + " 行重复");
      continue;
    }
    if (!row_ok) continue;
    SUNLIGHT_RETURN_IF_ERROR(StoreRow(table, *spec, stored, was_empty, row.number, values, counts));
  }

  // After an error nothing more is written: the queued rows would be rolled back anyway.
  if (writing()) SUNLIGHT_RETURN_IF_ERROR(stored.FlushAppended());
  for (const PendingReference& reference : pending) {
    SUNLIGHT_RETURN_IF_ERROR(CheckReference(table, spec->columns[reference.column_idx],
                                            *reference_of[reference.column_idx], reference.row,
                                            reference.value)
                                 .status());
  }
  // After an error the transaction is rolled back, which brings the dropped indexes back.
  // The builds are the writer's, after this table's last rows; the next table's rows are read
  // and checked meanwhile.
  if (writing()) {
    for (const store::IndexDefinition& index : found->second.deferred_indexes) {
      SUNLIGHT_RETURN_IF_ERROR(
          writer_.Submit([conn = &conn_, index] { return store::BuildIndex(*conn, index); },
                         AsyncWriter::Holds::kNothing));
    }
  }
  Progress(table.table);
  return Status::Ok();
}

// Rows per source file: a CSV file's table, or every sheet of the workbook.
int64_t RowsOf(const SourceFile& file, const ImportReport& report, const Dataset& dataset) {
  int64_t rows = 0;
  for (size_t table_idx = 0; table_idx < report.tables.size(); ++table_idx) {
    if (dataset.tables()[table_idx].path == file.path) rows += report.tables[table_idx].rows;
  }
  return rows;
}

Status RecordBatch(store::Connection& conn, const Dataset& dataset, const ImportReport& report) {
  for (const SourceFile& file : report.files) {
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO import_files (batch_id, file_name, sha256, size_bytes, row_count) "
        "VALUES (?, ?, ?, ?, ?)",
        {report.batch_id, file.path.filename().string(), file.sha256, file.size_bytes,
         RowsOf(file, report, dataset)}));
  }
  for (const TableCounts& counts : report.tables) {
    SUNLIGHT_RETURN_IF_ERROR(conn.Execute(
        "INSERT INTO import_table_counts (batch_id, table_name, source, row_count, inserted, "
        "unchanged, replaced) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {report.batch_id, counts.table, counts.source, counts.rows, counts.inserted,
         counts.unchanged, counts.replaced}));
  }
  return conn.Execute(
      "UPDATE import_batches SET finished_at = ?, status = 'committed' WHERE id = ?",
      {store::TimestampNow(), report.batch_id});
}

}  // namespace

StatusOr<ImportReport> ImportDataset(store::Database& db, const std::filesystem::path& path,
                                     const ImportOptions& options) {
  Clock::time_point started = Clock::now();
  ImportReport report;
  StatusOr<Dataset> dataset = OpenDataset(path, {.encoding = options.encoding});
  if (!dataset.ok()) {
    report.errors.Add({path.filename().string(), RowFromMessage(dataset.status().message()), "",
                       std::string(dataset.status().reason()), dataset.status().message()});
    return report;
  }

  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db.Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(store::RegionIndex regions, store::RegionIndex::Load(*conn));
  // Declared before the transaction, so it ends after it: the connection goes back to its pool
  // with its usual settings whether the batch commits, is rejected or fails (even when only
  // part of the bulk-load settings could be applied).
  BulkLoadScope bulk_load{*conn};
  SUNLIGHT_RETURN_IF_ERROR(conn->SetBulkLoad(true));
  SUNLIGHT_ASSIGN_OR_RETURN(store::Transaction tx, conn->Begin(store::TransactionKind::kWrite));
  SUNLIGHT_ASSIGN_OR_RETURN(
      store::ResultSet batch,
      conn->Query("INSERT INTO import_batches (started_at, imported_by, source_path, status) "
                  "VALUES (?, ?, ?, 'running') RETURNING id",
                  {store::TimestampNow(), options.user.empty() ? "unknown" : options.user,
                   std::filesystem::absolute(path).lexically_normal().string()}));
  report.batch_id = batch.row(0)[0].AsInteger();

  // Declared after the transaction, so destroyed before it: the writer thread has stopped
  // before a rollback runs on the connection.
  BatchImporter importer(*conn, *dataset, regions, options, report, report.batch_id);
  SUNLIGHT_RETURN_IF_ERROR(importer.PrepareTables());
  for (size_t table_idx : importer.order()) {
    SUNLIGHT_RETURN_IF_ERROR(importer.ImportTable(table_idx));
  }
  SUNLIGHT_RETURN_IF_ERROR(importer.FinishWrites());
  // Taken meanwhile on a thread of their own (Dataset::files). A file that could not be read
  // to its end is an error of the batch, as when it cannot be opened.
  StatusOr<std::vector<SourceFile>> checksummed = dataset->files();
  if (checksummed.ok()) {
    report.files = std::move(checksummed).value();
  } else {
    report.errors.Add({path.filename().string(), 0, "", std::string(checksummed.status().reason()),
                       checksummed.status().message()});
  }
  // Errors are found in reading order; people read them file by file, in the dataset's order.
  std::vector<std::string> files;
  for (const DatasetTable& table : dataset->tables()) files.push_back(table.display_name);
  report.errors.SortByFile(files);
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  if (!report.ok()) {
    report.batch_id = 0;
    SUNLIGHT_RETURN_IF_ERROR(tx.Rollback());
    return report;
  }
  SUNLIGHT_RETURN_IF_ERROR(RecordBatch(*conn, *dataset, report));
  SUNLIGHT_RETURN_IF_ERROR(tx.Commit());
  report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return report;
}

}  // namespace sunlight::ledger
