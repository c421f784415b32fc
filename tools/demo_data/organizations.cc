// Organisations, officials, dispatched cadres (see organizations.h).
#include "demo_data/organizations.h"

#include <algorithm>

namespace sunlight::demo {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

const RegionSpec* FindRegion(std::string_view code) {
  for (const RegionSpec& region : Regions()) {
    if (region.code == code) return &region;
  }
  return nullptr;
}

// A region's commission ("52-JW", 贵州省纪委监委), created with its ancestors' on first use.
std::string CommissionOf(World& world, std::string_view code) {
  if (code.empty()) return {};
  auto& table = code.size() <= 2 ? world.province_commissions : world.city_commissions;
  auto it = table.find(code);
  if (it != table.end()) return it->second;
  const RegionSpec* region = FindRegion(code);
  const std::string parent = region != nullptr ? CommissionOf(world, region->parent_code) : "";
  const std::string name = region != nullptr ? std::string(region->short_name) : std::string(code);
  const std::string& id =
      world.AddOrg(std::string(code) + "-JW", name + "纪委监委", "commission", code, parent);
  table.emplace(std::string(code), id);
  return id;
}

// Adds `count` officials of `org` drawn from `prefix6`/`style`.
void AddStaff(World& world, Rng& rng, std::string_view org, std::string_view prefix6,
              NameStyle style, std::initializer_list<std::string_view> positions,
              std::string_view category = "civil_servant") {
  for (std::string_view position : positions) {
    const int age =
        static_cast<int>(rng.Uniform(position.find("长") != std::string_view::npos ? 38 : 25, 56));
    // One draw per statement: the order in which arguments are evaluated is unspecified,
    // and the bytes must not depend on the compiler.
    const bool male = rng.Chance(0.6);
    const Date birth = world.BirthForAge(rng, age);
    Person person = world.NewPerson(rng, prefix6, style, male, birth);
    world.AddOfficial(person, org, position, category);
  }
}

void BuildPairings(World& world) {
  for (const PairingSpec& pairing : Pairings()) {
    const HelperSpec& helper = Helpers()[static_cast<size_t>(pairing.helper)];
    world.Out(Table::kPairings)
        .Field(pairing.pairing_id)
        .Field(helper.code)
        .Field(pairing.recipient_code)
        .Field(DateText(Ymd(pairing.start_year, pairing.start_month, pairing.start_day)))
        .Empty()
        .Field(
            DateText(Ymd(pairing.agreement_year, pairing.agreement_month, pairing.agreement_day)))
        .EndRow();
  }
}

void BuildHelper(World& world, int helper_index) {
  const HelperSpec& helper = Helpers()[static_cast<size_t>(helper_index)];
  Rng rng = world.StageRng(22, static_cast<uint64_t>(helper_index));
  HelperOrgs& orgs = world.helper_orgs[static_cast<size_t>(helper_index)];
  const std::string code(helper.code);
  const std::string name(helper.short_name);
  const bool province = EndsWith(name, "省");
  const std::string bureau = province ? "厅" : "局";

  // A helper that is itself a province or city (北京市, 福建省, 广州市) shares that
  // region's commission.
  if (FindRegion(code) != nullptr) {
    orgs.commission = CommissionOf(world, code);
  } else {
    orgs.commission = world.AddOrg(code + "-JW", name + "纪委监委", "commission", code,
                                   CommissionOf(world, helper.parent_code));
  }
  const std::string_view prefix = helper.person_prefix;
  AddStaff(world, rng, orgs.commission, prefix, helper.style,
           {"党风政风监督室主任", "监督检查室副主任", "一级科员"});
  // The departments answer to the region's government.
  const std::string& government = world.AddOrg(code + "-ZF", name + "人民政府", "other", code, "");
  orgs.cooperation_office =
      world.AddOrg(code + "-XZB", name + "协作办", "cooperation_office", code, government);
  AddStaff(world, rng, orgs.cooperation_office, prefix, helper.style,
           {"主任", "对口扶贫工作处处长", "四级主任科员"});
  orgs.finance = world.AddOrg(code + "-CZ", name + "财政" + bureau, "finance", code, government);
  AddStaff(world, rng, orgs.finance, prefix, helper.style, {"副" + bureau + "长", "科员"});
  orgs.audit = world.AddOrg(code + "-SJ", name + "审计" + bureau, "audit", code, government);
  AddStaff(world, rng, orgs.audit, prefix, helper.style, {"审计组长", "审计员"});
  orgs.inspection = world.AddOrg(code + "-XC", name + (province ? "委巡视办" : "委巡察办"),
                                 "inspection_office", code, "");
  AddStaff(world, rng, orgs.inspection, prefix, helper.style, {"巡察组组长"});
  orgs.agriculture =
      world.AddOrg(code + "-NY", name + "农业农村" + bureau, "other", code, government);
  AddStaff(world, rng, orgs.agriculture, prefix, helper.style, {"二级调研员", "科员"});
  orgs.human_resources =
      world.AddOrg(code + "-RS", name + "人力资源和社会保障" + bureau, "other", code, government);
  AddStaff(world, rng, orgs.human_resources, prefix, helper.style, {"就业促进处科员"});
  orgs.education = world.AddOrg(code + "-JY", name + "教育" + bureau, "other", code, government);
  AddStaff(world, rng, orgs.education, prefix, helper.style, {"科员"});

  for (const PairingSpec& pairing : Pairings()) {
    if (pairing.helper != helper_index) continue;
    const std::string& front =
        world.AddOrg(code + "-QF-" + std::string(pairing.recipient_code),
                     name + "对口帮扶" + std::string(pairing.recipient_name) + "前方指挥部",
                     "front_command", pairing.recipient_code, orgs.cooperation_office);
    AddStaff(world, rng, front, prefix, helper.style, {"指挥长", "副指挥长"});
    orgs.front_commands.push_back(front);
  }
}

// A recipient city or prefecture: its commission (with the 扶贫监督办公室 of seed 002) and
// its 乡村振兴局, staffed by people of its first county.
void BuildRecipientCity(World& world, int first_county) {
  const CountySpec& county = Counties()[static_cast<size_t>(first_county)];
  const RegionSpec* city = FindRegion(county.parent_code);
  if (city == nullptr || county.parent_code.size() != 4) return;
  const std::string code(city->code);
  const std::string name(city->short_name);
  Rng rng = world.StageRng(23, static_cast<uint64_t>(first_county));
  const std::string commission = CommissionOf(world, code);
  AddStaff(world, rng, commission, county.code, county.style, {"扶贫监督办公室主任", "科员"});
  AddStaff(world, rng,
           world.AddOrg(code + "-XCZX", name + "乡村振兴局", "rural_revitalization", code, ""),
           county.code, county.style, {"局长", "科员"});
}

void BuildCounty(World& world, int county_index) {
  const CountySpec& spec = Counties()[static_cast<size_t>(county_index)];
  Rng rng = world.StageRng(24, static_cast<uint64_t>(county_index));
  CountyOrgs& orgs = world.county_orgs[static_cast<size_t>(county_index)];
  const std::string code(spec.code);
  const std::string name(spec.short_name);
  const std::string_view prefix = spec.code;
  const std::string parent_commission = CommissionOf(world, spec.parent_code);
  auto city_org = [&](std::string_view suffix) {
    const std::string id = std::string(spec.parent_code) + std::string(suffix);
    return world.officials_by_org.count(id) > 0 ? id : std::string();
  };

  orgs.government = world.AddOrg(code + "-ZF", name + "人民政府", "other", code, "");
  AddStaff(world, rng, orgs.government, prefix, spec.style, {"副县长"});
  orgs.commission =
      world.AddOrg(code + "-JW", name + "纪委监委", "commission", code, parent_commission);
  AddStaff(world, rng, orgs.commission, prefix, spec.style,
           {"党风政风监督室主任", "第一监督检查室副主任", "一级科员", "科员"});
  const std::string& stationed = world.AddOrg(code + "-PZ3", name + "纪委监委派驻第三纪检监察组",
                                              "stationed_group", code, orgs.commission);
  AddStaff(world, rng, stationed, prefix, spec.style, {"组长", "副组长"});
  orgs.rural_revitalization = world.AddOrg(code + "-XCZX", name + "乡村振兴局",
                                           "rural_revitalization", code, city_org("-XCZX"));
  AddStaff(world, rng, orgs.rural_revitalization, prefix, spec.style,
           {"局长", "副局长", "规划股股长", "信息中心主任", "科员"});
  orgs.finance = world.AddOrg(code + "-CZ", name + "财政局", "finance", code, orgs.government);
  AddStaff(world, rng, orgs.finance, prefix, spec.style,
           {"局长", "国库股股长", "农业股股长", "科员"});
  orgs.audit = world.AddOrg(code + "-SJ", name + "审计局", "audit", code, orgs.government);
  AddStaff(world, rng, orgs.audit, prefix, spec.style, {"局长", "审计员"});
  orgs.inspection = world.AddOrg(code + "-XC", name + "委巡察办", "inspection_office", code, "");
  AddStaff(world, rng, orgs.inspection, prefix, spec.style, {"主任"});

  struct Dept {
    std::string CountyOrgs::*member;
    std::string_view suffix, title, kind;
  };
  static const Dept kDepts[] = {
      {&CountyOrgs::agriculture, "-NY", "农业农村局", "project_owner"},
      {&CountyOrgs::education, "-JY", "教育局", "project_owner"},
      {&CountyOrgs::transport, "-JT", "交通运输局", "project_owner"},
      {&CountyOrgs::water, "-SW", "水务局", "project_owner"},
      {&CountyOrgs::human_resources, "-RS", "人力资源和社会保障局", "project_owner"},
      {&CountyOrgs::forestry, "-LY", "林业局", "project_owner"},
      {&CountyOrgs::health, "-WJ", "卫生健康局", "project_owner"},
      {&CountyOrgs::civil_affairs, "-MZ", "民政局", "other"},
  };
  for (const Dept& dept : kDepts) {
    orgs.*dept.member =
        world.AddOrg(code + std::string(dept.suffix), name + std::string(dept.title), dept.kind,
                     code, orgs.government);
    AddStaff(world, rng, orgs.*dept.member, prefix, spec.style,
             {"局长", "副局长", "项目股股长", "科员"});
    AddStaff(world, rng, orgs.*dept.member, prefix, spec.style, {"技术员"}, "public_institution");
  }
}

}  // namespace

