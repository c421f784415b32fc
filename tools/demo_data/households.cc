// The household stream (see households.h).
#include "demo_data/households.h"

#include <algorithm>
#include <cassert>

namespace sunlight::demo {
namespace {

bool IsRegistered(std::string_view status) {
  return status == "poor" || status == "exited" || status == "monitored";
}

// Kin by blood carry the head's surname; spouses, mothers and daughters-in-law their own.
bool TakesHeadSurname(std::string_view relation) {
  return relation == "户主" || relation == "之子" || relation == "之女" || relation == "之父" ||
         relation == "之孙子" || relation == "之孙女";
}

// Licence plate prefix and property certificate abbreviation of a county's city.
struct LocalCodes {
  std::string_view plate;
  std::string_view province;
};
LocalCodes LocalCodesOf(int county) {
  const std::string_view parent = Counties()[static_cast<size_t>(county)].parent_code;
  if (parent == "5205") return {"贵F", "黔"};
  if (parent == "5227") return {"贵J", "黔"};
  if (parent == "5226") return {"贵H", "黔"};
  if (parent == "6229") return {"甘N", "甘"};
  if (parent == "5307") return {"云P", "云"};
  if (parent == "4228") return {"鄂Q", "鄂"};
  if (parent == "6230") return {"甘P", "甘"};
  if (parent == "6210") return {"甘M", "甘"};
  if (parent == "1306") return {"冀F", "冀"};
  if (parent == "6401") return {"宁A", "宁"};
  if (parent == "6212") return {"甘K", "甘"};
  if (parent == "6211") return {"甘J", "甘"};
  return {"渝F", "渝"};  // 万州
}

// The family of a background household.
std::vector<MemberSpec> DrawFamily(Rng& rng) {
  static constexpr int kSizeWeights[] = {14, 24, 28, 19, 10, 5};  // 1–6 members, mean ≈ 3.0
  const int size = static_cast<int>(rng.Weighted(kSizeWeights)) + 1;
  std::vector<MemberSpec> family;
  const bool head_male = rng.Chance(0.85);
  const int head_age = static_cast<int>(rng.Uniform(28, 78));
  family.push_back({"户主", head_male, head_age, {}});
  if (size >= 2 && rng.Chance(0.9)) {
    family.push_back({"配偶",
                      !head_male,
                      std::clamp(head_age + static_cast<int>(rng.Uniform(-4, 4)), 20, 90),
                      {}});
  }
  bool has_parent = false;
  int eldest_child = -1;
  while (static_cast<int>(family.size()) < size) {
    if (!has_parent && head_age <= 50 && rng.Chance(0.35)) {
      const bool father = rng.Chance(0.4);
      family.push_back({father ? "之父" : "之母",
                        father,
                        std::min(95, head_age + static_cast<int>(rng.Uniform(22, 30))),
                        {}});
      has_parent = true;
    } else if (eldest_child >= 22 && head_age >= 50 && rng.Chance(0.3)) {
      const bool male = rng.Chance(0.5);
      family.push_back({male ? "之孙子" : "之孙女",
                        male,
                        static_cast<int>(rng.Uniform(0, eldest_child - 20)),
                        {}});
    } else {
      const bool male = rng.Chance(0.52);
      const int age = std::max(0, head_age - static_cast<int>(rng.Uniform(20, 36)));
      family.push_back({male ? "之子" : "之女", male, age, {}});
      eldest_child = std::max(eldest_child, age);
    }
  }
  return family;
}

}  // namespace

PayCalendar MakePayCalendar(Date as_of) {
  PayCalendar calendar;
  Date month = AddMonths(as_of, as_of.day() >= 15 ? 0 : -1);
  for (int i = 0; i < 12; ++i, month = AddMonths(month, -1)) {
    calendar.months.emplace_back(MonthText(month.year(), month.month()),
                                 Ymd(month.year(), month.month(), 15));
  }
  std::reverse(calendar.months.begin(), calendar.months.end());
  // Quarters paid on the 20th of their last month.
  int year = as_of.year();
  int quarter = (as_of.month() - 1) / 3 + 1;
  if (as_of < Ymd(year, quarter * 3, 20)) --quarter;
  for (int i = 0; i < 4; ++i) {
    if (quarter == 0) quarter = 4, --year;
    calendar.quarters.emplace_back(QuarterText(year, quarter), Ymd(year, quarter * 3, 20));
    --quarter;
  }
  std::reverse(calendar.quarters.begin(), calendar.quarters.end());
  const int award = as_of >= Ymd(as_of.year(), 6, 28) ? as_of.year() : as_of.year() - 1;
  calendar.award_year = {std::to_string(award), Ymd(award, 6, 28)};
  const int yulu = as_of >= Ymd(as_of.year(), 10, 15) ? as_of.year() : as_of.year() - 1;
  calendar.yulu_year = {std::to_string(yulu), Ymd(yulu, 10, 15)};
  return calendar;
}

HouseholdRecord WriteHousehold(World& world, Rng& rng, int village, std::string_view status,
                               const std::vector<MemberSpec>& specs,
                               std::string_view subsidy_account,
                               const std::vector<Person>& people) {
  UsedVillage& used = world.UseVillage(village);
  HouseholdRecord record;
  record.id = world.NextHouseholdId(used);
  record.village = village;
  record.county = world.geo().villages[static_cast<size_t>(village)].county;
  record.status = std::string(status);
  const CountySpec& county = Counties()[static_cast<size_t>(record.county)];
  const std::string surname = DrawSurname(rng, county.style);
  for (size_t i = 0; i < specs.size(); ++i) {
    const MemberSpec& spec = specs[i];
    Person person;
    if (i < people.size() && !people[i].id.empty()) {
      person = people[i];
    } else {
      person = world.NewPerson(
          rng, county.code, county.style, spec.male, world.BirthForAge(rng, spec.age),
          TakesHeadSurname(spec.relation) ? std::string_view(surname) : std::string_view());
      if (!spec.name.empty()) person.name = spec.name;
    }
    record.members.push_back(std::move(person));
    record.relations.emplace_back(spec.relation);
  }
  record.subsidy_account = subsidy_account.empty()
                               ? world.OpenPersonalCard(rng, record.members.front(), record.county)
                               : std::string(subsidy_account);

  const int year = world.as_of().year();
  std::string registered, exited;
  if (status == "poor") {
    registered = std::to_string(rng.Uniform(2014, std::min(2019, year)));
  } else if (status == "exited") {
    const int from = static_cast<int>(rng.Uniform(2014, std::min(2018, year - 1)));
    registered = std::to_string(from);
    exited = std::to_string(rng.Uniform(from + 1, std::max(from + 1, std::min(2020, year))));
  } else if (status == "monitored") {
    registered = std::to_string(std::min<int64_t>(year, 2020 + rng.Uniform(0, 1)));
  }
  world.Out(Table::kHouseholds)
      .Field(record.id)
      .Field(world.geo().villages[static_cast<size_t>(village)].code)
      .Field(record.members.front().id)
      .Field(status)
      .Field(registered)
      .Field(exited)
      .Field(record.subsidy_account)
      .EndRow();
  for (size_t i = 0; i < record.members.size(); ++i) {
    world.Out(Table::kMembers)
        .Field(record.members[i].id)
        .Field(record.members[i].name)
        .Field(record.id)
        .Field(record.relations[i])
        .EndRow();
  }
  return record;
}

std::string WriteSubsidyPayment(World& world, const SubsidyPayment& payment) {
  std::string id = world.NextPaymentId();
  world.Out(Table::kPayments)
      .Field(id)
      .Field(payment.program_id)
      .Empty()  // project_id
      .Field(payment.item_id)
      .Field(payment.period)
      .Field(world.county_orgs[static_cast<size_t>(payment.county)].finance)
      .Field(payment.payee_name)
      .Field(payment.payee_id)
      .Field(payment.account)
      .Field(MoneyText(payment.amount))
      .Field(DateText(payment.pay_date))
      .Empty()  // expense_date: not for subsidies
      .Field(world.NextVoucher(payment.pay_date))
      .Field(DateText(payment.pay_date.AddDays(-3)))
      .Field(payment.purpose)
      .Field(payment.household_id)
      .EndRow();
  return id;
}

namespace {

// Per-county state of the stream.
class CountyStream {
 public:
  CountyStream(World& world, ProjectBook& projects, int county, const PayCalendar& calendar)
      : world_(world), county_(county), calendar_(calendar) {
    const Programmes& p = world.programmes;
    province_ = std::string(Counties()[static_cast<size_t>(county)].code.substr(0, 2));
    travel_item_ = p.travel_subsidy.at(province_);
    travel_programme_ = p.provincial.at(province_);
    for (const ProjectPlan& plan : projects.projects()) {
      if (plan.county == county && plan.links_households) linked_.push_back({plan.id, 0, 0});
    }
    Rng rng = world.StageRng(51, static_cast<uint64_t>(county));
    // Livestock traders and seed sellers: persons outside every household who receive part
    // of the loan money households spend.
    for (int i = 0; i < 5; ++i) {
      Person trader = world.NewCountyPerson(rng, county, 30, 60);
      traders_.push_back({trader, world.OpenPersonalCard(rng, trader, county)});
    }
  }

