// The seed articles' projects, and the planted cases of rules B01–B12 (see anomalies.h).
//
// Numbers are chosen against the rule parameters of spec/rules.md (days=180, min_ratio=0.6;
// days=365; grace_days=30; margin=30; threshold=4 000 000 yuan, window_days=90; days=90;
// min_share=0.5; max_share=0.5, min_contracts=5). Every planted project is otherwise clean:
// paid on time and in proportion, on schedule, accepted on time, tendered where needed.
#include <algorithm>
#include <cassert>

#include "demo_data/anomalies.h"
#include "demo_data/companies.h"

namespace sunlight::demo {
namespace {

// County indexes into Counties().
enum County : int {
  kQixingguan = 0,
  kDafang = 1,
  kQianxi = 2,
  kNayong = 3,
  kWeining = 4,
  kHezhang = 5,
  kSandu = 6,
  kLibo = 7,
  kKangle = 8,
  kNinglang = 9,
  kLeishan = 10,
  kHefeng = 11,
  kQingcheng = 13,
  kHuanxian = 14,
  kFuping = 15,
  kYongning = 16,
  kWudu = 17,
  kWanzhou = 20,
  kWeiyuan = 21,
};

class ProjectPlanter {
 public:
  ProjectPlanter(World& world, ProjectBook& book, bool plant)
      : world_(world), book_(book), plant_(plant), rng_(world.StageRng(61)), t_(world.as_of()) {}

  PlantedProjects Run();

 private:
  Date Ago(int days) const { return t_.AddDays(-days); }
  const CountyOrgs& Orgs(int county) const {
    return world_.county_orgs[static_cast<size_t>(county)];
  }
  const Company& Contractor(int county, size_t n) const {
    const auto& list = world_.county_contractors[static_cast<size_t>(county)];
    return list[n % list.size()];
  }
  // "威宁县" + the n-th township's short name.
  std::string Town(int county, int n, std::string* code = nullptr) const {
    const std::vector<int> rural = world_.geo().RuralTownships(county);
    const Township& town =
        world_.geo().townships[static_cast<size_t>(rural[static_cast<size_t>(n) % rural.size()])];
    if (code != nullptr) *code = town.code;
    return std::string(Counties()[static_cast<size_t>(county)].short_name) +
           ShortTownshipName(town.name);
  }
  std::string TownshipName(std::string_view code) const {
    const int index = world_.geo().FindTownship(code);
    assert(index >= 0);
    return ShortTownshipName(world_.geo().townships[static_cast<size_t>(index)].name);
  }

  // A planted project: approved 30 days before a planned start `start_ago` days before as-of,
  // `duration` days planned, acceptance planned 30 days after completion; started on time,
  // completed on time if that day has come; one contract with `supplier`.
  ProjectPlan Base(int county, std::string name, std::string_view category, std::string_view owner,
                   bool east_west, std::string_view region, Fen budget, std::string_view method,
                   const Company& supplier, Fen contract, int start_ago, int duration) {
    ProjectPlan plan =
        book_.NewProject(county, std::move(name), category, owner, east_west, region);
    plan.budget = budget;
    plan.procurement = std::string(method);
    plan.planned_start = Ago(start_ago);
    plan.planned_completion = plan.planned_start.AddDays(duration);
    plan.planned_acceptance = plan.planned_completion.AddDays(30);
    plan.approved = plan.planned_start.AddDays(-30);
    if (plan.planned_start <= t_) plan.actual_start = plan.planned_start;
    if (plan.planned_completion <= t_) plan.actual_completion = plan.planned_completion;
    if (contract > 0)
      book_.AddContract(plan, supplier, contract, plan.approved.AddDays(10), method);
    plan.links_households = category == "industry";
    plan.planted = true;
    return plan;
  }

  // Accepted five days before the planned acceptance, if that day has come.
  void AcceptOnTime(ProjectPlan& plan) const {
    if (plan.actual_completion.has_value() && plan.planned_acceptance.AddDays(-5) <= t_) {
      plan.accepted = plan.planned_acceptance.AddDays(-5);
    }
  }

  // Allocations of the contracts' total: 60 % ten days after approval, 40 % ninety days
  // later (if before as-of). Payments to `supplier`: `paid_pct` % of the allocation, an
  // advance after the start and the rest `last_ago` days before as-of.
  void Money(ProjectPlan& plan, const Company& supplier, int paid_pct, int last_ago) {
    Fen total = 0;
    for (const ContractPlan& contract : plan.contracts) total += contract.amount;
    const Date first = plan.approved.AddDays(10);
    plan.allocations.emplace_back(first, total * 6 / 10);
    if (first.AddDays(90) < t_)
      plan.allocations.emplace_back(first.AddDays(90), total - total * 6 / 10);
    Fen allocated = 0;
    for (const auto& allocation : plan.allocations) allocated += allocation.second;
    const Fen paid = allocated * paid_pct / 100;
    const Date last = Ago(last_ago);
    const Date advance = std::max(first, plan.planned_start.AddDays(10));
    if (advance < last) {
      book_.PayContractor(plan, supplier, paid / 2, advance);
      book_.PayContractor(plan, supplier, paid - paid / 2, last);
    } else {
      book_.PayContractor(plan, supplier, paid, std::max(first, last));
    }
  }

