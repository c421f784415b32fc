// Tests for CsvReader: RFC 4180 quoting, line breaks, BOM handling, UTF-8 validation,
// error positions and streaming of inputs larger than one chunk.
#include "core/csv_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace sunlight {
namespace {

using Records = std::vector<std::vector<std::string>>;

// Reads all of `text`; fails the test on an error.
Records ReadAll(const std::string& text, std::vector<int64_t>* lines = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in);
  Records records;
  std::vector<std::string> fields;
  while (true) {
    StatusOr<bool> more = reader.Next(fields);
    EXPECT_TRUE(more.ok()) << more.status();
    if (!more.ok() || !*more) break;
    records.push_back(fields);
    if (lines != nullptr) lines->push_back(reader.record_line());
  }
  EXPECT_EQ(reader.records_read(), static_cast<int64_t>(records.size()));
  return records;
}

// Reads `text` until the first error and returns it (OK if there was none).
Status FirstError(const std::string& text, int64_t* records_before = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<std::string> fields;
  while (true) {
    StatusOr<bool> more = reader.Next(fields);
    if (!more.ok()) {
      if (records_before != nullptr) *records_before = reader.records_read();
      // The error is sticky.
      StatusOr<bool> again = reader.Next(fields);
      EXPECT_FALSE(again.ok());
      EXPECT_EQ(again.status(), more.status());
      return more.status();
    }
    if (!*more) return Status::Ok();
  }
}

TEST(CsvReaderTest, SimpleRecords) {
  EXPECT_EQ(ReadAll("a,b,c\n1,2,3\n"), (Records{{"a", "b", "c"}, {"1", "2", "3"}}));
}