  void ChooseVillages(int64_t households) {
    const auto [first, last] = world_.geo().county_villages[static_cast<size_t>(county_)];
    std::vector<int> candidates;
    for (int v = first; v < last; ++v) {
      // Villages rather than urban communities, where most registered households live.
      if (world_.geo().villages[static_cast<size_t>(v)].name.find("村") != std::string::npos) {
        candidates.push_back(v);
      }
    }
    if (candidates.empty()) {
      for (int v = first; v < last; ++v) candidates.push_back(v);
    }
    Rng rng = world_.StageRng(52, static_cast<uint64_t>(county_));
    for (size_t i = candidates.size(); i > 1; --i) {
      std::swap(candidates[i - 1], candidates[rng.Below(i)]);
    }
    const size_t wanted =
        std::clamp<size_t>(static_cast<size_t>((households + 59) / 60), 1, candidates.size());
    villages_.assign(candidates.begin(), candidates.begin() + static_cast<long>(wanted));
    std::sort(villages_.begin(), villages_.end());
  }

  void Household(int64_t index) {
    Rng rng(world_.options().seed ^ 0x486F757365686F6CULL,
            (static_cast<uint64_t>(county_) << 40) | static_cast<uint64_t>(index));
    const Date t = world_.as_of();
    const int village = villages_[rng.Below(villages_.size())];
    static constexpr std::string_view kStatuses[] = {"poor", "exited", "monitored", "none"};
    static constexpr int kStatusWeights[] = {15, 30, 8, 47};
    // The first household of a county is registered and linked to every industry project,
    // so that none of them is left without beneficiaries (B10).
    const std::string_view status = index == 0 ? "exited" : kStatuses[rng.Weighted(kStatusWeights)];
    const std::vector<MemberSpec> family = DrawFamily(rng);
    HouseholdRecord record = WriteHousehold(world_, rng, village, status, family);
    const bool registered = IsRegistered(status);
    const Person& head = record.members.front();
    const int head_age = family.front().age;
    const Programmes& p = world_.programmes;

    // Deaths among the elderly parents; they are not payees and hold no jobs.
    std::vector<bool> dead(record.members.size(), false);
    for (size_t i = 1; i < record.members.size(); ++i) {
      if ((record.relations[i] == "之父" || record.relations[i] == "之母") && family[i].age >= 70 &&
          rng.Chance(0.08)) {
        dead[i] = true;
        static constexpr std::string_view kSources[] = {"公安户籍注销", "民政殡葬信息",
                                                        "卫健死亡医学证明"};
        world_.Out(Table::kDeaths)
            .Field(record.members[i].id)
            .Field(record.members[i].name)
            .Field(DateText(t.AddDays(-static_cast<int>(rng.Uniform(30, 900)))))
            .Field(rng.Pick<std::string_view>(kSources))
            .EndRow();
      }
    }

    auto pay = [&](std::string_view programme, std::string_view item, std::string_view period,
                   const Person& payee, std::string_view account, Fen amount, Date date,
                   std::string_view purpose = "subsidy") {
      SubsidyPayment payment;
      payment.program_id = programme;
      payment.item_id = item;
      payment.period = period;
      payment.payee_name = payee.name;
      payment.payee_id = payee.id;
      payment.account = account;
      payment.amount = amount;
      payment.pay_date = date;
      payment.purpose = purpose;
      payment.household_id = record.id;
      payment.county = county_;
      WriteSubsidyPayment(world_, payment);
    };

    // 产业发展奖补 (restricted: registered households only).
    if (registered && rng.Chance(0.6)) {
      pay(p.central, p.industry_award, calendar_.award_year.first, head, record.subsidy_account,
          p.industry_award_standard,
          calendar_.award_year.second.AddDays(-static_cast<int>(rng.Uniform(0, 15))));
    }
    // 农村低保金: monthly, any status, never above the standard.
    if (rng.Chance(registered ? 0.37 : 0.16)) {
      const Fen amount =
          std::min<Fen>(p.dibao_standard, Yuan(250) * static_cast<Fen>(record.members.size()));
      for (const auto& [period, date] : calendar_.months) {
        pay(p.dibao, p.dibao_pay, period, head, record.subsidy_account, amount, date);
      }
    }
    // 生态护林员: the head, quarterly (restricted).
    if (registered && head_age >= 25 && head_age <= 60 && rng.Chance(0.08)) {
      for (const auto& [period, date] : calendar_.quarters) {
        pay(p.ranger, p.ranger_pay, period, head, record.subsidy_account, p.ranger_standard, date);
      }
    }
    // Cards of members other than the head, opened when first needed.
    std::vector<std::string> cards(record.members.size());
    cards[0] = record.subsidy_account;
    auto card_of = [&](size_t i) -> const std::string& {
      if (cards[i].empty()) cards[i] = world_.OpenPersonalCard(rng, record.members[i], county_);
      return cards[i];
    };
    // 雨露计划: students of 16–21 in registered households, to their own card (restricted).
    std::vector<bool> student(record.members.size(), false);
    for (size_t i = 1; i < record.members.size(); ++i) {
      if (registered && (record.relations[i] == "之子" || record.relations[i] == "之女") &&
          family[i].age >= 16 && family[i].age <= 21 && rng.Chance(0.6)) {
        student[i] = true;
        pay(p.central, p.yulu, calendar_.yulu_year.first, record.members[i], card_of(i),
            p.yulu_standard, calendar_.yulu_year.second, "education");
      }
    }

    // Jobs of working-age members of registered households.
    for (size_t i = 0; i < record.members.size(); ++i) {
      if (!registered || dead[i] || student[i] || family[i].age < 18 || family[i].age > 50 ||
          !rng.Chance(0.18)) {
        continue;
      }
      Job(rng, record, i, card_of);
    }

    // Vehicles and property: cars and trucks only outside poor and monitored households.
    const LocalCodes local = LocalCodesOf(county_);
    const bool strict = status == "poor" || status == "monitored";
    if (rng.Chance(strict ? 0.09 : 0.15)) {
      std::string_view type = "motorcycle";
      if (!strict) {
        static constexpr std::string_view kTypes[] = {"car", "car", "truck", "motorcycle", "farm"};
        type = rng.Pick<std::string_view>(kTypes);
      } else if (rng.Chance(0.3)) {
        type = "farm";
      }
      world_.Out(Table::kVehicles)
          .Field(head.id)
          .Field(world_.mint().Plate(local.plate))
          .Field(type)
          .Field(DateText(t.AddDays(-static_cast<int>(rng.Uniform(30, 3000)))))
          .EndRow();
    }
    if (rng.Chance(0.08)) {
      std::string_view kind = "rural_homestead";
      if (status == "none" && rng.Chance(0.3))
        kind = rng.Chance(0.15) ? "commercial" : "residential";
      const Date registered_on = t.AddDays(-static_cast<int>(rng.Uniform(60, 2500)));
      const Village& v = world_.geo().villages[static_cast<size_t>(village)];
      const int64_t whole = rng.Uniform(60, 220);
      const std::string area = std::to_string(whole) + "." + std::to_string(rng.Uniform(0, 9));
      world_.Out(Table::kProperties)
          .Field(head.id)
          .Field(world_.mint().PropertyCertificate(
              local.province, registered_on.year(),
              Counties()[static_cast<size_t>(county_)].short_name))
          .Field(kind)
          .Field(area)
          .Field(kind == "rural_homestead" ? v.code : v.code.substr(0, 9))
          .Field(DateText(registered_on))
          .EndRow();
    }

    // 扶贫小额信贷: loans to registered heads, spent within weeks — mostly through a
    // cooperative, at most 40 % paid to traders outside the household.
    if (registered && head_age >= 25 && head_age <= 60 && rng.Chance(0.06)) {
      static constexpr Fen kAmounts[] = {Yuan(50000), Yuan(50000), Yuan(50000), Yuan(30000),
                                         Yuan(20000)};
      const Fen amount = kAmounts[rng.Below(std::size(kAmounts))];
      const Date issued = t.AddDays(-static_cast<int>(rng.Uniform(10, 1000)));
      world_.Out(Table::kLoans)
          .Field(world_.NextLoanId())
          .Field(record.id)
          .Field(head.id)
          .Field(MoneyText(amount))
          .Field(DateText(issued))
          .Field(record.subsidy_account)
          .EndRow();
      const Date spent = issued.AddDays(static_cast<int>(rng.Uniform(1, 20)));
      if (spent <= t) {
        const Fen to_trader = amount * rng.Uniform(0, 40) / 100 / 10000 * 10000;
        const auto& cooperatives = world_.county_cooperatives[static_cast<size_t>(county_)];
        Transfer(record.subsidy_account, cooperatives[rng.Below(cooperatives.size())].account_no,
                 amount - to_trader, spent);
        if (to_trader > 0) {
          const std::string& trader = traders_[rng.Below(traders_.size())].second;
          const Date paid = std::min(t, spent.AddDays(static_cast<int>(rng.Uniform(0, 5))));
          Transfer(record.subsidy_account, trader, to_trader, paid);
        }
      }
    }

    // Kinship: one cadre per village has kin in an exited or ordinary household (A11 asks
    // about poor and monitored ones only).
    UsedVillage& used = world_.used_villages.at(village);
    if ((status == "exited" || status == "none") && !used.cadre_has_kin && rng.Chance(0.3)) {
      static constexpr std::string_view kRelations[] = {"sibling", "in_law", "other"};
      world_.Out(Table::kKinship)
          .Field(used.cadres[rng.Below(2)].id)
          .Field(head.id)
          .Field(rng.Pick<std::string_view>(kRelations))
          .EndRow();
      used.cadre_has_kin = true;
    }
    if (record.relations.size() >= 2 && record.relations[1] == "配偶" && rng.Chance(0.05)) {
      world_.Out(Table::kKinship)
          .Field(head.id)
          .Field(record.members[1].id)
          .Field("spouse")
          .EndRow();
    }

    // Beneficiaries of industry projects (B10): registered households freely, others only
    // while registered ones stay at least half.
    if (index == 0) {
      for (Link& link : linked_) LinkTo(link, record.id, true);
    } else if (!linked_.empty()) {
      Link& link = linked_[rng.Below(linked_.size())];
      if (registered ? rng.Chance(0.3) : rng.Chance(0.1) && link.others + 1 <= link.registered) {
        LinkTo(link, record.id, registered);
      }
    }
  }

