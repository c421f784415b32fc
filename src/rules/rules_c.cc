// Group C rules (loans and labour): kernels over the snapshot and their reference SQL.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {

// --- C01 扶贫贷款被借用 -----------------------------------------------------------------
// Transfers out of the loan account dated issue_date … issue_date + days (both inclusive)
// into personal accounts whose holder is not a member of the loan's household (a holder
// with no ID number counts as an outsider). Accounts missing from bank_accounts.csv are not
// known to be personal and do not count. Flagged when the sum moved is > 0 and
// ≥ amount × min_share; amount_fen is the sum moved; region the household's village.
std::vector<Warning> KernelC01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double days = Param(input, "days");
  const double min_share = Param(input, "min_share");
  const Code personal = snap.strings.Find("personal");
  std::unordered_map<Code, Code> personal_holder;  // personal account → holder_id
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx) {
    if (personal != kNullCode && snap.bank_accounts.account_type[row_idx] == personal)
      personal_holder.emplace(snap.bank_accounts.account_no[row_idx],
                              snap.bank_accounts.holder_id[row_idx]);
  }
  const auto members = MembersOf(snap);
  const auto transfers_from = RowsBy(snap.account_transfers.from_account);
  const AccountTransferColumns& t = snap.account_transfers;
  const LoanColumns& l = snap.loans;
  const Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < l.size(); ++row_idx) {
    auto transfers = transfers_from.find(l.account_no[row_idx]);
    if (transfers == transfers_from.end()) continue;
    auto own = members.find(l.household_id[row_idx]);
    Warning w;
    std::int64_t moved = 0;
    for (size_t transfer : transfers->second) {
      const std::int32_t gap = t.date[transfer] - l.issue_date[row_idx];
      auto holder = personal_holder.find(t.to_account[transfer]);
      if (gap < 0 || gap > days || holder == personal_holder.end()) continue;
      if (own != members.end() &&
          std::find(own->second.begin(), own->second.end(), holder->second) != own->second.end())
        continue;
      moved += t.amount[transfer];
      w.evidence["account_transfers"].insert(Text(snap, t.transfer_id[transfer]));
      w.evidence["bank_accounts"].insert(Text(snap, t.to_account[transfer]));
    }
    if (moved <= 0 ||
        !(static_cast<double>(moved) >= static_cast<double>(l.amount[row_idx]) * min_share))
      continue;
    w.subject_id = Text(snap, l.loan_id[row_idx]);
    w.region_code = Text(snap, regions.Village(l.household_id[row_idx]));
    w.severity = "high";
    w.amount_fen = moved;
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlC01 =
    "WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS days,\n"
    "                     CAST(? AS DOUBLE PRECISION) AS min_share),\n"
    "gaps AS (\n"
    "  SELECT l.loan_id, t.transfer_id, t.amount, t.to_account, l.household_id,\n"
    "         " SUNLIGHT_SQL_DAY("t.date") " - " SUNLIGHT_SQL_DAY("l.issue_date") " AS gap\n"
    "  FROM loans l JOIN account_transfers t ON t.from_account = l.account_no\n"
    "),\n"
    "moved AS (\n"
    "  SELECT g.loan_id, g.transfer_id, g.amount, g.to_account\n"
    "  FROM gaps g\n"
    "  JOIN bank_accounts a ON a.account_no = g.to_account AND a.account_type = 'personal'\n"
    "  CROSS JOIN args x\n"
    "  WHERE g.gap >= 0 AND g.gap <= x.days\n"
    "    AND NOT EXISTS (SELECT 1 FROM members m\n"
    "                     WHERE m.household_id = g.household_id AND m.id_number = a.holder_id)\n"
    "),\n"
    "totals AS (SELECT loan_id, SUM(amount) AS moved FROM moved GROUP BY loan_id),\n"
    "hit AS (\n"
    "  SELECT l.loan_id, COALESCE(h.village_code, '') AS region_code, k.moved\n"
    "  FROM loans l JOIN totals k ON k.loan_id = l.loan_id\n"
    "  LEFT JOIN households h ON h.household_id = l.household_id\n"
    "  CROSS JOIN args x\n"
    "  WHERE k.moved > 0 AND k.moved >= l.amount * x.min_share\n"
    ")\n"
    "SELECT h.loan_id AS subject_id, h.region_code, 'high' AS severity, h.moved AS amount_fen,\n"
    "       'account_transfers' AS evidence_kind, m.transfer_id AS evidence_id\n"
    "FROM hit h JOIN moved m ON m.loan_id = h.loan_id\n"
    "UNION ALL\n"
    "SELECT h.loan_id, h.region_code, 'high', h.moved, 'bank_accounts', m.to_account\n"
    "FROM hit h JOIN moved m ON m.loan_id = h.loan_id\n";

// --- C02 劳务信息不实 -------------------------------------------------------------------
// (a) two employment rows of one person in different provinces (first two digits of
//     region_code) whose periods overlap, both ends inclusive, an open end running on;
// (b) an employment row starting after the person's death_date.
// Evidence: the flagged rows by start_date (with the subject, the row's key) and, for (b),
// the death record. amount_fen: the subsidy_amount of the flagged rows. Region: the
// person's household village (smallest), else the smallest region of the flagged rows.
std::vector<Warning> KernelC02(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const EmploymentColumns& e = snap.employment;
  std::unordered_map<Code, std::int32_t> death_of;
  for (size_t row_idx = 0; row_idx < snap.deaths.size(); ++row_idx)
    death_of.emplace(snap.deaths.id_number[row_idx], snap.deaths.death_date[row_idx]);
  const auto households_of = HouseholdsOf(snap);
  const Regions regions(snap);
  auto end_of = [&e](size_t row) {
    return e.end_date[row] == kNoDate ? INT32_MAX : e.end_date[row];
  };
  std::vector<Warning> out;
  for (const auto& [person, rows] : RowsBy(e.id_number)) {
    std::unordered_set<size_t> flagged;
    bool after_death = false;
    auto death = death_of.find(person);
    for (size_t a : rows) {
      if (death != death_of.end() && e.start_date[a] > death->second) {
        flagged.insert(a);
        after_death = true;
      }
      for (size_t b : rows) {
        if (a == b) continue;
        if (snap.strings.Text(e.region_code[a]).substr(0, 2) ==
            snap.strings.Text(e.region_code[b]).substr(0, 2))
          continue;
        if (e.start_date[a] <= end_of(b) && e.start_date[b] <= end_of(a)) flagged.insert(a);
      }
    }
    if (flagged.empty()) continue;
    Warning w;
    w.subject_id = Text(snap, person);
    w.severity = "high";
    std::string min_region;
    for (size_t row : flagged) {
      w.amount_fen += e.subsidy_amount[row];
      w.evidence["employment"].insert(Text(snap, e.start_text[row]));
      const std::string region = Text(snap, e.region_code[row]);
      if (min_region.empty() || region < min_region) min_region = region;
    }
    if (after_death) w.evidence["deaths"].insert(w.subject_id);
    auto households = households_of.find(person);
    w.region_code = households == households_of.end() ? "" : regions.MinVillage(households->second);
    if (w.region_code.empty()) w.region_code = min_region;
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlC02 = R"sql(
WITH jobs AS (
  SELECT id_number, start_date, region_code, COALESCE(subsidy_amount, 0) AS subsidy,
         CASE WHEN end_date IS NULL OR end_date = '' THEN '9999-12-31' ELSE end_date END
           AS end_key
  FROM employment
),
flagged AS (
  SELECT a.id_number, a.start_date, a.region_code, a.subsidy
  FROM jobs a JOIN jobs b ON b.id_number = a.id_number AND b.start_date <> a.start_date
  WHERE SUBSTR(a.region_code, 1, 2) <> SUBSTR(b.region_code, 1, 2)
    AND a.start_date <= b.end_key AND b.start_date <= a.end_key
  UNION
  SELECT j.id_number, j.start_date, j.region_code, j.subsidy
  FROM jobs j JOIN deaths d ON d.id_number = j.id_number
  WHERE j.start_date > d.death_date
),
subject AS (
  SELECT f.id_number,
         COALESCE((SELECT MIN(h.village_code) FROM members m
                     JOIN households h ON h.household_id = m.household_id
                    WHERE m.id_number = f.id_number),
                  MIN(f.region_code)) AS region_code,
         SUM(f.subsidy) AS amount
  FROM flagged f GROUP BY f.id_number
)
SELECT s.id_number AS subject_id, s.region_code, 'high' AS severity, s.amount AS amount_fen,
       'employment' AS evidence_kind, f.start_date AS evidence_id
FROM subject s JOIN flagged f ON f.id_number = s.id_number
UNION ALL
SELECT s.id_number, s.region_code, 'high', s.amount, 'deaths', d.id_number
FROM subject s JOIN deaths d ON d.id_number = s.id_number
WHERE EXISTS (SELECT 1 FROM employment e
               WHERE e.id_number = d.id_number AND e.start_date > d.death_date)
)sql";

}  // namespace sunlight::rules::internal
