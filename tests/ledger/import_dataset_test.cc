// ImportDataset on good and bad datasets: what lands in the store, and for each kind of bad
// input the exact file:row:column and reason code, with the store left untouched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "import_test_fixture.h"

namespace sunlight::ledger::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST_F(ImportTest, GoodDatasetImportsWithCanonicalValues) {
  ImportReport report = Import();
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  EXPECT_GT(report.batch_id, 0);
  EXPECT_EQ(Count("organizations"), 3);
  EXPECT_EQ(Count("households"), 2);
  EXPECT_EQ(Count("members"), 3);
  EXPECT_EQ(Count("payments"), 2);
  EXPECT_EQ(One("SELECT amount FROM payments WHERE payment_id = 'P1'").AsInteger(), 123450);
  EXPECT_EQ(One("SELECT amount FROM payments WHERE payment_id = 'P2'").AsInteger(), 10000);
  EXPECT_EQ(One("SELECT pay_date FROM payments WHERE payment_id = 'P1'").AsText(), "2021-03-05");
  EXPECT_EQ(One("SELECT pay_date FROM payments WHERE payment_id = 'P2'").AsText(), "2021-03-05");
  EXPECT_EQ(One("SELECT budget FROM projects WHERE project_id = 'PRJ001'").AsInteger(), 123456789);
  EXPECT_EQ(One("SELECT procurement_method FROM projects").AsText(), "inquiry");
  EXPECT_EQ(One("SELECT kind FROM organizations WHERE org_id = '520521-XCZX'").AsText(),
            "rural_revitalization");
  EXPECT_EQ(One("SELECT status FROM households WHERE household_id = 'H001'").AsText(), "poor");
  EXPECT_EQ(One("SELECT subsidy_account FROM households WHERE household_id = 'H001'").AsText(),
            "6228484113259761481");
  EXPECT_EQ(One("SELECT allowed_categories FROM fund_programs").AsText(),
            "industry;subsidy;infrastructure");
  EXPECT_EQ(One("SELECT restricted_to_registered FROM fund_programs").AsInteger(), 1);
  EXPECT_EQ(One("SELECT COUNT(*) FROM payments WHERE batch_id = ?", {report.batch_id}).AsInteger(),
            2);

  // The batch: who, where from, each file with its checksum and row count.
  EXPECT_EQ(One("SELECT imported_by FROM import_batches WHERE id = ?", {report.batch_id}).AsText(),
            "tester");
  EXPECT_EQ(One("SELECT status FROM import_batches").AsText(), "committed");
  EXPECT_EQ(Count("import_files"), 7);
  EXPECT_EQ(One("SELECT row_count FROM import_files WHERE file_name = 'members.csv'").AsInteger(),
            3);
  EXPECT_EQ(
      One("SELECT LENGTH(sha256) FROM import_files WHERE file_name = 'payments.csv'").AsInteger(),
      64);
  ASSERT_EQ(report.tables.size(), 7u);
  int64_t inserted = 0;
  for (const TableCounts& counts : report.tables) inserted += counts.inserted;
  EXPECT_EQ(inserted, report.total_rows);
}

TEST_F(ImportTest, ReimportingTheSameRowsChangesNothing) {
  ASSERT_TRUE(Import().ok());
  std::vector<int64_t> before = StoreCounts();
  ImportReport again = Import();
  ASSERT_TRUE(again.ok()) << AllErrors(again);
  for (const TableCounts& counts : again.tables) {
    EXPECT_EQ(counts.inserted, 0) << counts.table;
    EXPECT_EQ(counts.replaced, 0) << counts.table;
    EXPECT_EQ(counts.unchanged, counts.rows) << counts.table;
  }
  std::vector<int64_t> after = StoreCounts();
  after[after.size() - 3] -= 1;  // the second batch is recorded…
  after[after.size() - 2] -= 7;  // …with its seven files
  EXPECT_EQ(after, before);
}

// Every test below breaks the good dataset in one way (or two) and expects exactly these errors
// and a store as empty as before.
class BadImportTest : public ImportTest {
 protected:
  void ExpectRejected(const std::vector<ErrorAt>& expected, ImportOptions options = {}) {
    std::vector<int64_t> before = StoreCounts();
    ImportReport report = Import(std::move(options));
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(ErrorsAt(report), expected) << AllErrors(report);
    EXPECT_EQ(report.batch_id, 0);
    EXPECT_EQ(StoreCounts(), before);
    report_ = std::move(report);
  }
  ImportReport report_;
};

