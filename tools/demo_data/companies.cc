// Companies (see companies.h).
#include "demo_data/companies.h"

namespace sunlight::demo {
namespace {

constexpr std::string_view kWords[] = {
    "鑫源", "宏达", "恒信", "顺通", "金阳", "华诚", "盛世", "兴旺", "安达", "锦程", "鸿运", "瑞丰",
    "泰和", "隆昌", "嘉禾", "永祥", "宏图", "利民", "众诚", "远航", "山海", "同心", "丰源", "绿野"};
constexpr size_t kWordCount = std::size(kWords);

constexpr std::string_view kContractorKinds[] = {"建设工程有限公司",     "农业开发有限公司",
                                                 "建筑劳务有限公司",     "水利水电工程有限公司",
                                                 "生态农业科技有限公司", "路桥工程有限公司"};
constexpr std::string_view kCooperativeKinds[] = {"种养殖农民专业合作社",
                                                  "中药材种植农民专业合作社", "养殖农民专业合作社"};
constexpr std::string_view kEmployerKinds[] = {"电子科技有限公司", "服装有限公司", "食品有限公司"};

}  // namespace

std::string CountyStem(std::string_view county_name) {
  std::string_view name = county_name;
  constexpr std::string_view kChongqing = "重庆市";
  if (name.substr(0, kChongqing.size()) == kChongqing) name.remove_prefix(kChongqing.size());
  // Drop the last character (县/区/市) unless only one would be left.
  if (name.size() > 6) name.remove_suffix(3);
  return std::string(name);
}

Company AddCompany(World& world, Rng& rng, std::string_view name, char type,
                   std::string_view region6, NameStyle style, const Person* legal_rep,
                   bool second_shareholder, const Person* partner) {
  Company company;
  company.uscc = world.mint().Uscc(type, region6);
  company.name = std::string(name);
  company.region6 = std::string(region6);
  if (legal_rep != nullptr) {
    company.legal_rep = *legal_rep;
  } else {
    // One draw per statement: the order of argument evaluation is unspecified.
    const bool male = rng.Chance(0.8);
    const Date birth = world.BirthForAge(rng, static_cast<int>(rng.Uniform(30, 58)));
    company.legal_rep = world.NewPerson(rng, region6, style, male, birth);
  }
  company.account_no = world.mint().CorporateAccount(region6.substr(0, 4));
  world.Out(Table::kCompanies)
      .Field(company.uscc)
      .Field(company.name)
      .Field(region6)
      .Field(company.legal_rep.id)
      .EndRow();
  const int rep_share = second_shareholder ? static_cast<int>(rng.Uniform(51, 90)) : 100;
  world.Out(Table::kCompanyOfficers)
      .Field(company.uscc)
      .Field(company.legal_rep.id)
      .Field("legal_rep")
      .Field(std::to_string(rep_share))
      .EndRow();
  if (second_shareholder) {
    Person shareholder;
    if (partner != nullptr) {
      shareholder = *partner;
    } else {
      const bool male = rng.Chance(0.6);
      const Date birth = world.BirthForAge(rng, static_cast<int>(rng.Uniform(28, 60)));
      shareholder = world.NewPerson(rng, region6, style, male, birth);
    }
    world.Out(Table::kCompanyOfficers)
        .Field(company.uscc)
        .Field(shareholder.id)
        .Field("shareholder")
        .Field(std::to_string(100 - rep_share))
        .EndRow();
  }
  world.AddAccount(company.account_no, company.name, company.uscc,
                   "中国建设银行" + CountyStem(company.name.substr(0, 6)) + "支行", "corporate");
  return company;
}

Status BuildCompanies(World& world) {
  for (size_t c = 0; c < Counties().size(); ++c) {
    const CountySpec& county = Counties()[c];
    Rng rng = world.StageRng(31, c);
    const std::string stem = CountyStem(county.short_name);
    const int contractors = static_cast<int>(rng.Uniform(5, 6));
    for (int i = 0; i < contractors; ++i) {
      const std::string name =
          stem + std::string(kWords[(c * 5 + static_cast<size_t>(i)) % kWordCount]) +
          std::string(kContractorKinds[static_cast<size_t>(i) % std::size(kContractorKinds)]);
      world.county_contractors[c].push_back(
          AddCompany(world, rng, name, '1', county.code, county.style));
    }
    for (int i = 0; i < 3; ++i) {
      const std::string name =
          stem + std::string(kWords[(c * 5 + 11 + static_cast<size_t>(i)) % kWordCount]) +
          std::string(kCooperativeKinds[static_cast<size_t>(i)]);
      world.county_cooperatives[c].push_back(
          AddCompany(world, rng, name, '3', county.code, county.style, nullptr, false));
    }
  }
  for (size_t h = 0; h < Helpers().size(); ++h) {
    const HelperSpec& helper = Helpers()[h];
    Rng rng = world.StageRng(32, h);
    // The city's two characters: 广州, 厦门, 上海, 杭州 …
    const std::string stem(helper.short_name.substr(0, 6));
    for (size_t i = 0; i < std::size(kEmployerKinds); ++i) {
      const std::string name = stem + std::string(kWords[(h * 3 + 17 + i) % kWordCount]) +
                               std::string(kEmployerKinds[i]);
      world.helper_companies[h].push_back(
          AddCompany(world, rng, name, '1', helper.person_prefix, helper.style));
    }
  }
  return Status::Ok();
}

}  // namespace sunlight::demo
