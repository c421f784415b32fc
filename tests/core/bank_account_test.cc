// Tests for BankAccount and the Luhn functions: separators, lengths, card lengths, masking,
// and that a failed Luhn check never rejects a number.
#include "core/bank_account.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace sunlight {
namespace {

std::string ParseReason(std::string_view text) {
  StatusOr<BankAccount> account = BankAccount::Parse(text);
  return account.ok() ? "ok" : std::string(account.status().reason());
}

TEST(LuhnTest, CheckDigits) {
  EXPECT_EQ(LuhnCheckDigit("7992739871"), '3');  // the textbook example 79927398713
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_EQ(LuhnCheckDigit("622200000000000000"), '4');
  EXPECT_EQ(LuhnCheckDigit("622848001234567"), '1');
  EXPECT_EQ(LuhnCheckDigit("453201511283036"), '6');
  EXPECT_EQ(LuhnCheckDigit(""), '0');
  EXPECT_FALSE(LuhnValid(""));
  EXPECT_FALSE(LuhnValid("0"));
  EXPECT_TRUE(LuhnValid("00"));
  EXPECT_FALSE(LuhnValid("7992739871a"));
}

TEST(LuhnTest, AppendingTheCheckDigitAlwaysValidates) {
  std::string payload = "6";
  for (int length = 1; length < 31; ++length) {
    payload += static_cast<char>('0' + (length * 7) % 10);
    EXPECT_TRUE(LuhnValid(payload + LuhnCheckDigit(payload))) << payload;
  }
}

TEST(BankAccountTest, NineteenDigitCard) {
  // 6222 0000 0000 0000 00 + computed check digit 4.
  StatusOr<BankAccount> card = BankAccount::Parse("6222 0000 0000 0000 004");
  ASSERT_TRUE(card.ok()) << card.status();
  EXPECT_EQ(card->digits(), "6222000000000000004");
  EXPECT_TRUE(card->IsCardLength());
  EXPECT_TRUE(card->LuhnValid());
  EXPECT_EQ(card->Masked(), "622200*********0004");
}

TEST(BankAccountTest, SixteenDigitCard) {
  StatusOr<BankAccount> card = BankAccount::Parse("6228-4800-1234-5671");
  ASSERT_TRUE(card.ok()) << card.status();
  EXPECT_EQ(card->digits(), "6228480012345671");
  EXPECT_TRUE(card->IsCardLength());
  EXPECT_TRUE(card->LuhnValid());
  EXPECT_EQ(card->Masked(), "622848******5671");
}

TEST(BankAccountTest, InvalidLuhnStillParses) {
  StatusOr<BankAccount> card = BankAccount::Parse("6222000000000000005");
  ASSERT_TRUE(card.ok()) << card.status();
  EXPECT_TRUE(card->IsCardLength());
  EXPECT_FALSE(card->LuhnValid());
}

TEST(BankAccountTest, SeparatorsRemoved) {
  EXPECT_EQ(BankAccount::Parse(" 6222\u30000000\u00A00000-0000 004\t").value().digits(),
            "6222000000000000004");
}

TEST(BankAccountTest, Lengths) {
  EXPECT_EQ(ParseReason("1234567"), "account_length");
  EXPECT_EQ(ParseReason("12345678"), "ok");
  EXPECT_EQ(ParseReason(std::string(32, '9')), "ok");
  EXPECT_EQ(ParseReason(std::string(33, '9')), "account_length");
  EXPECT_EQ(ParseReason(""), "account_length");
  EXPECT_EQ(ParseReason(" - "), "account_length");
  EXPECT_FALSE(BankAccount::Parse("123456789012345").value().IsCardLength());
  EXPECT_TRUE(BankAccount::Parse("1234567890123456").value().IsCardLength());
  EXPECT_TRUE(BankAccount::Parse("1234567890123456789").value().IsCardLength());
  EXPECT_FALSE(BankAccount::Parse("12345678901234567890").value().IsCardLength());
}

TEST(BankAccountTest, NotDigits) {
  EXPECT_EQ(ParseReason("6222A00000000000004"), "account_not_digits");
  EXPECT_EQ(ParseReason("６２２２000000000000004"), "account_not_digits");  // full-width
  EXPECT_EQ(ParseReason("6222.0000.0000"), "account_not_digits");
  EXPECT_EQ(ParseReason("账号6222000000000000004"), "account_not_digits");
}

TEST(BankAccountTest, MaskingShortAccounts) {
  EXPECT_EQ(BankAccount::Parse("12345678").value().Masked(), "12****78");
  EXPECT_EQ(BankAccount::Parse("1234567890123").value().Masked(), "12*********23");
  EXPECT_EQ(BankAccount::Parse("12345678901234").value().Masked(), "123456****1234");
  std::ostringstream os;
  os << BankAccount::Parse("6222000000000000004").value();
  EXPECT_EQ(os.str(), "622200*********0004");
}

TEST(BankAccountTest, Equality) {
  EXPECT_EQ(BankAccount::Parse("6222 0000 0000 0000 004").value(),
            BankAccount::Parse("6222000000000000004").value());
}

}  // namespace
}  // namespace sunlight
