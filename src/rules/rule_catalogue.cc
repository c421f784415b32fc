// The rule table: every rule of spec/rules.md. Rules without kernel and SQL are listed (so the
// UI and docs show the whole catalogue) but `sunlight scan` refuses to run them.
#include <algorithm>
#include <array>

#include "rules/kernels.h"
#include "rules/rule.h"

namespace sunlight::rules {
namespace {

using internal::KernelA01;
using internal::KernelA02;
using internal::KernelA03;
using internal::KernelA04;
using internal::KernelA05;
using internal::KernelA06;
using internal::KernelA07;
using internal::KernelA08;
using internal::KernelA09;
using internal::KernelA10;
using internal::KernelA11;
using internal::KernelA12;
using internal::KernelB01;
using internal::KernelB02;
using internal::KernelB03;
using internal::KernelB04;
using internal::KernelB05;
using internal::KernelB06;
using internal::KernelB07;
using internal::KernelB08;
using internal::KernelB09;
using internal::KernelB10;
using internal::KernelB11;
using internal::KernelB12;
using internal::KernelC01;
using internal::KernelC02;
using internal::KernelD01;

constexpr RuleParam kA01Params[] = {
    {"min_households", 2, "一个账户关联的不同户数下限 (distinct households per account)"}};
constexpr std::string_view kA01Args[] = {"min_households"};
constexpr std::string_view kHouseholdsEvidence[] = {"households"};
constexpr std::string_view kPaymentsEvidence[] = {"payments"};
constexpr std::string_view kA07Evidence[] = {"payments", "subsidy_items"};
constexpr std::string_view kAsOfArgs[] = {kAsOfArg};
constexpr std::string_view kA02Evidence[] = {"bank_accounts", "officials"};
constexpr std::string_view kA11Evidence[] = {"members", "officials"};
constexpr std::string_view kB01Evidence[] = {"payments", "bank_accounts", "projects"};
constexpr std::string_view kB08Evidence[] = {"payments", "projects"};
constexpr std::string_view kA05Evidence[] = {"officials"};
constexpr std::string_view kA08Evidence[] = {"payments", "fund_programs"};
constexpr std::string_view kA10Evidence[] = {"vehicles", "properties", "company_officers"};
constexpr RuleParam kA04Params[] = {{"grace_days", 0, "死亡日期后的宽限天数"}};
constexpr RuleParam kA07Params[] = {
    {"tolerance", 0, "允许超出标准的比例，0.1 即 10% (allowed share above the standard)"}};
constexpr std::string_view kA07Args[] = {"tolerance"};
constexpr RuleParam kB02Params[] = {{"days", 180, "首次拨付后的天数"},
                                    {"min_ratio", 0.6, "支付/拨付比例下限"}};
constexpr RuleParam kB03Params[] = {{"days", 365, "无支付的天数"}};
constexpr RuleParam kB04Params[] = {{"grace_days", 30, "计划验收日后的宽限天数"}};
constexpr RuleParam kB05Params[] = {{"margin", 30, "低于应完成进度的百分点"}};
constexpr RuleParam kB06Params[] = {{"threshold", 400000000, "招标限额（分），工程 400 万元"},
                                    {"window_days", 90, "拆分合同的时间窗口（天）"}};
constexpr RuleParam kB07Params[] = {{"days", 90, "支付日与费用发生日相差天数上限"}};
constexpr RuleParam kB10Params[] = {{"min_share", 0.5, "建档立卡户占联结户比例下限"}};
constexpr RuleParam kB12Params[] = {{"max_share", 0.5, "单一供应商在县内合同额占比上限"},
                                    {"min_contracts", 5, "县内合同数下限"}};
constexpr RuleParam kC01Params[] = {{"days", 30, "放款后的天数"},
                                    {"min_share", 0.5, "转给户外个人账户的比例下限"}};
constexpr RuleParam kD01Params[] = {{"days", 180, "档案更新间隔上限（天）"}};
constexpr RuleParam kD02Params[] = {{"report_days", 1, "日报任务的报告间隔（天）"}};
constexpr RuleParam kD03Params[] = {{"ack_days", 5, "签收时限（天）"}};

constexpr std::string_view kA03Evidence[] = {"bank_accounts"};
constexpr std::string_view kA04Evidence[] = {"payments", "deaths"};
constexpr std::string_view kA04Args[] = {"grace_days"};
constexpr std::string_view kA09Evidence[] = {"payments", "bank_accounts"};
constexpr std::string_view kFundingEvidence[] = {"projects", "allocations", "payments"};
constexpr std::string_view kB02Args[] = {kAsOfArg, "days", "min_ratio"};
constexpr std::string_view kB03Args[] = {kAsOfArg, "days"};
constexpr std::string_view kProjectsEvidence[] = {"projects"};
constexpr std::string_view kB04Args[] = {kAsOfArg, "grace_days"};
constexpr std::string_view kB05Evidence[] = {"projects", "project_progress"};
constexpr std::string_view kB05Args[] = {kAsOfArg, "margin"};
constexpr std::string_view kB06Evidence[] = {"projects", "contracts"};
constexpr std::string_view kB06Args[] = {"threshold", "window_days"};
constexpr std::string_view kB07Args[] = {"days"};
constexpr std::string_view kB09Evidence[] = {"payments", "fund_programs", "projects"};
constexpr std::string_view kB10Evidence[] = {"projects", "households"};
constexpr std::string_view kB10Args[] = {"min_share"};
constexpr std::string_view kB11Evidence[] = {"projects", "companies", "officers", "officials"};
constexpr std::string_view kB12Evidence[] = {"contracts"};
constexpr std::string_view kB12Args[] = {"max_share", "min_contracts"};
constexpr std::string_view kC01Evidence[] = {"account_transfers", "bank_accounts"};
constexpr std::string_view kC01Args[] = {"days", "min_share"};
constexpr std::string_view kC02Evidence[] = {"employment", "deaths"};
constexpr std::string_view kD01Evidence[] = {"dispatched_cadres", "integrity_archives"};
constexpr std::string_view kD01Args[] = {kAsOfArg, "days"};

constexpr std::string_view kSeed002 = "seed 002";
constexpr std::string_view kSeed003 = "seed 003: 借用群众精准扶贫专项贷款";

// Brace-initialised in code order; fields after `source` are left empty when not implemented.
const std::array kRules = {
    Rule{"A01", "一卡多户", "One account, many households", "bank_account",
         "one account is the subsidy account of, or receives subsidy payments for, >= "
         "min_households distinct households",
         "seed 002: a cadre entered his own card and two invented numbers for three poor "
         "households",
         kA01Params, kHouseholdsEvidence, KernelA01, internal::kSqlA01, kA01Args},
    Rule{"A02",
         "干部账户代领",
         "Official's account collects",
         "household",
         "the household's subsidy account, or an account paid for it, is held by an official "
         "outside the household",
         kSeed002,
         {},
         kA02Evidence,
         KernelA02,
         internal::kSqlA02},
    Rule{"A03",
         "卡号无效",
         "Invalid card",
         "household",
         "the household's subsidy account is a 16-19 digit card number failing Luhn, or its "
         "holder name (normalised) matches no member of the household",
         "seed 002: invented card numbers",
         {},
         kA03Evidence,
         KernelA03,
         internal::kSqlA03},
    Rule{"A04", "死亡人员领取", "Paid after death", "payment",
         "payee (by payee_id, else the household member named payee_name) died more than "
         "grace_days before the start of the payment's period (or pay_date when no period)",
         "Hunan 互联网+监督 comparisons", kA04Params, kA04Evidence, KernelA04, internal::kSqlA04,
         kA04Args},
    Rule{"A05",
         "财政供养人员享受",
         "Public employee benefits",
         "household",
         "a member is an official of category civil_servant/public_institution/soe",
         "Hunan comparisons",
         {},
         kA05Evidence,
         KernelA05,
         internal::kSqlA05},
    Rule{"A06",
         "重复发放",
         "Paid twice",
         "payment",
         "same item, period and beneficiary paid more than once (the later payments)",
         "common 一卡通 finding",
         {},
         kPaymentsEvidence,
         KernelA06,
         internal::kSqlA06},
    Rule{"A07", "超标准发放", "Above the standard", "payment",
         "amount > standard_amount x (1 + tolerance) for its item", "common finding", kA07Params,
         kA07Evidence, KernelA07, internal::kSqlA07, kA07Args},
    Rule{"A08",
         "非帮扶对象领取",
         "Paid to a non-registered person",
         "payment",
         "restricted programme paid to a person in no poor/exited/monitored household",
         "targeting",
         {},
         kA08Evidence,
         KernelA08,
         internal::kSqlA08},
    Rule{"A09",
         "户名不符",
         "Holder name differs",
         "payment",
         "the normalised holder_name of payee_account differs from the normalised payee_name",
         kSeed002,
         {},
         kA09Evidence,
         KernelA09,
         internal::kSqlA09},
    Rule{"A10",
         "资格存疑",
         "Doubtful eligibility",
         "household",
         "a member owns a car/truck, a commercial/industrial property, or a company role",
         "Hunan, Guizhou 扶贫云 comparisons",
         {},
         kA10Evidence,
         KernelA10,
         internal::kSqlA10,
         kAsOfArgs},
    Rule{"A11",
         "优亲厚友",
         "Favouring kin",
         "household",
         "a member is kin of an official of an org in the same township",
         "Tongren, Suizhou comparisons",
         {},
         kA11Evidence,
         KernelA11,
         internal::kSqlA11},
    Rule{"A12",
         "一人多户",
         "One person, many households",
         "person",
         "the same ID number is a member of >= 2 households",
         "Suixian comparisons (户籍重复)",
         {},
         kHouseholdsEvidence,
         KernelA12,
         internal::kSqlA12},
    Rule{"B01",
         "工程款转入个人账户",
         "Project money to a personal account",
         "payment",
         "project payment, not labor/subsidy, to a personal account",
         kSeed002,
         {},
         kB01Evidence,
         KernelB01,
         internal::kSqlB01},
    Rule{"B02", "资金拨付缓慢", "Slow disbursement", "project",
         ">= days since the first allocation to the project and paid/allocated < min_ratio "
         "(amount: allocated - paid)",
         "seed 002: 大方七中项目资金拨付进度缓慢", kB02Params, kFundingEvidence, KernelB02,
         internal::kSqlB02, kB02Args},
    Rule{"B03", "资金闲置", "Idle funds", "project",
         "allocated - paid > 0 and no payment for >= days (from the last payment, or the first "
         "allocation when none; amount: allocated - paid)",
         "seed 002: 资金闲置滞留", kB03Params, kFundingEvidence, KernelB03, internal::kSqlB03,
         kB03Args},
    Rule{"B04", "逾期未验收", "Acceptance overdue", "project",
         "planned_acceptance + grace_days < as-of and no accepted_date",
         "seed 002: 中药材种植项目未按期验收", kB04Params, kProjectsEvidence, KernelB04,
         internal::kSqlB04, kB04Args},
    Rule{"B05", "建设进度滞后", "Behind schedule", "project",
         "latest percent_complete < expected - margin; expected at as-of is the linear share of "
         "the time from planned_start to planned_completion (100 after completion)",
         "seed 002: 鲜花种植基地建设缓慢", kB05Params, kB05Evidence, KernelB05, internal::kSqlB05,
         kB05Args},
    Rule{"B06", "规避招标", "Tender avoided", "project",
         "budget or a contract in [0.9 x threshold, threshold) without open/invited tender; or "
         ">= 2 contracts with one supplier within window_days, each < threshold, summing >= "
         "threshold",
         "seed 002: 资金量小不走招投标程序", kB06Params, kB06Evidence, KernelB06, internal::kSqlB06,
         kB06Args},
    Rule{"B07", "报账不及时", "Late reimbursement", "payment", "pay_date - expense_date > days",
         "seed 002: 报账不及时", kB07Params, kPaymentsEvidence, KernelB07, internal::kSqlB07,
         kB07Args},
    Rule{"B08",
         "报账程序不规范",
         "Irregular reimbursement",
         "payment",
         "project payment without voucher or approval, or approved after payment",
         kSeed002,
         {},
         kB08Evidence,
         KernelB08,
         internal::kSqlB08},
    Rule{"B09",
         "投向不符合政策",
         "Outside the programme's purposes",
         "payment",
         "purpose_category, or the project's category, not in the programme's "
         "allowed_categories",
         "seed 002: 投向不符合政策要求",
         {},
         kB09Evidence,
         KernelB09,
         internal::kSqlB09},
    Rule{"B10", "利益联结不聚焦", "Benefits not targeted", "project",
         "industry project with no linked households, or a share of poor/exited/monitored "
         "linked households < min_share",
         "seed 002: 对建档立卡贫困人口不够聚焦", kB10Params, kB10Evidence, KernelB10,
         internal::kSqlB10, kB10Args},
    Rule{"B11",
         "利益关联",
         "Conflict of interest",
         "project",
         "the contractor or a supplier has a legal_rep/shareholder who is an official of the "
         "project's owner org, or kin of one",
         "Arachne, OCP red flags",
         {},
         kB11Evidence,
         KernelB11,
         internal::kSqlB11},
    Rule{"B12", "供应商集中", "Supplier concentration", "company",
         "one supplier holds > max_share of the contract value of a county (6-digit region) "
         "that has >= min_contracts contracts",
         "OCP red flags", kB12Params, kB12Evidence, KernelB12, internal::kSqlB12, kB12Args},
    Rule{"C01", "扶贫贷款被借用", "Poverty loan borrowed", "loan",
         "within days of issue, >= min_share of the loan moved from the loan account to "
         "personal accounts of people outside the household (amount: the sum moved)",
         kSeed003, kC01Params, kC01Evidence, KernelC01, internal::kSqlC01, kC01Args},
    Rule{"C02",
         "劳务信息不实",
         "False employment record",
         "person",
         "overlapping employment in two different provinces, or employment starting after "
         "the person's death (amount: the subsidy of those records)",
         "seed 003: 劳务输转信息不实",
         {},
         kC02Evidence,
         KernelC02,
         internal::kSqlC02},
    Rule{"D01", "廉政档案缺失", "Integrity archive missing", "person",
         "a dispatched cadre in post at as-of with no integrity archive, or one last updated "
         "more than days before as-of",
         "seed 002: 一人一档, 及时更新", kD01Params, kD01Evidence, KernelD01, internal::kSqlD01,
         kD01Args},
    Rule{"D02", "整改逾期", "Rectification overdue", "rectification_task",
         "open past its deadline, or no progress report for > report_days", kSeed002, kD02Params},
    Rule{"D03", "移送未反馈", "Transfer unanswered", "transfer",
         "not acknowledged within ack_days, or no feedback by its due date", "seeds 000, 002",
         kD03Params},
};

}  // namespace

ParamValues Rule::DefaultParams() const {
  ParamValues values;
  for (const RuleParam& param : params)
    values.emplace(std::string(param.name), param.default_value);
  return values;
}

std::span<const Rule> RuleCatalogue() { return kRules; }

const Rule* FindRule(std::string_view code) {
  auto found = std::find_if(kRules.begin(), kRules.end(),
                            [code](const Rule& rule) { return rule.code == code; });
  return found == kRules.end() ? nullptr : &*found;
}

}  // namespace sunlight::rules
