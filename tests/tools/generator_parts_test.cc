// Unit tests of the generator's parts: the random source, the identifier mint, names and
// region tables.
#include <gtest/gtest.h>

#include <set>

#include "core/bank_account.h"
#include "core/id_number.h"
#include "core/uscc.h"
#include "demo_data/geography.h"
#include "demo_data/identity.h"
#include "demo_data/names.h"
#include "demo_data/random.h"
#include "demo_data/schema.h"

namespace sunlight::demo {
namespace {

TEST(RngTest, SameSeedSameSequenceAndForksIndependent) {
  Rng a(7), b(7), c(8);
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    EXPECT_NE(x, c.Next());
  }
  for (int i = 0; i < 1000; ++i) {
    const int64_t v = a.Uniform(-3, 3);
    EXPECT_GE(v, -3);
    EXPECT_LE(v, 3);
  }
  // A fork does not depend on how far its parent has run since.
  Rng parent(9);
  Rng fork1 = parent.Fork(1);
  Rng same(9);
  Rng fork2 = same.Fork(1);
  EXPECT_EQ(fork1.Next(), fork2.Next());
}

TEST(MintTest, IdNumbersAreValidUniqueAndSexed) {
  Mint mint;
  std::set<std::string> seen;
  const Date birthday = Date::FromYmd(1980, 5, 17).value();
  for (int i = 0; i < 1200; ++i) {
    Date birth = birthday;
    const bool male = i % 2 == 0;
    const std::string id = mint.IdNumber("520526", birth, male);
    StatusOr<IdNumber> parsed = IdNumber::Parse(id);
    ASSERT_TRUE(parsed.ok()) << id << " " << parsed.status();
    EXPECT_EQ(parsed->is_male(), male);
    EXPECT_EQ(parsed->birth_date(), birth);
    EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
  }
  // 600 men on one day: 500 codes, so the last 100 move to the next day.
  Date later = birthday;
  mint.IdNumber("520526", later, true);
  EXPECT_EQ(later, birthday.AddDays(1));
}

TEST(MintTest, CardsUsccsPlatesAreValidAndUnique) {
  Mint mint;
  std::set<std::string> cards, codes, plates;
  for (int i = 0; i < 2000; ++i) {
    const std::string card = mint.CardNumber("622848");
    EXPECT_EQ(card.size(), 19u);
    EXPECT_TRUE(LuhnValid(card)) << card;
    EXPECT_TRUE(cards.insert(card).second);
    const std::string code = mint.Uscc('1', "520521");
    EXPECT_TRUE(Uscc::Parse(code).ok()) << code;
    EXPECT_TRUE(codes.insert(code).second);
    EXPECT_TRUE(plates.insert(mint.Plate("贵F")).second);
  }
  for (int length : {16, 17, 18, 19}) {
    const std::string invented = mint.InventedCardNumber("621799", length);
    EXPECT_EQ(invented.size(), static_cast<size_t>(length));
    EXPECT_FALSE(LuhnValid(invented)) << invented;
  }
  EXPECT_EQ(mint.CorporateAccount("5205").size(), 15u);
  const std::string passbook = mint.PassbookNumber("5205");
  EXPECT_EQ(passbook.size(), 20u);
  EXPECT_FALSE(LuhnValid(passbook));
}

TEST(NamesTest, StylesGiveNamesOfTheirRegion) {
  Rng rng(3);
  for (int i = 0; i < 200; ++i) {
    const std::string surname = DrawSurname(rng, NameStyle::kYiLiangshan);
    const std::string name = FullName(rng, NameStyle::kYiLiangshan, surname, true, 1970);
    EXPECT_GE(name.size(), 6u);  // at least two characters
    EXPECT_LE(name.size(), 12u);
  }
  // Tibetan names in 夏河 mostly carry no surname.
  int without = 0;
  for (int i = 0; i < 100; ++i) without += DrawSurname(rng, NameStyle::kTibetan).empty();
  EXPECT_GT(without, 50);
}

TEST(GeographyTest, ShortNamesAndTables) {
  EXPECT_EQ(ShortTownshipName("大水彝族苗族布依族乡"), "大水乡");
  EXPECT_EQ(ShortTownshipName("兴发苗族彝族回族乡"), "兴发乡");
  EXPECT_EQ(ShortTownshipName("羊街镇"), "羊街镇");
  EXPECT_EQ(ShortVillageName("小河边村村民委员会"), "小河边村");
  EXPECT_EQ(ShortVillageName("老王沟村民委员会"), "老王沟村");
  EXPECT_EQ(ShortVillageName("羊街社区居民委员会"), "羊街社区");
  for (const PairingSpec& pairing : Pairings()) {
    EXPECT_FALSE(pairing.counties.empty()) << pairing.pairing_id;
    for (int county : pairing.counties) {
      EXPECT_EQ(&PairingOfCounty(county), &pairing);
    }
  }
  EXPECT_EQ(kSchemas.size(), 25u);
}

}  // namespace
}  // namespace sunlight::demo
