// Memory-bound checks: reading a big CSV or a big sheet must not grow memory with its size.
// Not a speed test. The size is smaller under sanitizers (slower, and ASan's quarantine holds
// freed memory); SUNLIGHT_LEDGER_LARGE_MB overrides it (the 1 GB of the issue, say).
// Two checks: the peak over the whole read stays under a fixed bound, and — what makes the
// check independent of the size — the peak does not move between the first quarter of the
// rows and the end, so memory that grows per row fails whatever size the run uses.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "ledger/csv_table_source.h"
#include "ledger/xlsx_workbook.h"
#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::PeakRssBytes;
using testing::TempDir;

constexpr long kMaxGrowthBytes = 64L * 1024 * 1024;
// Peak growth allowed over the last three quarters of the rows (allocator noise, not rows).
constexpr long kMaxLateGrowthBytes = 4L * 1024 * 1024;

// Under AddressSanitizer freed blocks wait in a quarantine (256 MiB by default) before reuse,
// so RSS keeps rising with every byte ever allocated, however little is live: the late-growth
// check would measure ASan, not the reader. The normal build holds it; ASan still checks the
// overall bound and every access.
long LateGrowthLimit() { return testing::UnderSanitizer() ? kMaxGrowthBytes : kMaxLateGrowthBytes; }

size_t TargetBytes(size_t normal_mb, size_t sanitizer_mb) {
  if (const char* env = std::getenv("SUNLIGHT_LEDGER_LARGE_MB")) {
    return static_cast<size_t>(std::atol(env)) * 1024 * 1024;
  }
  return (testing::UnderSanitizer() ? sanitizer_mb : normal_mb) * 1024 * 1024;
}

TEST(LargeInputTest, Gb18030CsvStreamsInConstantMemory) {
  const size_t target = TargetBytes(200, 16);
  TempDir dir;
  const std::filesystem::path path = dir / "payments.csv";
  int64_t rows_written = 0;
  {
    std::ofstream out(path, std::ios::binary);
    out << testing::ToGb18030("payment_id,payee_name,amount,备注\n");
    // Two-byte and four-byte characters, a quoted field with a comma: a realistic mix.
    const std::string names = testing::ToGb18030(",张三𠀀䶮,");
    const std::string note = testing::ToGb18030(",\"易地搬迁, 第二批\"\n");
    size_t written = 0;
    while (written < target) {
      const std::string id = "P" + std::to_string(rows_written);
      const std::string amount = std::to_string(rows_written % 100000) + ".50";
      out << id << names << amount << note;
      written += id.size() + names.size() + amount.size() + note.size();
      ++rows_written;
    }
    ASSERT_TRUE(out.good());
  }

  const long peak_before = PeakRssBytes();
  auto source = CsvTableSource::Open(path, Encoding::kAuto);
  ASSERT_TRUE(source.ok()) << source.status();
  EXPECT_EQ((*source)->encoding(), Encoding::kGb18030);
  Row row;
  int64_t rows_read = 0;
  long peak_at_quarter = 0;
  while (true) {
    auto more = (*source)->Next(row);
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    if (rows_read == rows_written / 4) peak_at_quarter = PeakRssBytes();
    if (rows_read > 0 && rows_read % 100000 == 0) {
      ASSERT_EQ(row.cells.size(), 4u);
      ASSERT_EQ(row.cells[1], "张三𠀀䶮") << "line " << row.number;
      ASSERT_EQ(row.cells[3], "易地搬迁, 第二批");
    }
    ++rows_read;
  }
  const long growth = PeakRssBytes() - peak_before;
  RecordProperty("peak_rss_growth_kib", std::to_string(growth / 1024));
  EXPECT_EQ(rows_read, rows_written + 1);  // + header
  EXPECT_EQ(row.number, rows_written + 1);
  EXPECT_LT(growth, kMaxGrowthBytes) << "peak RSS grew by " << growth / (1024 * 1024)
                                     << " MiB reading " << target / (1024 * 1024) << " MiB";
  EXPECT_LT(PeakRssBytes() - peak_at_quarter, LateGrowthLimit())
      << "peak RSS still growing after a quarter of the rows";
}

TEST(LargeInputTest, XlsxSheetStreamsInConstantMemory) {
  const size_t target = TargetBytes(100, 10);
  TempDir dir;
  testing::TestWorkbook spec;
  spec.styles = testing::TestStyles({0, 14});
  spec.shared_strings = {"<t>payment_id</t>"};
  spec.sheets.push_back(testing::TestSheet{"payments", ""});
  auto parts = testing::TestWorkbookParts(spec);
  parts.erase("xl/worksheets/sheet1.xml");  // generated instead, row by row

  // The generator writes the sheet XML a row at a time while libzip compresses it.
  int64_t rows_generated = 0;
  size_t generated = 0;
  std::string pending =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  bool finished = false;
  testing::Generator generator = [&](char* buffer, size_t capacity) -> size_t {
    while (pending.size() < capacity && !finished) {
      if (generated >= target) {
        pending += "</sheetData></worksheet>";
        finished = true;
        break;
      }
      const std::string r = std::to_string(rows_generated + 1);
      const std::string row =
          "<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"s\"><v>0</v></c><c r=\"B" + r +
          "\" t=\"inlineStr\"><is><t>张三𠀀 " + r + "</t></is></c><c r=\"D" + r +
          "\"><v>1234.5</v></c><c r=\"E" + r + "\" s=\"1\"><v>45292</v></c></row>";
      pending += row;
      generated += row.size();
      ++rows_generated;
    }
    const size_t count = std::min(capacity, pending.size());
    std::memcpy(buffer, pending.data(), count);
    pending.erase(0, count);
    return count;
  };
  testing::WriteZipStreaming(dir / "book.xlsx", parts, "xl/worksheets/sheet1.xml", generator);

  const long peak_before = PeakRssBytes();
  auto book = XlsxWorkbook::Open(dir / "book.xlsx");
  ASSERT_TRUE(book.ok()) << book.status();
  auto source = (*book)->OpenSheet("payments");
  ASSERT_TRUE(source.ok()) << source.status();
  Row row;
  int64_t rows_read = 0;
  long peak_at_quarter = 0;
  while (true) {
    auto more = (*source)->Next(row);
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    ++rows_read;
    if (rows_read == rows_generated / 4) peak_at_quarter = PeakRssBytes();
    if (rows_read % 100000 == 0) {
      ASSERT_EQ(row.cells,
                (std::vector<std::string>{"payment_id", "张三𠀀 " + std::to_string(rows_read), "",
                                          "1234.5", "2024-01-01"}));
    }
  }
  const long growth = PeakRssBytes() - peak_before;
  RecordProperty("peak_rss_growth_kib", std::to_string(growth / 1024));
  EXPECT_EQ(rows_read, rows_generated);
  EXPECT_EQ(row.number, rows_generated);
  EXPECT_LT(growth, kMaxGrowthBytes)
      << "peak RSS grew by " << growth / (1024 * 1024) << " MiB reading "
      << generated / (1024 * 1024) << " MiB of sheet XML";
  EXPECT_LT(PeakRssBytes() - peak_at_quarter, LateGrowthLimit())
      << "peak RSS still growing after a quarter of the rows";
}

}  // namespace
}  // namespace sunlight::ledger
