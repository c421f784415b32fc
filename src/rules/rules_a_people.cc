// Group A rules that compare people and names with other records (A03, A04, A09): kernels
// over the snapshot and their reference SQL. Names are compared through the *_name_norm
// columns the importer fills (core/text.h NormalizeName), in both forms; a NULL normalised
// name takes part in no comparison.
#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/bank_account.h"
#include "core/period.h"
#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {
namespace {

// A 16–19 digit number (a bank card, not a passbook or corporate account) failing Luhn.
bool InvalidCard(std::string_view account) {
  if (account.size() < 16 || account.size() > 19) return false;
  if (!std::all_of(account.begin(), account.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  return !LuhnValid(account);
}

// (household, normalised name) → members' ID numbers, as one vector sorted by the pair and
// searched by halves: a std::map of 1.2 M members spent a node and a vector on each, and
// building it was most of A03 and of A04.
class MembersByName {
 public:
  explicit MembersByName(const Snapshot& snap) {
    const MemberColumns& m = snap.members;
    std::vector<Entry> entries;
    entries.reserve(m.size());
    for (size_t row_idx = 0; row_idx < m.size(); ++row_idx) {
      if (m.name_norm[row_idx] == kNullCode) continue;
      entries.push_back({{m.household_id[row_idx], m.name_norm[row_idx]},
                         static_cast<std::uint32_t>(row_idx),
                         m.id_number[row_idx]});
    }
    // Members' row order within a pair, as the map's vectors kept it.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.key, a.row) < std::tie(b.key, b.row);
    });
    keys_.reserve(entries.size());
    ids_.reserve(entries.size());
    for (const Entry& entry : entries) {
      keys_.push_back(entry.key);
      ids_.push_back(entry.id);
    }
  }

  // The ID numbers of the household's members with that name (empty when none).
  std::span<const Code> Find(Code household, Code name) const {
    const std::pair<Code, Code> key{household, name};
    auto [first, last] = std::equal_range(keys_.begin(), keys_.end(), key);
    return {ids_.data() + (first - keys_.begin()), static_cast<size_t>(last - first)};
  }

 private:
  struct Entry {
    std::pair<Code, Code> key;
    std::uint32_t row;
    Code id;
  };
  std::vector<std::pair<Code, Code>> keys_;
  std::vector<Code> ids_;  // parallel to keys_
};

}  // namespace

// --- A03 卡号无效 -----------------------------------------------------------------------
// The household's subsidy_account (a) is a 16–19 digit number failing Luhn, or (b) is in
// bank_accounts with a holder name matching no member's name (a household with no members
// listed matches nobody). Evidence: the account.
std::vector<Warning> KernelA03(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  std::unordered_map<Code, Code> holder_name;  // account → holder_name_norm
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx)
    holder_name.emplace(snap.bank_accounts.account_no[row_idx],
                        snap.bank_accounts.holder_name_norm[row_idx]);
  const MembersByName by_name(snap);
  const auto paid = PaidPerHousehold(snap);
  const HouseholdColumns& h = snap.households;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < h.size(); ++row_idx) {
    const Code account = h.subsidy_account[row_idx];
    if (account == kNullCode) continue;
    bool bad = InvalidCard(snap.strings.Text(account));
    auto holder = holder_name.find(account);
    if (!bad && holder != holder_name.end() && holder->second != kNullCode)
      bad = by_name.Find(h.household_id[row_idx], holder->second).empty();
    if (!bad) continue;
    Warning w = HouseholdWarning(snap, row_idx, "high", paid);
    w.evidence["bank_accounts"].insert(Text(snap, account));
    out.push_back(std::move(w));
  }
  return out;
}

