// Fund programmes and subsidy items (see programmes.h).
#include "demo_data/programmes.h"

#include <set>

namespace sunlight::demo {
namespace {

void Programme(World& world, std::string_view id, std::string_view name, std::string_view level,
               std::string_view allowed, bool restricted) {
  world.Out(Table::kFundPrograms)
      .Field(id)
      .Field(name)
      .Field(level)
      .Field(allowed)
      .Field(restricted ? "true" : "false")
      .EndRow();
}

void Item(World& world, std::string_view id, std::string_view programme, std::string_view name,
          Fen standard, std::string_view unit, std::string_view period_kind) {
  world.Out(Table::kSubsidyItems)
      .Field(id)
      .Field(programme)
      .Field(name)
      .Field(MoneyText(standard))
      .Field(unit)
      .Field(period_kind)
      .EndRow();
}

std::string ProvinceName(std::string_view code) {
  for (const RegionSpec& region : Regions()) {
    if (region.code == code) return std::string(region.short_name);
  }
  return std::string(code);
}

}  // namespace

Status BuildProgrammes(World& world) {
  Programmes& p = world.programmes;
  p.central = "ZY-ZXFP";
  Programme(world, p.central, "中央财政专项扶贫资金", "central", kCentralAllowed, true);
  p.ranger = "ZY-STHLY";
  Programme(world, p.ranger, "生态护林员补助资金", "central", "subsidy", true);
  p.dibao = "ZY-NCDB";
  Programme(world, p.dibao, "农村最低生活保障资金", "central", "subsidy", false);

  std::set<std::string> provinces;
  for (const CountySpec& county : Counties())
    provinces.insert(std::string(county.code.substr(0, 2)));
  for (const std::string& province : provinces) {
    const std::string id = "SJ-" + province;
    Programme(world, id, ProvinceName(province) + "财政专项扶贫资金", "provincial",
              kProvincialAllowed, false);
    p.provincial.emplace(province, id);
  }
  for (size_t h = 0; h < Helpers().size(); ++h) {
    const HelperSpec& helper = Helpers()[h];
    const std::string id = "DX-" + std::string(helper.code);
    Programme(world, id, helper.programme_name, "east_west", kEastWestAllowed, false);
    p.east_west.push_back(id);
  }

  p.industry_award = "CYJB";
  Item(world, p.industry_award, p.central, "产业发展奖补", p.industry_award_standard,
       "per_household", "yearly");
  p.yulu = "YLJH";
  Item(world, p.yulu, p.central, "雨露计划职业教育补助", p.yulu_standard, "per_person", "yearly");
  p.ranger_pay = "STHLY";
  Item(world, p.ranger_pay, p.ranger, "生态护林员补助", p.ranger_standard, "per_person",
       "quarterly");
  p.dibao_pay = "NCDB";
  Item(world, p.dibao_pay, p.dibao, "农村低保金", p.dibao_standard, "per_household", "monthly");
  for (const std::string& province : provinces) {
    const std::string id = "JTBZ-" + province;
    Item(world, id, p.provincial.at(province), "跨省务工一次性交通补助", p.travel_standard,
         "per_person", "once");
    p.travel_subsidy.emplace(province, id);
  }
  return Status::Ok();
}

}  // namespace sunlight::demo
