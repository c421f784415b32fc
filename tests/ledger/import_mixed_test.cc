// An import whose tables are read in an order of their own and written partly by the writer
// thread: some tables empty before the batch (bulk path, indexes rebuilt on the writer), some
// already filled (row by row, on the connection the writer hands back). Runs on both engines.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "import_test_fixture.h"

namespace sunlight::ledger::testing {
namespace {

using ImportMixedTest = ImportTest;

const TableCounts* CountsOf(const ImportReport& report, const std::string& table) {
  for (const TableCounts& counts : report.tables) {
    if (counts.table == table) return &counts;
  }
  return nullptr;
}

TEST_F(ImportMixedTest, FilledAndEmptyTablesInOneBatch) {
  // First the reference tables alone; then the whole dataset, so that households and the
  // others are filled (each row looked up) while members and payments are empty (bulk).
  const std::filesystem::path first = dir_ / "first";
  std::filesystem::create_directories(first);
  for (const char* file :
       {"organizations.csv", "fund_programs.csv", "subsidy_items.csv", "households.csv"}) {
    std::filesystem::copy(data() / file, first / file);
  }
  ImportReport seeded = ImportPath(first);
  ASSERT_TRUE(seeded.ok()) << AllErrors(seeded);

  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  const TableCounts* households = CountsOf(report, "households");
  const TableCounts* members = CountsOf(report, "members");
  const TableCounts* payments = CountsOf(report, "payments");
  ASSERT_NE(households, nullptr);
  ASSERT_NE(members, nullptr);
  ASSERT_NE(payments, nullptr);
  EXPECT_EQ(households->unchanged, households->rows);
  EXPECT_EQ(households->inserted, 0);
  EXPECT_EQ(members->inserted, members->rows);
  EXPECT_EQ(payments->inserted, 2);
  EXPECT_EQ(Count("payments"), 2);
  EXPECT_EQ(Count("members"), members->rows);
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE household_id = 'H002'").AsInteger(), 1);
  // The report lists the tables in the dataset's order, whatever order they were read in.
  std::vector<std::string> names;
  for (const TableCounts& counts : report.tables) names.push_back(counts.table);
  EXPECT_EQ(names,
            (std::vector<std::string>{"organizations", "households", "members", "fund_programs",
                                      "subsidy_items", "projects", "payments"}));
}

TEST_F(ImportMixedTest, ErrorsAreListedInTheDatasetsOrderNotTheReadingOrder) {
  // payments.csv, larger and with more indexes to build, is read before members.csv (both
  // need only households first); its error is found first but listed after members'.
  ASSERT_GT(std::filesystem::file_size(data() / "payments.csv"),
            std::filesystem::file_size(data() / "members.csv"));
  Append("payments.csv", "P3,ZY-1,,,,520521-XCZX,王五,6228484113259761481,0.005,2021/3/5,subsidy,");
  Append("members.csv", "520521199009090034,张小四,H001,子女");  // wrong check digit
  ImportReport report = Import();
  ASSERT_FALSE(report.ok());
  std::vector<std::string> files;
  for (const ImportError& error : report.errors.kept()) files.push_back(error.file);
  EXPECT_EQ(files, (std::vector<std::string>{"members.csv", "payments.csv"})) << AllErrors(report);
  EXPECT_EQ(Count("payments"), 0);
  EXPECT_EQ(Count("members"), 0);
}

}  // namespace
}  // namespace sunlight::ledger::testing