TEST_F(BadImportTest, GbkBytesReadAsUtf8) {
  WriteFile(data() / "members.csv", "id_number,name,household_id,relation\n" +
                                        ToGb18030("520521198001010014,张三,H001,户主\n"));
  ImportOptions options;
  options.encoding = Encoding::kUtf8;
  std::vector<int64_t> before = StoreCounts();
  ImportReport report = Import(options);
  ASSERT_EQ(report.errors.kept().size(), 1u) << AllErrors(report);
  const ImportError& error = report.errors.kept()[0];
  EXPECT_EQ(error.file, "members.csv");
  EXPECT_EQ(error.row, 2);
  EXPECT_THAT(error.code, ::testing::AnyOf("invalid_utf8", "bad_encoding"));
  EXPECT_EQ(StoreCounts(), before);
}

TEST_F(BadImportTest, BrokenQuoting) {
  Append("members.csv", "520521199009090033,\"王五,H002,子女");
  ExpectRejected({{"members.csv", 5, "", "csv_unterminated_quote"}});
}

TEST_F(BadImportTest, BomInTheMiddle) {
  Append("members.csv",
         "\xEF\xBB\xBF"
         "520521199009090033,王五,H002,子女");
  ExpectRejected({{"members.csv", 5, "", "csv_bom_in_middle"}});
}

TEST_F(BadImportTest, BadIdCheckDigit) {
  Append("members.csv", "520521199009090034,王五,H002,子女");
  ExpectRejected({{"members.csv", 5, "id_number", "bad_check_digit"}});
}

TEST_F(BadImportTest, ImpossibleDate) {
  Append("payments.csv",
         "P3,ZY-1,PRJ001,,,520521-XCZX,张三,6228484113259761481,1.00,2023-02-29,infrastructure,");
  ExpectRejected({{"payments.csv", 4, "pay_date", "bad_date"}});
}

TEST_F(BadImportTest, MoneyWithThreeDecimalsOrLetters) {
  Append("payments.csv",
         "P3,ZY-1,PRJ001,,,520521-XCZX,张三,6228484113259761481,1.005,2021-03-05,infrastructure,");
  Append("payments.csv",
         "P4,ZY-1,PRJ001,,,520521-XCZX,张三,6228484113259761481,12元,2021-03-05,infrastructure,");
  ExpectRejected({{"payments.csv", 4, "amount", "too_many_decimals"},
                  {"payments.csv", 5, "amount", "bad_money_format"}});
}

TEST_F(BadImportTest, UnknownColumn) {
  WriteFile(data() / "fund_programs.csv",
            "program_id,name,level,allowed_categories,restricted_to_registered,备注\n"
            "ZY-1,中央财政专项扶贫资金,central,industry;直接补助;infrastructure,true,x\n");
  ExpectRejected({{"fund_programs.csv", 1, "备注", "unknown_column"}});
}

TEST_F(ImportTest, UnknownColumnIgnoredOnRequest) {
  WriteFile(data() / "fund_programs.csv",
            "program_id,name,level,allowed_categories,restricted_to_registered,备注\n"
            "ZY-1,中央财政专项扶贫资金,central,industry;直接补助;infrastructure,true,x\n");
  ImportOptions options;
  options.ignore_unknown_columns = true;
  ImportReport report = Import(options);
  EXPECT_TRUE(report.ok()) << AllErrors(report);
}

TEST_F(BadImportTest, MissingRequiredColumn) {
  WriteFile(data() / "fund_programs.csv",
            "program_id,name,allowed_categories\nZY-1,中央财政专项扶贫资金,industry\n");
  ExpectRejected({{"fund_programs.csv", 1, "level", "missing_column"}});
}

TEST_F(BadImportTest, UnknownEnumValue) {
  Append("households.csv", "H003,520521001002,440106197007070042,富裕户,2015,,");
  ExpectRejected({{"households.csv", 4, "status", "bad_enum_value"}});
  EXPECT_THAT(report_.errors.kept()[0].message, HasSubstr("富裕户"));
}

TEST_F(BadImportTest, UnknownRegionCode) {
  Append("households.csv", "H003,520521001999,440106197007070042,poor,2015,,");
  ExpectRejected({{"households.csv", 4, "village_code", "region_not_found"}});
}

TEST_F(BadImportTest, DanglingReferenceNamesBothEnds) {
  Append("payments.csv",
         "P3,ZY-1,PRJ404,,,520521-XCZX,张三,6228484113259761481,1.00,2021-03-05,infrastructure,");
  ExpectRejected({{"payments.csv", 4, "project_id", "dangling_reference"}});
  EXPECT_EQ(report_.errors.kept()[0].ToString(),
            "payments.csv:4:project_id: 引用的项目 PRJ404 在 projects.csv 和库中都不存在 "
            "(dangling_reference)");
}

