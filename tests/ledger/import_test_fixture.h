// Shared set-up of the import tests: a fresh database on the engine SUNLIGHT_TEST_ENGINE names
// (SQLite unless ctest's PostgreSQL run; support/test_engines.h) with the region fixture
// (tests/data/divisions) loaded, a copy of tests/data/import/good to break, and helpers
// to run an import and look at what the store holds.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "ledger/import/importer.h"
#include "ledger/import/interchange_schema.h"
#include "ledger_test_util.h"
#include "store/database.h"
#include "store/region_table.h"
#include "support/test_engines.h"

namespace sunlight::ledger::testing {

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StatusOr<std::unique_ptr<sunlight::testing::TestDatabase>> database =
        sunlight::testing::TestDatabase::FromEnvironment();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(database).value();
    StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(database_->url());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(db).value();
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

  ImportReport Import(ImportOptions options = {}) { return ImportPath(data(), std::move(options)); }
  ImportReport ImportPath(const std::filesystem::path& path, ImportOptions options = {}) {
    if (options.user.empty()) options.user = "tester";
    StatusOr<ImportReport> report = ImportDataset(*db_, path, options);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? std::move(report).value() : ImportReport{};
  }

  // Appends `line` to a file of the dataset (which ends with a newline).
  void Append(const std::string& file, const std::string& line) {
    WriteFile(data() / file, ReadFile(data() / file) + line + "\n");
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

  // Rows of every ledger table and of the batch tables: what "the store is unchanged" compares.
  std::vector<int64_t> StoreCounts() {
    std::vector<int64_t> counts;
    for (const TableSpec& table : InterchangeSchema())
      counts.push_back(Count(std::string(table.name)));
    for (const char* table : {"import_batches", "import_files", "replaced_rows"}) {
      counts.push_back(Count(table));
    }
    return counts;
  }

  TempDir dir_;
  std::unique_ptr<sunlight::testing::TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

// (file, row, column, code) of each error, for exact comparisons.
using ErrorAt = std::tuple<std::string, int64_t, std::string, std::string>;
inline std::vector<ErrorAt> ErrorsAt(const ImportReport& report) {
  std::vector<ErrorAt> out;
  for (const ImportError& e : report.errors.kept())
    out.emplace_back(e.file, e.row, e.column, e.code);
  return out;
}
inline std::string AllErrors(const ImportReport& report) {
  std::string out;
  for (const ImportError& e : report.errors.kept()) out += e.ToString() + "\n";
  return out;
}

}  // namespace sunlight::ledger::testing
