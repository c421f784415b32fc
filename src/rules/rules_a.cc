// Group A rules (payments to people): kernels over the snapshot and their reference SQL.
//
// Shared conventions, in both forms:
//  - a payment's region is its household's village, else its payer organisation's region;
//  - a subject linked to several households takes the smallest village code among them.
#include <algorithm>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "rules/kernels.h"

namespace sunlight::rules::internal {
namespace {

// Index from a code to the row holding it (first row wins).
std::unordered_map<Code, size_t> RowIndex(const std::vector<Code>& keys) {
  std::unordered_map<Code, size_t> index;
  index.reserve(keys.size());
  for (size_t row_idx = 0; row_idx < keys.size(); ++row_idx) index.emplace(keys[row_idx], row_idx);
  return index;
}

// Resolves regions the way the SQL does.
class Regions {
 public:
  explicit Regions(const Snapshot& snap) : snap_(snap) {
    for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
      village_of_.emplace(snap.households.household_id[row_idx],
                          snap.households.village_code[row_idx]);
    }
    for (size_t row_idx = 0; row_idx < snap.organizations.size(); ++row_idx) {
      org_region_.emplace(snap.organizations.org_id[row_idx],
                          snap.organizations.region_code[row_idx]);
    }
  }
  Code Village(Code household) const {
    auto found = village_of_.find(household);
    return found == village_of_.end() ? kNullCode : found->second;
  }
  Code OfPayment(size_t row_idx) const {
    Code village = Village(snap_.payments.household_id[row_idx]);
    if (village != kNullCode) return village;
    auto found = org_region_.find(snap_.payments.payer_org_id[row_idx]);
    return found == org_region_.end() ? kNullCode : found->second;
  }
  // The smallest village code (as text) of the given households; "" when none is known.
  std::string MinVillage(const std::vector<Code>& households) const {
    std::string best;
    bool have = false;
    for (Code household : households) {
      Code village = Village(household);
      if (village == kNullCode) continue;
      std::string_view text = snap_.strings.Text(village);
      if (!have || text < best) best = text, have = true;
    }
    return best;
  }

 private:
  const Snapshot& snap_;
  std::unordered_map<Code, Code> village_of_;
  std::unordered_map<Code, Code> org_region_;
};

std::string Text(const Snapshot& snap, Code code) { return std::string(snap.strings.Text(code)); }

}  // namespace

// --- A01 一卡多户 -----------------------------------------------------------------------
std::vector<Warning> KernelA01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto min_households = static_cast<size_t>(input.params.find("min_households")->second);
  // account → distinct households linked to it (subsidy account, or paid to it for them).
  std::unordered_map<Code, std::vector<Code>> linked;
  std::unordered_map<Code, std::int64_t> paid;
  auto link = [&linked](Code account, Code household) {
    if (account == kNullCode || household == kNullCode) return;
    std::vector<Code>& list = linked[account];
    if (std::find(list.begin(), list.end(), household) == list.end()) list.push_back(household);
  };
  const HouseholdColumns& h = snap.households;
  for (size_t row_idx = 0; row_idx < h.size(); ++row_idx) {
    link(h.subsidy_account[row_idx], h.household_id[row_idx]);
  }
  const PaymentColumns& p = snap.payments;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    if (p.household_id[row_idx] == kNullCode) continue;
    link(p.payee_account[row_idx], p.household_id[row_idx]);
    paid[p.payee_account[row_idx]] += p.amount[row_idx];
  }
  Regions regions(snap);
  std::vector<Warning> out;
  for (const auto& [account, households] : linked) {
    if (households.size() < min_households) continue;
    Warning w;
    w.subject_id = Text(snap, account);
    w.region_code = regions.MinVillage(households);
    w.severity = "high";
    w.amount_fen = paid[account];
    for (Code household : households) w.evidence["households"].insert(Text(snap, household));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA01 = R"sql(
WITH links AS (
  SELECT subsidy_account AS account_no, household_id FROM households
  WHERE subsidy_account IS NOT NULL AND subsidy_account <> ''
  UNION
  SELECT payee_account, household_id FROM payments
  WHERE household_id IS NOT NULL AND household_id <> ''
),
flagged AS (
  SELECT account_no FROM links GROUP BY account_no HAVING COUNT(DISTINCT household_id) >= ?
)
SELECT f.account_no AS subject_id,
       (SELECT MIN(h.village_code) FROM links l2
          JOIN households h ON h.household_id = l2.household_id
         WHERE l2.account_no = f.account_no) AS region_code,
       'high' AS severity,
       (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
         WHERE p.payee_account = f.account_no
           AND p.household_id IS NOT NULL AND p.household_id <> '') AS amount_fen,
       'households' AS evidence_kind,
       l.household_id AS evidence_id
FROM flagged f JOIN links l ON l.account_no = f.account_no
)sql";

