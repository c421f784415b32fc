// Tests for text normalisation (trim, half-width, Traditional→Simplified, names, UTF-8) and
// for MaskName.
#include "core/text.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "core/masking.h"

namespace sunlight {
namespace {

TEST(TrimSpaceTest, AsciiIdeographicAndNoBreakSpaces) {
  EXPECT_EQ(TrimSpace("  abc \t\r\n"), "abc");
  EXPECT_EQ(TrimSpace("\u3000张三\u3000"), "张三");
  EXPECT_EQ(TrimSpace("\u00A0 李四\u00A0"), "李四");
  EXPECT_EQ(TrimSpace("a b"), "a b");  // inner spaces stay
  EXPECT_EQ(TrimSpace("张\u3000三"), "张\u3000三");
  EXPECT_EQ(TrimSpace(""), "");
  EXPECT_EQ(TrimSpace(" \u3000 "), "");
}

TEST(TrimSpaceTest, TheViewIsIntoTheText) {
  const std::string cell = "\u3000 张三 ";
  std::string_view trimmed = TrimSpaceView(cell);
  EXPECT_EQ(trimmed, "张三");
  EXPECT_EQ(trimmed.data(), cell.data() + 4);  // U+3000 is three bytes, then the space
  EXPECT_EQ(TrimSpaceView(" \u3000 "), "");
  EXPECT_EQ(TrimSpaceView("a b"), "a b");
}

TEST(ToHalfWidthTest, FullWidthAsciiAndSpace) {
  EXPECT_EQ(ToHalfWidth("ＡＢＣｘｙｚ１２３"), "ABCxyz123");
  EXPECT_EQ(ToHalfWidth("！～"), "!~");  // both ends of U+FF01..U+FF5E
  EXPECT_EQ(ToHalfWidth("（１）"), "(1)");
  EXPECT_EQ(ToHalfWidth("张\u3000三"), "张 三");
  EXPECT_EQ(ToHalfWidth("￥１２"), "￥12");  // U+FFE5 is outside the range: kept
  EXPECT_EQ(ToHalfWidth("｟"), "｟");        // U+FF5F: kept
  EXPECT_EQ(ToHalfWidth("张三"), "张三");
  EXPECT_EQ(ToHalfWidth("\xEF\xBC"), "\xEF\xBC");  // truncated bytes pass through
}

TEST(TraditionalToSimplifiedTest, Converts) {
  StatusOr<std::string> s = TraditionalToSimplified("臺灣");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(*s, "台湾");
  EXPECT_EQ(TraditionalToSimplified("張三豐").value(), "张三丰");
  EXPECT_EQ(TraditionalToSimplified("扶貧資金").value(), "扶贫资金");
  EXPECT_EQ(TraditionalToSimplified("张三").value(), "张三");  // already simplified
  EXPECT_EQ(TraditionalToSimplified("abc 123").value(), "abc 123");
  EXPECT_EQ(TraditionalToSimplified("").value(), "");
}

TEST(TraditionalToSimplifiedTest, RejectsInvalidUtf8) {
  StatusOr<std::string> s = TraditionalToSimplified("\xD5\xC5");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().reason(), "invalid_utf8");
}

TEST(TraditionalToSimplifiedTest, ConcurrentUse) {
  std::vector<std::thread> threads;
  std::vector<int> good(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&good, t] {
      for (int i = 0; i < 200; ++i) {
        StatusOr<std::string> s = TraditionalToSimplified("張三豐住在臺灣");
        if (s.ok() && *s == "张三丰住在台湾") ++good[t];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(good, (std::vector<int>{200, 200, 200, 200}));
}

TEST(NormalizeNameTest, TrimHalfWidthSimplifyCollapse) {
  EXPECT_EQ(NormalizeName("　張三豐 "), "张三丰");
  EXPECT_EQ(NormalizeName("  Ｗａｎｇ   Ｌｅｉ "), "Wang Lei");
  EXPECT_EQ(NormalizeName("阿卜杜\u3000\u3000拉"), "阿卜杜 拉");
  EXPECT_EQ(NormalizeName("李四"), "李四");
  EXPECT_EQ(NormalizeName(""), "");
  // Not UTF-8: the T→S step is skipped, the rest applies.
  EXPECT_EQ(NormalizeName("  \xD5\xC5  a"), "\xD5\xC5 a");
}

TEST(IsValidUtf8Test, AcceptsWellFormed) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("abc"));
  EXPECT_TRUE(IsValidUtf8("张三丰"));
  EXPECT_TRUE(IsValidUtf8("\xF0\xA0\x80\x80"));  // U+20000
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_TRUE(IsValidUtf8("\xEF\xBB\xBF"));      // a BOM is a character
}

TEST(IsValidUtf8Test, RejectsMalformed) {
  EXPECT_FALSE(IsValidUtf8("\xD5\xC5"));  // GBK 张
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xE5\xBC"));  // truncated
  EXPECT_FALSE(IsValidUtf8("a\xFF"));
}

TEST(SplitUtf8CharsTest, SplitsByCodePoint) {
  EXPECT_EQ(SplitUtf8Chars("a张\xF0\xA0\x80\x80"),
            (std::vector<std::string_view>{"a", "张", "\xF0\xA0\x80\x80"}));
  EXPECT_EQ(SplitUtf8Chars("\xFF张"), (std::vector<std::string_view>{"\xFF", "张"}));
  EXPECT_TRUE(SplitUtf8Chars("").empty());
}

TEST(MaskNameTest, KeepsFirstAndLast) {
  EXPECT_EQ(MaskName("张三明"), "张*明");
  EXPECT_EQ(MaskName("张三"), "张*");
  EXPECT_EQ(MaskName("张"), "张");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧**娜");
  EXPECT_EQ(MaskName("买买提·艾力"), "买****力");
  EXPECT_EQ(MaskName(" 张三明\u3000"), "张*明");
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskName("Li"), "L*");
}

}  // namespace
}  // namespace sunlight