 private:
  struct Link {
    std::string project_id;
    int registered = 0;
    int others = 0;
  };

  void LinkTo(Link& link, std::string_view household_id, bool registered) {
    world_.Out(Table::kProjectBeneficiaries).Field(link.project_id).Field(household_id).EndRow();
    ++(registered ? link.registered : link.others);
  }

  void Transfer(std::string_view from, std::string_view to, Fen amount, Date date) {
    world_.Out(Table::kAccountTransfers)
        .Field(world_.NextTransferId())
        .Field(from)
        .Field(to)
        .Field(MoneyText(amount))
        .Field(DateText(date))
        .EndRow();
  }

  // One or two jobs, one after the other, never overlapping.
  template <typename CardOf>
  void Job(Rng& rng, const HouseholdRecord& record, size_t member, CardOf& card_of) {
    const Date t = world_.as_of();
    const Person& person = record.members[member];
    const PairingSpec& pairing = PairingOfCounty(county_);
    const HelperSpec& helper = Helpers()[static_cast<size_t>(pairing.helper)];
    const std::string_view county_code = Counties()[static_cast<size_t>(county_)].code;
    auto write = [&](std::string_view employer, std::string_view region, Date start,
                     std::optional<Date> end, std::string_view kind, std::string_view subsidy) {
      world_.Out(Table::kEmployment)
          .Field(person.id)
          .Field(employer)
          .Field(region)
          .Field(DateText(start))
          .Field(end.has_value() ? DateText(*end) : std::string())
          .Field(kind)
          .Field(subsidy)
          .EndRow();
    };
    static constexpr int kKinds[] = {55, 25, 15, 5};
    const size_t kind = rng.Weighted(kKinds);
    const Date start = t.AddDays(-static_cast<int>(rng.Uniform(30, 900)));
    if (kind == 0) {
      // 劳务协作: to the helper region, with the one-off travel subsidy.
      const auto& employers = world_.helper_companies[static_cast<size_t>(pairing.helper)];
      std::optional<Date> end;
      if (rng.Chance(0.4)) end = start.AddDays(static_cast<int>(rng.Uniform(60, 300)));
      if (end.has_value() && *end >= t) end.reset();
      write(employers[rng.Below(employers.size())].uscc, helper.person_prefix, start, end,
            "remote_labor", MoneyText(world_.programmes.travel_standard));
      const Date paid = start.AddDays(static_cast<int>(rng.Uniform(20, 40)));
      if (paid <= t) {
        SubsidyPayment payment;
        payment.program_id = travel_programme_;
        payment.item_id = travel_item_;
        payment.payee_name = person.name;
        payment.payee_id = person.id;
        payment.account = card_of(member);
        payment.amount = world_.programmes.travel_standard;
        payment.pay_date = paid;
        payment.household_id = record.id;
        payment.county = county_;
        WriteSubsidyPayment(world_, payment);
      }
      // Back home: a job in the county, from at least a day after the last one ended.
      if (end.has_value()) {
        const Date next = end->AddDays(static_cast<int>(rng.Uniform(1, 60)));
        if (next <= t) {
          const auto& cooperatives = world_.county_cooperatives[static_cast<size_t>(county_)];
          write(cooperatives[rng.Below(cooperatives.size())].uscc, county_code, next, std::nullopt,
                "workshop", {});
        }
      }
    } else if (kind == 1) {
      const auto& cooperatives = world_.county_cooperatives[static_cast<size_t>(county_)];
      write(cooperatives[rng.Below(cooperatives.size())].uscc, county_code, start, std::nullopt,
            "workshop", {});
    } else if (kind == 2) {
      write({}, county_code, start, std::nullopt, "public_post", MoneyText(Yuan(600)));
    } else {
      const auto& contractors = world_.county_contractors[static_cast<size_t>(county_)];
      write(contractors[rng.Below(contractors.size())].uscc, county_code, start, std::nullopt,
            "local_labor", {});
    }
  }

