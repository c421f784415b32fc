// Projects (see projects.h).
#include "demo_data/projects.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>

#include "demo_data/programmes.h"

namespace sunlight::demo {
namespace {

// What a county grows or raises, for industry project names.
constexpr std::string_view kProducts[][4] = {
    {"刺梨", "食用菌", "辣椒", "蔬菜"},        // 七星关区
    {"天麻", "冬荪", "皱椒", "食用菌"},        // 大方县
    {"猕猴桃", "紫金土豆", "茶叶", "蔬菜"},    // 黔西市
    {"茶叶", "蛋鸡", "高山冷凉蔬菜", "肉牛"},  // 纳雍县
    {"马铃薯", "中药材", "苹果", "肉牛"},      // 威宁县
    {"核桃", "半夏", "冷水鱼", "鲜花"},        // 赫章县
    {"香菌", "茶叶", "百香果", "稻鱼"},        // 三都县
    {"茶叶", "蜜柚", "瑶山鸡", "蔬菜"},        // 荔波县
    {"肉牛", "中药材", "马铃薯", "百合"},      // 康乐县
    {"苹果", "花椒", "中药材", "玛卡"},        // 宁蒗县
    {"银球茶", "天麻", "稻鱼", "蔬菜"},        // 雷山县
    {"茶叶", "蔬菜", "中药材", "肉牛"},        // 鹤峰县
    {"牦牛", "藏羊", "青稞", "饲草"},          // 夏河县
    {"苹果", "黄花菜", "肉羊", "中药材"},      // 庆城县
    {"环县羊", "黄花菜", "荞麦", "中药材"},    // 环县
    {"香菇", "硒鸽", "苹果", "核桃"},          // 阜平县
    {"酿酒葡萄", "菌草", "肉牛", "红树莓"},    // 永宁县
    {"花椒", "油橄榄", "核桃", "中药材"},      // 武都区
    {"中药材", "花椒", "蜂蜜", "食用菌"},      // 宕昌县
    {"苹果", "中药材", "花椒", "肉牛"},        // 礼县
    {"玫瑰香橙", "柑橘", "生猪", "茶叶"},      // 万州区
    {"马铃薯", "党参", "中药材", "肉羊"},      // 渭源县
};

struct Template {
  std::string_view category;
  std::string CountyOrgs::*owner;
  int weight;
};
const Template kTemplates[] = {
    {"industry", &CountyOrgs::agriculture, 45},   {"infrastructure", &CountyOrgs::transport, 20},
    {"infrastructure", &CountyOrgs::water, 10},   {"education", &CountyOrgs::education, 10},
    {"labor", &CountyOrgs::human_resources, 7},   {"health", &CountyOrgs::health, 5},
    {"consumption", &CountyOrgs::agriculture, 3},
};

Fen RoundYuan(double yuan, int64_t step) {
  return static_cast<Fen>(std::llround(yuan / static_cast<double>(step))) * step * 100;
}

std::string MethodFor(Rng& rng, Fen amount) {
  if (amount >= Yuan(4000000)) return "open_tender";
  if (amount >= Yuan(1000000)) {
    static constexpr std::string_view kMid[] = {"open_tender", "open_tender", "consultation",
                                                "negotiation"};
    return std::string(rng.Pick<std::string_view>(kMid));
  }
  static constexpr std::string_view kSmall[] = {"inquiry", "consultation", "direct", "open_tender"};
  return std::string(rng.Pick<std::string_view>(kSmall));
}

}  // namespace

double ProjectBook::ExpectedPercent(const ProjectPlan& plan, Date date) {
  if (date <= plan.planned_start) return 0;
  if (date >= plan.planned_completion) return 100;
  const double elapsed = date.days_since_epoch() - plan.planned_start.days_since_epoch();
  const double total =
      plan.planned_completion.days_since_epoch() - plan.planned_start.days_since_epoch();
  return 100.0 * elapsed / total;
}

ProjectPlan ProjectBook::NewProject(int county, std::string name, std::string_view category,
                                    std::string_view owner_org_id, bool east_west,
                                    std::string_view region_code) {
  const CountySpec& spec = Counties()[static_cast<size_t>(county)];
  ProjectPlan plan;
  plan.id = world_.NextProjectId(county);
  plan.name = std::move(name);
  plan.category = std::string(category);
  plan.county = county;
  plan.region_code = region_code.empty() ? std::string(spec.code) : std::string(region_code);
  plan.owner_org_id = std::string(owner_org_id);
  // The provincial fund does not cover health and consumption projects (B09).
  if (category == "health" || category == "consumption") east_west = true;
  if (east_west) {
    const int helper = PairingOfCounty(county).helper;
    plan.program_id = world_.programmes.east_west[static_cast<size_t>(helper)];
    plan.helper_region_code = std::string(Helpers()[static_cast<size_t>(helper)].code);
  } else {
    plan.program_id = world_.programmes.provincial.at(std::string(spec.code.substr(0, 2)));
  }
  return plan;
}

void ProjectBook::AddContract(ProjectPlan& plan, const Company& supplier, Fen amount,
                              Date signed_date, std::string_view method) {
  ContractPlan contract;
  contract.id = world_.NextContractId();
  contract.supplier = &supplier;
  contract.amount = amount;
  contract.signed_date = signed_date;
  contract.method = std::string(method);
  plan.contracts.push_back(std::move(contract));
  if (plan.contractor == nullptr) plan.contractor = &supplier;
}

ProjectPaymentPlan& ProjectBook::PayContractor(ProjectPlan& plan, const Company& supplier,
                                               Fen amount, Date pay_date, int approval_lag,
                                               int expense_lag) {
  ProjectPaymentPlan payment;
  payment.id = world_.NextPaymentId();
  payment.payee_name = supplier.name;
  payment.payee_id = supplier.uscc;
  payment.account = supplier.account_no;
  payment.amount = amount;
  payment.pay_date = pay_date;
  payment.expense_date = pay_date.AddDays(-expense_lag);
  payment.voucher = world_.NextVoucher(pay_date);
  payment.approved_date = pay_date.AddDays(-approval_lag);
  plan.payments.push_back(std::move(payment));
  return plan.payments.back();
}

void ProjectBook::AddProgressOnSchedule(ProjectPlan& plan, Date until) {
  if (!plan.actual_start.has_value() || *plan.actual_start > until) return;
  const Date end = plan.actual_completion.has_value() && *plan.actual_completion <= until
                       ? *plan.actual_completion
                       : until;
  // Each report is a few points ahead of where the schedule will be a month later, so the
  // latest one is ahead of the schedule at as-of too.
  for (Date report = plan.actual_start->AddDays(30); report < end; report = report.AddDays(30)) {
    const double ahead = ExpectedPercent(plan, std::min(report.AddDays(30), until));
    plan.progress.emplace_back(report, std::min(99, static_cast<int>(std::ceil(ahead)) + 3));
  }
  if (plan.actual_completion.has_value() && *plan.actual_completion <= until) {
    plan.progress.emplace_back(*plan.actual_completion, 100);
  } else {
    const double ahead = ExpectedPercent(plan, world_.as_of());
    plan.progress.emplace_back(end, std::min(99, static_cast<int>(std::ceil(ahead)) + 3));
  }
}

void ProjectBook::FillClean(ProjectPlan& plan, Rng& rng, ProjectStage stage,
                            const Company& supplier, Fen contract_amount) {
  const Date t = world_.as_of();
  auto days = [&rng](int lo, int hi) { return static_cast<int>(rng.Uniform(lo, hi)); };
  if (plan.procurement.empty()) plan.procurement = MethodFor(rng, plan.budget);
  Date first_allocation;
  switch (stage) {
    case ProjectStage::kAccepted:
      plan.approved = t.AddDays(-days(480, 1100));
      plan.planned_start = plan.approved.AddDays(days(20, 60));
      plan.planned_completion = plan.planned_start.AddDays(days(120, 330));
      plan.planned_acceptance = plan.planned_completion.AddDays(days(20, 45));
      plan.actual_start = plan.planned_start.AddDays(days(0, 7));
      plan.actual_completion = plan.planned_completion.AddDays(-days(0, 15));
      plan.accepted = std::min(t, plan.planned_acceptance.AddDays(-days(0, 10)));
      break;
    case ProjectStage::kInProgress:
      plan.planned_start = t.AddDays(-days(40, 300));
      plan.planned_completion = t.AddDays(days(40, 300));
      plan.approved = plan.planned_start.AddDays(-days(20, 60));
      plan.planned_acceptance = plan.planned_completion.AddDays(30);
      plan.actual_start = plan.planned_start.AddDays(days(0, 5));
      break;
    case ProjectStage::kAwaitingAcceptance:
      plan.planned_completion = t.AddDays(-days(5, 40));
      plan.planned_start = plan.planned_completion.AddDays(-days(120, 300));
      plan.approved = plan.planned_start.AddDays(-days(20, 60));
      plan.planned_acceptance =
          std::max(plan.planned_completion.AddDays(5), t.AddDays(days(-25, 30)));
      plan.actual_start = plan.planned_start.AddDays(days(0, 5));
      plan.actual_completion = plan.planned_completion.AddDays(-days(0, 5));
      break;
    case ProjectStage::kNew:
      plan.approved = t.AddDays(-days(10, 150));
      plan.planned_start = plan.approved.AddDays(days(15, 90));
      plan.planned_completion = plan.planned_start.AddDays(days(150, 360));
      plan.planned_acceptance = plan.planned_completion.AddDays(30);
      if (plan.planned_start <= t.AddDays(-10)) plan.actual_start = plan.planned_start;
      break;
  }
  first_allocation = std::min(t, plan.approved.AddDays(days(5, 20)));
  AddContract(plan, supplier, contract_amount, std::min(t, plan.approved.AddDays(days(5, 15))),
              plan.procurement);

  // Allocations: 60 % first, the rest three months later (if that is before as-of).
  const Fen first = contract_amount * 6 / 10;
  if (stage == ProjectStage::kNew) {
    plan.allocations.emplace_back(first_allocation, contract_amount * 4 / 10);
  } else {
    plan.allocations.emplace_back(first_allocation, first);
    const Date second = first_allocation.AddDays(90);
    if (second < t) plan.allocations.emplace_back(second, contract_amount - first);
  }
  Fen allocated = 0;
  for (const auto& allocation : plan.allocations) allocated += allocation.second;

  // Payments.
  auto pay = [&](Fen amount, Date date) {
    date = std::clamp(date, first_allocation, t);
    const int approval_lag = days(0, 5);
    const int expense_lag = days(3, 45);
    PayContractor(plan, supplier, amount, date, approval_lag, expense_lag);
  };
  switch (stage) {
    case ProjectStage::kAccepted: {
      // Paid in full: advance, progress payment, balance after acceptance.
      const Fen advance = allocated * 3 / 10;
      const Fen progress = allocated * 4 / 10;
      pay(advance, plan.actual_start->AddDays(days(5, 20)));
      pay(progress, plan.actual_start->AddDays(days(60, 100)));
      pay(allocated - advance - progress, plan.accepted->AddDays(days(5, 40)));
      break;
    }
    case ProjectStage::kInProgress:
    case ProjectStage::kAwaitingAcceptance: {
      // 65–85 % of the allocation, the last payment within the last two months.
      const Fen target = allocated * rng.Uniform(65, 85) / 100;
      const Date last = t.AddDays(-days(5, 60));
      const Date advance_date = std::max(first_allocation, plan.actual_start->AddDays(days(5, 20)));
      if (advance_date < last) {
        pay(target / 2, advance_date);
        pay(target - target / 2, std::max(advance_date, last));
      } else {
        pay(target, std::max(first_allocation, last));
      }
      break;
    }
    case ProjectStage::kNew:
      if (plan.actual_start.has_value() && plan.actual_start->AddDays(5) <= t) {
        pay(allocated / 2, plan.actual_start->AddDays(5));
      }
      break;
  }
  AddProgressOnSchedule(plan, std::min(t, plan.actual_completion.value_or(t)));
}

ProjectPlan& ProjectBook::Add(ProjectPlan plan) {
  projects_.push_back(std::move(plan));
  return projects_.back();
}

void ProjectBook::BuildBackground(const std::vector<int>& skip) {
  const int64_t households = world_.options().households;
  int total_weight = 0;
  for (const CountySpec& county : Counties()) total_weight += county.weight;
  const Geography& geo = world_.geo();

  for (size_t c = 0; c < Counties().size(); ++c) {
    const CountySpec& spec = Counties()[c];
    if (std::find(skip.begin(), skip.end(), static_cast<int>(c)) != skip.end()) continue;
    Rng rng = world_.StageRng(41, c);
    const int count = 3 + static_cast<int>(households * spec.weight / total_weight / 1500);
    const CountyOrgs& orgs = world_.county_orgs[c];
    const std::vector<int> rural = geo.RuralTownships(static_cast<int>(c));

    // Plan amounts first, then give each contract to the least-loaded supplier (largest
    // first), counting what planted projects already hold in the county.
    std::vector<ProjectPlan> plans;
    std::vector<ProjectStage> stages;
    std::vector<Fen> amounts;
    for (int i = 0; i < count; ++i) {
      std::vector<int> weights;
      for (const Template& t : kTemplates) weights.push_back(t.weight);
      const Template& tpl = kTemplates[rng.Weighted(weights)];
      const int town_index = rural[rng.Below(rural.size())];
      const Township& town = geo.townships[static_cast<size_t>(town_index)];
      std::string location = town.code;
      const std::string town_name = std::string(spec.short_name) + ShortTownshipName(town.name);
      const std::string_view product = kProducts[c][rng.Below(4)];
      std::string name;
      const std::string_view category = tpl.category;
      if (category == "industry") {
        static constexpr std::string_view kForms[] = {"种植基地建设项目", "产业扶贫项目",
                                                      "标准化示范基地项目", "产业扶贫车间项目"};
        name = town_name + std::string(product) + std::string(rng.Pick<std::string_view>(kForms));
      } else if (category == "infrastructure") {
        static constexpr std::string_view kForms[] = {
            "通组路硬化工程", "产业路建设项目", "安全饮水巩固提升工程", "农田水利设施建设项目"};
        // Roads and water reach a village: name it, and locate the project there.
        const std::string_view form = rng.Pick<std::string_view>(kForms);
        const auto [first, last] = geo.county_villages[c];
        std::vector<int> villages;
        for (int v = first; v < last; ++v) {
          if (geo.villages[static_cast<size_t>(v)].township == town_index) villages.push_back(v);
        }
        if (!villages.empty()) {
          const Village& village =
              geo.villages[static_cast<size_t>(villages[rng.Below(villages.size())])];
          name = town_name + ShortVillageName(village.name) + std::string(form);
          location = village.code;
        } else {
          name = town_name + std::string(form);
        }
      } else if (category == "education") {
        static constexpr std::string_view kForms[] = {"中心小学教学楼建设项目", "幼儿园建设项目",
                                                      "中学学生宿舍建设项目"};
        name = town_name + std::string(rng.Pick<std::string_view>(kForms));
      } else if (category == "labor") {
        name = std::string(spec.short_name) + std::to_string(world_.as_of().year()) +
               "年东西部劳务协作就业帮扶项目";
      } else if (category == "health") {
        name = town_name + "卫生院能力提升项目";
      } else {
        name = std::string(spec.short_name) + std::string(product) + "消费帮扶专馆建设项目";
      }
      // Ids keep projects apart; names may repeat, as in real ledgers.
      ProjectPlan plan =
          NewProject(static_cast<int>(c), name, category, orgs.*tpl.owner, rng.Chance(0.7),
                     category == "labor" ? std::string_view() : std::string_view(location));
      // Budgets by category; none in the band just below the tender threshold (B06).
      double lo = 300000, hi = 6000000;
      if (category == "infrastructure") lo = 500000, hi = 12000000;
      if (category == "education") lo = 2000000, hi = 15000000;
      if (category == "health") lo = 500000, hi = 3000000;
      if (category == "labor") lo = 200000, hi = 1000000;
      if (category == "consumption") lo = 500000, hi = 2000000;
      Fen budget = RoundYuan(lo + (hi - lo) * rng.Real() * rng.Real(), 1000);
      if (budget >= Yuan(3400000) && budget < Yuan(4100000)) budget = Yuan(3200000);
      plan.budget = budget;
      plan.links_households = category == "industry";
      amounts.push_back(budget * rng.Uniform(85, 97) / 100);
      static constexpr int kStageWeights[] = {45, 35, 8, 12};
      stages.push_back(static_cast<ProjectStage>(rng.Weighted(kStageWeights)));
      plans.push_back(std::move(plan));
    }

    std::vector<Company>& suppliers = world_.county_contractors[c];
    std::map<const Company*, Fen> load;
    for (const Company& supplier : suppliers) load[&supplier] = 0;
    for (const ProjectPlan& planted : projects_) {
      if (planted.county != static_cast<int>(c)) continue;
      for (const ContractPlan& contract : planted.contracts)
        load[contract.supplier] += contract.amount;
    }
    std::vector<size_t> order(plans.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return amounts[a] > amounts[b]; });
    for (size_t index : order) {
      const Company* least = &suppliers.front();
      for (const Company& supplier : suppliers) {
        if (load[&supplier] < load[least]) least = &supplier;
      }
      load[least] += amounts[index];
      FillClean(plans[index], rng, stages[index], *least, amounts[index]);
    }
    for (ProjectPlan& plan : plans) Add(std::move(plan));
  }
}

