// Tests for IdNumber: GB 11643-1999 check characters (including x/X), birth dates, region
// prefixes, accessors and masking.
#include "core/id_number.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace sunlight {
namespace {

const Date kToday = Date::FromYmd(2024, 6, 1).value();

std::string ParseReason(std::string_view text) {
  StatusOr<IdNumber> id = IdNumber::Parse(text, kToday);
  return id.ok() ? "ok" : std::string(id.status().reason());
}

// A valid number from a 17-digit payload.
std::string WithCheck(const std::string& first17) {
  return first17 + IdNumber::CheckDigit(first17);
}

TEST(IdNumberTest, CheckDigit) {
  // The example of GB 11643-1999.
  EXPECT_EQ(IdNumber::CheckDigit("11010519491231002"), 'X');
  EXPECT_EQ(IdNumber::CheckDigit("52052119900307123"), '7');
  EXPECT_EQ(IdNumber::CheckDigit("44010619850101001"), '5');
  EXPECT_EQ(IdNumber::CheckDigit("35052719800101001"), '0');
}

TEST(IdNumberTest, ParsesStandardExample) {
  StatusOr<IdNumber> id = IdNumber::Parse("11010519491231002X", kToday);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(id->str(), "11010519491231002X");
  EXPECT_EQ(id->region_prefix(), "110105");
  EXPECT_EQ(id->birth_date(), Date::FromYmd(1949, 12, 31).value());
  EXPECT_FALSE(id->is_male());  // sequence 002 is even
  EXPECT_EQ(id->Masked(), "110105********002X");
  EXPECT_EQ(id->AgeOn(kToday), 74);
}

TEST(IdNumberTest, LowerCaseXIsStoredUpperCase) {
  StatusOr<IdNumber> id = IdNumber::Parse(" 11010519491231002x ", kToday);
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(id->str(), "11010519491231002X");
  EXPECT_EQ(id.value(), IdNumber::Parse("11010519491231002X", kToday).value());
}

TEST(IdNumberTest, MaleAndFemale) {
  EXPECT_TRUE(IdNumber::Parse("520521199003071237", kToday)->is_male());  // 123: odd
  EXPECT_FALSE(IdNumber::Parse(WithCheck("52052119900307122"), kToday)->is_male());
}

TEST(IdNumberTest, BadCheckDigit) {
  EXPECT_EQ(ParseReason("110105194912310021"), "bad_check_digit");
  EXPECT_EQ(ParseReason("520521199003071238"), "bad_check_digit");
  EXPECT_EQ(ParseReason("52052119900307123X"), "bad_check_digit");
  // A transposition of two digits is caught.
  EXPECT_EQ(ParseReason("520521199030071237"), "bad_check_digit");
  StatusOr<IdNumber> id = IdNumber::Parse("520521199003071238", kToday);
  // The message must not reveal the number.
  EXPECT_EQ(id.status().message().find("520521199003071238"), std::string::npos);
  EXPECT_NE(id.status().message().find("520521********1238"), std::string::npos);
}

TEST(IdNumberTest, Length) {
  EXPECT_EQ(ParseReason(""), "id_length");
  EXPECT_EQ(ParseReason("52052119900307123"), "id_length");
  EXPECT_EQ(ParseReason("5205211990030712377"), "id_length");
  EXPECT_EQ(ParseReason("520521900307123"), "id_length");  // 15-digit first generation
}

TEST(IdNumberTest, NotDigits) {
  EXPECT_EQ(ParseReason("5205211990030712A7"), "id_not_digits");
  EXPECT_EQ(ParseReason("X20521199003071237"), "id_not_digits");
  EXPECT_EQ(ParseReason("52052119900307123Y"), "id_not_digits");
  EXPECT_EQ(ParseReason("520521 99003071237"), "id_not_digits");
  EXPECT_EQ(ParseReason("５２０５２１199003071237"), "id_not_digits");  // full-width
}

TEST(IdNumberTest, BirthDate) {
  EXPECT_EQ(ParseReason(WithCheck("52052119900230123")), "bad_birth_date");  // Feb 30
  EXPECT_EQ(ParseReason(WithCheck("52052119900001123")), "bad_birth_date");  // month 0
  EXPECT_EQ(ParseReason(WithCheck("52052119901301123")), "bad_birth_date");
  EXPECT_EQ(ParseReason(WithCheck("52052120230229123")), "bad_birth_date");  // not leap
  EXPECT_EQ(ParseReason(WithCheck("52052120240229123")), "ok");              // leap
  EXPECT_EQ(ParseReason(WithCheck("52052119000229123")), "bad_birth_date");  // 1900 not leap
  EXPECT_EQ(ParseReason(WithCheck("52052118991231123")), "bad_birth_date");  // before 1900
  EXPECT_EQ(ParseReason(WithCheck("52052119000101123")), "ok");
  EXPECT_EQ(ParseReason(WithCheck("52052120240601123")), "ok");              // born today
  EXPECT_EQ(ParseReason(WithCheck("52052120240602123")), "bad_birth_date");  // tomorrow
  // Against the real clock: a birth date far in the future is rejected.
  EXPECT_EQ(IdNumber::Parse(WithCheck("52052121990101123")).status().reason(), "bad_birth_date");
  EXPECT_TRUE(IdNumber::Parse("11010519491231002X").ok());
}

TEST(IdNumberTest, RegionPrefix) {
  for (const char* province :
       {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"}) {
    EXPECT_EQ(ParseReason(WithCheck(std::string(province) + "0521199003071" + "23")), "ok")
        << province;
  }
  for (const char* province : {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55",
                               "60", "66", "70", "72", "80", "83", "99"}) {
    EXPECT_EQ(ParseReason(WithCheck(std::string(province) + "052119900307123")),
              "bad_region_prefix")
        << province;
  }
  // Abolished county codes stay valid: 522422 was 大方县 before 毕节 became a city (2011).
  EXPECT_EQ(ParseReason(WithCheck("52242219900307123")), "ok");
}

TEST(IdNumberTest, AgeOn) {
  const IdNumber id = IdNumber::Parse(WithCheck("52052120000229123"), kToday).value();
  EXPECT_EQ(id.AgeOn(Date::FromYmd(2001, 2, 28).value()), 0);
  EXPECT_EQ(id.AgeOn(Date::FromYmd(2001, 3, 1).value()), 1);
  EXPECT_EQ(id.AgeOn(Date::FromYmd(2024, 2, 29).value()), 24);
  EXPECT_EQ(id.AgeOn(Date::FromYmd(2024, 2, 28).value()), 23);
}

TEST(IdNumberTest, StreamsMasked) {
  std::ostringstream os;
  os << IdNumber::Parse("11010519491231002X", kToday).value();
  EXPECT_EQ(os.str(), "110105********002X");
}

}  // namespace
}  // namespace sunlight
