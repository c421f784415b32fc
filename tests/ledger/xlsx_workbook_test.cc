#include "ledger/xlsx_workbook.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/xlsx_sheet_source.h"
#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::TempDir;
using testing::TestSheet;
using testing::TestWorkbook;
using testing::TestWorkbookParts;
using testing::WriteFile;
using testing::WriteZip;

StatusOr<std::vector<Row>> ReadSheet(XlsxWorkbook& book, std::string_view sheet) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<TableSource> source, book.OpenSheet(sheet));
  std::vector<Row> rows;
  Row row;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool more, source->Next(row));
    if (!more) return rows;
    rows.push_back(row);
  }
}

// Writes `book` as dir/book.xlsx and opens it.
std::shared_ptr<XlsxWorkbook> OpenTestBook(const TempDir& dir, const TestWorkbook& book) {
  WriteZip(dir / "book.xlsx", TestWorkbookParts(book));
  auto opened = XlsxWorkbook::Open(dir / "book.xlsx");
  EXPECT_TRUE(opened.ok()) << opened.status();
  return opened.ok() ? *opened : nullptr;
}

// Cell styles used below: 0 General, 1 built-in date 14, 2 custom date, 3 money, 4 date-time 22.
TestWorkbook EdgeCaseBook() {
  TestWorkbook book;
  book.styles = testing::TestStyles({0, 14, 164, 4, 22}, {{164, "yyyy\"年\"m\"月\"d\"日\""}});
  book.shared_strings = {
      "<t>household_id</t>",
      "<t>户主姓名</t>",
      // rich text: runs concatenate; the phonetic run is not part of the text
      "<r><rPr><b/></rPr><t>张</t></r><r><t xml:space=\"preserve\">三 </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>zhang</t></rPh>",
      "<t>line1_x000D_\nline2</t>",
      "<t>𠀀䶮</t>",
  };
  book.sheets.push_back(TestSheet{
      "households",
      // row 1: header from shared strings; C1 an inline string
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>amount</t></is></c><c r=\"D1\" t=\"inlineStr\">"
      "<is><r><t>reg</t></r><r><t>_date</t></r></is></c></row>"
      // row 2: a gap (B2 missing), number, built-in date
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"C2\" s=\"3\"><v>1234.5</v></c>"
      "<c r=\"D2\" s=\"1\"><v>45292</v></c></row>"
      // rows 3-4 missing; row 5: custom date, formula string, boolean; styled empty cells
      "<row r=\"5\" spans=\"1:6\"><c r=\"A5\" t=\"str\"><f>CONCAT(\"H\",\"5\")</f><v>H5</v></c>"
      "<c r=\"B5\" t=\"b\"><v>1</v></c><c r=\"C5\"><f>0.1+0.2</f><v>0.30000000000000004</v></c>"
      "<c r=\"D5\" s=\"2\"><v>44986</v></c><c r=\"E5\" s=\"3\"/><c r=\"F5\" s=\"1\"></c></row>"
      // row 6: only styled empty cells: skipped
      "<row r=\"6\"><c r=\"A6\" s=\"1\"/><c r=\"B6\" t=\"s\"></c></row>"
      // row 7: cells without r, integer, negative, date-time, escapes, four-byte characters
      "<row><c t=\"s\"><v>3</v></c><c><v>-7</v></c><c s=\"4\"><v>45292.5</v></c>"
      "<c t=\"s\"><v>4</v></c><c t=\"b\"><v>0</v></c></row>",
  });
  book.sheets.push_back(TestSheet{"members", "<row r=\"3\"><c r=\"B3\"><v>1</v></c></row>"});
  return book;
}