void ProjectBook::BalanceSuppliers(const std::vector<int>& concentrated) {
  for (size_t c = 0; c < Counties().size(); ++c) {
    if (std::find(concentrated.begin(), concentrated.end(), static_cast<int>(c)) !=
        concentrated.end()) {
      continue;
    }
    Rng rng = world_.StageRng(42, c);
    for (int round = 0; round < 50; ++round) {
      std::map<std::string, Fen> by_supplier;
      Fen total = 0;
      int contracts = 0;
      for (const ProjectPlan& plan : projects_) {
        if (plan.county != static_cast<int>(c)) continue;
        for (const ContractPlan& contract : plan.contracts) {
          by_supplier[contract.supplier->uscc] += contract.amount;
          total += contract.amount;
          ++contracts;
        }
      }
      Fen top = 0;
      for (const auto& [uscc, amount] : by_supplier) top = std::max(top, amount);
      // Keep the leader at or under 45 % (B12's line is 50 %), with a margin for rounding.
      if (contracts < 5 || top * 100 <= total * 45) break;
      const Company* least = nullptr;
      for (const Company& supplier : world_.county_contractors[c]) {
        if (least == nullptr || by_supplier[supplier.uscc] < by_supplier[least->uscc]) {
          least = &supplier;
        }
      }
      // An open-tender road project of up to the leader's total, capped so as not to create
      // a new leader: amount ≤ top - load(least).
      Fen amount = std::min<Fen>(top - by_supplier[least->uscc], Yuan(3000000));
      amount = std::max<Fen>(amount, Yuan(200000));
      const CountyOrgs& orgs = world_.county_orgs[c];
      ProjectPlan plan = NewProject(static_cast<int>(c),
                                    std::string(Counties()[c].short_name) + "农村公路安防工程",
                                    "infrastructure", orgs.transport, false);
      plan.budget = amount / 100 * 100 + Yuan(10000);
      plan.procurement = "open_tender";
      FillClean(plan, rng, ProjectStage::kAccepted, *least, amount / 100 * 100);
      Add(std::move(plan));
    }
  }
}

