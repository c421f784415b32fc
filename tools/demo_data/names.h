// Plausible personal names for the people of the demo dataset, by region and era.
//
// Surnames follow the region (罗/龙/安/禄 in 毕节, 潘/韦/蒙 among the Shui of 三都, 向/田/覃
// among the Tujia of 鹤峰, 马/韩/冶 among the Hui of 临夏 and 闽宁镇); given names follow the
// birth year (桂英 and 德福 for the old, 浩然 and 欣怡 for the young). Two patterns are not
// "surname + given name": Liangshan Yi names (沙马拉且, family name first, four characters)
// in 宁蒗, and Tibetan names without surname (才让卓玛) in 夏河.
//
// Names are drawn, never copied from the seed articles: the demo must not put real people's
// names on fabricated anomalies.
//
//   std::string surname = DrawSurname(rng, NameStyle::kBijie);
//   std::string head = FullName(rng, NameStyle::kBijie, surname, /*male=*/true, 1968);
#pragma once

#include <string>
#include <string_view>

#include "demo_data/random.h"

namespace sunlight::demo {

enum class NameStyle {
  kBijie,         // 毕节: Han, Yi, Miao, Hui
  kQiannan,       // 黔南: Shui, Buyi
  kMiao,          // 雷山: Miao
  kTujia,         // 鹤峰, 万州 neighbours: Tujia
  kChongqing,     // 万州
  kHanNorthwest,  // 庆阳, 陇南, 定西
  kHanNorth,      // 阜平, 天津, 北京
  kHui,           // 临夏康乐, 永宁闽宁镇
  kYiLiangshan,   // 宁蒗
  kTibetan,       // 夏河
  kCantonese,     // 广州
  kMinnan,        // 厦门, 福建
  kWu,            // 上海, 杭州
  kShandong,      // 青岛, 济宁
};

// A family name for a new household (empty for styles without surnames).
std::string DrawSurname(Rng& rng, NameStyle style);

// A full name for a person of `surname`'s family, born in `birth_year`.
std::string FullName(Rng& rng, NameStyle style, std::string_view surname, bool male,
                     int birth_year);

}  // namespace sunlight::demo
