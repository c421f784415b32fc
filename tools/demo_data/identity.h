// Mint: unique identifiers for the demo dataset — ID numbers, bank cards, USCCs, plates,
// property certificates — each valid by core's rules (check digits come from core).
//
// Uniqueness is by construction, not by luck: a 400 000-household dataset has over a
// million people in twenty-odd counties, and random ID numbers would collide (the same
// number in two households is rule A12's finding, so a collision would be a false
// anomaly). ID numbers are drawn per (address code, birth date) from a counter walked in a
// scrambled order; card numbers and codes come from counters multiplied by a constant that
// is invertible modulo the number space, so they look random yet never repeat.
//
// Not safe for concurrent use.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace sunlight::demo {

class Mint {
 public:
  // A new 18-character ID number: `prefix6` (a 6-digit address code), the birth date, a
  // sequence code odd for men and even for women, and core's check digit. If the day's
  // sequence codes are used up, the next free day is taken and `birth` is moved to it.
  std::string IdNumber(std::string_view prefix6, Date& birth, bool male);

  // A 19-digit bank card number with issuer `bin6` and a valid Luhn digit.
  std::string CardNumber(std::string_view bin6);
  // A card number of `length` digits (16–19) whose last digit fails the Luhn check: what a
  // person invents when the system wants a card number.
  std::string InventedCardNumber(std::string_view bin6, int length);
  // A 20-digit passbook (存折) account number; Luhn does not apply.
  std::string PassbookNumber(std::string_view branch4);
  // A 15-digit corporate account number (对公账户): not of card length, so Luhn does not
  // apply and rule A03 has nothing to say about it.
  std::string CorporateAccount(std::string_view branch4);

  // A unified social credit code: authority '9' (market regulation), `type` ('1' company,
  // '3' farmers' cooperative), the 6-digit `region6`, an organisation code "MA" + 7
  // characters, and core's check character.
  std::string Uscc(char type, std::string_view region6);

  // A licence plate: `prefix` ("贵F") + 5 characters.
  std::string Plate(std::string_view prefix);
  // A real-estate certificate number: "黔(2019)威宁县不动产权第0001234号".
  std::string PropertyCertificate(std::string_view province_abbr, int year,
                                  std::string_view county_name);

 private:
  // Per address code: per day since 1900-01-01, [male, female] codes used.
  std::map<std::string, std::vector<uint16_t>, std::less<>> id_counters_;
  std::map<std::string, uint64_t, std::less<>> card_counters_;
  uint64_t passbook_counter_ = 0;
  uint64_t corporate_counter_ = 0;
  uint64_t uscc_counter_ = 0;
  uint64_t plate_counter_ = 0;
  uint64_t certificate_counter_ = 0;
};

}  // namespace sunlight::demo