  void Progress(ProjectPlan& plan) {
    book_.AddProgressOnSchedule(plan, std::min(t_, plan.actual_completion.value_or(t_)));
  }

  // A clean project in the usual shape: in progress (or done and accepted), 70 % paid.
  ProjectPlan Clean(int county, std::string name, std::string_view category, std::string_view owner,
                    bool east_west, std::string_view region, Fen contract, const Company& supplier,
                    int start_ago = 200, int duration = 300) {
    const Fen budget = contract / 100 * 100 + Yuan(50000);
    ProjectPlan plan = Base(county, std::move(name), category, owner, east_west, region, budget,
                            contract >= Yuan(1000000) ? "open_tender" : "inquiry", supplier,
                            contract, start_ago, duration);
    AcceptOnTime(plan);
    Money(plan, supplier, 70, 20);
    Progress(plan);
    return plan;
  }

  // Records.
  void Expect(std::string_view rule, std::string_view type, std::string_view id) {
    world_.manifest().Expect(rule, type, id);
  }
  void Near(std::string_view rule, std::string_view type, std::string_view id,
            std::string_view why) {
    world_.manifest().NearMiss(rule, type, id, why);
  }
  ProjectPlan& Add(ProjectPlan plan) { return book_.Add(std::move(plan)); }

  void SeedProjectsClean();
  void PlantB01();
  void PlantB02();
  void PlantB03();
  void PlantB04();
  void PlantB05();
  void PlantB06AndB10();
  void PlantB07B08B09();
  void PlantB11();
  void PlantB12();
  void PlantOtherSeedProjects();

