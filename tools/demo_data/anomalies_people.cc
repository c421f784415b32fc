// Planted cases of rules A01–A12, C01–C02 and D01, and the B10 beneficiaries (see
// anomalies.h). Every planted household is otherwise clean: its own card held by its head,
// payments at the standard, registered where the programme asks for it.
#include <algorithm>
#include <cassert>

#include "core/period.h"
#include "demo_data/anomalies.h"
#include "demo_data/companies.h"
#include "demo_data/households.h"
#include "demo_data/organizations.h"

namespace sunlight::demo {
namespace {

enum County : int {
  kQixingguan = 0,
  kDafang = 1,
  kQianxi = 2,
  kNayong = 3,
  kWeining = 4,
  kHezhang = 5,
  kKangle = 8,
  kNinglang = 9,
  kHuanxian = 14,
  kFuping = 15,
  kWanzhou = 20,
  kWeiyuan = 21,
};

// 渭源县庆坪镇老王沟村 (seed 003), where the loan case happened.
constexpr std::string_view kLaowanggou = "621123109212";

class PeoplePlanter {
 public:
  PeoplePlanter(World& world, const PlantedProjects& projects)
      : world_(world),
        projects_(projects),
        rng_(world.StageRng(71)),
        t_(world.as_of()),
        calendar_(MakePayCalendar(world.as_of())) {}

  void Run() {
    LinkB10();
    PlantA01toA03();
    PlantA04();
    PlantA05();
    PlantA06toA09();
    PlantA10();
    PlantA11();
    PlantA12();
    PlantC01();
    PlantC02();
    PlantD01();
  }

 private:
  Date Ago(int days) const { return t_.AddDays(-days); }
  const Programmes& P() const { return world_.programmes; }

  // The n-th village (of those named 村) of a county.
  int Village(int county, int n) const {
    const auto [first, last] = world_.geo().county_villages[static_cast<size_t>(county)];
    int seen = 0;
    for (int v = first; v < last; ++v) {
      if (world_.geo().villages[static_cast<size_t>(v)].name.find("村") == std::string::npos)
        continue;
      if (seen++ == n) return v;
    }
    return first + n % (last - first);
  }

  HouseholdRecord House(int village, std::string_view status, std::vector<MemberSpec> specs = {},
                        std::string_view account = {}, const std::vector<Person>& people = {}) {
    if (specs.empty())
      specs = {{"户主", true, 46, {}}, {"配偶", false, 44, {}}, {"之子", true, 19, {}}};
    return WriteHousehold(world_, rng_, village, status, specs, account, people);
  }

  std::string Pay(const HouseholdRecord& house, std::string_view programme, std::string_view item,
                  std::string_view period, std::string_view payee_name, std::string_view payee_id,
                  std::string_view account, Fen amount, Date date,
                  std::string_view purpose = "subsidy") {
    SubsidyPayment payment;
    payment.program_id = programme;
    payment.item_id = item;
    payment.period = period;
    payment.payee_name = payee_name;
    payment.payee_id = payee_id;
    payment.account = account;
    payment.amount = amount;
    payment.pay_date = date;
    payment.purpose = purpose;
    payment.household_id = house.id;
    payment.county = house.county;
    return WriteSubsidyPayment(world_, payment);
  }
  // 农村低保金 for calendar month `month` (0 = the oldest of the last twelve) to the head.
  std::string Dibao(const HouseholdRecord& house, int month, Fen amount = 0, int late_days = 0) {
    const auto& [period, date] = calendar_.months[static_cast<size_t>(month)];
    return Pay(house, P().dibao, P().dibao_pay, period, house.members[0].name, house.members[0].id,
               house.subsidy_account, amount > 0 ? amount : Yuan(750), date.AddDays(late_days));
  }
  // 生态护林员 for calendar quarter `quarter` (0 = the oldest of the last four) to the head.
  std::string Ranger(const HouseholdRecord& house, int quarter, int late_days = 0) {
    const auto& [period, date] = calendar_.quarters[static_cast<size_t>(quarter)];
    return Pay(house, P().ranger, P().ranger_pay, period, house.members[0].name,
               house.members[0].id, house.subsidy_account, P().ranger_standard,
               date.AddDays(late_days));
  }
  Date QuarterStart(int quarter) const {
    StatusOr<Period> period = Period::Parse(calendar_.quarters[static_cast<size_t>(quarter)].first);
    assert(period.ok());
    return period.ok() ? period->start() : t_;
  }
  Date MonthStart(int month) const {
    StatusOr<Period> period = Period::Parse(calendar_.months[static_cast<size_t>(month)].first);
    assert(period.ok());
    return period.ok() ? period->start() : t_;
  }

