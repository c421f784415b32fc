// World: shared state and small helpers of the generator (see world.h).
#include "demo_data/world.h"

#include <cassert>
#include <cstdio>

#include "core/money.h"

namespace sunlight::demo {
namespace {

std::string Sequence(std::string_view prefix, int64_t value, int width) {
  char digits[32];
  std::snprintf(digits, sizeof(digits), "%0*lld", width, static_cast<long long>(value));
  return std::string(prefix) + digits;
}

// "重庆市万州区" → "万州区": a branch is named after the district, not the municipality.
std::string_view LocalName(std::string_view county_name) {
  constexpr std::string_view kChongqing = "重庆市";
  if (county_name.substr(0, kChongqing.size()) == kChongqing) {
    return county_name.substr(kChongqing.size());
  }
  return county_name;
}

}  // namespace

std::string MoneyText(Fen fen) { return Money::FromFen(fen).ToString(); }
std::string DateText(Date date) { return date.ToString(); }

std::string MonthText(int year, int month) {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-%02d", year, month);
  return text;
}

std::string QuarterText(int year, int quarter) {
  char text[16];
  std::snprintf(text, sizeof(text), "%04d-Q%d", year, quarter);
  return text;
}

Date Ymd(int year, int month, int day) {
  StatusOr<Date> date = Date::FromYmd(year, month, day);
  assert(date.ok());
  return date.value_or(Date());
}

Date AddMonths(Date date, int months) {
  int index = date.year() * 12 + (date.month() - 1) + months;
  return Ymd(index / 12, index % 12 + 1, 1);
}

std::string ChineseNumber(int n) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(kDigits[n]);
  std::string text;
  if (n / 10 > 1) text += kDigits[n / 10];
  text += "十";
  if (n % 10 != 0) text += kDigits[n % 10];
  return text;
}

World::World(const DemoOptions& options, Geography geo, std::unique_ptr<DatasetWriter> out)
    : options_(options), geo_(std::move(geo)), out_(std::move(out)), root_(options.seed) {
  county_contractors.resize(Counties().size());
  county_cooperatives.resize(Counties().size());
  helper_companies.resize(Helpers().size());
}

Rng World::StageRng(uint64_t stage, uint64_t sub) const {
  return Rng(options_.seed ^ (stage * 0x9E3779B97F4A7C15ULL), sub);
}

Date World::BirthForAge(Rng& rng, int age) const {
  // Born between `age + 1` years and `age` years before as-of, so the age at as-of is `age`.
  return as_of().AddDays(-(age * 365 + age / 4) - static_cast<int>(rng.Uniform(1, 364)));
}

Person World::NewPerson(Rng& rng, std::string_view prefix6, NameStyle style, bool male, Date birth,
                        std::string_view surname) {
  Person person;
  person.male = male;
  person.birth = birth;
  person.id = mint_.IdNumber(prefix6, person.birth, male);
  std::string family = surname.empty() ? DrawSurname(rng, style) : std::string(surname);
  person.name = FullName(rng, style, family, male, person.birth.year());
  return person;
}

Person World::NewCountyPerson(Rng& rng, int county, int min_age, int max_age) {
  const CountySpec& spec = Counties()[static_cast<size_t>(county)];
  const bool male = rng.Chance(0.6);
  const int age = static_cast<int>(rng.Uniform(min_age, max_age));
  return NewPerson(rng, spec.code, spec.style, male, BirthForAge(rng, age));
}

const std::string& World::AddOrg(std::string id, std::string_view name, std::string_view kind,
                                 std::string_view region_code, std::string_view parent_id) {
  Out(Table::kOrganizations)
      .Field(id)
      .Field(name)
      .Field(kind)
      .Field(region_code)
      .Field(parent_id)
      .EndRow();
  auto [it, inserted] = officials_by_org.try_emplace(std::move(id));
  assert(inserted && "organisation ids are unique");
  return it->first;
}

void World::AddOfficial(const Person& person, std::string_view org_id, std::string_view position,
                        std::string_view category) {
  Out(Table::kOfficials)
      .Field(person.id)
      .Field(person.name)
      .Field(org_id)
      .Field(position)
      .Field(category)
      .EndRow();
  officials_by_org[std::string(org_id)].push_back(person);
}

