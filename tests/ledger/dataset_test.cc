#include "ledger/dataset.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/interchange_tables.h"
#include "ledger/sha256.h"
#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::TempDir;
using testing::TestSheet;
using testing::TestWorkbook;
using testing::ToGb18030;
using testing::WriteFile;

std::vector<std::string> TableNames(const Dataset& dataset) {
  std::vector<std::string> names;
  for (const DatasetTable& table : dataset.tables()) names.push_back(table.table);
  return names;
}

TEST(DatasetTest, CsvFolderListsTablesInInterchangeOrderWithChecksums) {
  TempDir dir;
  WriteFile(dir / "payments.csv", "payment_id\nP1\n");
  WriteFile(dir / "Households.CSV", ToGb18030("household_id,户主\nH1,张三\n"));
  WriteFile(dir / "organizations.csv", "abc");
  WriteFile(dir / "README.txt", "not a table");    // not .csv: ignored
  std::filesystem::create_directory(dir / "old");  // folders: ignored

  auto dataset = OpenDataset(dir.path());
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  EXPECT_EQ(dataset->kind(), Dataset::Kind::kCsvFolder);
  EXPECT_EQ(TableNames(*dataset),
            (std::vector<std::string>{"organizations", "households", "payments"}));
  const DatasetTable* households = dataset->Find("households");
  ASSERT_NE(households, nullptr);
  EXPECT_EQ(households->display_name, "Households.CSV");
  EXPECT_EQ(dataset->Find("members"), nullptr);

  EXPECT_EQ(dataset->Find("organizations")->size_bytes, 3);
  EXPECT_EQ(dataset->Find("payments")->size_bytes, 14);
  StatusOr<std::vector<SourceFile>> files = dataset->files();
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].path, dir / "organizations.csv");
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ((*files)[0].sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ((*files)[0].size_bytes, 3);
  EXPECT_EQ((*files)[2].path, dir / "payments.csv");
  EXPECT_EQ((*files)[2].sha256, Sha256OfFile(dir / "payments.csv").value());

  auto source = dataset->Open(*households);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->name(), "Households.CSV");
  Row row;
  ASSERT_TRUE((*source)->Next(row).value());
  ASSERT_TRUE((*source)->Next(row).value());
  EXPECT_EQ(row.cells, (std::vector<std::string>{"H1", "张三"})) << "GB18030 detected per file";
}

TEST(DatasetTest, ForcedEncodingAppliesToEveryCsvFile) {
  TempDir dir;
  WriteFile(dir / "households.csv", ToGb18030("household_id,户主\n"));
  auto dataset = OpenDataset(dir.path(), {.encoding = Encoding::kUtf8});
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  auto source = dataset->Open(dataset->tables().front());
  ASSERT_TRUE(source.ok()) << source.status();
  Row row;
  EXPECT_EQ((*source)->Next(row).status().reason(), "bad_encoding");
}

TEST(DatasetTest, UnknownCsvFilesAreListed) {
  TempDir dir;
  WriteFile(dir / "households.csv", "household_id\n");
  WriteFile(dir / "househlods.csv", "household_id\n");
  WriteFile(dir / "payments_2023.csv", "payment_id\n");
  auto dataset = OpenDataset(dir.path());
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.status().reason(), "unknown_file");
  EXPECT_NE(dataset.status().message().find("househlods.csv、payments_2023.csv"), std::string::npos)
      << dataset.status();
}

TEST(DatasetTest, TwoFilesForOneTableAreAnError) {
  TempDir dir;
  WriteFile(dir / "households.csv", "household_id\n");
  WriteFile(dir / "HOUSEHOLDS.csv", "household_id\n");
  auto dataset = OpenDataset(dir.path());
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.status().reason(), "duplicate_table");
}

TEST(DatasetTest, EmptyFolderIsAnError) {
  TempDir dir;
  WriteFile(dir / "notes.txt", "x");
  EXPECT_EQ(OpenDataset(dir.path()).status().reason(), "empty_dataset");
}