TEST(XlsxWorkbookTest, ListsSheetsInTabOrder) {
  TempDir dir;
  auto book = OpenTestBook(dir, EdgeCaseBook());
  ASSERT_NE(book, nullptr);
  ASSERT_EQ(book->sheets().size(), 2u);
  EXPECT_EQ(book->sheets()[0].name, "households");
  EXPECT_EQ(book->sheets()[0].part, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(book->sheets()[1].name, "members");
  EXPECT_EQ(book->display_name(), "book.xlsx");
}

TEST(XlsxWorkbookTest, DeliversCellsAsText) {
  TempDir dir;
  auto book = OpenTestBook(dir, EdgeCaseBook());
  ASSERT_NE(book, nullptr);
  auto rows = ReadSheet(*book, "households");
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 4u);
  using Cells = std::vector<std::string>;

  EXPECT_EQ((*rows)[0].number, 1);
  EXPECT_EQ((*rows)[0].cells, (Cells{"household_id", "户主姓名", "amount", "reg_date"}));

  EXPECT_EQ((*rows)[1].number, 2);
  EXPECT_EQ((*rows)[1].cells, (Cells{"张三 ", "", "1234.5", "2024-01-01"}));

  EXPECT_EQ((*rows)[2].number, 5) << "missing rows are skipped, numbers kept";
  EXPECT_EQ((*rows)[2].cells, (Cells{"H5", "TRUE", "0.3", "2023-03-01"}))
      << "styled empty cells at the end are dropped";

  EXPECT_EQ((*rows)[3].number, 7) << "row 6 had no values; a row without r follows the last";
  EXPECT_EQ((*rows)[3].cells,
            (Cells{"line1\r\nline2", "-7", "2024-01-01 12:00:00", "𠀀䶮", "FALSE"}));
}

TEST(XlsxWorkbookTest, SheetsShareTheWorkbookAndCanBeReadAgain) {
  TempDir dir;
  auto book = OpenTestBook(dir, EdgeCaseBook());
  ASSERT_NE(book, nullptr);
  auto members = book->OpenSheet("members");
  ASSERT_TRUE(members.ok());
  book.reset();  // the source keeps the workbook alive
  Row row;
  auto more = (*members)->Next(row);
  ASSERT_TRUE(more.ok()) << more.status();
  EXPECT_TRUE(*more);
  EXPECT_EQ(row.number, 3);
  EXPECT_EQ(row.cells, (std::vector<std::string>{"", "1"}));
  EXPECT_EQ((*members)->name(), "book.xlsx:members");
  EXPECT_FALSE((*members)->Next(row).value());
}

TEST(XlsxWorkbookTest, UnknownSheetIsNotFound) {
  TempDir dir;
  auto book = OpenTestBook(dir, EdgeCaseBook());
  ASSERT_NE(book, nullptr);
  EXPECT_EQ(book->OpenSheet("payments").status().reason(), "xlsx_no_such_sheet");
}

TEST(XlsxWorkbookTest, ErrorCellNamesTheCell) {
  TempDir dir;
  TestWorkbook spec;
  spec.sheets.push_back(
      TestSheet{"payments",
                "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                "<row r=\"4\"><c r=\"A4\"><v>2</v></c><c r=\"C4\" t=\"e\"><f>1/0</f>"
                "<v>#DIV/0!</v></c></row>"});
  auto book = OpenTestBook(dir, spec);
  ASSERT_NE(book, nullptr);
  auto rows = ReadSheet(*book, "payments");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "xlsx_error_cell");
  EXPECT_EQ(rows.status().message().rfind("book.xlsx:payments: 第 4 行第 3 列（C4）：", 0), 0u)
      << rows.status();
  EXPECT_NE(rows.status().message().find("#DIV/0!"), std::string::npos);
}

