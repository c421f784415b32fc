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
using internal::KernelA05;
using internal::KernelA06;
using internal::KernelA07;
using internal::KernelA08;
using internal::KernelA10;
using internal::KernelA11;
using internal::KernelA12;
using internal::KernelB01;
using internal::KernelB08;

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

constexpr std::string_view kSeed002 = "seed 002";

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
    Rule{"A03", "卡号无效", "Invalid card", "household",
         "subsidy account fails Luhn, or its holder matches no member", kSeed002},
    Rule{"A04", "死亡人员领取", "Paid after death", "payment",
         "payee died before the start of the payment's period (or pay_date)",
         "Hunan 互联网+监督 comparisons", kA04Params},
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
    Rule{"A09", "户名不符", "Holder name differs", "payment",
         "holder_name of payee_account differs from payee_name", kSeed002},
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
         ">= days since first allocation and paid/allocated < min_ratio", kSeed002, kB02Params},
    Rule{"B03", "资金闲置", "Idle funds", "project",
         "allocated - paid > 0 and no payment for >= days", kSeed002, kB03Params},
    Rule{"B04", "逾期未验收", "Acceptance overdue", "project",
         "planned_acceptance + grace_days < as-of and no accepted_date", kSeed002, kB04Params},
    Rule{"B05", "建设进度滞后", "Behind schedule", "project",
         "latest percent_complete < expected - margin", kSeed002, kB05Params},
    Rule{"B06", "规避招标", "Tender avoided", "project",
         "contract/budget just under the threshold without tender, or split contracts", kSeed002,
         kB06Params},
    Rule{"B07", "报账不及时", "Late reimbursement", "payment", "pay_date - expense_date > days",
         kSeed002, kB07Params},
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
    Rule{"B09", "投向不符合政策", "Outside the programme's purposes", "payment",
         "purpose (or project category) not allowed by the programme", kSeed002},
    Rule{"B10", "利益联结不聚焦", "Benefits not targeted", "project",
         "industry project with no or too few registered linked households", kSeed002, kB10Params},
    Rule{"B11", "利益关联", "Conflict of interest", "project",
         "contractor/supplier tied to an official of the owner org or their kin",
         "Arachne, OCP red flags"},
    Rule{"B12", "供应商集中", "Supplier concentration", "company",
         "one supplier holds > max_share of contract value in a county", "OCP red flags",
         kB12Params},
    Rule{"C01", "扶贫贷款被借用", "Poverty loan borrowed", "loan",
         ">= min_share of the loan moved to outsiders' personal accounts within days", "seed 003",
         kC01Params},
    Rule{"C02", "劳务信息不实", "False employment record", "person",
         "overlapping jobs in two provinces, or a job starting after death", "seed 003"},
    Rule{"D01", "廉政档案缺失", "Integrity archive missing", "person",
         "dispatched cadre in post without an archive updated within days", kSeed002, kD01Params},
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
