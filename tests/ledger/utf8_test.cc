#include "ledger/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace sunlight::ledger {
namespace {

TEST(Utf8Test, AcceptsAsciiChineseAndSupplementaryPlane) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("household_id,户主"));
  EXPECT_TRUE(IsValidUtf8("\xF0\xA0\x80\x80"));  // U+20000 𠀀
  EXPECT_TRUE(
      IsValidUtf8("\xEF\xBB\xBF"
                  "abc"));  // BOM is a character like any other
}

TEST(Utf8Test, RejectsOverlongSurrogatesAndOutOfRange) {
  const std::string bad[] = {
      std::string("\xC0\x80", 2),  // overlong NUL
      "\xE0\x80\xAF",              // overlong '/'
      "\xED\xA0\x80",              // surrogate U+D800
      "\xF4\x90\x80\x80",          // above U+10FFFF
      "\xF5\x80\x80\x80",          // invalid lead
      "\x80",                      // lone continuation
      "\xE4\xB8"
      "a",  // continuation missing
  };
  for (const std::string& bytes : bad) {
    EXPECT_EQ(ScanUtf8("ok" + bytes).result, Utf8Result::kInvalid) << testing::PrintToString(bytes);
    EXPECT_EQ(ScanUtf8("ok" + bytes).valid_length, 2u);
  }
}

TEST(Utf8Test, ReportsSequenceCutAtTheEndAsIncomplete) {
  const Utf8Scan scan = ScanUtf8("ab\xE4\xB8");  // 中 is E4 B8 AD
  EXPECT_EQ(scan.result, Utf8Result::kIncomplete);
  EXPECT_EQ(scan.valid_length, 2u);
}

TEST(Utf8Test, AppendsEveryLength) {
  std::string out;
  AppendUtf8(U'A', out);
  AppendUtf8(U'é', out);
  AppendUtf8(U'中', out);
  AppendUtf8(U'\U00020000', out);
  EXPECT_EQ(out, "Aé中𠀀");
}

}  // namespace
}  // namespace sunlight::ledger
