// Normalised names (migration 4): members.name_norm, bank_accounts.holder_name_norm and
// payments.payee_name_norm hold NormalizeName of the name as imported — on insert, on
// --replace, and for rows stored before the columns existed.
#include <gtest/gtest.h>

#include "import_test_fixture.h"

namespace sunlight::ledger::testing {
namespace {

class ImportNamesTest : public ImportTest {
 protected:
  // Replaces the first `from` in a dataset file with `to`.
  void Edit(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = ReadFile(data() / file);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    WriteFile(data() / file, text);
  }
  std::string Text(const std::string& sql) { return One(sql).AsText(); }
};

TEST_F(ImportNamesTest, TraditionalAndFullWidthNamesAreStoredNormalised) {
  // Quoted so that the ideographic space is the cell's, not CSV padding.
  Edit("members.csv", ",张三,", ",\"　張三 \",");
  Edit("payments.csv", ",张三,", ",張三Ａ,");
  WriteFile(data() / "bank_accounts.csv",
            "account_no,holder_name,account_type\n6228484113259761481,張小三,personal\n");
  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << AllErrors(report);

  // The name keeps what the file said; the normalised column is what rules compare.
  EXPECT_EQ(Text("SELECT name FROM members WHERE id_number = '520521198001010014'"), "張三");
  EXPECT_EQ(Text("SELECT name_norm FROM members WHERE id_number = '520521198001010014'"), "张三");
  EXPECT_EQ(Text("SELECT name_norm FROM members WHERE id_number = '520521198505050028'"), "李四");
  EXPECT_EQ(Text("SELECT payee_name FROM payments WHERE payment_id = 'P1'"), "張三Ａ");
  EXPECT_EQ(Text("SELECT payee_name_norm FROM payments WHERE payment_id = 'P1'"), "张三A");
  EXPECT_EQ(Text("SELECT holder_name_norm FROM bank_accounts"), "张小三");
  EXPECT_EQ(One("SELECT COUNT(*) FROM members WHERE name_norm IS NULL").AsInteger(), 0);
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE payee_name_norm IS NULL").AsInteger(), 0);
}

TEST_F(ImportNamesTest, ReplaceRewritesTheNormalisedName) {
  ASSERT_TRUE(Import().ok());
  ASSERT_EQ(Text("SELECT payee_name_norm FROM payments WHERE payment_id = 'P1'"), "张三");
  Edit("payments.csv", ",张三,", ",張三豐,");
  ImportOptions options;
  options.replace = true;
  ImportReport report = Import(options);
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  EXPECT_EQ(Text("SELECT payee_name FROM payments WHERE payment_id = 'P1'"), "張三豐");
  EXPECT_EQ(Text("SELECT payee_name_norm FROM payments WHERE payment_id = 'P1'"), "张三丰");
  EXPECT_EQ(Count("replaced_rows"), 1);
}

TEST_F(ImportNamesTest, ReimportFillsNamesOfRowsStoredBeforeTheColumnsExisted) {
  ASSERT_TRUE(Import().ok());
  // What a database migrated to version 4 holds for rows imported before it.
  ASSERT_TRUE(conn_->Execute("UPDATE members SET name_norm = NULL").ok());
  ASSERT_TRUE(conn_->Execute("UPDATE payments SET payee_name_norm = NULL").ok());
  ImportReport again = Import();
  ASSERT_TRUE(again.ok()) << AllErrors(again);
  for (const TableCounts& counts : again.tables) {
    EXPECT_EQ(counts.unchanged, counts.rows) << counts.table;  // not a change of data
  }
  EXPECT_EQ(Count("replaced_rows"), 0);
  EXPECT_EQ(Text("SELECT name_norm FROM members WHERE id_number = '520521199009090033'"), "张小三");
  EXPECT_EQ(One("SELECT COUNT(*) FROM members WHERE name_norm IS NULL").AsInteger(), 0);
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE payee_name_norm IS NULL").AsInteger(), 0);
}

TEST_F(ImportNamesTest, RejectedImportWritesNoNormalisedName) {
  ASSERT_TRUE(Import().ok());
  ASSERT_TRUE(conn_->Execute("UPDATE members SET name_norm = NULL").ok());
  Append("payments.csv", "P3,ZY-1,,,,520521-XCZX,王五,6228484113259761481,0.005,2021/3/5,subsidy,");
  ImportReport report = Import();
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(One("SELECT COUNT(*) FROM members WHERE name_norm IS NULL").AsInteger(), 3);
}

}  // namespace
}  // namespace sunlight::ledger::testing