TEST_F(BadImportTest, DuplicateKeys) {
  Append("members.csv", "520521198505050028,李四,H002,户主");
  ExpectRejected({{"members.csv", 5, "household_id", "duplicate_key"}});
  EXPECT_THAT(report_.errors.kept()[0].message, HasSubstr("第 4 行"));
}

TEST_F(BadImportTest, EmptyRequiredCell) {
  Append("members.csv", "520521199009090033,,H002,子女");
  ExpectRejected({{"members.csv", 5, "name", "empty_required"}});
}

TEST_F(BadImportTest, EmptyFile) {
  WriteFile(data() / "members.csv", "");
  ExpectRejected({{"members.csv", 1, "", "empty_file"}});
}

TEST_F(BadImportTest, PeriodMustMatchTheItemsPeriodKind) {
  Append("payments.csv",
         "P3,ZY-1,,ITEM-M,2021-Q1,520521-XCZX,李四,6228484113259761481,100,2021-03-05,subsidy,");
  ExpectRejected({{"payments.csv", 4, "period", "period_mismatch"}});
}

TEST_F(BadImportTest, EveryErrorIsListedAcrossFiles) {
  Append("members.csv", "520521199009090034,王五,H002,子女");
  Append("payments.csv",
         "P3,ZY-1,PRJ001,,,520521-XCZX,张三,6228484113259761481,1.005,2021-03-05,infrastructure,");
  ExpectRejected({{"members.csv", 5, "id_number", "bad_check_digit"},
                  {"payments.csv", 4, "amount", "too_many_decimals"}});
}

TEST_F(ImportTest, TruncatedXlsxIsRejected) {
  TestWorkbook book;
  book.sheets.push_back(
      {"organizations", R"(<row r="1"><c r="A1" t="inlineStr"><is><t>org_id</t></is></c></row>)"});
  WriteZip(dir_ / "book.xlsx", TestWorkbookParts(book));
  std::string bytes = ReadFile(dir_ / "book.xlsx");
  WriteFile(dir_ / "book.xlsx", bytes.substr(0, bytes.size() / 2));
  std::vector<int64_t> before = StoreCounts();
  ImportReport report = ImportPath(dir_ / "book.xlsx");
  ASSERT_EQ(report.errors.kept().size(), 1u) << AllErrors(report);
  EXPECT_EQ(report.errors.kept()[0].file, "book.xlsx");
  EXPECT_THAT(report.errors.kept()[0].code, HasSubstr("xlsx"));
  EXPECT_EQ(StoreCounts(), before);
}

TEST_F(ImportTest, XlsxThatIsNotAZipIsRejected) {
  WriteFile(dir_ / "book.xlsx", "org_id,name\nA,B\n");
  std::vector<int64_t> before = StoreCounts();
  ImportReport report = ImportPath(dir_ / "book.xlsx");
  ASSERT_EQ(report.errors.kept().size(), 1u) << AllErrors(report);
  EXPECT_EQ(report.errors.kept()[0].file, "book.xlsx");
  EXPECT_THAT(report.errors.kept()[0].code, HasSubstr("xlsx"));
  EXPECT_EQ(StoreCounts(), before);
}

TEST_F(ImportTest, XlsxWorkbookImports) {
  TestWorkbook book;
  book.sheets.push_back(
      {"organizations",
       R"(<row r="1"><c r="A1" t="inlineStr"><is><t>单位编码</t></is></c><c r="B1" t="inlineStr"><is><t>单位名称</t></is></c><c r="C1" t="inlineStr"><is><t>类型</t></is></c><c r="D1" t="inlineStr"><is><t>区划代码</t></is></c></row>)"
       R"(<row r="2"><c r="A2" t="inlineStr"><is><t>5205-JW</t></is></c><c r="B2" t="inlineStr"><is><t>毕节市纪委监委</t></is></c><c r="C2" t="inlineStr"><is><t>纪委监委</t></is></c><c r="D2"><v>5205</v></c></row>)"});
  WriteZip(dir_ / "book.xlsx", TestWorkbookParts(book));
  ImportReport report = ImportPath(dir_ / "book.xlsx");
  ASSERT_TRUE(report.ok()) << AllErrors(report);
  EXPECT_EQ(One("SELECT kind FROM organizations WHERE org_id = '5205-JW'").AsText(), "commission");
  EXPECT_EQ(One("SELECT file_name FROM import_files").AsText(), "book.xlsx");
}

}  // namespace
}  // namespace sunlight::ledger::testing