TEST(CsvReaderTest, NoTrailingNewline) {
  EXPECT_EQ(ReadAll("a,b\n1,2"), (Records{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReaderTest, EmptyInput) {
  EXPECT_EQ(ReadAll(""), Records{});
  EXPECT_EQ(ReadAll("\xEF\xBB\xBF"), Records{});
  EXPECT_EQ(ReadAll("\n\r\n\n"), Records{});
}

TEST(CsvReaderTest, EmptyFields) {
  EXPECT_EQ(ReadAll(",\na,,b\n,,\n\"\"\n"),
            (Records{{"", ""}, {"a", "", "b"}, {"", "", ""}, {""}}));
  EXPECT_EQ(ReadAll("a,"), (Records{{"a", ""}}));
}

TEST(CsvReaderTest, QuotedFieldsWithCommasAndQuotes) {
  EXPECT_EQ(ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n"),
            (Records{{"a,b", "say \"hi\"", "\""}}));
}

TEST(CsvReaderTest, EmbeddedNewlinesKeptVerbatim) {
  std::vector<int64_t> lines;
  Records records = ReadAll("h1,h2\n\"line1\nline2\",x\n\"a\r\nb\",y\r\nlast,z\n", &lines);
  EXPECT_EQ(records,
            (Records{{"h1", "h2"}, {"line1\nline2", "x"}, {"a\r\nb", "y"}, {"last", "z"}}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 4, 6}));
}

TEST(CsvReaderTest, CrLfAndLoneCrRecordEnds) {
  std::vector<int64_t> lines;
  EXPECT_EQ(ReadAll("a,b\r\n1,2\r\n3,4\r5,6", &lines),
            (Records{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST(CsvReaderTest, BlankLinesSkippedButCounted) {
  std::vector<int64_t> lines;
  EXPECT_EQ(ReadAll("a\n\n\nb\n\n", &lines), (Records{{"a"}, {"b"}}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 4}));
}

TEST(CsvReaderTest, Utf8Content) {
  EXPECT_EQ(ReadAll("姓名,金额\n\"张三，李四\",￥1234.50\n"),
            (Records{{"姓名", "金额"}, {"张三，李四", "￥1234.50"}}));
  EXPECT_EQ(ReadAll("𠀀,é\n"), (Records{{"𠀀", "é"}}));
}

TEST(CsvReaderTest, BomAtStartIsStripped) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBF"
                    "code,name\n52,贵州省\n"),
            (Records{{"code", "name"}, {"52", "贵州省"}}));
  EXPECT_EQ(ReadAll("\xEF\xBB\xBF\"q\"\n"), (Records{{"q"}}));
}

TEST(CsvReaderTest, BomInMiddleIsAnError) {
  int64_t before = -1;
  Status s = FirstError(
      "a,b\n\xEF\xBB\xBF"
      "a,b\n",
      &before);
  EXPECT_EQ(s.reason(), "csv_bom_in_middle");
  EXPECT_NE(s.message().find("第 2 行第 1 列"), std::string::npos) << s;
  EXPECT_EQ(before, 1);
  // A second BOM right after the first is in the middle too.
  EXPECT_EQ(FirstError("\xEF\xBB\xBF\xEF\xBB\xBF"
                       "a")
                .reason(),
            "csv_bom_in_middle");
  // Inside a quoted field as well.
  EXPECT_EQ(FirstError("\"x\xEF\xBB\xBFy\"\n").reason(), "csv_bom_in_middle");
}

TEST(CsvReaderTest, UnterminatedQuoteNamesWhereItOpened) {
  Status s = FirstError("a,b\n1,\"open\n\nstill open");
  EXPECT_EQ(s.reason(), "csv_unterminated_quote");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("第 2 行第 3 列"), std::string::npos) << s;
}

TEST(CsvReaderTest, BareQuoteInUnquotedField) {
  Status s = FirstError("a,b\nx,ab\"c\n");
  EXPECT_EQ(s.reason(), "csv_bare_quote");
  EXPECT_NE(s.message().find("第 2 行第 5 列"), std::string::npos) << s;
}

TEST(CsvReaderTest, TextAfterClosingQuote) {
  Status s = FirstError("名称\n\"张三\"丰,1\n");
  EXPECT_EQ(s.reason(), "csv_text_after_quote");
  // Columns count characters, not bytes: 引号, 张, 三, 引号, then 丰 is column 5.
  EXPECT_NE(s.message().find("第 2 行第 5 列"), std::string::npos) << s;
  EXPECT_EQ(FirstError("\"a\" ,b").reason(), "csv_text_after_quote");
}

TEST(CsvReaderTest, InvalidUtf8) {
  // "张" in GBK is D5 C5: D5 is a valid lead byte but C5 is not a continuation byte.
  int64_t before = -1;
  Status s = FirstError("a\n\xD5\xC5\n", &before);
  EXPECT_EQ(s.reason(), "invalid_utf8");
  EXPECT_NE(s.message().find("第 2 行"), std::string::npos) << s;
  EXPECT_NE(s.message().find("字节偏移 3"), std::string::npos) << s;
  EXPECT_EQ(before, 1);
  EXPECT_EQ(FirstError("\x80").reason(), "invalid_utf8");              // lone continuation
  EXPECT_EQ(FirstError("\xC0\xAF").reason(), "invalid_utf8");          // overlong '/'
  EXPECT_EQ(FirstError("\xE0\x80\xAF").reason(), "invalid_utf8");      // overlong
  EXPECT_EQ(FirstError("\xED\xA0\x80").reason(), "invalid_utf8");      // surrogate
  EXPECT_EQ(FirstError("\xF4\x90\x80\x80").reason(), "invalid_utf8");  // > U+10FFFF
  EXPECT_EQ(FirstError("\xFF").reason(), "invalid_utf8");
  EXPECT_EQ(FirstError("a,\xE5\xBC").reason(), "invalid_utf8");    // truncated at EOF
  EXPECT_EQ(FirstError("\"\xE5\xBC\"").reason(), "invalid_utf8");  // truncated by a quote
}

TEST(CsvReaderTest, ChineseTextIsCountedAndCheckedCharacterByCharacter) {
  // 张三 are E5 BC A0 / E4 B8 89: three-byte sequences the reader passes over in one step.
  // The column of an error after them still counts characters, and its offset bytes.
  Status s = FirstError("id,name\n1,张三\xE4\x41\n");
  EXPECT_EQ(s.reason(), "invalid_utf8");
  EXPECT_NE(s.message().find("第 2 行第 5 列"), std::string::npos) << s;  // 1 , 张 三 then E4
  EXPECT_NE(s.message().find("字节偏移 17"), std::string::npos) << s;     // 8 + 2 + 6 + 1: the 0x41
  // A BOM (EF BB BF) after Chinese text is still found; EF is never passed over.
  EXPECT_EQ(FirstError("a\n张\xEF\xBB\xBF\n").reason(), "csv_bom_in_middle");
  // Full-width letters (EF BC xx) and the leads with narrower rules read as before.
  std::istringstream in("\xEF\xBC\xA1\xE0\xA0\x80\xED\x9F\xBF,张\n");
  CsvReader reader(in);
  std::vector<std::string> fields;
  StatusOr<bool> more = reader.Next(fields);
  ASSERT_TRUE(more.ok()) << more.status();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0], "\xEF\xBC\xA1\xE0\xA0\x80\xED\x9F\xBF");
  EXPECT_EQ(fields[1], "张");
}

TEST(CsvReaderTest, ACharacterSplitAcrossChunksIsRead) {
  // Every way a three-byte character can straddle the end of the 64 KiB chunk.
  for (size_t shift = 0; shift < 3; ++shift) {
    std::string text(CsvReader::kChunkSize - 2 + shift, 'a');
    text += "张三,李四\n";
    std::istringstream in(text);
    CsvReader reader(in);
    std::vector<std::string> fields;
    StatusOr<bool> more = reader.Next(fields);
    ASSERT_TRUE(more.ok()) << more.status();
    ASSERT_EQ(fields.size(), 2u) << shift;
    EXPECT_EQ(fields[0], std::string(CsvReader::kChunkSize - 2 + shift, 'a') + "张三");
    EXPECT_EQ(fields[1], "李四");
  }
}