const std::string& World::TownshipOrg(int township) {
  auto it = township_orgs.find(township);
  if (it != township_orgs.end()) return it->second;
  const Township& t = geo_.townships[static_cast<size_t>(township)];
  const CountyOrgs& county = county_orgs[static_cast<size_t>(t.county)];
  const std::string& org =
      AddOrg(t.code + "-ZF", t.name + "人民政府", "township", t.code, county.government);
  const std::string& commission = AddOrg(t.code + "-JW", ShortTownshipName(t.name) + "纪委",
                                         "commission", t.code, county.commission);
  Rng rng = StageRng(11, static_cast<uint64_t>(township));
  const bool town = t.name.size() >= 3 && t.name.substr(t.name.size() - 3) == "镇";
  AddOfficial(NewCountyPerson(rng, t.county, 35, 52), org, "党委书记", "civil_servant");
  AddOfficial(NewCountyPerson(rng, t.county, 32, 50), org, town ? "镇长" : "乡长", "civil_servant");
  AddOfficial(NewCountyPerson(rng, t.county, 30, 55), org, "财政所所长", "civil_servant");
  AddOfficial(NewCountyPerson(rng, t.county, 26, 50), org, "扶贫工作站站长", "public_institution");
  AddOfficial(NewCountyPerson(rng, t.county, 30, 52), commission, "纪委书记", "civil_servant");
  return township_orgs.emplace(township, org).first->second;
}

UsedVillage& World::UseVillage(int village) {
  auto it = used_villages.find(village);
  if (it != used_villages.end()) return it->second;
  const Village& v = geo_.villages[static_cast<size_t>(village)];
  const std::string& township = TownshipOrg(v.township);
  UsedVillage used;
  used.village = village;
  used.committee_org_id = AddOrg(v.code + "-CWH", v.name, "village_committee", v.code, township);
  Rng rng = StageRng(12, static_cast<uint64_t>(village));
  static constexpr std::string_view kPositions[] = {"村党支部书记、村委会主任", "村委会副主任",
                                                    "村会计", "村监委会主任"};
  for (std::string_view position : kPositions) {
    Person cadre = NewCountyPerson(rng, v.county, 30, 60);
    AddOfficial(cadre, used.committee_org_id, position, "village_cadre");
    used.cadres.push_back(std::move(cadre));
  }
  return used_villages.emplace(village, std::move(used)).first->second;
}

std::string World::BankName(Rng& rng, int county, std::string* bin6) const {
  const std::string_view name = LocalName(Counties()[static_cast<size_t>(county)].short_name);
  static constexpr int kWeights[] = {40, 25, 35};
  switch (rng.Weighted(kWeights)) {
    case 0:
      *bin6 = "622848";
      return "中国农业银行" + std::string(name) + "支行";
    case 1:
      *bin6 = "621799";
      return "中国邮政储蓄银行" + std::string(name) + "支行";
    default:
      *bin6 = "623059";
      return std::string(name) + "农村信用合作联社";
  }
}

std::string World::OpenPersonalCard(Rng& rng, const Person& holder, int county) {
  std::string bin;
  const std::string bank = BankName(rng, county, &bin);
  std::string card = mint_.CardNumber(bin);
  AddAccount(card, holder.name, holder.id, bank, "personal");
  return card;
}

void World::AddAccount(std::string_view account_no, std::string_view holder_name,
                       std::string_view holder_id, std::string_view bank, std::string_view type) {
  Out(Table::kBankAccounts)
      .Field(account_no)
      .Field(holder_name)
      .Field(holder_id)
      .Field(bank)
      .Field(type)
      .EndRow();
}

std::string World::NextPaymentId() { return Sequence("ZF", ++payment_seq_, 10); }
std::string World::NextAllocationId() { return Sequence("XD", ++allocation_seq_, 7); }
std::string World::NextContractId() { return Sequence("HT", ++contract_seq_, 7); }
std::string World::NextLoanId() { return Sequence("DK", ++loan_seq_, 8); }
std::string World::NextTransferId() { return Sequence("ZZ", ++transfer_seq_, 9); }

std::string World::NextVoucher(Date date) {
  char prefix[24];
  std::snprintf(prefix, sizeof(prefix), "记%04d%02d-", date.year(), date.month());
  return Sequence(prefix, ++voucher_seq_, 7);
}

std::string World::NextProjectId(int county) {
  return Sequence("XM" + std::string(Counties()[static_cast<size_t>(county)].code),
                  ++project_seq_[county], 4);
}

std::string World::NextHouseholdId(UsedVillage& used) {
  return Sequence(geo_.villages[static_cast<size_t>(used.village)].code,
                  used.next_household_serial++, 4);
}

}  // namespace sunlight::demo