  void Death(const Person& person, Date date) {
    world_.Out(Table::kDeaths)
        .Field(person.id)
        .Field(person.name)
        .Field(DateText(date))
        .Field("公安户籍注销")
        .EndRow();
  }
  void Job(const Person& person, std::string_view employer, std::string_view region, Date start,
           std::optional<Date> end, std::string_view kind) {
    world_.Out(Table::kEmployment)
        .Field(person.id)
        .Field(employer)
        .Field(region)
        .Field(DateText(start))
        .Field(end.has_value() ? DateText(*end) : std::string())
        .Field(kind)
        .Empty()
        .EndRow();
  }
  void Kin(const Person& a, const Person& b, std::string_view relation) {
    world_.Out(Table::kKinship).Field(a.id).Field(b.id).Field(relation).EndRow();
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
  std::string Loan(const HouseholdRecord& house, Fen amount, Date issued) {
    std::string id = world_.NextLoanId();
    world_.Out(Table::kLoans)
        .Field(id)
        .Field(house.id)
        .Field(house.members[0].id)
        .Field(MoneyText(amount))
        .Field(DateText(issued))
        .Field(house.subsidy_account)
        .EndRow();
    return id;
  }

  void Expect(std::string_view rule, std::string_view type, std::string_view id) {
    world_.manifest().Expect(rule, type, id);
  }
  void Near(std::string_view rule, std::string_view type, std::string_view id,
            std::string_view why) {
    world_.manifest().NearMiss(rule, type, id, why);
  }

  void LinkB10();
  void PlantA01toA03();
  void PlantA04();
  void PlantA05();
  void PlantA06toA09();
  void PlantA10();
  void PlantA11();
  void PlantA12();
  void PlantC01();
  void PlantC02();
  void PlantD01();

  World& world_;
  const PlantedProjects& projects_;
  Rng rng_;
  Date t_;
  PayCalendar calendar_;
};

// B10: the planted beneficiaries of 软籽石榴与小黄姜 (4 of 10 registered) and of the vegetable
// base (5 of 10). Plain households: no payments, no other findings.
void PeoplePlanter::LinkB10() {
  int n = 0;
  for (const PlantedProjects::Links& links : projects_.links) {
    for (int i = 0; i < links.registered + links.others; ++i) {
      const HouseholdRecord house =
          House(Village(links.county, 20 + n++ % 7), i < links.registered ? "exited" : "none");
      world_.Out(Table::kProjectBeneficiaries).Field(links.project_id).Field(house.id).EndRow();
    }
  }
}

// A01 一卡多户, A02 干部账户代领, A03 卡号无效 — seed 002: a cadre entered his own card and
// two invented numbers for three poor households.
void PeoplePlanter::PlantA01toA03() {
  // A 广州 cadre stationed in 纳雍 (seed 002 names 纳雍县's 广州 cadres), archive up to date.
  const CountyOrgs& nayong = world_.county_orgs[kNayong];
  ArchivePlan archive{true, Ago(300), Ago(40)};
  const Person cadre = AddDispatchedCadre(world_, rng_, 0, world_.helper_orgs[0].agriculture,
                                          nayong.rural_revitalization, "驻村第一书记", Ago(320),
                                          t_.AddDays(400), archive);
  const std::string cadre_card = world_.OpenPersonalCard(rng_, cadre, kNayong);
  const int village = Village(kNayong, 3);
  for (int i = 0; i < 2; ++i) {
    const HouseholdRecord house = House(village, "poor", {}, cadre_card);
    Expect("A02", "household", house.id);
    Expect("A03", "household", house.id);
  }
  Expect("A01", "bank_account", cadre_card);
  // Two invented numbers (a 19-digit and a 16-digit one, both failing Luhn), in no bank.
  for (int length : {19, 16}) {
    const HouseholdRecord house =
        House(village, "poor", {}, world_.mint().InventedCardNumber("622848", length));
    Expect("A03", "household", house.id);
  }

  // A01 alone: one month of a neighbour's 低保 paid into this household's card (邻居代领).
  {
    const int v = Village(kNayong, 4);
    const HouseholdRecord holder = House(v, "poor");
    const HouseholdRecord neighbour = House(v, "exited");
    Dibao(holder, 10);
    Pay(neighbour, P().dibao, P().dibao_pay, calendar_.months[10].first, holder.members[0].name,
        holder.members[0].id, holder.subsidy_account, Yuan(750), calendar_.months[10].second);
    Expect("A01", "bank_account", holder.subsidy_account);
    // Two heads of the same name and birthday, each with a card of their own.
    MemberSpec head{"户主", true, 52, holder.members[0].name};
    const HouseholdRecord twin =
        House(Village(kNayong, 5), "poor", {head, {"配偶", false, 50, {}}});
    Near("A01", "bank_account", twin.subsidy_account,
         "与另一户户主同名，但各持自己的一卡通账户，一个账户只对应一户");
    Near("A12", "person", twin.members[0].id, "与另一户户主姓名相同，但身份证号不同，不是同一人");
  }

  // A02 alone: the village accountant received one month of a poor household's 低保.
  {
    const int v = Village(kDafang, 3);
    const HouseholdRecord house = House(v, "poor");
    UsedVillage& used = world_.used_villages.at(v);
    const Person& accountant = used.cadres[2];
    const std::string card = world_.OpenPersonalCard(rng_, accountant, kDafang);
    Dibao(house, 8);
    Pay(house, P().dibao, P().dibao_pay, calendar_.months[9].first, accountant.name, accountant.id,
        card, Yuan(750), calendar_.months[9].second);
    Dibao(house, 10);
    Expect("A02", "household", house.id);
    // Near miss: a village cadre who lives in the poor household and holds its card.
    const HouseholdRecord cadre_house = House(Village(kDafang, 4), "poor");
    world_.AddOfficial(cadre_house.members[0],
                       world_.UseVillage(Village(kDafang, 4)).committee_org_id, "村委会委员",
                       "village_cadre");
    Dibao(cadre_house, 10);
    Near("A02", "household", cadre_house.id, "一卡通持卡人是村干部，但他就是本户户主");
    Near("A05", "household", cadre_house.id,
         "贫困户成员是村干部（village_cadre），不属于财政供养人员");
  }

  // A03: a valid card held by the head's brother, who lives elsewhere.
  {
    const HouseholdRecord other = House(Village(kNayong, 6), "none");
    const Person& brother = other.members[0];
    const std::string card = world_.OpenPersonalCard(rng_, brother, kNayong);
    const HouseholdRecord house = House(Village(kNayong, 7), "monitored", {}, card);
    Expect("A03", "household", house.id);
    // A 20-digit passbook number failing Luhn: not a card, so Luhn does not apply.
    const std::string passbook = world_.mint().PassbookNumber("5205");
    const HouseholdRecord booked = House(Village(kNayong, 8), "poor", {}, passbook);
    world_.AddAccount(passbook, booked.members[0].name, booked.members[0].id,
                      "纳雍县农村信用合作联社", "personal");
    Near("A03", "household", booked.id,
         "一卡通账号是 20 位存折号，不是 16–19 位银行卡号，不做 Luhn 校验");
    // The holder's name written in Traditional characters on the bank's side (張國華 for
    // 张国华), and a payment to 张国华 into that account: equal once normalised.
    const Person head = world_.NewPerson(rng_, Counties()[kNayong].code, NameStyle::kBijie, true,
                                         world_.BirthForAge(rng_, 48), "张");
    Person named = head;
    named.name = "张国华";
    const std::string traditional_card = world_.mint().CardNumber("622848");
    world_.AddAccount(traditional_card, "張國華", named.id, "中国农业银行纳雍支行", "personal");
    const HouseholdRecord traditional =
        House(Village(kNayong, 9), "exited", {{"户主", true, 48, {}}, {"配偶", false, 47, {}}},
              traditional_card, {named});
    Near("A03", "household", traditional.id, "开户名为繁体“張國華”，规范化后与户主“张国华”一致");
    Near("A09", "payment", Dibao(traditional, 11), "收款人“张国华”与户名“張國華”规范化后一致");
  }
}

// A04 死亡人员领取 (Hunan comparisons).
void PeoplePlanter::PlantA04() {
  // The head died on the 16th of a month; 低保 went on for two more months.
  const int v = Village(kHezhang, 3);
  const HouseholdRecord house = House(v, "poor");
  const Date died = MonthStart(8).AddDays(15);
  Death(house.members[0], died);
  const std::string during = Dibao(house, 8);
  Near("A04", "payment", during, "户主于本月 16 日死亡，所属期开始时仍在世");
  Expect("A04", "payment", Dibao(house, 9));
  Expect("A04", "payment", Dibao(house, 10));
  // Forest rangers: one died the day before a quarter began (fires), one on its first day.
  for (int offset : {-1, 0}) {
    const HouseholdRecord ranger = House(Village(kHezhang, 4 - offset), "exited");
    Death(ranger.members[0], QuarterStart(3).AddDays(offset));
    Ranger(ranger, 2);
    const std::string paid = Ranger(ranger, 3);
    if (offset < 0) {
      Expect("A04", "payment", paid);
    } else {
      Near("A04", "payment", paid, "护林员死亡日恰为该季度第一天，所属期开始时未早于死亡日");
    }
  }
}

// A05 财政供养人员享受 (Hunan comparisons).
void PeoplePlanter::PlantA05() {
  const CountyOrgs& weining = world_.county_orgs[kWeining];
  {
    const HouseholdRecord house =
        House(Village(kWeining, 3), "poor",
              {{"户主", true, 60, {}}, {"配偶", false, 58, {}}, {"之子", true, 29, {}}});
    world_.AddOfficial(house.members[2], weining.finance, "科员", "civil_servant");
    Expect("A05", "household", house.id);
  }
  {
    const CountySpec& kangle = Counties()[kKangle];
    const std::string& soe = world_.AddOrg("622922-CT", "康乐县城市建设投资有限公司", "other",
                                           kangle.code, world_.county_orgs[kKangle].government);
    const HouseholdRecord house = House(Village(kKangle, 3), "monitored");
    world_.AddOfficial(house.members[1], soe, "出纳", "soe");
    Expect("A05", "household", house.id);
  }
  {
    // A teacher (public institution) in an exited household paid only 低保 (not restricted).
    const HouseholdRecord house =
        House(Village(kWeining, 4), "exited",
              {{"户主", true, 62, {}}, {"配偶", false, 60, {}}, {"之女", false, 30, {}}});
    world_.AddOfficial(house.members[2], weining.education, "教师", "public_institution");
    Dibao(house, 11);
    Near("A05", "household", house.id,
         "成员为事业单位人员，但本户是脱贫户且只领取不限建档立卡的低保资金");
  }
}

// A06 重复发放, A07 超标准发放, A08 非帮扶对象领取, A09 户名不符.
void PeoplePlanter::PlantA06toA09() {
  // A06: one month of 低保 twice; one quarter of a ranger's pay twice.
  {
    const HouseholdRecord house = House(Village(kQixingguan, 3), "poor");
    Dibao(house, 6);
    Expect("A06", "payment", Dibao(house, 6, 0, 10));
    const HouseholdRecord ranger = House(Village(kQixingguan, 4), "exited");
    Ranger(ranger, 1);
    Expect("A06", "payment", Ranger(ranger, 1, 12));
    // Two students of one household, each paid 雨露计划 for the same year.
    const HouseholdRecord students = House(Village(kQixingguan, 5), "poor",
                                           {{"户主", true, 47, {}},
                                            {"配偶", false, 45, {}},
                                            {"之子", true, 19, {}},
                                            {"之女", false, 17, {}}});
    for (size_t i : {2u, 3u}) {
      const Person& student = students.members[i];
      const std::string card = world_.OpenPersonalCard(rng_, student, kQixingguan);
      const std::string id =
          Pay(students, P().central, P().yulu, calendar_.yulu_year.first, student.name, student.id,
              card, P().yulu_standard, calendar_.yulu_year.second, "education");
      if (i == 3)
        Near("A06", "payment", id, "同户两名学生同年度各领一次雨露计划（按人发放，领取人不同）");
    }
  }
  // A07: one fen over the 低保 standard; 5000 against a 2000 award; and exactly at / under.
  {
    const HouseholdRecord a = House(Village(kQianxi, 3), "poor");
    Expect("A07", "payment", Dibao(a, 11, P().dibao_standard + 1));
    const HouseholdRecord b = House(Village(kQianxi, 4), "exited");
    Expect("A07", "payment",
           Pay(b, P().central, P().industry_award, calendar_.award_year.first, b.members[0].name,
               b.members[0].id, b.subsidy_account, Yuan(5000), calendar_.award_year.second));
    const HouseholdRecord c = House(Village(kQianxi, 5), "poor");
    Near("A07", "payment", Dibao(c, 11, P().dibao_standard), "金额恰等于低保标准 1200.00 元");
    const HouseholdRecord d = House(Village(kQianxi, 6), "monitored");
    Near("A07", "payment",
         Pay(d, P().central, P().industry_award, calendar_.award_year.first, d.members[0].name,
             d.members[0].id, d.subsidy_account, P().industry_award_standard - 1,
             calendar_.award_year.second),
         "产业奖补 1999.99 元，比标准少一分");
  }
  // A08: restricted money to ordinary households.
  {
    const HouseholdRecord a = House(Village(kNinglang, 3), "none");
    Expect("A08", "payment",
           Pay(a, P().central, P().industry_award, calendar_.award_year.first, a.members[0].name,
               a.members[0].id, a.subsidy_account, P().industry_award_standard,
               calendar_.award_year.second));
    const HouseholdRecord b =
        House(Village(kNinglang, 4), "none", {{"户主", false, 44, {}}, {"之女", false, 18, {}}});
    const std::string card = world_.OpenPersonalCard(rng_, b.members[1], kNinglang);
    Expect("A08", "payment",
           Pay(b, P().central, P().yulu, calendar_.yulu_year.first, b.members[1].name,
               b.members[1].id, card, P().yulu_standard, calendar_.yulu_year.second, "education"));
    const HouseholdRecord c = House(Village(kNinglang, 5), "monitored");
    Near("A08", "payment",
         Pay(c, P().central, P().industry_award, calendar_.award_year.first, c.members[0].name,
             c.members[0].id, c.subsidy_account, P().industry_award_standard,
             calendar_.award_year.second),
         "限建档立卡资金发给监测户，监测户属于帮扶对象");
    const HouseholdRecord d = House(Village(kNinglang, 6), "none");
    const Person& worker = d.members[2];
    const std::string worker_card = world_.OpenPersonalCard(rng_, worker, kNinglang);
    const HelperSpec& shanghai = Helpers()[2];
    Job(worker, world_.helper_companies[2][0].uscc, shanghai.person_prefix, Ago(200), std::nullopt,
        "remote_labor");
    Near("A08", "payment",
         Pay(d, P().provincial.at("53"), P().travel_subsidy.at("53"), "", worker.name, worker.id,
             worker_card, P().travel_standard, Ago(170)),
         "一般户成员领取跨省务工交通补助，该资金不限建档立卡");
  }
  // A09: paid under another name into the household's own card.
  {
    const HouseholdRecord a = House(Village(kDafang, 6), "poor");
    std::string other = a.members[0].name;
    other = other.substr(0, 3) + (other.substr(3) == "德发" ? "德华" : "德发");
    Expect("A09", "payment",
           Pay(a, P().dibao, P().dibao_pay, calendar_.months[11].first, other, a.members[0].id,
               a.subsidy_account, Yuan(750), calendar_.months[11].second));
    const HouseholdRecord b = House(Village(kDafang, 7), "exited");
    Near("A09", "payment",
         Pay(b, P().dibao, P().dibao_pay, calendar_.months[11].first, b.members[0].name + " ",
             b.members[0].id, b.subsidy_account, Yuan(750), calendar_.months[11].second),
         "收款人姓名末尾多一个空格，规范化后与户名一致");
  }
}

// A10 资格存疑: cars, companies, shops in poor and monitored households.
void PeoplePlanter::PlantA10() {
  const CountySpec& huanxian = Counties()[kHuanxian];
  auto vehicle = [&](const Person& owner, std::string_view type, Date registered) {
    world_.Out(Table::kVehicles)
        .Field(owner.id)
        .Field(world_.mint().Plate("甘M"))
        .Field(type)
        .Field(DateText(registered))
        .EndRow();
  };
  auto property = [&](const Person& owner, std::string_view kind, const HouseholdRecord& house) {
    const Date registered = Ago(400);
    world_.Out(Table::kProperties)
        .Field(owner.id)
        .Field(world_.mint().PropertyCertificate("甘", registered.year(), huanxian.short_name))
        .Field(kind)
        .Field("96.5")
        .Field(world_.geo().villages[static_cast<size_t>(house.village)].code.substr(0, 9))
        .Field(DateText(registered))
        .EndRow();
  };
  {
    const HouseholdRecord a = House(Village(kHuanxian, 3), "poor");
    vehicle(a.members[2], "car", Ago(200));
    Expect("A10", "household", a.id);
    const HouseholdRecord b = House(Village(kHuanxian, 4), "monitored");
    world_.extra_companies.emplace_back(AddCompany(world_, rng_, "环县聚源商贸有限公司", '1',
                                                   huanxian.code, huanxian.style, &b.members[0],
                                                   false));
    Expect("A10", "household", b.id);
    const HouseholdRecord c = House(Village(kHuanxian, 5), "poor");
    property(c.members[0], "commercial", c);
    Expect("A10", "household", c.id);
  }
  {
    const HouseholdRecord a = House(Village(kHuanxian, 6), "poor");
    vehicle(a.members[2], "car", t_);
    Near("A10", "household", a.id, "小汽车登记日恰为基准日，不早于基准日");
    const HouseholdRecord b = House(Village(kHuanxian, 7), "poor");
    vehicle(b.members[0], "motorcycle", Ago(900));
    property(b.members[0], "residential", b);
    Near("A10", "household", b.id, "贫困户有摩托车和住宅，不属于小汽车、货车或商业、工业用房");
    const HouseholdRecord c = House(Village(kHuanxian, 8), "exited");
    vehicle(c.members[0], "truck", Ago(300));
    Near("A10", "household", c.id, "有货车的是脱贫户，规则只看贫困户和监测户");
    const HouseholdRecord d = House(Village(kHuanxian, 9), "poor");
    const Company& shop = world_.extra_companies.emplace_back(
        AddCompany(world_, rng_, "环县红旗农资经营部有限公司", '1', huanxian.code, huanxian.style));
    world_.Out(Table::kCompanyOfficers)
        .Field(shop.uscc)
        .Field(d.members[1].id)
        .Field("supervisor")
        .Field("0")
        .EndRow();
    Near("A10", "household", d.id, "成员只是企业监事，不是法定代表人或股东");
  }
}

// A11 优亲厚友 (Tongren, Suizhou comparisons): kin of cadres of the same township.
void PeoplePlanter::PlantA11() {
  const Geography& geo = world_.geo();
  // 阜平: a village party secretary and four households of kin around him.
  const int home = Village(kFuping, 3);
  const std::string township = geo.villages[static_cast<size_t>(home)].code.substr(0, 9);
  int same = -1, other = -1;
  const auto [first, last] = geo.county_villages[kFuping];
  for (int v = first; v < last; ++v) {
    const std::string& code = geo.villages[static_cast<size_t>(v)].code;
    if (v != home && same < 0 && code.compare(0, 9, township) == 0) same = v;
    if (other < 0 && code.compare(0, 9, township) != 0) other = v;
  }
  assert(same >= 0 && other >= 0);
  const Person secretary = world_.UseVillage(home).cadres[0];
  {
    const HouseholdRecord house = House(same, "poor");
    Kin(secretary, house.members[0], "sibling");
    Expect("A11", "household", house.id);
  }
  {
    const HouseholdRecord house = House(other, "poor");
    Kin(secretary, house.members[0], "sibling");
    Near("A11", "household", house.id, "村支书的亲属是贫困户，但在同县另一个乡镇");
  }
  {
    const HouseholdRecord house = House(same, "exited");
    Kin(secretary, house.members[1], "in_law");
    Near("A11", "household", house.id, "村支书在同乡镇的亲属是脱贫户，不是贫困户或监测户");
  }
  {
    const HouseholdRecord house = House(same, "poor");
    const Person& clerk = world_.officials_by_org.at(world_.county_orgs[kFuping].agriculture)[3];
    Kin(clerk, house.members[0], "sibling");
    Near("A11", "household", house.id, "亲属是县农业农村局干部，单位区划是县级，不在同一乡镇");
  }
  // 威宁: a township's head of finance and a monitored household in his township.
  {
    const int v = Village(kWeining, 9);
    const HouseholdRecord house = House(v, "monitored");
    const std::string& org = world_.TownshipOrg(geo.villages[static_cast<size_t>(v)].township);
    const Person& finance_head = world_.officials_by_org.at(org)[2];
    Kin(finance_head, house.members[1], "in_law");
    Expect("A11", "household", house.id);
  }
}

// A12 一人多户 (Suixian comparisons: 户籍重复).
void PeoplePlanter::PlantA12() {
  const HouseholdRecord first = House(Village(kDafang, 8), "poor");
  const Person& son = first.members[2];
  const HouseholdRecord second =
      House(Village(kNayong, 10), "none",
            {{"户主", true, 50, {}}, {"配偶", false, 49, {}}, {"之子", true, 19, {}}}, {},
            {Person(), Person(), son});
  (void)second;
  Expect("A12", "person", son.id);
}

// C01 扶贫贷款被借用 — seed 003: 老王沟村 committee director borrowed a villager's loan.
void PeoplePlanter::PlantC01() {
  const int village = world_.geo().FindVillage(kLaowanggou);
  assert(village >= 0);
  const int weiyuan = kWeiyuan;
  const Person director = world_.UseVillage(village).cadres[0];
  const std::string director_card = world_.OpenPersonalCard(rng_, director, weiyuan);
  const auto& cooperatives = world_.county_cooperatives[static_cast<size_t>(weiyuan)];
  const Person trader = world_.NewCountyPerson(rng_, weiyuan, 35, 55);
  const std::string trader_card = world_.OpenPersonalCard(rng_, trader, weiyuan);
  {
    const HouseholdRecord house = House(village, "poor");
    const std::string loan = Loan(house, Yuan(50000), Ago(200));
    Transfer(house.subsidy_account, director_card, Yuan(50000), Ago(197));
    Expect("C01", "loan", loan);
  }
  {
    const HouseholdRecord house = House(village, "poor");
    const std::string loan = Loan(house, Yuan(50000), Ago(150));
    Transfer(house.subsidy_account, trader_card, Yuan(25000), Ago(140));
    Transfer(house.subsidy_account, cooperatives[0].account_no, Yuan(25000), Ago(139));
    Expect("C01", "loan", loan);
  }
  {
    const HouseholdRecord house = House(village, "exited");
    const std::string loan = Loan(house, Yuan(50000), Ago(100));
    Transfer(house.subsidy_account, trader_card, Yuan(24995), Ago(95));
    Transfer(house.subsidy_account, cooperatives[1].account_no, Yuan(25005), Ago(94));
    Near("C01", "loan", loan, "转给户外个人 24995 元，占贷款 49.99%，低于 50%");
  }
  {
    const HouseholdRecord house = House(village, "poor");
    const std::string loan = Loan(house, Yuan(50000), Ago(90));
    Transfer(house.subsidy_account, cooperatives[2].account_no, Yuan(50000), Ago(88));
    Near("C01", "loan", loan, "贷款全部转入合作社对公账户，属正常生产使用");
  }
  {
    const HouseholdRecord house = House(village, "exited");
    const std::string loan = Loan(house, Yuan(50000), Ago(100));
    Transfer(house.subsidy_account, trader_card, Yuan(30000), Ago(69));
    Near("C01", "loan", loan, "转给户外个人 60%，但在放款第 31 天，超出 30 天");
  }
  {
    const HouseholdRecord house = House(village, "poor");
    const std::string spouse_card = world_.OpenPersonalCard(rng_, house.members[1], weiyuan);
    const std::string loan = Loan(house, Yuan(50000), Ago(60));
    Transfer(house.subsidy_account, spouse_card, Yuan(50000), Ago(57));
    Near("C01", "loan", loan, "贷款转入配偶个人账户，配偶是本户成员");
  }
}

// C02 劳务信息不实 — seed 003: 劳务输转信息不实; seed 001: 鲁渝劳务协作 (万州 → 济宁).
void PeoplePlanter::PlantC02() {
  const std::string jining_employer = world_.helper_companies[8][0].uscc;
  const std::string_view jining = Helpers()[8].person_prefix;
  const std::string_view wanzhou = Counties()[kWanzhou].code;
  const std::string& cooperative = world_.county_cooperatives[kWanzhou][0].uscc;
  auto worker = [&](std::string_view status) {
    return House(Village(kWanzhou, 3 + static_cast<int>(rng_.Below(5))), status).members[2];
  };
  {
    const Person p = worker("poor");
    Job(p, jining_employer, jining, Ago(300), Ago(60), "remote_labor");
    Job(p, {}, wanzhou, Ago(200), std::nullopt, "public_post");
    Expect("C02", "person", p.id);
  }
  {
    const Person p = worker("exited");
    Death(p, Ago(100));
    Job(p, cooperative, wanzhou, Ago(80), std::nullopt, "workshop");
    Expect("C02", "person", p.id);
  }
  {
    const Person p = worker("poor");
    Job(p, jining_employer, jining, Ago(400), Ago(200), "remote_labor");
    Job(p, cooperative, wanzhou, Ago(199), std::nullopt, "workshop");
    Near("C02", "person", p.id, "济宁务工结束次日回万州扶贫车间就业，两段不重叠");
  }
  {
    const Person p = worker("poor");
    Job(p, world_.county_contractors[kWanzhou][0].uscc, wanzhou, Ago(300), std::nullopt,
        "local_labor");
    Job(p, cooperative, wanzhou, Ago(150), std::nullopt, "workshop");
    Near("C02", "person", p.id, "两段就业重叠，但都在重庆市（同一省份）");
  }
  {
    const Person p = worker("exited");
    Death(p, Ago(100));
    Job(p, cooperative, wanzhou, Ago(101), Ago(100), "workshop");
    Near("C02", "person", p.id, "就业开始于死亡前一天，不是死亡后开始");
  }
}

// D01 廉政档案缺失 — seed 002: 外派干部廉政档案一人一档、及时更新. 上海杨浦 → 宁蒗.
void PeoplePlanter::PlantD01() {
  const HelperOrgs& yangpu = world_.helper_orgs[2];
  const CountyOrgs& ninglang = world_.county_orgs[kNinglang];
  struct Case {
    int start_ago;
    std::optional<int> end_ago;  // negative: in the future
    std::optional<int> updated_ago;
    bool fires;
    std::string_view why;
  };
  const Case cases[] = {
      {400, -700, std::nullopt, true, ""},
      {400, -700, 181, true, ""},
      {400, -700, 180, false, "在岗干部廉政档案 180 天前更新，未超过 180 天"},
      {731, 1, std::nullopt, false, "挂职已于基准日前一天期满，不在岗，无档案不预警"},
      {-10, -740, std::nullopt, false, "挂职 10 天后才开始，基准日不在岗"},
  };
  for (const Case& c : cases) {
    ArchivePlan archive;
    archive.present = c.updated_ago.has_value();
    archive.created = Ago(c.start_ago - 5);
    archive.last_updated = Ago(c.updated_ago.value_or(0));
    const Person cadre =
        AddDispatchedCadre(world_, rng_, 2, yangpu.commission, ninglang.rural_revitalization,
                           "挂职县乡村振兴局副局长", Ago(c.start_ago), Ago(*c.end_ago), archive);
    if (c.fires) {
      Expect("D01", "person", cadre.id);
    } else {
      Near("D01", "person", cadre.id, c.why);
    }
  }
}

}  // namespace

void PlantPeopleAnomalies(World& world, const PlantedProjects& projects) {
  PeoplePlanter planter(world, projects);
  planter.Run();
}

}  // namespace sunlight::demo