TEST(CsvReaderTest, LargeInputIsStreamedAcrossChunks) {
  // Enough rows to cross many 64 KiB chunks, with multi-byte characters and quoted
  // newlines landing on chunk boundaries somewhere.
  constexpr int kRows = 200000;
  std::string text =
      "\xEF\xBB\xBF"
      "id,name,note\r\n";
  for (int i = 0; i < kRows; ++i) {
    text += std::to_string(i);
    text += ",张三丰";
    text += (i % 7 == 0) ? ",\"多行\n备注\"\r\n" : ",普通\r\n";
  }
  ASSERT_GT(text.size(), 50 * CsvReader::kChunkSize);
  std::istringstream in(text);
  CsvReader reader(in);
  std::vector<std::string> fields;
  int64_t expected_line = 1;
  int64_t rows = 0;
  while (true) {
    StatusOr<bool> more = reader.Next(fields);
    ASSERT_TRUE(more.ok()) << more.status();
    if (!*more) break;
    ASSERT_EQ(fields.size(), 3u);
    ASSERT_EQ(reader.record_line(), expected_line);
    if (reader.records_read() > 1) {
      const int i = static_cast<int>(reader.records_read() - 2);
      ASSERT_EQ(fields[0], std::to_string(i));
      ASSERT_EQ(fields[1], "张三丰");
      ASSERT_EQ(fields[2], (i % 7 == 0) ? "多行\n备注" : "普通");
      expected_line += (i % 7 == 0) ? 2 : 1;
      ++rows;
    } else {
      ASSERT_EQ(fields[0], "id");
      ++expected_line;
    }
  }
  EXPECT_EQ(rows, kRows);
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(text.size()));
}

TEST(CsvReaderTest, ChunkBoundaryInsideTokens) {
  const size_t chunk = CsvReader::kChunkSize;
  // A three-byte character split 1 + 2 over the boundary.
  const std::string a(chunk - 1, 'a');
  EXPECT_EQ(ReadAll(a + "张,x\n"), (Records{{a + "张", "x"}}));
  // A doubled quote split over the boundary: the first quote is the chunk's last byte.
  const std::string q(chunk - 2, 'q');
  EXPECT_EQ(ReadAll("\"" + q + "\"\"\"\n"), (Records{{q + "\""}}));
  // CR LF split over the boundary counts as one line break.
  std::vector<int64_t> lines;
  EXPECT_EQ(ReadAll(a + "\r\nb\n", &lines), (Records{{a}, {"b"}}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2}));
  // A BOM split over the boundary is still a BOM in the middle.
  EXPECT_EQ(FirstError(std::string(chunk - 2, 'b') + "\xEF\xBB\xBF").reason(), "csv_bom_in_middle");
  // A truncated character at the very end of a full chunk.
  EXPECT_EQ(FirstError(a + "\xE5").reason(), "invalid_utf8");
}

TEST(CsvReaderTest, ErrorLineCountedAcrossChunks) {
  std::string text;
  for (int i = 0; i < 30000; ++i) text += "abc,def\n";
  text += "x,\"bad\"y\n";
  Status s = FirstError(text);
  EXPECT_EQ(s.reason(), "csv_text_after_quote");
  EXPECT_NE(s.message().find("第 30001 行第 8 列"), std::string::npos) << s;
}

TEST(ReadCsvFileTest, ReadsFileAndPassesLines) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "sunlight_csv_reader_test.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "a,b\r\n\"1\n2\",3\r\n";
  }
  Records records;
  std::vector<int64_t> lines;
  Status s = ReadCsvFile(path, [&](const std::vector<std::string>& fields, int64_t line) {
    records.push_back(fields);
    lines.push_back(line);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s;
  EXPECT_EQ(records, (Records{{"a", "b"}, {"1\n2", "3"}}));
  EXPECT_EQ(lines, (std::vector<int64_t>{1, 2}));

  // The callback's error stops the reading and comes back unchanged.
  int calls = 0;
  s = ReadCsvFile(path, [&](const std::vector<std::string>&, int64_t) {
    ++calls;
    return InvalidArgumentError("坏行", "bad_row");
  });
  EXPECT_EQ(s.reason(), "bad_row");
  EXPECT_EQ(s.message(), "坏行");
  EXPECT_EQ(calls, 1);
  std::filesystem::remove(path);
}

TEST(ReadCsvFileTest, ParseErrorNamesTheFile) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "sunlight_csv_reader_bad.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "a\n\"open\n";
  }
  Status s =
      ReadCsvFile(path, [](const std::vector<std::string>&, int64_t) { return Status::Ok(); });
  EXPECT_EQ(s.reason(), "csv_unterminated_quote");
  EXPECT_NE(s.message().find(path.string()), std::string::npos) << s;
  std::filesystem::remove(path);
}

TEST(ReadCsvFileTest, MissingFile) {
  Status s = ReadCsvFile("/nonexistent/sunlight.csv",
                         [](const std::vector<std::string>&, int64_t) { return Status::Ok(); });
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.reason(), "file_not_found");
}

}  // namespace
}  // namespace sunlight