// Luhn in portable SQL: a recursive walk over the digits from the right, doubling every
// second one; all-digits is checked by deleting the ten digits with REPLACE.
const std::string_view kSqlA03 = R"sql(
WITH RECURSIVE cards AS (
  SELECT household_id, subsidy_account AS acct FROM households
  WHERE LENGTH(subsidy_account) BETWEEN 16 AND 19
    AND REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
          subsidy_account, '0', ''), '1', ''), '2', ''), '3', ''), '4', ''), '5', ''), '6', ''),
          '7', ''), '8', ''), '9', '') = ''
),
walk (household_id, acct, pos, total) AS (
  SELECT household_id, acct, 0, 0 FROM cards
  UNION ALL
  SELECT household_id, acct, pos + 1,
         total + CASE WHEN pos % 2 = 1
                      THEN (2 * CAST(SUBSTR(acct, LENGTH(acct) - pos, 1) AS INTEGER)) % 10
                           + (2 * CAST(SUBSTR(acct, LENGTH(acct) - pos, 1) AS INTEGER)) / 10
                      ELSE CAST(SUBSTR(acct, LENGTH(acct) - pos, 1) AS INTEGER) END
  FROM walk WHERE pos < LENGTH(acct)
),
bad AS (
  SELECT household_id FROM walk WHERE pos = LENGTH(acct) AND total % 10 <> 0
  UNION
  SELECT h.household_id FROM households h
  JOIN bank_accounts a ON a.account_no = h.subsidy_account
  WHERE a.holder_name_norm IS NOT NULL AND a.holder_name_norm <> ''
    AND NOT EXISTS (SELECT 1 FROM members m
                     WHERE m.household_id = h.household_id
                       AND m.name_norm = a.holder_name_norm)
)
SELECT h.household_id AS subject_id, h.village_code AS region_code, 'high' AS severity,
       (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
         WHERE p.household_id = h.household_id) AS amount_fen,
       'bank_accounts' AS evidence_kind, h.subsidy_account AS evidence_id
FROM households h JOIN bad b ON b.household_id = h.household_id
)sql";

// --- A04 死亡人员领取 -------------------------------------------------------------------
// The payee is payee_id; when a payment has none, the member of its household whose
// normalised name is payee_name_norm (per-household subsidies are often paid without an ID
// number). Reference date: the first day of the payment's period, else pay_date. Flagged
// when reference − death_date > grace_days. Evidence: the payment and the death records.
std::vector<Warning> KernelA04(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double grace_days = Param(input, "grace_days");
  std::unordered_map<Code, std::int32_t> death_of;
  for (size_t row_idx = 0; row_idx < snap.deaths.size(); ++row_idx)
    death_of.emplace(snap.deaths.id_number[row_idx], snap.deaths.death_date[row_idx]);
  const MembersByName by_name(snap);
  std::unordered_map<Code, std::int32_t> period_start;  // period text → first day
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    // The payee, or the household's members of the payee's name (no copy per payment).
    std::span<const Code> payees;
    if (p.payee_id[row_idx] != kNullCode) {
      payees = {&p.payee_id[row_idx], 1};
    } else if (p.payee_name_norm[row_idx] != kNullCode) {
      payees = by_name.Find(p.household_id[row_idx], p.payee_name_norm[row_idx]);
    }
    std::int32_t reference = p.pay_date[row_idx];
    if (const Code period = p.period[row_idx]; period != kNullCode) {
      auto [it, added] = period_start.try_emplace(period, reference);
      if (added) {
        StatusOr<Period> parsed = Period::Parse(snap.strings.Text(period));
        if (parsed.ok()) it->second = parsed->start().days_since_epoch();
      }
      reference = it->second;
    }
    Warning w;
    for (Code payee : payees) {
      auto death = death_of.find(payee);
      if (death != death_of.end() && reference - death->second > grace_days)
        w.evidence["deaths"].insert(Text(snap, payee));
    }
    if (w.evidence.empty()) continue;
    Warning base = PaymentWarning(snap, row_idx, regions, "high");
    base.evidence.merge(w.evidence);
    out.push_back(std::move(base));
  }
  return out;
}

