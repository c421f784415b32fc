#include "ledger/csv_table_source.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::TempDir;
using testing::ToGb18030;
using testing::WriteFile;

// Reads every row, or returns the first error.
StatusOr<std::vector<Row>> ReadAll(TableSource& source) {
  std::vector<Row> rows;
  Row row;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool more, source.Next(row));
    if (!more) return rows;
    rows.push_back(row);
  }
}

StatusOr<std::vector<Row>> ReadCsv(const std::filesystem::path& path, Encoding encoding,
                                   Encoding* detected = nullptr) {
  SUNLIGHT_ASSIGN_OR_RETURN(auto source, CsvTableSource::Open(path, encoding));
  if (detected != nullptr) *detected = source->encoding();
  return ReadAll(*source);
}

const std::string kCsv =
    "household_id,户主姓名,village_code\n"
    "H001,张三,520502001001\n"
    "\n"
    "H002,\"李,四\n(曾用名 䶮)\",520502001002\n"
    "H003,𠀀,520502001003\n";

void ExpectRows(const std::vector<Row>& rows) {
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].number, 1);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"household_id", "户主姓名", "village_code"}));
  EXPECT_EQ(rows[1].number, 2);
  EXPECT_EQ(rows[1].cells[1], "张三");
  EXPECT_EQ(rows[2].number, 4) << "the blank line 3 is skipped; numbers stay physical lines";
  EXPECT_EQ(rows[2].cells[1], "李,四\n(曾用名 䶮)");
  EXPECT_EQ(rows[3].number, 6);
  EXPECT_EQ(rows[3].cells[1], "𠀀");
}

TEST(CsvTableSourceTest, ReadsUtf8WithoutBom) {
  TempDir dir;
  WriteFile(dir / "households.csv", kCsv);
  Encoding detected = Encoding::kAuto;
  auto rows = ReadCsv(dir / "households.csv", Encoding::kAuto, &detected);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(detected, Encoding::kUtf8);
  ExpectRows(*rows);
}

TEST(CsvTableSourceTest, ReadsUtf8WithBom) {
  TempDir dir;
  WriteFile(dir / "households.csv", "\xEF\xBB\xBF" + kCsv);
  auto rows = ReadCsv(dir / "households.csv", Encoding::kAuto);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ExpectRows(*rows);
  EXPECT_EQ(rows->front().cells[0], "household_id") << "BOM stripped";
}

TEST(CsvTableSourceTest, DetectsAndConvertsGb18030) {
  TempDir dir;
  WriteFile(dir / "households.csv", ToGb18030(kCsv));
  Encoding detected = Encoding::kAuto;
  auto rows = ReadCsv(dir / "households.csv", Encoding::kAuto, &detected);
  ASSERT_TRUE(rows.ok()) << rows.status();
  EXPECT_EQ(detected, Encoding::kGb18030);
  ExpectRows(*rows);
}

TEST(CsvTableSourceTest, ForcedGbkReadsGb18030) {
  TempDir dir;
  WriteFile(dir / "households.csv", ToGb18030(kCsv));
  auto rows = ReadCsv(dir / "households.csv", ParseEncodingName("gbk").value());
  ASSERT_TRUE(rows.ok()) << rows.status();
  ExpectRows(*rows);
}

TEST(CsvTableSourceTest, ConvertsCharactersSplitAcrossTheDecodersChunks) {
  // Enough two- and four-byte characters that the 64 KiB chunk boundaries fall inside some.
  std::string csv = "id,name\n";
  for (int i = 0; i < 20000; ++i) csv += std::to_string(i) + ",张𠀀䶮三\n";
  TempDir dir;
  WriteFile(dir / "members.csv", ToGb18030(csv));
  auto rows = ReadCsv(dir / "members.csv", Encoding::kAuto);
  ASSERT_TRUE(rows.ok()) << rows.status();
  ASSERT_EQ(rows->size(), 20001u);
  for (size_t i = 1; i < rows->size(); ++i) {
    ASSERT_EQ((*rows)[i].cells[1], "张𠀀䶮三") << "row " << (*rows)[i].number;
  }
}