  World& world_;
  int county_;
  const PayCalendar& calendar_;
  std::string province_, travel_item_, travel_programme_;
  std::vector<Link> linked_;
  std::vector<std::pair<Person, std::string>> traders_;  // person, card
  std::vector<int> villages_;
};

}  // namespace

Status StreamHouseholds(World& world, ProjectBook& projects, const ProgressFn& progress) {
  const int64_t total = world.options().households;
  const auto& counties = Counties();
  // Households per county: proportional to weight (largest remainder), at least 3 each.
  int weight_sum = 0;
  for (const CountySpec& county : counties) weight_sum += county.weight;
  const int64_t floor_each = 3;
  const int64_t spread = total - floor_each * static_cast<int64_t>(counties.size());
  std::vector<int64_t> counts(counties.size());
  std::vector<std::pair<int64_t, size_t>> remainders;
  int64_t assigned = 0;
  for (size_t c = 0; c < counties.size(); ++c) {
    counts[c] = floor_each + spread * counties[c].weight / weight_sum;
    assigned += counts[c];
    remainders.emplace_back(-(spread * counties[c].weight % weight_sum), c);
  }
  std::sort(remainders.begin(), remainders.end());
  for (size_t i = 0; assigned < total; ++i, ++assigned)
    ++counts[remainders[i % counties.size()].second];

  const PayCalendar calendar = MakePayCalendar(world.as_of());
  int64_t done = 0;
  for (size_t c = 0; c < counties.size(); ++c) {
    CountyStream stream(world, projects, static_cast<int>(c), calendar);
    stream.ChooseVillages(counts[c]);
    for (int64_t i = 0; i < counts[c]; ++i) {
      stream.Household(i);
      if (progress && (++done % 2000 == 0 || done == total)) progress("农户", done, total);
    }
  }
  if (progress && done % 2000 != 0) progress("农户", done, total);
  return Status::Ok();
}

}  // namespace sunlight::demo
