// Same key, different content: an error without --replace; with it, an update whose old values
// are kept in replaced_rows.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "import_test_fixture.h"

namespace sunlight::ledger::testing {
namespace {

using ::testing::HasSubstr;

class ReplaceTest : public ImportTest {
 protected:
  void SetUp() override {
    ImportTest::SetUp();
    ASSERT_TRUE(Import().ok());
    // P1's amount changes from 1,234.50 to 1,300.00.
    std::string payments = ReadFile(data() / "payments.csv");
    size_t at = payments.find("\"￥1,234.50\"");
    ASSERT_NE(at, std::string::npos);
    payments.replace(at, std::string("\"￥1,234.50\"").size(), "1300");
    WriteFile(data() / "payments.csv", payments);
  }
};

TEST_F(ReplaceTest, ChangedRowWithoutReplaceIsAnError) {
  std::vector<int64_t> before = StoreCounts();
  ImportReport report = Import();
  ASSERT_EQ(ErrorsAt(report),
            (std::vector<ErrorAt>{{"payments.csv", 2, "", "changed_without_replace"}}))
      << AllErrors(report);
  EXPECT_THAT(report.errors.kept()[0].message, HasSubstr("amount"));
  EXPECT_EQ(StoreCounts(), before);
  EXPECT_EQ(One("SELECT amount FROM payments WHERE payment_id = 'P1'").AsInteger(), 123450);
}

TEST_F(ReplaceTest, ReplaceUpdatesAndKeepsTheOldValues) {
  ImportOptions options;
  options.replace = true;
  ImportReport report = Import(options);
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  for (const TableCounts& counts : report.tables) {
    EXPECT_EQ(counts.replaced, counts.table == "payments" ? 1 : 0) << counts.table;
    EXPECT_EQ(counts.inserted, 0) << counts.table;
  }
  EXPECT_EQ(One("SELECT amount FROM payments WHERE payment_id = 'P1'").AsInteger(), 130000);
  EXPECT_EQ(One("SELECT batch_id FROM payments WHERE payment_id = 'P1'").AsInteger(),
            report.batch_id);
  EXPECT_NE(One("SELECT batch_id FROM payments WHERE payment_id = 'P2'").AsInteger(),
            report.batch_id);  // unchanged rows keep the batch that wrote them
  ASSERT_EQ(Count("replaced_rows"), 1);
  EXPECT_EQ(One("SELECT table_name FROM replaced_rows").AsText(), "payments");
  EXPECT_EQ(One("SELECT row_key FROM replaced_rows").AsText(), R"({"payment_id":"P1"})");
  EXPECT_THAT(One("SELECT old_values FROM replaced_rows").AsText(),
              HasSubstr(R"("amount":123450)"));
  EXPECT_EQ(One("SELECT batch_id FROM replaced_rows").AsInteger(), report.batch_id);
}

}  // namespace
}  // namespace sunlight::ledger::testing