const std::string_view kSqlA04 =
    "WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS grace_days),\n"
    "payees AS (\n"
    "  SELECT p.payment_id, p.payee_id AS person FROM payments p\n"
    "  WHERE p.payee_id IS NOT NULL AND p.payee_id <> ''\n"
    "  UNION\n"
    "  SELECT p.payment_id, m.id_number FROM payments p\n"
    "  JOIN members m ON m.household_id = p.household_id AND m.name_norm = p.payee_name_norm\n"
    "  WHERE (p.payee_id IS NULL OR p.payee_id = '')\n"
    "    AND p.payee_name_norm IS NOT NULL AND p.payee_name_norm <> ''\n"
    "),\n"
    "dated AS (\n"
    "  SELECT p.payment_id, p.amount, " SUNLIGHT_SQL_PAYMENT_REGION " AS region_code,\n"
    "         CASE WHEN p.period IS NULL OR p.period = '' THEN p.pay_date\n"
    "              WHEN LENGTH(p.period) = 4 THEN p.period || '-01-01'\n"
    "              WHEN SUBSTR(p.period, 6, 1) = 'Q' THEN SUBSTR(p.period, 1, 5) ||\n"
    "                CASE SUBSTR(p.period, 7, 1) WHEN '1' THEN '01' WHEN '2' THEN '04'\n"
    "                                            WHEN '3' THEN '07' ELSE '10' END || '-01'\n"
    "              ELSE p.period || '-01' END AS reference\n"
    "  FROM payments p\n"  //
    SUNLIGHT_SQL_PAYMENT_REGION_JOINS
    "),\n"
    "hit AS (\n"
    "  SELECT t.payment_id, t.amount, t.region_code, d.id_number\n"
    "  FROM dated t\n"
    "  JOIN payees y ON y.payment_id = t.payment_id\n"
    "  JOIN deaths d ON d.id_number = y.person\n"
    "  CROSS JOIN args a\n"
    "  WHERE " SUNLIGHT_SQL_DAY("t.reference") " - " SUNLIGHT_SQL_DAY(
        "d.death_date") " > a.grace_days\n"
    ")\n"
    "SELECT payment_id AS subject_id, region_code, 'high' AS severity, amount AS amount_fen,\n"
    "       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit\n"
    "UNION ALL\n"
    "SELECT payment_id, region_code, 'high', amount, 'deaths', id_number FROM hit\n";

// --- A09 户名不符 -----------------------------------------------------------------------
// The payee account's holder_name_norm differs from the payment's payee_name_norm (both
// known). Evidence: the payment and the account.
std::vector<Warning> KernelA09(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  std::unordered_map<Code, Code> holder_name;
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx)
    holder_name.emplace(snap.bank_accounts.account_no[row_idx],
                        snap.bank_accounts.holder_name_norm[row_idx]);
  const PaymentColumns& p = snap.payments;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    auto holder = holder_name.find(p.payee_account[row_idx]);
    if (holder == holder_name.end() || holder->second == kNullCode ||
        p.payee_name_norm[row_idx] == kNullCode || holder->second == p.payee_name_norm[row_idx])
      continue;
    Warning w = PaymentWarning(snap, row_idx, regions, "medium");
    w.evidence["bank_accounts"].insert(Text(snap, p.payee_account[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA09 = R"sql(
WITH hit AS (
  SELECT p.payment_id, p.amount, p.payee_account,
         COALESCE(h.village_code, o.region_code) AS region_code
  FROM payments p
  JOIN bank_accounts a ON a.account_no = p.payee_account
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
  WHERE a.holder_name_norm IS NOT NULL AND a.holder_name_norm <> ''
    AND p.payee_name_norm IS NOT NULL AND p.payee_name_norm <> ''
    AND a.holder_name_norm <> p.payee_name_norm
)
SELECT payment_id AS subject_id, region_code, 'medium' AS severity, amount AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'medium', amount, 'bank_accounts', payee_account FROM hit
)sql";

}  // namespace sunlight::rules::internal