TEST(DatasetTest, WorkbookSheetsAreTables) {
  TempDir dir;
  TestWorkbook spec;
  spec.sheets.push_back(TestSheet{
      "payments", "<row r=\"1\"><c t=\"inlineStr\"><is><t>payment_id</t></is></c></row>"});
  spec.sheets.push_back(TestSheet{
      " Households ", "<row r=\"1\"><c t=\"inlineStr\"><is><t>household_id</t></is></c></row>"});
  testing::WriteZip(dir / "ledger.xlsx", testing::TestWorkbookParts(spec));

  auto dataset = OpenDataset(dir / "ledger.xlsx");
  ASSERT_TRUE(dataset.ok()) << dataset.status();
  EXPECT_EQ(dataset->kind(), Dataset::Kind::kXlsx);
  EXPECT_EQ(TableNames(*dataset), (std::vector<std::string>{"households", "payments"}));
  EXPECT_EQ(dataset->tables()[0].display_name, "ledger.xlsx: Households ");
  StatusOr<std::vector<SourceFile>> files = dataset->files();
  ASSERT_TRUE(files.ok()) << files.status();
  ASSERT_EQ(files->size(), 1u) << "the sheets share one file";
  EXPECT_EQ((*files)[0].sha256, Sha256OfFile(dir / "ledger.xlsx").value());
  EXPECT_EQ((*files)[0].size_bytes, dataset->tables()[1].size_bytes);
  EXPECT_GT((*files)[0].size_bytes, 0);

  auto source = dataset->Open(*dataset->Find("payments"));
  ASSERT_TRUE(source.ok()) << source.status();
  Row row;
  ASSERT_TRUE((*source)->Next(row).value());
  EXPECT_EQ(row.cells, (std::vector<std::string>{"payment_id"}));
}

TEST(DatasetTest, UnknownSheetsAreListed) {
  TempDir dir;
  TestWorkbook spec;
  spec.sheets.push_back(TestSheet{"households", ""});
  spec.sheets.push_back(TestSheet{"说明", ""});
  testing::WriteZip(dir / "ledger.xlsx", testing::TestWorkbookParts(spec));
  auto dataset = OpenDataset(dir / "ledger.xlsx");
  ASSERT_FALSE(dataset.ok());
  EXPECT_EQ(dataset.status().reason(), "unknown_sheet");
  EXPECT_NE(dataset.status().message().find("“说明”"), std::string::npos) << dataset.status();
}

TEST(DatasetTest, WorkbookErrorsPassThrough) {
  TempDir dir;
  WriteFile(dir / "ledger.xlsx", "not a zip");
  EXPECT_EQ(OpenDataset(dir / "ledger.xlsx").status().reason(), "xlsx_not_zip");
}

TEST(DatasetTest, OtherPathsAreRefused) {
  TempDir dir;
  EXPECT_EQ(OpenDataset(dir / "missing").status().reason(), "dataset_not_found");
  WriteFile(dir / "old.xls", "x");
  EXPECT_EQ(OpenDataset(dir / "old.xls").status().reason(), "xls_unsupported");
  WriteFile(dir / "households.csv", "household_id\n");
  EXPECT_EQ(OpenDataset(dir / "households.csv").status().reason(), "bad_dataset_path");
}

TEST(InterchangeTablesTest, KnowsTheSpecsTables) {
  EXPECT_EQ(kInterchangeTables.size(), 25u);
  EXPECT_EQ(InterchangeTableIndex("organizations"), 0u);
  EXPECT_TRUE(InterchangeTableIndex("project_beneficiaries").has_value());
  EXPECT_FALSE(InterchangeTableIndex("Households").has_value()) << "callers lower-case first";
  // Every reference in spec/interchange.md points to an earlier table.
  EXPECT_LT(*InterchangeTableIndex("companies"), *InterchangeTableIndex("projects"));
  EXPECT_LT(*InterchangeTableIndex("subsidy_items"), *InterchangeTableIndex("payments"));
  EXPECT_LT(*InterchangeTableIndex("dispatched_cadres"),
            *InterchangeTableIndex("integrity_archives"));
}

TEST(Sha256Test, HashesFilesInChunks) {
  TempDir dir;
  WriteFile(dir / "empty", "");
  EXPECT_EQ(Sha256OfFile(dir / "empty").value(),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  // One million 'a' (FIPS 180-2 B.3), more than one read chunk.
  WriteFile(dir / "million", std::string(1000000, 'a'));
  EXPECT_EQ(Sha256OfFile(dir / "million").value(),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(Sha256OfFile(dir / "nope").status().reason(), "file_unreadable");
}

}  // namespace
}  // namespace sunlight::ledger
