// Fund programmes and subsidy items, as the seeds and the 一卡通 ledgers name them:
//   中央财政专项扶贫资金 (central, only for registered households): 产业发展奖补 (per
//     household, yearly), 雨露计划 (per student, yearly);
//   生态护林员补助资金 (central, registered only): 生态护林员补助 (per person, quarterly);
//   农村最低生活保障资金 (central, any household): 农村低保金 (per household, monthly);
//   省级财政专项扶贫资金, one per recipient province: project money, and the
//     跨省务工一次性交通补助 (per person, once);
//   东西部协作资金, one per helper (广州市东西部扶贫协作资金 …): project money.
#pragma once

#include "core/status.h"
#include "demo_data/world.h"

namespace sunlight::demo {

// Writes fund_programs.csv and subsidy_items.csv and fills world.programmes.
[[nodiscard]] Status BuildProgrammes(World& world);

// The programme's allowed categories, as written in fund_programs.csv.
inline constexpr std::string_view kCentralAllowed =
    "industry;subsidy;education;labor;loan_interest";
inline constexpr std::string_view kProvincialAllowed =
    "industry;infrastructure;education;housing;relocation;labor;subsidy";
inline constexpr std::string_view kEastWestAllowed =
    "industry;infrastructure;labor;consumption;education;health;housing;relocation";

}  // namespace sunlight::demo
