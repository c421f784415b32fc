// The bulk path of the importer on both engines: a table empty before the batch is written
// through Connection::BulkInsert (COPY … FROM STDIN on PostgreSQL, a prepared INSERT on
// SQLite), in chunks of StoredTable::kAppendChunk rows, with the importer's reference look-ups
// running between the chunks. The same checks, counts, derived columns and all-or-nothing
// transaction as the per-row path.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/text.h"
#include "ledger/import/importer.h"
#include "ledger/import/interchange_schema.h"
#include "ledger/import/stored_table.h"
#include "ledger_test_util.h"
#include "store/database.h"
#include "store/region_table.h"
#include "store/secondary_indexes.h"
#include "support/test_engines.h"

namespace sunlight::ledger::testing {
namespace {

using ::sunlight::testing::EngineTest;

// Payments past two full chunks, so that rows have been sent (COPY finished) before the end.
constexpr int64_t kBigPayments = 2 * static_cast<int64_t>(StoredTable::kAppendChunk) + 1000;

class ImportCopyTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    db_ = Open();
    ASSERT_NE(db_, nullptr);
    StatusOr<std::unique_ptr<store::Connection>> conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(conn).value();
    StatusOr<store::RegionLoadCounts> loaded =
        store::LoadRegions(*conn_, std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions");
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    std::filesystem::copy(std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/import/good", data());
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
  }

  std::filesystem::path data() const { return dir_ / "dataset"; }

  ImportReport Import() {
    ImportOptions options;
    options.user = "tester";
    StatusOr<ImportReport> report = ImportDataset(*db_, data(), options);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? std::move(report).value() : ImportReport{};
  }

  // `count` more payments of household H001; the last one's amount is `last_amount`.
  void AddPayments(int64_t count, const std::string& last_amount = "100") {
    std::string text = ReadFile(data() / "payments.csv");
    for (int64_t n = 1; n <= count; ++n) {
      text += "PB" + std::to_string(n) + ",ZY-1,PRJ001,,,520521-XCZX,王五,6228484113259761481," +
              (n == count ? last_amount : std::string("100")) + ",2021/3/5,infrastructure,H001\n";
    }
    WriteFile(data() / "payments.csv", text);
  }

  int64_t Count(const std::string& table) {
    StatusOr<store::ResultSet> rs = conn_->Query("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(rs.ok()) << rs.status();
    return rs.ok() ? rs->row(0)[0].AsInteger() : -1;
  }
  store::Value One(const std::string& sql, const std::vector<store::Value>& params = {}) {
    StatusOr<store::ResultSet> rs = conn_->Query(sql, params);
    EXPECT_TRUE(rs.ok()) << rs.status();
    if (!rs.ok() || rs->empty()) return {};
    return rs->row(0)[0];
  }
  // Rows of every ledger table and of the batch tables.
  std::vector<int64_t> StoreCounts() {
    std::vector<int64_t> counts;
    for (const TableSpec& table : InterchangeSchema()) {
      counts.push_back(Count(std::string(table.name)));
    }
    for (const char* table :
         {"import_batches", "import_files", "import_table_counts", "replaced_rows"}) {
      counts.push_back(Count(table));
    }
    return counts;
  }
  std::vector<std::string> IndexNames(std::string_view table) {
    StatusOr<std::vector<store::IndexDefinition>> indexes = store::SecondaryIndexes(*conn_, table);
    EXPECT_TRUE(indexes.ok()) << indexes.status();
    std::vector<std::string> names;
    if (indexes.ok()) {
      for (const store::IndexDefinition& index : *indexes) names.push_back(index.name);
    }
    std::sort(names.begin(), names.end());
    return names;
  }
  const TableCounts* CountsOf(const ImportReport& report, std::string_view table) {
    for (const TableCounts& counts : report.tables) {
      if (counts.table == table) return &counts;
    }
    return nullptr;
  }

  TempDir dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

std::string Errors(const ImportReport& report) {
  std::string out;
  for (const ImportError& error : report.errors.kept()) out += error.ToString() + "\n";
  return out;
}

TEST_P(ImportCopyTest, ImportsTheGoodDatasetIntoEmptyTables) {
  // A Traditional-script payee: the derived column holds its normalised form.
  WriteFile(data() / "payments.csv",
            ReadFile(data() / "payments.csv") +
                "P3,ZY-1,PRJ001,,,520521-XCZX,張三,6228484113259761481,10,2021/3/5,"
                "infrastructure,H001\n");
  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << Errors(report);
  EXPECT_EQ(Count("organizations"), 3);
  EXPECT_EQ(Count("households"), 2);
  EXPECT_EQ(Count("members"), 3);
  EXPECT_EQ(Count("payments"), 3);
  for (const TableCounts& counts : report.tables) {
    SCOPED_TRACE(counts.table);
    EXPECT_EQ(counts.inserted, counts.rows);
    EXPECT_EQ(Count(counts.table), counts.rows);
    EXPECT_EQ(One("SELECT inserted FROM import_table_counts WHERE batch_id = ? AND table_name = ?",
                  {report.batch_id, counts.table})
                  .AsInteger(),
              counts.rows);
  }
  EXPECT_EQ(One("SELECT status FROM import_batches WHERE id = ?", {report.batch_id}).AsText(),
            "committed");
  EXPECT_EQ(Count("import_files"), static_cast<int64_t>(report.files.size()));
  // Every stored row carries the batch that wrote it.
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE batch_id = ?", {report.batch_id}).AsInteger(),
            3);

  // Derived columns, as StoredTable computes them on the per-row path.
  EXPECT_EQ(One("SELECT payee_name_norm FROM payments WHERE payment_id = 'P3'").AsText(), "张三");
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE payee_name_norm IS NULL").AsInteger(), 0);
  StatusOr<store::ResultSet> members = conn_->Query("SELECT name, name_norm FROM members");
  ASSERT_TRUE(members.ok()) << members.status();
  ASSERT_EQ(members->size(), 3u);
  for (size_t row_idx = 0; row_idx < members->size(); ++row_idx) {
    EXPECT_EQ(members->at(row_idx, 1).AsText(), NormalizeName(members->at(row_idx, 0).AsText()));
  }
}

TEST_P(ImportCopyTest, ReimportIsANoOp) {
  AddPayments(kBigPayments);
  ImportReport first = Import();
  ASSERT_TRUE(first.ok()) << Errors(first);
  EXPECT_EQ(Count("payments"), 2 + kBigPayments);
  std::vector<std::string> payment_indexes = IndexNames("payments");
  // SQLite drops and rebuilds them around the load; PostgreSQL keeps them (SecondaryIndexes
  // lists none there).
  if (!postgres()) {
    EXPECT_FALSE(payment_indexes.empty());
  }
  std::vector<int64_t> before = StoreCounts();

  // The tables are no longer empty: the per-row path finds every row unchanged.
  ImportReport second = Import();
  ASSERT_TRUE(second.ok()) << Errors(second);
  for (const TableCounts& counts : second.tables) {
    SCOPED_TRACE(counts.table);
    EXPECT_EQ(counts.inserted, 0);
    EXPECT_EQ(counts.replaced, 0);
    EXPECT_EQ(counts.unchanged, counts.rows);
  }
  std::vector<int64_t> after = StoreCounts();
  size_t ledger_tables = InterchangeSchema().size();
  for (size_t table_idx = 0; table_idx < ledger_tables; ++table_idx) {
    EXPECT_EQ(after[table_idx], before[table_idx]) << InterchangeSchema()[table_idx].name;
  }
  EXPECT_EQ(after[ledger_tables], before[ledger_tables] + 1);  // the second batch is recorded
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE batch_id = ?", {second.batch_id}).AsInteger(),
            0);
  EXPECT_EQ(IndexNames("payments"), payment_indexes);
  // The rebuilt indexes answer: a lookup by household finds every payment of H001.
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE household_id = ?", {"H001"}).AsInteger(),
            1 + kBigPayments);
}

TEST_P(ImportCopyTest, NewRowsAfterAFirstImportTakeThePerRowPath) {
  ImportReport first = Import();
  ASSERT_TRUE(first.ok()) << Errors(first);
  AddPayments(3);
  ImportReport second = Import();
  ASSERT_TRUE(second.ok()) << Errors(second);
  const TableCounts* payments = CountsOf(second, "payments");
  ASSERT_NE(payments, nullptr);
  EXPECT_EQ(payments->inserted, 3);
  EXPECT_EQ(payments->unchanged, 2);
  EXPECT_EQ(Count("payments"), 5);
  EXPECT_EQ(One("SELECT payee_name_norm FROM payments WHERE payment_id = 'PB3'").AsText(), "王五");
}

// Rows after the first chunks are filled into the values of rows already sent (their strings
// are reused): an empty cell must store NULL and a shorter text its own bytes, never what the
// row before held in that place.
TEST_P(ImportCopyTest, ReusedRowsKeepNothingOfEarlierRows) {
  constexpr int64_t kRows = 4 * static_cast<int64_t>(StoredTable::kAppendChunk);
  const std::string long_name = "欧阳建国欧阳建国";  // 24 bytes: beyond a short string's room
  std::string text = ReadFile(data() / "payments.csv");
  for (int64_t n = 1; n <= kRows; ++n) {
    const bool even = n % 2 == 0;
    text += "PR" + std::to_string(n) + ",ZY-1," + (even ? "" : "PRJ001") + ",,,520521-XCZX," +
            (n % 3 == 0 ? long_name : std::string("王五")) + ",6228484113259761481," +
            (even ? "100" : "250") + ",2021/3/5,infrastructure," + (even ? "" : "H001") + "\n";
  }
  WriteFile(data() / "payments.csv", text);
  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << Errors(report);
  const std::string ours = "SELECT COUNT(*) FROM payments WHERE payment_id LIKE 'PR%' AND ";
  EXPECT_EQ(One(ours + "project_id IS NULL").AsInteger(), kRows / 2);
  EXPECT_EQ(One(ours + "household_id IS NULL").AsInteger(), kRows / 2);
  EXPECT_EQ(
      One(ours + "project_id = 'PRJ001' AND household_id = 'H001' AND amount = 25000").AsInteger(),
      kRows / 2);
  EXPECT_EQ(One(ours + "payee_name = ?", {long_name}).AsInteger(), kRows / 3);
  EXPECT_EQ(One(ours + "payee_name = '王五'").AsInteger(), kRows - kRows / 3);
}

TEST_P(ImportCopyTest, ABadCellLateInABigTableLeavesNothing) {
  std::vector<int64_t> empty = StoreCounts();
  std::vector<std::string> payment_indexes = IndexNames("payments");
  AddPayments(kBigPayments, "1.005");  // three decimals: rejected
  ImportReport report = Import();
  ASSERT_FALSE(report.ok());
  ASSERT_EQ(report.errors.kept().size(), 1u) << Errors(report);
  const ImportError& error = report.errors.kept().front();
  EXPECT_EQ(error.file, "payments.csv");
  EXPECT_EQ(error.row, 3 + kBigPayments);  // header, P1, P2, then the new rows
  EXPECT_EQ(error.column, "amount");
  EXPECT_EQ(report.batch_id, 0);
  // Rows of the earlier tables and the chunks of payments already sent are all rolled back.
  EXPECT_EQ(StoreCounts(), empty);
  EXPECT_EQ(IndexNames("payments"), payment_indexes);

  // And the store takes the corrected dataset afterwards.
  std::string text = ReadFile(data() / "payments.csv");
  text.replace(text.rfind("1.005"), 5, "1.00");
  WriteFile(data() / "payments.csv", text);
  ImportReport fixed = Import();
  ASSERT_TRUE(fixed.ok()) << Errors(fixed);
  EXPECT_EQ(Count("payments"), 2 + kBigPayments);
  EXPECT_EQ(Count("import_batches"), 1);
}

TEST_P(ImportCopyTest, ADanglingReferenceLateInABigTableLeavesNothing) {
  std::vector<int64_t> empty = StoreCounts();
  AddPayments(kBigPayments);
  // A payment of a household nobody imported, after the first chunks were sent: the check runs
  // against the store between chunks.
  WriteFile(data() / "payments.csv",
            ReadFile(data() / "payments.csv") +
                "PX,ZY-1,PRJ001,,,520521-XCZX,王五,6228484113259761481,1,2021/3/5,"
                "infrastructure,H999\n");
  ImportReport report = Import();
  ASSERT_FALSE(report.ok());
  ASSERT_EQ(report.errors.kept().size(), 1u) << Errors(report);
  EXPECT_EQ(report.errors.kept().front().code, "dangling_reference");
  EXPECT_EQ(StoreCounts(), empty);
}

INSTANTIATE_ENGINE_TEST_SUITE(ImportCopyTest);

}  // namespace
}  // namespace sunlight::ledger::testing