TEST(XlsxWorkbookTest, BadReferencesAreErrors) {
  TempDir dir;
  for (const std::string& sheet_data : {
           std::string("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"),  // no such string
           std::string("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"),        // past XFD
           std::string("<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"),
           std::string("<row r=\"0\"><c><v>1</v></c></row>"),
           std::string("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>"),
           std::string("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>"),
           std::string("<row r=\"1\"><c r=\"A1\"><v>twelve</v></c></row>"),
           std::string("<row r=\"1\"><c r=\"A1\"><v>1</v></c>"),  // row never ends
       }) {
    TestWorkbook spec;
    spec.sheets.push_back(TestSheet{"households", sheet_data});
    auto book = OpenTestBook(dir, spec);
    ASSERT_NE(book, nullptr);
    auto rows = ReadSheet(*book, "households");
    EXPECT_FALSE(rows.ok()) << sheet_data;
    if (!rows.ok()) {
      EXPECT_EQ(rows.status().message().rfind("book.xlsx:households: ", 0), 0u) << rows.status();
    }
  }
}

TEST(XlsxWorkbookTest, Date1904Workbooks) {
  TempDir dir;
  TestWorkbook spec;
  spec.date1904 = true;
  spec.styles = testing::TestStyles({0, 14});
  spec.sheets.push_back(
      TestSheet{"deaths", "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>42369</v></c></row>"});
  auto book = OpenTestBook(dir, spec);
  ASSERT_NE(book, nullptr);
  EXPECT_TRUE(book->date1904());
  auto rows = ReadSheet(*book, "deaths");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(rows->at(0).cells.at(0), "2020-01-01");
}

TEST(XlsxWorkbookTest, AcceptsPrefixedElementsAndAbsoluteTargets) {
  // Some .NET writers prefix every element and give absolute relationship targets.
  TempDir dir;
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::map<std::string, std::string> parts;
  parts["_rels/.rels"] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"r1\" Type=\"" +
      rel +
      "/officeDocument\" Target=\"/xl/workbook.xml\"/>"
      "</Relationships>";
  parts["xl/workbook.xml"] = "<x:workbook xmlns:x=\"" + ns + "\" xmlns:r=\"" + rel +
                             "\"><x:sheets><x:sheet name=\"loans\" sheetId=\"1\" r:id=\"a\"/>"
                             "</x:sheets></x:workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"a\" Type=\"" +
      rel +
      "/worksheet\" Target=\"/xl/worksheets/Sheet1.xml\"/>"
      "</Relationships>";
  parts["xl/worksheets/sheet1.xml"] =  // part names are case-insensitive
      "<x:worksheet xmlns:x=\"" + ns +
      "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\">"
      "<x:is><x:t>L1</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>";
  WriteZip(dir / "book.xlsx", parts);
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_TRUE(book.ok()) << book.status();
  auto rows = ReadSheet(**book, "loans");
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(rows->at(0).cells, (std::vector<std::string>{"L1"}));
}

TEST(XlsxWorkbookTest, TextFileNamedXlsxIsNotAZip) {
  TempDir dir;
  WriteFile(dir / "book.xlsx", "household_id,name\nH1,张三\n");
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().reason(), "xlsx_not_zip");
  EXPECT_EQ(book.status().message(), "book.xlsx：文件不是有效的 XLSX（zip）");
}

