// Group B rules (project funds): kernels over the snapshot and their reference SQL.
// Same region convention as group A: a payment's region is its household's village, else its
// payer organisation's region.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules/kernels.h"

namespace sunlight::rules::internal {
namespace {

std::string Text(const Snapshot& snap, Code code) { return std::string(snap.strings.Text(code)); }

// Region of each payment row, as text.
std::vector<std::string> PaymentRegions(const Snapshot& snap) {
  std::unordered_map<Code, Code> village_of, org_region;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx)
    village_of.emplace(snap.households.household_id[row_idx],
                       snap.households.village_code[row_idx]);
  for (size_t row_idx = 0; row_idx < snap.organizations.size(); ++row_idx)
    org_region.emplace(snap.organizations.org_id[row_idx], snap.organizations.region_code[row_idx]);
  std::vector<std::string> regions(snap.payments.size());
  for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx) {
    Code region = kNullCode;
    if (auto v = village_of.find(snap.payments.household_id[row_idx]); v != village_of.end())
      region = v->second;
    if (region == kNullCode) {
      if (auto o = org_region.find(snap.payments.payer_org_id[row_idx]); o != org_region.end())
        region = o->second;
    }
    regions[row_idx] = Text(snap, region);
  }
  return regions;
}

Warning PaymentWarning(const Snapshot& snap, size_t row_idx, std::string region,
                       std::string severity) {
  Warning w;
  w.subject_id = Text(snap, snap.payments.payment_id[row_idx]);
  w.region_code = std::move(region);
  w.severity = std::move(severity);
  w.amount_fen = snap.payments.amount[row_idx];
  w.evidence["payments"].insert(w.subject_id);
  return w;
}

}  // namespace

// --- B01 工程款转入个人账户 -------------------------------------------------------------
std::vector<Warning> KernelB01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const Code personal = snap.strings.Find("personal");
  const Code labor = snap.strings.Find("labor");
  const Code subsidy = snap.strings.Find("subsidy");
  std::unordered_set<Code> personal_accounts;
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx) {
    if (personal != kNullCode && snap.bank_accounts.account_type[row_idx] == personal)
      personal_accounts.insert(snap.bank_accounts.account_no[row_idx]);
  }
  const PaymentColumns& p = snap.payments;
  const auto regions = PaymentRegions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    const Code purpose = p.purpose_category[row_idx];
    if (p.project_id[row_idx] == kNullCode || purpose == labor || purpose == subsidy ||
        personal_accounts.count(p.payee_account[row_idx]) == 0)
      continue;
    Warning w = PaymentWarning(snap, row_idx, regions[row_idx], "high");
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
  const auto regions = PaymentRegions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    if (p.project_id[row_idx] == kNullCode) continue;
    const std::int32_t approved = p.approved_date[row_idx];
    if (p.voucher_no[row_idx] != kNullCode && approved != kNoDate &&
        approved <= p.pay_date[row_idx])
      continue;
    Warning w = PaymentWarning(snap, row_idx, regions[row_idx], "low");
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

}  // namespace sunlight::rules::internal