void ProjectBook::Write() {
  for (const ProjectPlan& plan : projects_) {
    auto optional_date = [](const std::optional<Date>& date) {
      return date.has_value() ? DateText(*date) : std::string();
    };
    world_.Out(Table::kProjects)
        .Field(plan.id)
        .Field(plan.name)
        .Field(plan.category)
        .Field(plan.region_code)
        .Field(plan.helper_region_code)
        .Field(plan.owner_org_id)
        .Field(plan.program_id)
        .Field(MoneyText(plan.budget))
        .Field(plan.procurement)
        .Field(plan.contractor != nullptr ? plan.contractor->uscc : std::string())
        .Field(DateText(plan.approved))
        .Field(DateText(plan.planned_start))
        .Field(DateText(plan.planned_completion))
        .Field(DateText(plan.planned_acceptance))
        .Field(optional_date(plan.actual_start))
        .Field(optional_date(plan.actual_completion))
        .Field(optional_date(plan.accepted))
        .EndRow();
    for (const ContractPlan& contract : plan.contracts) {
      world_.Out(Table::kContracts)
          .Field(contract.id)
          .Field(plan.id)
          .Field(contract.supplier->uscc)
          .Field(MoneyText(contract.amount))
          .Field(DateText(contract.signed_date))
          .Field(contract.method)
          .EndRow();
    }
    for (const auto& [date, amount] : plan.allocations) {
      world_.Out(Table::kAllocations)
          .Field(world_.NextAllocationId())
          .Field(plan.program_id)
          .Field(plan.id)
          .Field(plan.region_code)
          .Field(MoneyText(amount))
          .Field(DateText(date))
          .EndRow();
    }
    for (const ProjectPaymentPlan& payment : plan.payments) {
      world_.Out(Table::kPayments)
          .Field(payment.id)
          .Field(payment.program_id.empty() ? plan.program_id : payment.program_id)
          .Field(plan.id)
          .Empty()  // item_id
          .Empty()  // period
          .Field(plan.owner_org_id)
          .Field(payment.payee_name)
          .Field(payment.payee_id)
          .Field(payment.account)
          .Field(MoneyText(payment.amount))
          .Field(DateText(payment.pay_date))
          .Field(optional_date(payment.expense_date))
          .Field(payment.voucher)
          .Field(optional_date(payment.approved_date))
          .Field(payment.purpose.empty() ? plan.category : payment.purpose)
          .Empty()  // household_id
          .EndRow();
    }
    for (const auto& [date, percent] : plan.progress) {
      world_.Out(Table::kProjectProgress)
          .Field(plan.id)
          .Field(DateText(date))
          .Field(static_cast<int64_t>(percent))
          .EndRow();
    }
  }
}

}  // namespace sunlight::demo