TEST(XlsxWorkbookTest, OldXlsOrEncryptedWorkbookIsNotAZip) {
  TempDir dir;
  WriteFile(dir / "book.xlsx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "...");
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  EXPECT_EQ(book.status().reason(), "xlsx_not_zip");
  EXPECT_NE(book.status().message().find(".xls"), std::string::npos);
}

TEST(XlsxWorkbookTest, EmptyFileIsNotAZip) {
  TempDir dir;
  WriteFile(dir / "book.xlsx", "");
  EXPECT_EQ(XlsxWorkbook::Open(dir / "book.xlsx").status().reason(), "xlsx_not_zip");
}

TEST(XlsxWorkbookTest, TruncatedWorkbookIsTruncated) {
  TempDir dir;
  WriteZip(dir / "whole.xlsx", TestWorkbookParts(EdgeCaseBook()));
  const std::string whole = testing::ReadFile(dir / "whole.xlsx");
  for (size_t keep : {whole.size() - 1, whole.size() - 30, whole.size() / 2, size_t{100}}) {
    WriteFile(dir / "book.xlsx", whole.substr(0, keep));
    auto book = XlsxWorkbook::Open(dir / "book.xlsx");
    ASSERT_FALSE(book.ok()) << "kept " << keep;
    EXPECT_EQ(book.status().reason(), "xlsx_truncated") << "kept " << keep;
  }
}

TEST(XlsxWorkbookTest, MissingSheetPartIsMissingPart) {
  TempDir dir;
  auto parts = TestWorkbookParts(EdgeCaseBook());
  parts.erase("xl/worksheets/sheet2.xml");
  WriteZip(dir / "book.xlsx", parts);
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_FALSE(book.ok());
  EXPECT_EQ(book.status().reason(), "xlsx_missing_part");
  EXPECT_NE(book.status().message().find("members"), std::string::npos) << book.status();
}

TEST(XlsxWorkbookTest, MissingWorkbookPartIsMissingPart) {
  TempDir dir;
  for (const char* missing : {"xl/workbook.xml", "xl/_rels/workbook.xml.rels"}) {
    auto parts = TestWorkbookParts(EdgeCaseBook());
    parts.erase(missing);
    WriteZip(dir / "book.xlsx", parts);
    auto book = XlsxWorkbook::Open(dir / "book.xlsx");
    ASSERT_FALSE(book.ok()) << missing;
    EXPECT_EQ(book.status().reason(), "xlsx_missing_part") << missing;
    EXPECT_NE(book.status().message().find(missing), std::string::npos) << book.status();
  }
}

TEST(XlsxWorkbookTest, MissingSharedStringsPartIsMissingPartWhenASheetOpens) {
  TempDir dir;
  auto parts = TestWorkbookParts(EdgeCaseBook());
  parts.erase("xl/sharedStrings.xml");
  WriteZip(dir / "book.xlsx", parts);
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_TRUE(book.ok()) << book.status();
  EXPECT_EQ((*book)->OpenSheet("households").status().reason(), "xlsx_missing_part");
}

TEST(XlsxWorkbookTest, MalformedSheetXmlIsAnErrorNamingTheSheet) {
  TempDir dir;
  auto parts = TestWorkbookParts(EdgeCaseBook());
  parts["xl/worksheets/sheet2.xml"] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</c>";
  WriteZip(dir / "book.xlsx", parts);
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_TRUE(book.ok()) << book.status();
  auto rows = ReadSheet(**book, "members");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "xlsx_bad_xml");
  EXPECT_EQ(rows.status().message().rfind("book.xlsx:members: 第 1 行：XML 格式错误", 0), 0u)
      << rows.status();
}

TEST(XlsxCellRefTest, ParsesAndPrintsColumns) {
  int64_t column = 0;
  int64_t row = 0;
  ASSERT_TRUE(ParseCellRef("D7", column, row));
  EXPECT_EQ(column, 4);
  EXPECT_EQ(row, 7);
  ASSERT_TRUE(ParseCellRef("$AB$12", column, row));
  EXPECT_EQ(column, 28);
  ASSERT_TRUE(ParseCellRef("XFD1048576", column, row));
  EXPECT_EQ(column, 16384);
  EXPECT_FALSE(ParseCellRef("XFE1", column, row));
  EXPECT_FALSE(ParseCellRef("A0", column, row));
  EXPECT_FALSE(ParseCellRef("A", column, row));
  EXPECT_FALSE(ParseCellRef("7", column, row));
  EXPECT_EQ(ColumnLetters(1), "A");
  EXPECT_EQ(ColumnLetters(26), "Z");
  EXPECT_EQ(ColumnLetters(28), "AB");
  EXPECT_EQ(ColumnLetters(16384), "XFD");
}

}  // namespace
}  // namespace sunlight::ledger