Status BuildOrganizations(World& world) {
  BuildPairings(world);
  world.helper_orgs.resize(Helpers().size());
  world.county_orgs.resize(Counties().size());
  for (size_t i = 0; i < Helpers().size(); ++i) BuildHelper(world, static_cast<int>(i));
  std::vector<std::string_view> cities;
  for (size_t i = 0; i < Counties().size(); ++i) {
    const CountySpec& county = Counties()[i];
    if (county.parent_code.size() == 4 &&
        std::find(cities.begin(), cities.end(), county.parent_code) == cities.end()) {
      cities.push_back(county.parent_code);
      BuildRecipientCity(world, static_cast<int>(i));
    }
  }
  for (size_t i = 0; i < Counties().size(); ++i) BuildCounty(world, static_cast<int>(i));
  return Status::Ok();
}

Person AddDispatchedCadre(World& world, Rng& rng, int helper, std::string_view home_org_id,
                          std::string_view host_org_id, std::string_view host_position, Date start,
                          std::optional<Date> end, const ArchivePlan& archive) {
  const HelperSpec& spec = Helpers()[static_cast<size_t>(helper)];
  const int age = static_cast<int>(rng.Uniform(30, 50));
  const bool male = rng.Chance(0.75);
  const Date birth = world.BirthForAge(rng, age);
  Person person = world.NewPerson(rng, spec.person_prefix, spec.style, male, birth);
  std::string batch;
  if (spec.batch_base_number > 0) {
    const int n = std::max(
        1, spec.batch_base_number + (start.year() - spec.batch_base_year) / spec.batch_years);
    batch = "第" + ChineseNumber(n) + "批" + std::string(spec.batch_word) + "干部";
  } else {
    batch = std::to_string(start.year()) + "年选派";
  }
  world.Out(Table::kDispatchedCadres)
      .Field(person.id)
      .Field(person.name)
      .Field(home_org_id)
      .Field(host_org_id)
      .Field(host_position)
      .Field(DateText(start))
      .Field(end.has_value() ? DateText(*end) : std::string())
      .Field(batch)
      .EndRow();
  if (archive.present) {
    world.Out(Table::kIntegrityArchives)
        .Field(person.id)
        .Field(DateText(archive.created))
        .Field(DateText(archive.last_updated))
        .EndRow();
  }
  return person;
}

