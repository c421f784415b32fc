#include "ledger/encoding.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>

#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

using testing::ToGb18030;

TEST(EncodingTest, ParsesNamesAndAliasesIgnoringCase) {
  EXPECT_EQ(ParseEncodingName("utf-8").value(), Encoding::kUtf8);
  EXPECT_EQ(ParseEncodingName("UTF8").value(), Encoding::kUtf8);
  EXPECT_EQ(ParseEncodingName("gb18030").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("GBK").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("gb2312").value(), Encoding::kGb18030);
  EXPECT_EQ(ParseEncodingName("auto").value(), Encoding::kAuto);
  const auto bad = ParseEncodingName("latin1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "unknown_encoding_name");
  EXPECT_EQ(EncodingName(Encoding::kGb18030), "gb18030");
}

TEST(EncodingTest, DetectsUtf8WithAndWithoutBom) {
  EXPECT_EQ(DetectSampleEncoding("户编号,户主\n", true).value(), Encoding::kUtf8);
  EXPECT_EQ(DetectSampleEncoding("\xEF\xBB\xBF户编号\n", true).value(), Encoding::kUtf8);
  EXPECT_EQ(DetectSampleEncoding("household_id\n", true).value(), Encoding::kUtf8);
  EXPECT_EQ(DetectSampleEncoding("", true).value(), Encoding::kUtf8);
}

TEST(EncodingTest, DetectsGb18030IncludingFourByteCharacters) {
  EXPECT_EQ(DetectSampleEncoding(ToGb18030("户编号,户主姓名\n张三,䶮\n"), true).value(),
            Encoding::kGb18030);
  EXPECT_EQ(DetectSampleEncoding(ToGb18030("𠀀㐀\n"), true).value(), Encoding::kGb18030);
}

TEST(EncodingTest, AcceptsACharacterCutByTheEndOfTheWindowUnlessAtTheEnd) {
  const std::string utf8 = "中文";
  EXPECT_EQ(DetectSampleEncoding(utf8.substr(0, 4), false).value(), Encoding::kUtf8);
  const std::string gb = ToGb18030("中文𠀀");  // 2 + 2 + 4 bytes
  EXPECT_EQ(DetectSampleEncoding(gb.substr(0, 6), false).value(), Encoding::kGb18030);
  EXPECT_EQ(DetectSampleEncoding(gb.substr(0, 6), true).status().reason(), "unknown_encoding");
}

TEST(EncodingTest, RefusesGarbageBinaryAndUtf16) {
  std::mt19937 random(42);
  std::string garbage(4096, '\0');
  for (char& c : garbage) c = static_cast<char>(random() % 256);
  const auto result = DetectSampleEncoding(garbage, true);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().reason(), "unknown_encoding");
  EXPECT_EQ(result.status().message(), "无法识别文件编码，请另存为 UTF-8 或使用 --encoding");

  EXPECT_EQ(DetectSampleEncoding(std::string("a\0b", 3), true).status().reason(),
            "unknown_encoding");
  EXPECT_EQ(DetectSampleEncoding("\xFF\xFE"
                                 "a\0",
                                 true)
                .status()
                .reason(),
            "unknown_encoding");
  // High bytes that are neither: 0x80 and 0xFF cannot start a GB18030 character.
  EXPECT_EQ(DetectSampleEncoding("abc\x80\xFF", true).status().reason(), "unknown_encoding");
}

TEST(EncodingTest, LooksPastALongAsciiPrefix) {
  // The first non-ASCII byte comes after more than one detection window of ASCII.
  std::string text(200 * 1024, 'a');
  text += '\n';
  text += ToGb18030("张三\n");
  std::stringbuf buf(text);
  EXPECT_EQ(DetectEncoding(buf).value(), Encoding::kGb18030);

  std::stringbuf ascii_only(std::string(100 * 1024, 'x'));
  EXPECT_EQ(DetectEncoding(ascii_only).value(), Encoding::kUtf8);
}

}  // namespace
}  // namespace sunlight::ledger
