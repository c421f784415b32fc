// Mint (see identity.h).
#include "demo_data/identity.h"

#include <cassert>
#include <cstdio>

#include "core/bank_account.h"
#include "core/id_number.h"
#include "core/uscc.h"
#include "demo_data/random.h"

namespace sunlight::demo {
namespace {

// Days from 1900-01-01 to 2200-12-31, the range core's dates accept.
constexpr int kFirstDay = -25567;  // 1900-01-01 relative to 1970-01-01
constexpr int kDayCount = 110000;

// `counter` scrambled into [0, 10^digits): multiplication by a number coprime to 10 is a
// bijection modulo 10^digits.
uint64_t Scramble(uint64_t counter, int digits) {
  uint64_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  constexpr uint64_t kMultiplier = 6364136223846793ULL;  // odd, not a multiple of 5
  return static_cast<uint64_t>(
      (static_cast<UInt128>(counter % modulus) * kMultiplier + 0x9E3779B9ULL) % modulus);
}

std::string Digits(uint64_t value, int width) {
  std::string text(static_cast<size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    text[static_cast<size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return text;
}

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
// Plates avoid I and O (GA 36).
constexpr std::string_view kPlateAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

}  // namespace

std::string Mint::IdNumber(std::string_view prefix6, Date& birth, bool male) {
  assert(prefix6.size() == 6);
  auto it = id_counters_.find(prefix6);
  if (it == id_counters_.end()) {
    it = id_counters_.emplace(std::string(prefix6), std::vector<uint16_t>(2 * kDayCount, 0)).first;
  }
  std::vector<uint16_t>& counters = it->second;
  // 500 odd codes (001–999) for men, 499 even ones (002–998) for women.
  const int capacity = male ? 500 : 499;
  while (true) {
    const int day = birth.days_since_epoch() - kFirstDay;
    assert(day >= 0 && day < kDayCount);
    uint16_t& used = counters[2 * static_cast<size_t>(day) + (male ? 0 : 1)];
    if (used < capacity) {
      // Walk the codes in a scrambled order (37 is coprime to 500 and 499) so that the
      // first person of a day is not always 001.
      const int start = (day * 131 + prefix6.back() * 17) % capacity;
      const int k = (start + used * 37) % capacity;
      ++used;
      const int sequence = male ? 2 * k + 1 : 2 * k + 2;
      std::string id(prefix6);
      const std::string ymd = birth.ToString();  // "YYYY-MM-DD"
      id.append(ymd, 0, 4).append(ymd, 5, 2).append(ymd, 8, 2);
      id += Digits(static_cast<uint64_t>(sequence), 3);
      id.push_back(sunlight::IdNumber::CheckDigit(id));
      return id;
    }
    birth = birth.AddDays(1);
  }
}

std::string Mint::CardNumber(std::string_view bin6) {
  uint64_t& counter = card_counters_[std::string(bin6)];
  std::string card(bin6);
  card += Digits(Scramble(counter++, 12), 12);
  card.push_back(LuhnCheckDigit(card));
  return card;
}

std::string Mint::InventedCardNumber(std::string_view bin6, int length) {
  assert(length >= 16 && length <= 19);
  uint64_t& counter = card_counters_[std::string(bin6)];
  std::string card(bin6);
  card += Digits(Scramble(counter++, 12), 12).substr(0, static_cast<size_t>(length) - 7);
  const char valid = LuhnCheckDigit(card);
  card.push_back(static_cast<char>('0' + (valid - '0' + 3) % 10));  // any digit but the valid one
  return card;
}

std::string Mint::PassbookNumber(std::string_view branch4) {
  std::string number(branch4);
  number += Digits(Scramble(passbook_counter_++, 16), 16);
  // A passbook number is not a card: make sure it does not pass Luhn by accident either, so
  // that it is a clean "not a card, so no Luhn" near miss for rule A03.
  if (LuhnValid(number)) number.back() = static_cast<char>('0' + (number.back() - '0' + 1) % 10);
  return number;
}

std::string Mint::CorporateAccount(std::string_view branch4) {
  std::string number(branch4);
  number += Digits(Scramble(corporate_counter_++ + 500000, 11), 11);
  return number;
}

std::string Mint::Uscc(char type, std::string_view region6) {
  std::string code = "9";
  code.push_back(type);
  code += region6;
  code += "MA";
  uint64_t value = Scramble(uscc_counter_++, 10);
  for (int i = 0; i < 7; ++i) {
    code.push_back(kUsccAlphabet[value % kUsccAlphabet.size()]);
    value /= kUsccAlphabet.size();
  }
  StatusOr<char> check = sunlight::Uscc::CheckCharacter(code);
  assert(check.ok());
  code.push_back(check.value_or('0'));
  return code;
}

std::string Mint::Plate(std::string_view prefix) {
  // A letter, a letter or digit, three digits ("贵F·K7305" without the dot): 24 × 34 × 1000
  // plates per prefix, taken in a scrambled order (7919 is coprime to 816 000).
  constexpr uint64_t kPlates = 24 * 34 * 1000;
  uint64_t value = (plate_counter_++ % kPlates) * 7919 % kPlates;
  std::string plate(prefix);
  plate.push_back(kPlateAlphabet[10 + value % 24]);
  value /= 24;
  plate.push_back(kPlateAlphabet[value % 34]);
  value /= 34;
  plate += Digits(value, 3);
  return plate;
}

std::string Mint::PropertyCertificate(std::string_view province_abbr, int year,
                                      std::string_view county_name) {
  char number[16];
  std::snprintf(number, sizeof(number), "%07llu",
                static_cast<unsigned long long>(Scramble(certificate_counter_++, 7)));
  std::string text(province_abbr);
  text += "(" + std::to_string(year) + ")";
  text += county_name;
  text += "不动产权第";
  text += number;
  text += "号";
  return text;
}

}  // namespace sunlight::demo
