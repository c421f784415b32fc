#include "ledger/xlsx_styles.h"

#include <gtest/gtest.h>

#include "ledger_test_util.h"

namespace sunlight::ledger {
namespace {

TEST(XlsxStylesTest, RecognizesDateFormatCodes) {
  for (const char* code :
       {"yyyy/m/d", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "d-mmm-yy", "[$-804]yyyy年m月d日",
        "h:mm:ss", "[h]:mm", "mm:ss.0", "[$-F800]dddd, mmmm dd, yyyy", "YYYY/MM/DD;@"}) {
    EXPECT_TRUE(IsDateFormatCode(code)) << code;
  }
}

TEST(XlsxStylesTest, RecognizesNumberFormatCodes) {
  for (const char* code :
       {"General", "0", "0.00", "#,##0.00", "0.00%", "0.00E+00", "@",
        "#,##0.00_);[Red]\\(#,##0.00\\)", "\"¥\"#,##0.00", "[$¥-804]#,##0.00", "0\" days\"", "\\d0",
        "[Red]0.00", "#,##0;-#,##0;\"-\"", "_-* #,##0_-", ""}) {
    EXPECT_FALSE(IsDateFormatCode(code)) << code;
  }
}

TEST(XlsxStylesTest, KnowsBuiltInDateFormats) {
  for (int id : {14, 15, 17, 22, 27, 31, 36, 45, 47, 50, 57, 58}) {
    EXPECT_TRUE(IsBuiltInDateFormat(id)) << id;
  }
  for (int id : {0, 1, 2, 4, 9, 10, 11, 12, 13, 23, 37, 44, 48, 49, 59, 164}) {
    EXPECT_FALSE(IsBuiltInDateFormat(id)) << id;
  }
}

TEST(XlsxStylesTest, MapsCellStylesToDates) {
  // xf 0 General, 1 built-in date 14, 2 custom date 164, 3 custom number 165, 4 money 4.
  auto styles = ParseDateStyles(
      testing::TestStyles({0, 14, 164, 165, 4}, {{164, "yyyy\"年\"m\"月\""}, {165, "0.000"}}));
  ASSERT_TRUE(styles.ok()) << styles.status();
  EXPECT_FALSE(styles->IsDate(0));
  EXPECT_TRUE(styles->IsDate(1));
  EXPECT_TRUE(styles->IsDate(2));
  EXPECT_FALSE(styles->IsDate(3));
  EXPECT_FALSE(styles->IsDate(4));
  EXPECT_FALSE(styles->IsDate(99));
}

TEST(XlsxStylesTest, CustomCodeOverridesABuiltInId) {
  auto styles = ParseDateStyles(testing::TestStyles({14}, {{14, "0.00"}}));
  ASSERT_TRUE(styles.ok());
  EXPECT_FALSE(styles->IsDate(0));
}

TEST(XlsxStylesTest, MalformedXmlIsAnError) {
  EXPECT_EQ(ParseDateStyles("<styleSheet><cellXfs>").status().reason(), "xlsx_bad_xml");
}

}  // namespace
}  // namespace sunlight::ledger
