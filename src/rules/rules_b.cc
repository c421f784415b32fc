// Group B rules about payments (B01, B07, B08, B09): kernels over the snapshot and their
// reference SQL. Region and amount conventions: rule_helpers.h.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {

// --- B01 工程款转入个人账户 -------------------------------------------------------------
std::vector<Warning> KernelB01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const Code personal = snap.strings.Find("personal");
  const Code labor = snap.strings.Find("labor");
  const Code subsidy = snap.strings.Find("subsidy");
  // A flag per code: every household's account is personal, and a hash set of them (435 000
  // nodes at 400 000 households) took longer to fill than this whole kernel takes now.
  std::vector<bool> personal_account(snap.strings.size());
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx) {
    const Code account = snap.bank_accounts.account_no[row_idx];
    if (personal != kNullCode && account != kNullCode &&
        snap.bank_accounts.account_type[row_idx] == personal)
      personal_account[account] = true;
  }
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    const Code purpose = p.purpose_category[row_idx];
    if (p.project_id[row_idx] == kNullCode || purpose == labor || purpose == subsidy ||
        p.payee_account[row_idx] == kNullCode || !personal_account[p.payee_account[row_idx]])
      continue;
    Warning w = PaymentWarning(snap, row_idx, regions, "high");
    w.evidence["bank_accounts"].insert(Text(snap, p.payee_account[row_idx]));
    w.evidence["projects"].insert(Text(snap, p.project_id[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB01 = R"sql(
WITH hit AS (
  SELECT p.payment_id, p.amount, p.payee_account, p.project_id,
         COALESCE(h.village_code, o.region_code) AS region_code
  FROM payments p
  JOIN bank_accounts a ON a.account_no = p.payee_account AND a.account_type = 'personal'
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
  WHERE p.project_id IS NOT NULL AND p.project_id <> ''
    AND p.purpose_category NOT IN ('labor', 'subsidy')
)
SELECT payment_id AS subject_id, region_code, 'high' AS severity, amount AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'high', amount, 'bank_accounts', payee_account FROM hit
UNION ALL
SELECT payment_id, region_code, 'high', amount, 'projects', project_id FROM hit
)sql";

// --- B08 报账程序不规范 -----------------------------------------------------------------
std::vector<Warning> KernelB08(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    if (p.project_id[row_idx] == kNullCode) continue;
    const std::int32_t approved = p.approved_date[row_idx];
    if (p.voucher_no[row_idx] != kNullCode && approved != kNoDate &&
        approved <= p.pay_date[row_idx])
      continue;
    Warning w = PaymentWarning(snap, row_idx, regions, "low");
    w.evidence["projects"].insert(Text(snap, p.project_id[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB08 = R"sql(
WITH hit AS (
  SELECT p.payment_id, p.amount, p.project_id,
         COALESCE(h.village_code, o.region_code) AS region_code
  FROM payments p
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
  WHERE p.project_id IS NOT NULL AND p.project_id <> ''
    AND (p.voucher_no IS NULL OR p.voucher_no = '' OR p.approved_date IS NULL
         OR p.approved_date = '' OR p.approved_date > p.pay_date)
)
SELECT payment_id AS subject_id, region_code, 'low' AS severity, amount AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'low', amount, 'projects', project_id FROM hit
)sql";

// --- B07 报账不及时 ---------------------------------------------------------------------
// Every payment with an expense_date (project or not): late reimbursement is a finding
// whatever the money was for.
std::vector<Warning> KernelB07(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double days = Param(input, "days");
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    const std::int32_t expense = p.expense_date[row_idx];
    if (expense == kNoDate || !(p.pay_date[row_idx] - expense > days)) continue;
    out.push_back(PaymentWarning(snap, row_idx, regions, "low"));
  }
  return out;
}

const std::string_view kSqlB07 =
    "WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS days)\n"
    "SELECT p.payment_id AS subject_id, " SUNLIGHT_SQL_PAYMENT_REGION
    " AS region_code,\n"
    "       'low' AS severity, p.amount AS amount_fen,\n"
    "       'payments' AS evidence_kind, p.payment_id AS evidence_id\n"
    "FROM payments p\n"  //
    SUNLIGHT_SQL_PAYMENT_REGION_JOINS
    "CROSS JOIN args\n"
    "WHERE p.expense_date IS NOT NULL AND p.expense_date <> ''\n"
    "  AND " SUNLIGHT_SQL_DAY("p.pay_date") " - " SUNLIGHT_SQL_DAY(
        "p.expense_date") " > args.days\n";

// --- B09 投向不符合政策 -----------------------------------------------------------------
// A payment whose purpose, or whose project's category, is not among its programme's
// allowed_categories. Evidence names the project only when its category is the reason.
std::vector<Warning> KernelB09(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  std::unordered_map<Code, std::unordered_set<Code>> allowed;  // programme → categories
  for (size_t row_idx = 0; row_idx < snap.fund_programs.size(); ++row_idx) {
    std::unordered_set<Code>& set = allowed[snap.fund_programs.program_id[row_idx]];
    std::string_view list = snap.strings.Text(snap.fund_programs.allowed_categories[row_idx]);
    while (!list.empty()) {
      const size_t end = std::min(list.find(';'), list.size());
      const Code code = snap.strings.Find(list.substr(0, end));
      if (code != kNullCode) set.insert(code);
      list.remove_prefix(std::min(end + 1, list.size()));
    }
  }
  const auto project_row = RowIndex(snap.projects.project_id);
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    auto programme = allowed.find(p.program_id[row_idx]);
    if (programme == allowed.end()) continue;
    const bool purpose_bad = programme->second.count(p.purpose_category[row_idx]) == 0;
    bool project_bad = false;
    if (auto project = project_row.find(p.project_id[row_idx]);
        p.project_id[row_idx] != kNullCode && project != project_row.end()) {
      project_bad = programme->second.count(snap.projects.category[project->second]) == 0;
    }
    if (!purpose_bad && !project_bad) continue;
    Warning w = PaymentWarning(snap, row_idx, regions, "medium");
    w.evidence["fund_programs"].insert(Text(snap, p.program_id[row_idx]));
    if (project_bad) w.evidence["projects"].insert(Text(snap, p.project_id[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

// Membership in the ';'-joined list with LIKE: categories are canonical lower-case values,
// and no two of them differ only where one has '_' (LIKE's one-character wildcard).
const std::string_view kSqlB09 = R"sql(
WITH checked AS (
  SELECT p.payment_id, p.amount, p.program_id, p.project_id,
         COALESCE(h.village_code, o.region_code) AS region_code,
         CASE WHEN ';' || f.allowed_categories || ';' LIKE '%;' || p.purpose_category || ';%'
              THEN 0 ELSE 1 END AS purpose_bad,
         CASE WHEN j.project_id IS NOT NULL
                   AND NOT (';' || f.allowed_categories || ';' LIKE '%;' || j.category || ';%')
              THEN 1 ELSE 0 END AS project_bad
  FROM payments p
  JOIN fund_programs f ON f.program_id = p.program_id
  LEFT JOIN projects j ON j.project_id = p.project_id
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
),
hit AS (SELECT * FROM checked WHERE purpose_bad = 1 OR project_bad = 1)
SELECT payment_id AS subject_id, region_code, 'medium' AS severity, amount AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'medium', amount, 'fund_programs', program_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'medium', amount, 'projects', project_id FROM hit
WHERE project_bad = 1
)sql";

}  // namespace sunlight::rules::internal