TEST(CsvTableSourceTest, WrongForcedEncodingIsAnErrorWithOffset) {
  TempDir dir;
  WriteFile(dir / "households.csv", ToGb18030(kCsv));
  auto rows = ReadCsv(dir / "households.csv", Encoding::kUtf8);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "bad_encoding");
  // "household_id," is 13 bytes; the GB18030 户 starts at offset 13 on line 1.
  EXPECT_NE(rows.status().message().find("households.csv: 第 1 行（字节偏移 13）"),
            std::string::npos)
      << rows.status();
}

TEST(CsvTableSourceTest, ForcedGb18030OnAUtf8FileWithBomIsAMismatch) {
  TempDir dir;
  WriteFile(dir / "households.csv", "\xEF\xBB\xBF" + kCsv);
  auto source = CsvTableSource::Open(dir / "households.csv", Encoding::kGb18030);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().reason(), "encoding_mismatch");
}

TEST(CsvTableSourceTest, ForcedGb18030OnUtf8TextFailsWhereTheBytesCannotBeGb18030) {
  TempDir dir;
  // 户 is E6 88 B7 in UTF-8: E6 88 pairs up as GB18030, then B7 ',' cannot.
  WriteFile(dir / "households.csv", "id,户,x\n");
  auto rows = ReadCsv(dir / "households.csv", Encoding::kGb18030);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "bad_encoding");
  EXPECT_NE(rows.status().message().find("字节偏移 5"), std::string::npos) << rows.status();
}

TEST(CsvTableSourceTest, LaterGbBytesInAnAsciiStartedFileAreReportedNotGuessed) {
  TempDir dir;
  // ASCII well past the ASCII limit of detection, then GB18030: detection says UTF-8 and the
  // decoder names the first GB18030 byte.
  std::string csv = "id,name\n";
  const std::string ascii_row = "1234567890,abcdefghijklmnopqrstuvwxyz\n";
  while (csv.size() <= kDetectionAsciiLimit) csv += ascii_row;
  const size_t offset = csv.size() + 2;
  csv += "9," + ToGb18030("张三") + "\n";
  WriteFile(dir / "members.csv", csv);
  auto rows = ReadCsv(dir / "members.csv", Encoding::kAuto);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "bad_encoding");
  EXPECT_NE(rows.status().message().find("字节偏移 " + std::to_string(offset)), std::string::npos)
      << rows.status();
}

TEST(CsvTableSourceTest, UndetectableGarbageIsUnknownEncoding) {
  TempDir dir;
  std::mt19937 random(7);
  std::string garbage(10000, '\0');
  for (char& c : garbage) c = static_cast<char>(random() % 256);
  WriteFile(dir / "payments.csv", "payment_id,amount\n" + garbage);
  auto source = CsvTableSource::Open(dir / "payments.csv", Encoding::kAuto);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().reason(), "unknown_encoding");
  EXPECT_EQ(source.status().message(),
            "payments.csv: 无法识别文件编码，请另存为 UTF-8 或使用 --encoding");
}

TEST(CsvTableSourceTest, CsvSyntaxErrorsComeFromCoreWithTheFileName) {
  TempDir dir;
  WriteFile(dir / "deaths.csv", "id_number,name\n\"110101,张三\n");
  auto rows = ReadCsv(dir / "deaths.csv", Encoding::kAuto);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().reason(), "csv_unterminated_quote");
  EXPECT_EQ(rows.status().message().rfind("deaths.csv: 第 2 行", 0), 0u) << rows.status();
}

TEST(CsvTableSourceTest, MissingFileIsUnreadable) {
  TempDir dir;
  auto source = CsvTableSource::Open(dir / "nope.csv", Encoding::kAuto);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.status().reason(), "file_unreadable");
}

TEST(CsvTableSourceTest, NamesItselfForMessages) {
  TempDir dir;
  WriteFile(dir / "Households.CSV", "a\n");
  auto source = CsvTableSource::Open(dir / "Households.CSV", Encoding::kAuto, "households.csv");
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->name(), "households.csv");
}

}  // namespace
}  // namespace sunlight::ledger