void BuildDispatchedCadres(World& world) {
  const Date as_of = world.as_of();
  for (size_t p = 0; p < Pairings().size(); ++p) {
    const PairingSpec& pairing = Pairings()[p];
    const HelperOrgs& home = world.helper_orgs[static_cast<size_t>(pairing.helper)];
    Rng rng = world.StageRng(25, p);
    const std::string home_orgs[] = {home.commission, home.agriculture, home.cooperation_office,
                                     home.human_resources, home.education};
    for (int county : pairing.counties) {
      const CountyOrgs& host = world.county_orgs[static_cast<size_t>(county)];
      struct Post {
        const std::string* org;
        std::string_view position;
      };
      const Post posts[] = {{&host.government, "挂职副县长"},
                            {&host.rural_revitalization, "挂职县乡村振兴局副局长"},
                            {&host.agriculture, "挂职县农业农村局副局长"},
                            {&host.education, "挂职县教育局副局长"}};
      const int in_post = static_cast<int>(rng.Uniform(2, 4));
      for (int i = 0; i < in_post; ++i) {
        const Post& post = posts[static_cast<size_t>(i) % std::size(posts)];
        const Date start = as_of.AddDays(-static_cast<int>(rng.Uniform(30, 700)));
        // Terms of two or three years: in post at as-of, with days to spare.
        Date end = start.AddDays(730);
        if (end <= as_of.AddDays(10)) end = start.AddDays(1095);
        ArchivePlan archive;
        archive.created = std::min(as_of, start.AddDays(static_cast<int>(rng.Uniform(3, 20))));
        archive.last_updated =
            std::max(archive.created, as_of.AddDays(-static_cast<int>(rng.Uniform(0, 170))));
        AddDispatchedCadre(world, rng, pairing.helper, home_orgs[rng.Below(std::size(home_orgs))],
                           *post.org, post.position, start, end, archive);
      }
      // One from the previous batch, gone home well before as-of; half of them kept an
      // archive, which is stale now and does not matter any more.
      const Date start = as_of.AddDays(-static_cast<int>(rng.Uniform(900, 1400)));
      const Date end = start.AddDays(730);
      ArchivePlan archive;
      archive.present = rng.Chance(0.5);
      archive.created = start.AddDays(10);
      archive.last_updated = end.AddDays(-30);
      AddDispatchedCadre(world, rng, pairing.helper, home_orgs[rng.Below(std::size(home_orgs))],
                         host.rural_revitalization, posts[1].position, start, end, archive);
    }
  }
}

}  // namespace sunlight::demo