  World& world_;
  ProjectBook& book_;
  bool plant_;
  Rng rng_;
  Date t_;
  PlantedProjects result_;
};

PlantedProjects ProjectPlanter::Run() {
  if (!plant_) {
    SeedProjectsClean();
    return result_;
  }
  for (size_t c = 0; c < Counties().size(); ++c) {
    if (!Counties()[c].background_projects) {
      result_.concentrated_counties.push_back(static_cast<int>(c));
    }
  }
  PlantB01();
  PlantB02();
  PlantB03();
  PlantB04();
  PlantB05();
  PlantB06AndB10();
  PlantB07B08B09();
  PlantB11();
  PlantB12();
  PlantOtherSeedProjects();
  return result_;
}

// Without anomalies the seed projects are ordinary, well-run projects.
void ProjectPlanter::SeedProjectsClean() {
  struct Seed {
    int county;
    std::string_view name, category, township;
    Fen amount;
  };
  const Seed seeds[] = {
      {kQianxi, "黔西县猕猴桃种植项目", "industry", "", Yuan(3200000)},
      {kDafang, "大方县奢香古镇异地搬迁安置点大方七中配套项目", "education", "", Yuan(8000000)},
      {kDafang, "百里杜鹃大水乡冬荪种植项目", "industry", "520521220", Yuan(1200000)},
      {kHezhang, "赫章县铁匠乡鲜花种植基地建设项目", "industry", "520527208", Yuan(1600000)},
      {kHezhang, "赫章县兴发乡花弄种植基地项目", "industry", "520527202", Yuan(900000)},
      {kWeining, "威宁县羊街镇中药材种植项目", "industry", "520526113", Yuan(1420000)},
      {kWeining, "威宁县软籽石榴与小黄姜种植项目", "industry", "", Yuan(2300000)},
      {kNayong, "纳雍县厍东关乡“同心蛋”项目", "industry", "520525202", Yuan(850000)},
      {kSandu, "三都县香菌种植项目", "industry", "", Yuan(1500000)},
      {kSandu, "三都县都江镇“两江神岛乡村旅游综合扶贫协作”项目", "infrastructure", "522732113",
       Yuan(2000000)},
      {kLibo, "荔波县水浦大寨乡村旅游基础设施项目（恩铭故里·广州园）", "infrastructure", "",
       Yuan(2000000)},
      {kLeishan, "雷山县乌杆天麻种植基地建设项目", "industry", "", Yuan(2200000)},
      {kFuping, "阜平县硒鸽养殖扶贫项目", "industry", "", Yuan(1800000)},
      {kYongning, "闽宁镇菌草种植示范项目", "industry", "640121104", Yuan(1300000)},
      {kWeiyuan, "渭源县庆坪镇老王沟村光伏扶贫电站项目", "infrastructure", "621123109",
       Yuan(960000)},
  };
  int n = 0;
  for (const Seed& seed : seeds) {
    const CountyOrgs& orgs = Orgs(seed.county);
    const std::string& owner = seed.category == "industry"    ? orgs.agriculture
                               : seed.category == "education" ? orgs.education
                                                              : orgs.transport;
    ProjectPlan plan = book_.NewProject(seed.county, std::string(seed.name), seed.category, owner,
                                        true, seed.township);
    plan.budget = seed.amount / 100 * 100 + Yuan(80000);
    plan.links_households = seed.category == "industry";
    const ProjectStage stage = n % 2 == 0 ? ProjectStage::kInProgress : ProjectStage::kAccepted;
    ++n;
    book_.FillClean(plan, rng_, stage, Contractor(seed.county, static_cast<size_t>(n)),
                    seed.amount);
    Add(std::move(plan));
  }
}

// B01 工程款转入个人账户 (seed 002: 七星关区某镇财政所负责人将工程款打入个人账户).
void ProjectPlanter::PlantB01() {
  std::string town_code;
  const std::string town = Town(kQixingguan, 3, &town_code);
  const Company& contractor = Contractor(kQixingguan, 1);
  ProjectPlan plan =
      Base(kQixingguan, town + "村组道路硬化项目", "infrastructure", Orgs(kQixingguan).transport,
           false, town_code, Yuan(800000), "inquiry", contractor, Yuan(760000), 120, 240);
  plan.allocations.emplace_back(plan.approved.AddDays(10), Yuan(456000));
  plan.allocations.emplace_back(Ago(50), Yuan(304000));
  book_.PayContractor(plan, contractor, Yuan(228000), Ago(100));
  // The boss's own card instead of the company's account.
  const Person& boss = contractor.legal_rep;
  const std::string card = world_.OpenPersonalCard(rng_, boss, kQixingguan);
  ProjectPaymentPlan& diverted = book_.PayContractor(plan, contractor, Yuan(300000), Ago(20));
  diverted.payee_name = boss.name;
  diverted.payee_id = boss.id;
  diverted.account = card;
  Expect("B01", "payment", diverted.id);
  // 以工代赈: wages for a villager's work, into his own card — labour, not engineering money.
  const Person worker = world_.NewCountyPerson(rng_, kQixingguan, 25, 55);
  const std::string worker_card = world_.OpenPersonalCard(rng_, worker, kQixingguan);
  ProjectPaymentPlan& wages = book_.PayContractor(plan, contractor, Yuan(20000), Ago(30));
  wages.payee_name = worker.name;
  wages.payee_id = worker.id;
  wages.account = worker_card;
  wages.purpose = "labor";
  Near("B01", "payment", wages.id, "以工代赈劳务报酬（用途 labor）打入个人账户，不属于工程款");
  Progress(plan);
  Add(std::move(plan));
}

// B02 资金拨付缓慢 (seed 002: 大方县奢香古镇异地搬迁点大方七中项目资金拨付进度缓慢).
void ProjectPlanter::PlantB02() {
  const CountyOrgs& orgs = Orgs(kDafang);
  {
    const Company& contractor = Contractor(kDafang, 0);
    ProjectPlan plan =
        Base(kDafang, "大方县奢香古镇异地搬迁安置点大方七中配套项目", "education", orgs.education,
             true, "", Yuan(8600000), "open_tender", contractor, Yuan(8000000), 390, 540);
    plan.allocations.emplace_back(Ago(400), Yuan(4800000));
    plan.allocations.emplace_back(Ago(300), Yuan(3200000));
    book_.PayContractor(plan, contractor, Yuan(1200000), Ago(380));
    book_.PayContractor(plan, contractor, Yuan(800000), Ago(200));
    book_.PayContractor(plan, contractor, Yuan(800000), Ago(90));
    Progress(plan);
    Expect("B02", "project", plan.id);
    Add(std::move(plan));
  }
  // Three water projects allocated 1 000 000.00 each.
  struct Case {
    int first_ago;
    Fen second_payment;
    bool fires;
    std::string_view why;
  };
  const Case cases[] = {
      {180, Yuan(200000) - 1, true, ""},
      {180, Yuan(200000), false, "首笔下达满 180 天，支付比例恰为 60.00%（规则为低于 60% 才预警）"},
      {179, 0, false, "首笔下达 179 天，未满 180 天，支付比例仅 10% 也不预警"},
  };
  int n = 0;
  for (const Case& c : cases) {
    std::string town_code;
    const std::string town = Town(kDafang, 5 + n, &town_code);
    const Company& contractor = Contractor(kDafang, static_cast<size_t>(1 + n++));
    ProjectPlan plan = Base(kDafang, town + "农村饮水安全巩固提升工程", "infrastructure",
                            orgs.water, false, town_code, Yuan(1050000), "consultation", contractor,
                            Yuan(1000000), c.first_ago - 10, 300);
    plan.allocations.emplace_back(Ago(c.first_ago), Yuan(1000000));
    if (c.first_ago == 179) {
      book_.PayContractor(plan, contractor, Yuan(100000), Ago(170));
    } else {
      book_.PayContractor(plan, contractor, Yuan(400000), Ago(150));
      book_.PayContractor(plan, contractor, c.second_payment, Ago(30));
    }
    Progress(plan);
    if (c.fires) {
      Expect("B02", "project", plan.id);
    } else {
      Near("B02", "project", plan.id, c.why);
    }
    Add(std::move(plan));
  }
}

// B03 资金闲置 (seed 002: 审批链条过长致资金闲置滞留): 70 % paid, then nothing.
void ProjectPlanter::PlantB03() {
  struct Case {
    int last_ago;
    bool fires;
  };
  const Case cases[] = {{420, true}, {365, true}, {364, false}};
  int n = 0;
  for (const Case& c : cases) {
    std::string town_code;
    const std::string town = Town(kNayong, 2 + n, &town_code);
    const Company& contractor = Contractor(kNayong, static_cast<size_t>(n++));
    ProjectPlan plan =
        Base(kNayong, town + "产业路建设项目", "infrastructure", Orgs(kNayong).transport, true,
             town_code, Yuan(2000000), "open_tender", contractor, Yuan(1900000), 720, 240);
    AcceptOnTime(plan);
    Money(plan, contractor, 70, c.last_ago);
    Progress(plan);
    if (c.fires) {
      Expect("B03", "project", plan.id);
    } else {
      Near("B03", "project", plan.id,
           "尚有 30% 未支付，但最后一笔支付距基准日 364 天，未满 365 天");
    }
    Add(std::move(plan));
  }
}

// B04 逾期未验收 (seed 002: 威宁县羊街镇中药材种植项目未按期验收).
void ProjectPlanter::PlantB04() {
  const CountyOrgs& orgs = Orgs(kWeining);
  {
    const Company& contractor = Contractor(kWeining, 0);
    ProjectPlan plan =
        Base(kWeining, "威宁县羊街镇中药材种植项目", "industry", orgs.agriculture, true,
             "520526113", Yuan(1500000), "consultation", contractor, Yuan(1420000), 470, 270);
    Money(plan, contractor, 70, 45);
    Progress(plan);
    Expect("B04", "project", plan.id);
    Add(std::move(plan));
  }
  // Planned acceptance 31 days ago (fires) and 30 days ago (the grace period still runs).
  for (int acceptance_ago : {31, 30}) {
    std::string town_code;
    const std::string town = Town(kWeining, acceptance_ago, &town_code);
    const Company& contractor = Contractor(kWeining, static_cast<size_t>(acceptance_ago));
    ProjectPlan plan = Base(kWeining, town + "马铃薯良种繁育基地项目", "industry", orgs.agriculture,
                            false, town_code, Yuan(900000), "inquiry", contractor, Yuan(860000),
                            acceptance_ago + 30 + 200, 200);
    Money(plan, contractor, 70, 20);
    Progress(plan);
    if (acceptance_ago == 31) {
      Expect("B04", "project", plan.id);
    } else {
      Near("B04", "project", plan.id, "计划验收日加 30 天宽限恰为基准日，尚未逾期");
    }
    Add(std::move(plan));
  }
}

// B05 建设进度滞后 (seed 002: 赫章县铁匠乡鲜花种植基地建设缓慢).
void ProjectPlanter::PlantB05() {
  const CountyOrgs& orgs = Orgs(kHezhang);
  {
    const Company& contractor = Contractor(kHezhang, 0);
    ProjectPlan plan =
        Base(kHezhang, "赫章县铁匠乡鲜花种植基地建设项目", "industry", orgs.agriculture, true,
             "520527208", Yuan(1700000), "consultation", contractor, Yuan(1600000), 300, 360);
    Money(plan, contractor, 70, 20);
    // Expected at as-of: 300/360 = 83 %; reported 35 % ten days before.
    const int reports[] = {5, 8, 12, 15, 18, 20, 24, 27, 30, 35};
    for (int i = 0; i < 10; ++i)
      plan.progress.emplace_back(Ago(270 - 29 * i - (i == 9 ? -1 : 0)), reports[i]);
    Expect("B05", "project", plan.id);
    Add(std::move(plan));
  }
  // Started 100 days ago, 200 days planned: 50 % expected at as-of, reported on as-of.
  for (int last_report : {19, 20}) {
    std::string town_code;
    const std::string town = Town(kHezhang, last_report, &town_code);
    const Company& contractor = Contractor(kHezhang, static_cast<size_t>(last_report));
    ProjectPlan plan =
        Base(kHezhang, town + "核桃提质增效项目", "industry", orgs.agriculture, false, town_code,
             Yuan(600000), "inquiry", contractor, Yuan(580000), 100, 200);
    Money(plan, contractor, 50, 20);
    plan.progress.emplace_back(Ago(70), 5);
    plan.progress.emplace_back(Ago(40), 10);
    plan.progress.emplace_back(Ago(10), 15);
    plan.progress.emplace_back(t_, last_report);
    if (last_report == 19) {
      Expect("B05", "project", plan.id);
    } else {
      Near("B05", "project", plan.id, "按工期应完成 50%，报告 20%，恰为 50−30，不低于界线");
    }
    Add(std::move(plan));
  }
}

// B06 规避招标 and B10 利益联结不聚焦.
void ProjectPlanter::PlantB06AndB10() {
  // Seed 002: 黔西县猕猴桃种植项目中政府采购和扶贫利益联结等未完善 — a negotiated contract just
  // under the tender threshold, and no household linked to it.
  {
    const Company& contractor = Contractor(kQianxi, 0);
    ProjectPlan plan =
        Base(kQianxi, "黔西县猕猴桃种植项目", "industry", Orgs(kQianxi).agriculture, true, "",
             Yuan(3980000), "negotiation", contractor, Yuan(3950000), 150, 300);
    plan.links_households = false;
    Money(plan, contractor, 70, 20);
    Progress(plan);
    Expect("B06", "project", plan.id);
    Expect("B10", "project", plan.id);
    Add(std::move(plan));
  }
  // Exactly 0.9 × threshold, directly commissioned.
  {
    std::string town_code;
    const std::string town = Town(kQianxi, 4, &town_code);
    const Company& contractor = Contractor(kQianxi, 1);
    ProjectPlan plan = Base(kQianxi, town + "农产品冷链物流中心建设项目", "infrastructure",
                            Orgs(kQianxi).transport, true, town_code, Yuan(3600000), "direct",
                            contractor, Yuan(3600000), 150, 300);
    Money(plan, contractor, 70, 20);
    Progress(plan);
    Expect("B06", "project", plan.id);
    Add(std::move(plan));
  }
  // Split contracts with one supplier in 万州 (30 days apart fires, 91 apart does not; a sum
  // one fen under the threshold does not).
  struct Split {
    Fen budget, first, second;
    int gap;
    bool fires;
    std::string_view why;
  };
  const Split splits[] = {
      {Yuan(4200000), Yuan(2100000), Yuan(1950000), 30, true, ""},
      {Yuan(4200000), Yuan(2100000), Yuan(1950000), 91, false,
       "同一供应商两份合同合计超过 400 万元，但相隔 91 天，超出 90 天窗口"},
      {Yuan(4100000), Yuan(2000000), Yuan(2000000) - 1, 20, false,
       "同一供应商两份合同 20 天内签订，合计 3999999.99 元，比 400 万元少一分"},
  };
  int n = 0;
  for (const Split& split : splits) {
    std::string town_code;
    const std::string town = Town(kWanzhou, 3 * n + 1, &town_code);
    const Company& contractor = Contractor(kWanzhou, static_cast<size_t>(n++));
    ProjectPlan plan =
        Base(kWanzhou, town + "柑橘产业园基础设施项目", "infrastructure", Orgs(kWanzhou).transport,
             true, town_code, split.budget, "negotiation", contractor, 0, 150, 300);
    book_.AddContract(plan, contractor, split.first, plan.approved.AddDays(5), "negotiation");
    book_.AddContract(plan, contractor, split.second, plan.approved.AddDays(5 + split.gap),
                      "negotiation");
    Money(plan, contractor, 70, 20);
    Progress(plan);
    if (split.fires) {
      Expect("B06", "project", plan.id);
    } else {
      Near("B06", "project", plan.id, split.why);
    }
    Add(std::move(plan));
  }
  // One fen under 0.9 × threshold without tender; inside the band but openly tendered.
  struct Band {
    Fen amount;
    std::string_view method, why;
  };
  const Band bands[] = {
      {Yuan(3600000) - 1, "consultation",
       "预算与合同 3599999.99 元，低于 360 万元下限一分，竞争性磋商"},
      {Yuan(3750000), "open_tender", "合同 375 万元在 [360 万, 400 万) 区间，但公开招标"},
  };
  n = 0;
  for (const Band& band : bands) {
    std::string town_code;
    const std::string town = Town(kFuping, 2 * n + 1, &town_code);
    const Company& contractor = Contractor(kFuping, static_cast<size_t>(n++));
    ProjectPlan plan =
        Base(kFuping, town + "香菇大棚建设项目", "industry", Orgs(kFuping).agriculture, true,
             town_code, band.method == "open_tender" ? Yuan(3800000) : band.amount, band.method,
             contractor, band.amount, 150, 300);
    Money(plan, contractor, 70, 20);
    Progress(plan);
    Near("B06", "project", plan.id, band.why);
    Add(std::move(plan));
  }

  // B10: 软籽石榴与小黄姜 (seed 002: 对建档立卡贫困人口不够聚焦) — 4 of 10 linked households
  // registered; and a vegetable base with exactly 5 of 10.
  for (int registered : {4, 5}) {
    const Company& contractor = Contractor(kWeining, static_cast<size_t>(registered));
    std::string town_code;
    const std::string name = registered == 4
                                 ? std::string("威宁县软籽石榴与小黄姜种植项目")
                                 : Town(kWeining, 7, &town_code) + "高山冷凉蔬菜基地项目";
    ProjectPlan plan = Base(kWeining, name, "industry", Orgs(kWeining).agriculture, true, town_code,
                            Yuan(2400000), "open_tender", contractor, Yuan(2300000), 150, 300);
    plan.links_households = false;
    Money(plan, contractor, 70, 20);
    Progress(plan);
    if (registered == 4) {
      Expect("B10", "project", plan.id);
    } else {
      Near("B10", "project", plan.id, "联结 10 户，其中建档立卡户 5 户，占比恰为 50%");
    }
    result_.links.push_back({plan.id, kWeining, registered, 10 - registered});
    Add(std::move(plan));
  }
}

// B07 报账不及时, B08 报账程序不规范, B09 投向不符合政策 (all seed 002).
void ProjectPlanter::PlantB07B08B09() {
  {
    const Company& contractor = Contractor(kNayong, 4);
    ProjectPlan plan = Base(kNayong, "纳雍县" + TownshipName("520525202") + "“同心蛋”项目",
                            "industry", Orgs(kNayong).agriculture, true, "520525202", Yuan(900000),
                            "inquiry", contractor, Yuan(850000), 200, 300);
    Money(plan, contractor, 70, 30);
    for (int lag : {95, 91, 90}) {
      ProjectPaymentPlan& p =
          book_.PayContractor(plan, contractor, Yuan(10000), Ago(20 + lag % 5), 1, lag);
      if (lag > 90) {
        Expect("B07", "payment", p.id);
      } else {
        Near("B07", "payment", p.id, "费用发生后恰 90 天报账，未超过 90 天");
      }
    }
    Progress(plan);
    Add(std::move(plan));
  }
  {
    const Company& contractor = Contractor(kDafang, 4);
    ProjectPlan plan =
        Base(kDafang, "百里杜鹃大水乡冬荪种植项目", "industry", Orgs(kDafang).agriculture, true,
             "520521220", Yuan(1250000), "consultation", contractor, Yuan(1200000), 200, 300);
    Money(plan, contractor, 70, 30);
    ProjectPaymentPlan* p = &book_.PayContractor(plan, contractor, Yuan(10000), Ago(28));
    p->voucher.clear();
    Expect("B08", "payment", p->id);
    p = &book_.PayContractor(plan, contractor, Yuan(10000), Ago(26));
    p->approved_date = p->pay_date.AddDays(1);
    Expect("B08", "payment", p->id);
    p = &book_.PayContractor(plan, contractor, Yuan(10000), Ago(24));
    p->approved_date.reset();
    Expect("B08", "payment", p->id);
    p = &book_.PayContractor(plan, contractor, Yuan(10000), Ago(22), 0);
    Near("B08", "payment", p->id, "审批日期与支付日期同一天，不晚于支付日");
    Progress(plan);
    Add(std::move(plan));
  }
  {
    // Cooperation money spent on office equipment (管理费) through an industry project.
    std::string town_code;
    const std::string town = Town(kHefeng, 2, &town_code);
    const Company& contractor = Contractor(kHefeng, 0);
    ProjectPlan plan =
        Base(kHefeng, town + "茶叶加工扶贫车间项目", "industry", Orgs(kHefeng).agriculture, true,
             town_code, Yuan(1300000), "consultation", contractor, Yuan(1250000), 200, 300);
    Money(plan, contractor, 70, 30);
    ProjectPaymentPlan& admin = book_.PayContractor(plan, contractor, Yuan(30000), Ago(25));
    admin.purpose = "admin";
    Expect("B09", "payment", admin.id);
    ProjectPaymentPlan& labor = book_.PayContractor(plan, contractor, Yuan(20000), Ago(24));
    labor.purpose = "labor";
    Near("B09", "payment", labor.id, "产业项目中的劳务费（labor），在东西部协作资金允许用途内");
    Progress(plan);
    Add(std::move(plan));
  }
  {
    // A clinic upgrade charged to the provincial fund, which does not cover health.
    std::string town_code;
    const std::string town = Town(kKangle, 3, &town_code);
    const Company& contractor = Contractor(kKangle, 1);
    ProjectPlan plan =
        Base(kKangle, town + "卫生院能力提升项目", "health", Orgs(kKangle).health, false, town_code,
             Yuan(800000), "inquiry", contractor, Yuan(760000), 200, 300);
    plan.program_id = world_.programmes.provincial.at("62");
    plan.helper_region_code.clear();
    Money(plan, contractor, 70, 30);
    for (const ProjectPaymentPlan& p : plan.payments) Expect("B09", "payment", p.id);
    Progress(plan);
    Add(std::move(plan));
  }
}

// B11 利益关联: contractors tied to officials of the project's owner.
void ProjectPlanter::PlantB11() {
  struct Case {
    int county;
    std::string CountyOrgs::*official_org;
    size_t official;
    std::string_view tie;  // "shareholder", "spouse_rep", "rep", "sibling_shareholder"
    bool fires;
    std::string_view product, why;
  };
  const Case cases[] = {
      {kQingcheng, &CountyOrgs::agriculture, 1, "shareholder", true, "苹果产业园建设项目", ""},
      {kHuanxian, &CountyOrgs::agriculture, 0, "spouse_rep", true, "环县羊养殖小区建设项目", ""},
      {kQingcheng, &CountyOrgs::water, 2, "rep", false, "黄花菜加工车间项目",
       "承建单位法定代表人是县水务局干部，而项目主管单位是县农业农村局"},
      {kHuanxian, &CountyOrgs::transport, 0, "sibling_shareholder", false, "荞麦种植基地项目",
       "承建单位股东是县交通运输局干部的兄弟，而项目主管单位是县农业农村局"},
  };
  int n = 0;
  for (const Case& c : cases) {
    const CountySpec& county = Counties()[static_cast<size_t>(c.county)];
    const CountyOrgs& orgs = Orgs(c.county);
    const std::string& official_org = orgs.*c.official_org;
    const Person official = world_.officials_by_org.at(official_org)[c.official];
    const std::string name = CountyStem(county.short_name) + (n % 2 == 0 ? "惠农" : "兴牧") +
                             std::to_string(n) + "号农业发展有限公司";
    const Company* company = nullptr;
    if (c.tie == "shareholder") {
      company = &world_.extra_companies.emplace_back(
          AddCompany(world_, rng_, name, '1', county.code, county.style, nullptr, true, &official));
    } else if (c.tie == "rep") {
      company = &world_.extra_companies.emplace_back(
          AddCompany(world_, rng_, name, '1', county.code, county.style, &official, false));
    } else {
      const bool spouse = c.tie == "spouse_rep";
      const bool male = spouse ? !official.male : rng_.Chance(0.5);
      const Date birth = official.birth.AddDays(static_cast<int>(rng_.Uniform(-900, 900)));
      Person kin = world_.NewPerson(rng_, county.code, county.style, male, birth);
      world_.Out(Table::kKinship)
          .Field(official.id)
          .Field(kin.id)
          .Field(spouse ? "spouse" : "sibling")
          .EndRow();
      company = &world_.extra_companies.emplace_back(
          spouse ? AddCompany(world_, rng_, name, '1', county.code, county.style, &kin, false)
                 : AddCompany(world_, rng_, name, '1', county.code, county.style, nullptr, true,
                              &kin));
    }
    std::string town_code;
    const std::string town = Town(c.county, 2 + n, &town_code);
    ProjectPlan plan;
    if (c.tie == "spouse_rep") {
      // The spouse's company supplies equipment under a second contract.
      const Company& contractor = Contractor(c.county, 0);
      plan = Base(c.county, town + std::string(c.product), "industry", orgs.agriculture, true,
                  town_code, Yuan(1500000), "open_tender", contractor, Yuan(1200000), 200, 300);
      book_.AddContract(plan, *company, Yuan(200000), plan.approved.AddDays(20), "inquiry");
      Money(plan, contractor, 70, 20);
    } else {
      plan = Base(c.county, town + std::string(c.product), "industry", orgs.agriculture, true,
                  town_code, Yuan(1500000), "open_tender", *company, Yuan(1400000), 200, 300);
      Money(plan, *company, 70, 20);
    }
    Progress(plan);
    if (c.fires) {
      Expect("B11", "project", plan.id);
    } else {
      Near("B11", "project", plan.id, c.why);
    }
    Add(std::move(plan));
    ++n;
  }
}

// B12 供应商集中: 三都 (one supplier with 72 % of nine contracts), 荔波 (exactly 50 %), 雷山 (all
// four contracts with one supplier, but fewer than five in the county).
void ProjectPlanter::PlantB12() {
  struct Line {
    int county;
    size_t supplier;
    std::string name;
    std::string_view category, township;
    Fen amount;
  };
  std::vector<Line> lines = {
      {kSandu, 0, "三都县香菌种植项目", "industry", "", Yuan(1500000)},
      {kSandu, 0, "三都县都江镇“两江神岛乡村旅游综合扶贫协作”项目", "infrastructure", "522732113",
       Yuan(2000000)},
      {kSandu, 0, Town(kSandu, 1) + "通组路硬化工程", "infrastructure", "", Yuan(1200000)},
      {kSandu, 0, Town(kSandu, 2) + "安全饮水巩固提升工程", "infrastructure", "", Yuan(900000)},
      {kSandu, 0, Town(kSandu, 3) + "产业路建设项目", "infrastructure", "", Yuan(1400000)},
      {kSandu, 1, Town(kSandu, 4) + "茶叶种植基地建设项目", "industry", "", Yuan(1000000)},
      {kSandu, 1, Town(kSandu, 5) + "稻鱼综合种养项目", "industry", "", Yuan(800000)},
      {kSandu, 2, Town(kSandu, 6) + "中心小学教学楼建设项目", "education", "", Yuan(900000)},
      {kLibo, 0, "荔波县水浦大寨乡村旅游基础设施项目（恩铭故里·广州园）", "infrastructure", "",
       Yuan(1000000)},
      {kLibo, 0, Town(kLibo, 1) + "茶叶种植基地建设项目", "industry", "", Yuan(1000000)},
      {kLibo, 0, Town(kLibo, 2) + "通组路硬化工程", "infrastructure", "", Yuan(1000000)},
      {kLibo, 0, Town(kLibo, 3) + "瑶山鸡养殖项目", "industry", "", Yuan(1000000)},
      {kLibo, 0, Town(kLibo, 4) + "安全饮水巩固提升工程", "infrastructure", "", Yuan(1000000)},
      {kLibo, 1, Town(kLibo, 5) + "蜜柚种植基地建设项目", "industry", "", Yuan(2000000)},
      {kLibo, 1, Town(kLibo, 6) + "产业路建设项目", "infrastructure", "", Yuan(1500000)},
      {kLibo, 2, Town(kLibo, 7) + "幼儿园建设项目", "education", "", Yuan(1500000)},
      {kLeishan, 0, "雷山县乌杆天麻种植基地建设项目（子项目一）", "industry", "", Yuan(2200000)},
      {kLeishan, 0, "雷山县乌杆天麻良种繁育中心建设项目（子项目二）", "industry", "",
       Yuan(2000000)},
      {kLeishan, 0, "雷山县乌杆天麻初加工厂建设项目（子项目三）", "industry", "", Yuan(1900000)},
      {kLeishan, 0, "雷山县乌杆天麻仓储冷链建设项目（子项目四）", "industry", "", Yuan(1800000)},
  };
  int n = 0;
  for (const Line& line : lines) {
    const CountyOrgs& orgs = Orgs(line.county);
    const std::string& owner = line.category == "industry"    ? orgs.agriculture
                               : line.category == "education" ? orgs.education
                                                              : orgs.transport;
    ProjectPlan plan =
        Clean(line.county, line.name, line.category, owner, true, line.township, line.amount,
              Contractor(line.county, line.supplier), n % 3 == 0 ? 500 : 200, 300);
    ++n;
    Add(std::move(plan));
  }
  Expect("B12", "company", Contractor(kSandu, 0).uscc);
  Near("B12", "company", Contractor(kLibo, 0).uscc,
       "荔波县 8 份合同中该供应商 5 份，金额占比恰为 50%，未超过 50%");
  Near("B12", "company", Contractor(kLeishan, 0).uscc,
       "雷山县合同全部由该供应商承接，但全县仅 4 份合同，不足 5 份");
}

// The other seed projects, clean: they give the pairings their stories.
void ProjectPlanter::PlantOtherSeedProjects() {
  struct Seed {
    int county;
    std::string_view name, category, township;
    Fen amount;
  };
  const Seed seeds[] = {
      {kHezhang, "赫章县兴发乡花弄种植基地项目", "industry", "520527202", Yuan(900000)},
      {kFuping, "阜平县硒鸽养殖扶贫项目", "industry", "", Yuan(1800000)},
      {kYongning, "闽宁镇菌草种植示范项目", "industry", "640121104", Yuan(1300000)},
      {kWeiyuan, "渭源县庆坪镇老王沟村光伏扶贫电站项目", "infrastructure", "621123109",
       Yuan(960000)},
      {kWudu, "武都区花椒萃取基地配套设施项目", "industry", "", Yuan(2600000)},
      {kKangle, "康乐县东西部扶贫车间建设项目", "industry", "", Yuan(1100000)},
      {kNinglang, "宁蒗县沪滇协作高原特色产业发展项目", "industry", "", Yuan(2500000)},
  };
  int n = 0;
  for (const Seed& seed : seeds) {
    const CountyOrgs& orgs = Orgs(seed.county);
    const int start_ago = 200 + 90 * (n % 4);
    const Company& contractor = Contractor(seed.county, static_cast<size_t>(n));
    ++n;
    Add(Clean(seed.county, std::string(seed.name), seed.category,
              seed.category == "industry" ? orgs.agriculture : orgs.transport, true, seed.township,
              seed.amount, contractor, start_ago, 300));
  }
}

}  // namespace

PlantedProjects AddSeedProjects(World& world, ProjectBook& book, bool plant) {
  ProjectPlanter planter(world, book, plant);
  return planter.Run();
}

}  // namespace sunlight::demo
