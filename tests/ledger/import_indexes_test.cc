// The fast path for tables empty before the import: their secondary indexes are dropped and
// built again inside the transaction. Whether the import is committed or rejected, every index
// of the schema is there afterwards, and it answers queries.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "import_test_fixture.h"

namespace sunlight::ledger::testing {
namespace {

class ImportIndexesTest : public ImportTest {
 protected:
  // (name, sql) of every index of the ledger tables, in name order.
  std::vector<std::pair<std::string, std::string>> Indexes() {
    StatusOr<store::ResultSet> rs = conn_->Query(
        "SELECT name, COALESCE(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name");
    EXPECT_TRUE(rs.ok()) << rs.status();
    std::vector<std::pair<std::string, std::string>> out;
    if (!rs.ok()) return out;
    for (size_t row_idx = 0; row_idx < rs->size(); ++row_idx) {
      out.emplace_back(rs->at(row_idx, 0).AsText(), rs->at(row_idx, 1).AsText());
    }
    return out;
  }
};

TEST_F(ImportIndexesTest, CommittedImportKeepsEveryIndex) {
  std::vector<std::pair<std::string, std::string>> before = Indexes();
  ASSERT_FALSE(before.empty());
  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  EXPECT_EQ(Indexes(), before);
  // The rebuilt index holds the imported rows: a lookup through it finds them.
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments INDEXED BY payments_household "
                "WHERE household_id = 'H001'")
                .AsInteger(),
            1);
  EXPECT_EQ(One("SELECT COUNT(*) FROM members INDEXED BY members_id_number "
                "WHERE id_number = '520521198505050028'")
                .AsInteger(),
            1);
  EXPECT_EQ(One("PRAGMA integrity_check").AsText(), "ok");
}

TEST_F(ImportIndexesTest, RejectedImportKeepsEveryIndex) {
  std::vector<std::pair<std::string, std::string>> before = Indexes();
  // A bad amount in the last table: every earlier table was loaded through the fast path.
  Append("payments.csv", "P3,ZY-1,,,,520521-XCZX,王五,6228484113259761481,0.005,2021/3/5,subsidy,");
  ImportReport report = Import();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(Indexes(), before);
  EXPECT_EQ(Count("payments"), 0);
  EXPECT_EQ(One("PRAGMA integrity_check").AsText(), "ok");
}

TEST_F(ImportIndexesTest, SecondImportIntoFilledTablesStillChecksStoredRows) {
  ASSERT_TRUE(Import().ok());
  // Same key, other content: found only by looking up the stored row (no fast path now).
  std::string payments = ReadFile(data() / "payments.csv");
  size_t at = payments.find(",100,");
  ASSERT_NE(at, std::string::npos);
  payments.replace(at, 5, ",101,");
  WriteFile(data() / "payments.csv", payments);
  ImportReport report = Import();
  EXPECT_EQ(ErrorsAt(report),
            (std::vector<ErrorAt>{{"payments.csv", 3, "", "changed_without_replace"}}))
      << AllErrors(report);
}

}  // namespace
}  // namespace sunlight::ledger::testing