// --- A06 重复发放 -----------------------------------------------------------------------
std::vector<Warning> KernelA06(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const PaymentColumns& p = snap.payments;
  const SubsidyItemColumns& items = snap.subsidy_items;
  const auto item_row = RowIndex(items.item_id);
  const Code per_household = snap.strings.Find("per_household");
  // (item, period, beneficiary) → rows, then ordered by (pay_date, payment_id).
  std::map<std::tuple<Code, Code, Code>, std::vector<size_t>> groups;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    auto item = item_row.find(p.item_id[row_idx]);
    if (p.item_id[row_idx] == kNullCode || item == item_row.end()) continue;
    const Code beneficiary = items.unit[item->second] == per_household && per_household != kNullCode
                                 ? p.household_id[row_idx]
                                 : p.payee_id[row_idx];
    groups[{p.item_id[row_idx], p.period[row_idx], beneficiary}].push_back(row_idx);
  }
  Regions regions(snap);
  std::vector<Warning> out;
  for (auto& [key, rows] : groups) {
    if (rows.size() < 2) continue;
    std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
      return std::make_pair(p.pay_date[a], snap.strings.Text(p.payment_id[a])) <
             std::make_pair(p.pay_date[b], snap.strings.Text(p.payment_id[b]));
    });
    for (size_t rank = 1; rank < rows.size(); ++rank) {
      const size_t row_idx = rows[rank];
      Warning w;
      w.subject_id = Text(snap, p.payment_id[row_idx]);
      w.region_code = Text(snap, regions.OfPayment(row_idx));
      w.severity = "medium";
      w.amount_fen = p.amount[row_idx];
      for (size_t earlier = 0; earlier <= rank; ++earlier) {
        w.evidence["payments"].insert(Text(snap, p.payment_id[rows[earlier]]));
      }
      out.push_back(std::move(w));
    }
  }
  return out;
}

const std::string_view kSqlA06 = R"sql(
WITH keyed AS (
  SELECT p.payment_id, p.amount, p.item_id,
         COALESCE(p.period, '') AS period_key,
         CASE WHEN i.unit = 'per_household' THEN COALESCE(p.household_id, '')
              ELSE COALESCE(p.payee_id, '') END AS beneficiary,
         COALESCE(h.village_code, o.region_code) AS region_code,
         ROW_NUMBER() OVER (
           PARTITION BY p.item_id, COALESCE(p.period, ''),
                        CASE WHEN i.unit = 'per_household' THEN COALESCE(p.household_id, '')
                             ELSE COALESCE(p.payee_id, '') END
           ORDER BY p.pay_date, p.payment_id) AS rank_in_group
  FROM payments p
  JOIN subsidy_items i ON i.item_id = p.item_id
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
)
SELECT later.payment_id AS subject_id, later.region_code, 'medium' AS severity,
       later.amount AS amount_fen, 'payments' AS evidence_kind, e.payment_id AS evidence_id
FROM keyed later
JOIN keyed e ON e.item_id = later.item_id AND e.period_key = later.period_key
            AND e.beneficiary = later.beneficiary AND e.rank_in_group <= later.rank_in_group
WHERE later.rank_in_group > 1
)sql";

// --- A07 超标准发放 ---------------------------------------------------------------------
std::vector<Warning> KernelA07(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double tolerance = input.params.find("tolerance")->second;
  const PaymentColumns& p = snap.payments;
  const SubsidyItemColumns& items = snap.subsidy_items;
  const auto item_row = RowIndex(items.item_id);
  Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    if (p.item_id[row_idx] == kNullCode) continue;
    auto item = item_row.find(p.item_id[row_idx]);
    if (item == item_row.end()) continue;
    const std::int64_t standard = items.standard_amount[item->second];
    // Same arithmetic as the SQL: a double product; exact for amounts below 2^53 fen.
    if (!(static_cast<double>(p.amount[row_idx]) > static_cast<double>(standard) * (1 + tolerance)))
      continue;
    Warning w;
    w.subject_id = Text(snap, p.payment_id[row_idx]);
    w.region_code = Text(snap, regions.OfPayment(row_idx));
    w.severity = "medium";
    w.amount_fen = p.amount[row_idx] - standard;  // the excess over the standard
    w.evidence["payments"].insert(w.subject_id);
    w.evidence["subsidy_items"].insert(Text(snap, p.item_id[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA07 = R"sql(
WITH hit AS (
  SELECT p.payment_id, p.item_id, p.amount - i.standard_amount AS excess,
         COALESCE(h.village_code, o.region_code) AS region_code
  FROM payments p
  JOIN subsidy_items i ON i.item_id = p.item_id
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
  WHERE p.amount > i.standard_amount * (1.0 + ?)
)
SELECT payment_id AS subject_id, region_code, 'medium' AS severity, excess AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'medium', excess, 'subsidy_items', item_id FROM hit
)sql";

// --- A12 一人多户 -----------------------------------------------------------------------
std::vector<Warning> KernelA12(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const MemberColumns& m = snap.members;
  std::unordered_map<Code, std::vector<Code>> households_of;
  for (size_t row_idx = 0; row_idx < m.size(); ++row_idx) {
    std::vector<Code>& list = households_of[m.id_number[row_idx]];
    if (std::find(list.begin(), list.end(), m.household_id[row_idx]) == list.end())
      list.push_back(m.household_id[row_idx]);
  }
  Regions regions(snap);
  std::vector<Warning> out;
  for (const auto& [person, households] : households_of) {
    if (households.size() < 2) continue;
    Warning w;
    w.subject_id = Text(snap, person);
    w.region_code = regions.MinVillage(households);
    w.severity = "medium";
    for (Code household : households) w.evidence["households"].insert(Text(snap, household));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA12 = R"sql(
SELECT m.id_number AS subject_id,
       (SELECT MIN(h.village_code) FROM members m2
          JOIN households h ON h.household_id = m2.household_id
         WHERE m2.id_number = m.id_number) AS region_code,
       'medium' AS severity, 0 AS amount_fen,
       'households' AS evidence_kind, m.household_id AS evidence_id
FROM members m
WHERE m.id_number IN (SELECT id_number FROM members GROUP BY id_number
                      HAVING COUNT(DISTINCT household_id) >= 2)
)sql";

}  // namespace sunlight::rules::internal
