#include "ledger/xlsx_cell_text.h"

#include <gtest/gtest.h>

namespace sunlight::ledger {
namespace {

std::string Number(std::string_view value) {
  auto text = NumberCellText(value);
  return text.ok() ? *text : "error:" + std::string(text.status().reason());
}

std::string Date(double serial, bool date1904 = false) {
  auto text = DateCellText(serial, date1904);
  return text.ok() ? *text : "error:" + std::string(text.status().reason());
}

TEST(XlsxCellTextTest, NumbersAsShortestPlainDecimals) {
  EXPECT_EQ(Number("1234.5"), "1234.5");
  EXPECT_EQ(Number("1234.50"), "1234.5");
  EXPECT_EQ(Number("43831"), "43831");
  EXPECT_EQ(Number("43831.0"), "43831");
  EXPECT_EQ(Number("-12.25"), "-12.25");
  EXPECT_EQ(Number("0"), "0");
  EXPECT_EQ(Number("-0"), "0");
  EXPECT_EQ(Number("1E-3"), "0.001");
  EXPECT_EQ(Number("1.5E+3"), "1500");
  EXPECT_EQ(Number("2.5e-7"), "0.00000025");
  EXPECT_EQ(Number("1E+20"), "100000000000000000000");
}

TEST(XlsxCellTextTest, FormulaNoiseIsRoundedTo15SignificantDigits) {
  EXPECT_EQ(Number("0.30000000000000004"), "0.3");
  EXPECT_EQ(Number("1234.5600000000002"), "1234.56");
  EXPECT_EQ(Number("99.999999999999986"), "100");
  EXPECT_EQ(Number("0.1234567890123456"), "0.123456789012346");
}

TEST(XlsxCellTextTest, IntegerLiteralsKeepEveryDigit) {
  EXPECT_EQ(Number("6222021234567890123"), "6222021234567890123");
  EXPECT_EQ(Number("007"), "7");
  EXPECT_EQ(Number(" 42 "), "42");
}

TEST(XlsxCellTextTest, NotANumberIsAnError) {
  EXPECT_EQ(Number("abc"), "error:xlsx_bad_number");
  EXPECT_EQ(Number(""), "error:xlsx_bad_number");
  EXPECT_EQ(Number("1.5x"), "error:xlsx_bad_number");
  EXPECT_EQ(Number("inf"), "error:xlsx_bad_number");
}

TEST(XlsxCellTextTest, DatesFromSerials) {
  EXPECT_EQ(Date(1), "1900-01-01");
  EXPECT_EQ(Date(59), "1900-02-28");
  EXPECT_EQ(Date(60), "error:bad_date");  // Excel's 1900-02-29
  EXPECT_EQ(Date(61), "1900-03-01");
  EXPECT_EQ(Date(25569), "1970-01-01");
  EXPECT_EQ(Date(43831), "2020-01-01");
  EXPECT_EQ(Date(44986), "2023-03-01");
  EXPECT_EQ(Date(45351), "2024-02-29");
  EXPECT_EQ(Date(73415), "2100-12-31");
  EXPECT_EQ(Date(2958465), "error:date_out_of_range") << "core's Date stops at 2200";
  EXPECT_EQ(Date(0), "error:bad_xlsx_serial");
  EXPECT_EQ(Date(-5), "error:bad_xlsx_serial");
}

TEST(XlsxCellTextTest, DatesWithTimeOfDay) {
  EXPECT_EQ(Date(43831.5), "2020-01-01 12:00:00");
  EXPECT_EQ(Date(43831.75 + 1.0 / 86400), "2020-01-01 18:00:01");
  EXPECT_EQ(Date(43831.9999999), "2020-01-02") << "rounds to the second, then to the next day";
}

TEST(XlsxCellTextTest, Dates1904) {
  EXPECT_EQ(Date(1, true), "1904-01-02");
  EXPECT_EQ(Date(42369, true), "2020-01-01");
}

TEST(XlsxCellTextTest, DecodesOoxmlEscapes) {
  EXPECT_EQ(DecodeOoxmlEscapes("a_x000D_b"), "a\rb");
  EXPECT_EQ(DecodeOoxmlEscapes("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(DecodeOoxmlEscapes("_x4E2D_"), "中");
  EXPECT_EQ(DecodeOoxmlEscapes("snake_case_x"), "snake_case_x");
  EXPECT_EQ(DecodeOoxmlEscapes("_xZZZZ_"), "_xZZZZ_");
}

}  // namespace
}  // namespace sunlight::ledger
