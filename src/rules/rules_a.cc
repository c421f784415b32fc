// Group A rules (payments to people): kernels over the snapshot and their reference SQL.
// Region and amount conventions: rule_helpers.h.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {

// --- A01 一卡多户 -----------------------------------------------------------------------
std::vector<Warning> KernelA01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto min_households = static_cast<size_t>(Param(input, "min_households"));
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

// --- A02 干部账户代领 -------------------------------------------------------------------
std::vector<Warning> KernelA02(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto posts = PostsOf(snap);
  // Accounts whose holder has a post are few, so the rule starts from them and gathers only
  // the households linked to one, instead of every household's accounts, members and payments
  // (maps of 400 000 households that were nearly all of the rule's time).
  std::unordered_map<Code, Code> post_holder;  // account → its holder, who has a post
  for (size_t row_idx = 0; row_idx < snap.bank_accounts.size(); ++row_idx) {
    const Code holder = snap.bank_accounts.holder_id[row_idx];
    if (holder != kNullCode && posts.count(holder) > 0)
      post_holder.emplace(snap.bank_accounts.account_no[row_idx], holder);
  }
  // household → those accounts linked to it, in the order first linked: its subsidy account,
  // then its payments' payee accounts.
  std::unordered_map<Code, std::vector<Code>> suspect;
  auto link = [&](Code household, Code account) {
    if (household == kNullCode || account == kNullCode || post_holder.count(account) == 0) return;
    std::vector<Code>& list = suspect[household];
    if (std::find(list.begin(), list.end(), account) == list.end()) list.push_back(account);
  };
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx)
    link(snap.households.household_id[row_idx], snap.households.subsidy_account[row_idx]);
  for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx)
    link(snap.payments.household_id[row_idx], snap.payments.payee_account[row_idx]);
  if (suspect.empty()) return {};
  std::unordered_map<Code, std::vector<Code>> own;  // suspect household → member ids
  for (size_t row_idx = 0; row_idx < snap.members.size(); ++row_idx) {
    const Code household = snap.members.household_id[row_idx];
    if (suspect.count(household) > 0) own[household].push_back(snap.members.id_number[row_idx]);
  }
  std::unordered_map<Code, std::int64_t> paid;  // of the suspect households only
  for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx) {
    const Code household = snap.payments.household_id[row_idx];
    if (household != kNullCode && suspect.count(household) > 0)
      paid[household] += snap.payments.amount[row_idx];
  }
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    const Code id = snap.households.household_id[row_idx];
    auto accounts = suspect.find(id);
    if (accounts == suspect.end()) continue;
    const std::vector<Code>& members = own[id];
    std::optional<Warning> w;
    for (Code account : accounts->second) {
      const Code holder = post_holder.at(account);
      if (std::find(members.begin(), members.end(), holder) != members.end()) continue;
      if (!w) w = HouseholdWarning(snap, row_idx, "high", paid);
      w->evidence["bank_accounts"].insert(Text(snap, account));
      w->evidence["officials"].insert(Text(snap, holder));
    }
    if (w) out.push_back(std::move(*w));
  }
  return out;
}

const std::string_view kSqlA02 = R"sql(
WITH links AS (
  SELECT household_id, subsidy_account AS account_no FROM households
  WHERE subsidy_account IS NOT NULL AND subsidy_account <> ''
  UNION
  SELECT household_id, payee_account FROM payments
  WHERE household_id IS NOT NULL AND household_id <> ''
),
hit AS (
  SELECT l.household_id, a.account_no, a.holder_id
  FROM links l JOIN bank_accounts a ON a.account_no = l.account_no
  WHERE (a.holder_id IN (SELECT id_number FROM officials)
         OR a.holder_id IN (SELECT id_number FROM dispatched_cadres))
    AND NOT EXISTS (SELECT 1 FROM members m
                     WHERE m.household_id = l.household_id AND m.id_number = a.holder_id)
),
subject AS (
  SELECT hit.*, h.village_code,
         (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
           WHERE p.household_id = h.household_id) AS paid
  FROM hit JOIN households h ON h.household_id = hit.household_id
)
SELECT household_id AS subject_id, village_code AS region_code, 'high' AS severity,
       paid AS amount_fen, 'bank_accounts' AS evidence_kind, account_no AS evidence_id
FROM subject
UNION ALL
SELECT household_id, village_code, 'high', paid, 'officials', holder_id FROM subject
)sql";

// --- A05 财政供养人员享受 ---------------------------------------------------------------
std::vector<Warning> KernelA05(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto strict = CodesOf(snap, {"poor", "monitored"});
  const auto public_categories = CodesOf(snap, {"civil_servant", "public_institution", "soe"});
  const auto restricted = RestrictedPrograms(snap);
  std::unordered_set<Code> restricted_paid;
  for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx) {
    if (restricted.count(snap.payments.program_id[row_idx]) > 0)
      restricted_paid.insert(snap.payments.household_id[row_idx]);
  }
  std::unordered_set<Code> public_people;
  for (size_t row_idx = 0; row_idx < snap.officials.size(); ++row_idx) {
    if (public_categories.count(snap.officials.category[row_idx]) > 0)
      public_people.insert(snap.officials.id_number[row_idx]);
  }
  const auto members = MembersOf(snap);
  const auto paid = PaidPerHousehold(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    const Code id = snap.households.household_id[row_idx];
    if (strict.count(snap.households.status[row_idx]) == 0 && restricted_paid.count(id) == 0)
      continue;
    auto list = members.find(id);
    if (list == members.end()) continue;
    Warning w = HouseholdWarning(snap, row_idx, "high", paid);
    for (Code person : list->second) {
      if (public_people.count(person) > 0) w.evidence["officials"].insert(Text(snap, person));
    }
    if (!w.evidence.empty()) out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA05 = R"sql(
WITH target AS (
  SELECT h.household_id, h.village_code FROM households h
  WHERE h.status IN ('poor', 'monitored')
     OR EXISTS (SELECT 1 FROM payments p JOIN fund_programs f ON f.program_id = p.program_id
                WHERE p.household_id = h.household_id AND f.restricted_to_registered = 1)
)
SELECT t.household_id AS subject_id, t.village_code AS region_code, 'high' AS severity,
       (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
         WHERE p.household_id = t.household_id) AS amount_fen,
       'officials' AS evidence_kind, m.id_number AS evidence_id
FROM target t
JOIN members m ON m.household_id = t.household_id
JOIN officials o ON o.id_number = m.id_number
WHERE o.category IN ('civil_servant', 'public_institution', 'soe')
)sql";

// --- A06 重复发放 -----------------------------------------------------------------------
std::vector<Warning> KernelA06(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const PaymentColumns& p = snap.payments;
  const SubsidyItemColumns& items = snap.subsidy_items;
  const auto item_row = RowIndex(items.item_id);
  const Code per_household = snap.strings.Find("per_household");
  // (item, period, beneficiary) of every payment, sorted so that each group is a run; then
  // each group of two or more ordered by (pay_date, payment_id). A std::map of 1.5 M groups
  // spent a heap node and a vector on each; sorting one flat vector is a fifth of that.
  struct Keyed {
    std::tuple<Code, Code, Code> key;
    std::uint32_t row;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(p.size());
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    auto item = item_row.find(p.item_id[row_idx]);
    if (p.item_id[row_idx] == kNullCode || item == item_row.end()) continue;
    const Code beneficiary = items.unit[item->second] == per_household && per_household != kNullCode
                                 ? p.household_id[row_idx]
                                 : p.payee_id[row_idx];
    keyed.push_back({{p.item_id[row_idx], p.period[row_idx], beneficiary},
                     static_cast<std::uint32_t>(row_idx)});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.key, a.row) < std::tie(b.key, b.row);
  });
  Regions regions(snap);
  std::vector<Warning> out;
  std::vector<size_t> rows;
  for (size_t run_end = 0, run_start = 0; run_start < keyed.size(); run_start = run_end) {
    run_end = run_start + 1;
    while (run_end < keyed.size() && keyed[run_end].key == keyed[run_start].key) ++run_end;
    if (run_end - run_start < 2) continue;
    rows.clear();
    for (size_t idx = run_start; idx < run_end; ++idx) rows.push_back(keyed[idx].row);
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
  const double tolerance = Param(input, "tolerance");
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

// --- A08 非帮扶对象领取 -----------------------------------------------------------------
std::vector<Warning> KernelA08(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto registered = CodesOf(snap, {"poor", "exited", "monitored"});
  const auto restricted = RestrictedPrograms(snap);
  std::unordered_set<Code> registered_households, registered_people;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    if (registered.count(snap.households.status[row_idx]) > 0)
      registered_households.insert(snap.households.household_id[row_idx]);
  }
  for (size_t row_idx = 0; row_idx < snap.members.size(); ++row_idx) {
    if (registered_households.count(snap.members.household_id[row_idx]) > 0)
      registered_people.insert(snap.members.id_number[row_idx]);
  }
  const PaymentColumns& p = snap.payments;
  Regions regions(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    const Code payee = p.payee_id[row_idx];
    if (payee == kNullCode || restricted.count(p.program_id[row_idx]) == 0 ||
        registered_people.count(payee) > 0)
      continue;
    Warning w;
    w.subject_id = Text(snap, p.payment_id[row_idx]);
    w.region_code = Text(snap, regions.OfPayment(row_idx));
    w.severity = "high";
    w.amount_fen = p.amount[row_idx];
    w.evidence["payments"].insert(w.subject_id);
    w.evidence["fund_programs"].insert(Text(snap, p.program_id[row_idx]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlA08 = R"sql(
WITH hit AS (
  SELECT p.payment_id, p.program_id, p.amount,
         COALESCE(h.village_code, o.region_code) AS region_code
  FROM payments p
  JOIN fund_programs f ON f.program_id = p.program_id AND f.restricted_to_registered = 1
  LEFT JOIN households h ON h.household_id = p.household_id
  LEFT JOIN organizations o ON o.org_id = p.payer_org_id
  WHERE p.payee_id IS NOT NULL AND p.payee_id <> ''
    AND NOT EXISTS (SELECT 1 FROM members m
                      JOIN households r ON r.household_id = m.household_id
                     WHERE m.id_number = p.payee_id
                       AND r.status IN ('poor', 'exited', 'monitored'))
)
SELECT payment_id AS subject_id, region_code, 'high' AS severity, amount AS amount_fen,
       'payments' AS evidence_kind, payment_id AS evidence_id FROM hit
UNION ALL
SELECT payment_id, region_code, 'high', amount, 'fund_programs', program_id FROM hit
)sql";

// --- A10 资格存疑 -----------------------------------------------------------------------
std::vector<Warning> KernelA10(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto strict = CodesOf(snap, {"poor", "monitored"});
  const auto vehicle_types = CodesOf(snap, {"car", "truck"});
  const auto property_kinds = CodesOf(snap, {"commercial", "industrial"});
  const auto roles = CodesOf(snap, {"legal_rep", "shareholder"});
  const std::int32_t as_of = input.as_of.days_since_epoch();
  const auto vehicles = RowsBy(snap.vehicles.id_number);
  const auto properties = RowsBy(snap.properties.id_number);
  const auto officers = RowsBy(snap.company_officers.id_number);
  const auto members = MembersOf(snap);
  const auto paid = PaidPerHousehold(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    if (strict.count(snap.households.status[row_idx]) == 0) continue;
    auto list = members.find(snap.households.household_id[row_idx]);
    if (list == members.end()) continue;
    Warning w;  // evidence first; the warning itself only for a hit
    for (Code person : list->second) {
      if (auto found = vehicles.find(person); found != vehicles.end()) {
        for (size_t v : found->second) {
          const std::int32_t registered = snap.vehicles.registered_date[v];
          if (vehicle_types.count(snap.vehicles.vehicle_type[v]) > 0 && registered != kNoDate &&
              registered < as_of)
            w.evidence["vehicles"].insert(Text(snap, snap.vehicles.plate[v]));
        }
      }
      if (auto found = properties.find(person); found != properties.end()) {
        for (size_t prop : found->second) {
          if (property_kinds.count(snap.properties.kind[prop]) > 0)
            w.evidence["properties"].insert(Text(snap, snap.properties.certificate_no[prop]));
        }
      }
      if (auto found = officers.find(person); found != officers.end()) {
        for (size_t officer : found->second) {
          if (roles.count(snap.company_officers.role[officer]) > 0)
            w.evidence["company_officers"].insert(Text(snap, snap.company_officers.uscc[officer]));
        }
      }
    }
    if (w.evidence.empty()) continue;
    Warning hit = HouseholdWarning(snap, row_idx, "medium", paid);
    hit.evidence = std::move(w.evidence);
    out.push_back(std::move(hit));
  }
  return out;
}

const std::string_view kSqlA10 = R"sql(
WITH evidence AS (
  SELECT m.household_id, 'vehicles' AS evidence_kind, v.plate AS evidence_id
  FROM members m JOIN vehicles v ON v.id_number = m.id_number
  WHERE v.vehicle_type IN ('car', 'truck') AND v.registered_date < ?
  UNION ALL
  SELECT m.household_id, 'properties', pr.certificate_no
  FROM members m JOIN properties pr ON pr.id_number = m.id_number
  WHERE pr.kind IN ('commercial', 'industrial')
  UNION ALL
  SELECT m.household_id, 'company_officers', c.uscc
  FROM members m JOIN company_officers c ON c.id_number = m.id_number
  WHERE c.role IN ('legal_rep', 'shareholder')
)
SELECT h.household_id AS subject_id, h.village_code AS region_code, 'medium' AS severity,
       (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
         WHERE p.household_id = h.household_id) AS amount_fen,
       e.evidence_kind, e.evidence_id
FROM households h JOIN evidence e ON e.household_id = h.household_id
WHERE h.status IN ('poor', 'monitored')
)sql";

// --- A11 优亲厚友 -----------------------------------------------------------------------
std::vector<Warning> KernelA11(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto strict = CodesOf(snap, {"poor", "monitored"});
  const auto posts = PostsOf(snap);
  std::unordered_map<Code, Code> org_region;
  for (size_t row_idx = 0; row_idx < snap.organizations.size(); ++row_idx)
    org_region.emplace(snap.organizations.org_id[row_idx], snap.organizations.region_code[row_idx]);
  const auto kin_of = KinOf(snap);
  const auto members = MembersOf(snap);
  const auto paid = PaidPerHousehold(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    if (strict.count(snap.households.status[row_idx]) == 0) continue;
    auto list = members.find(snap.households.household_id[row_idx]);
    if (list == members.end()) continue;
    const std::string_view township =
        snap.strings.Text(snap.households.village_code[row_idx]).substr(0, 9);
    Warning w;  // evidence first; the warning itself only for a hit
    for (Code member : list->second) {
      auto relatives = kin_of.find(member);
      if (relatives == kin_of.end()) continue;
      for (Code relative : relatives->second) {
        auto orgs = posts.find(relative);
        if (orgs == posts.end()) continue;
        for (Code org : orgs->second) {
          auto region = org_region.find(org);
          if (region == org_region.end()) continue;
          const std::string_view code = snap.strings.Text(region->second);
          if (code.size() >= 9 && code.substr(0, 9) == township) {
            w.evidence["members"].insert(Text(snap, member));
            w.evidence["officials"].insert(Text(snap, relative));
          }
        }
      }
    }
    if (w.evidence.empty()) continue;
    Warning hit = HouseholdWarning(snap, row_idx, "medium", paid);
    hit.evidence = std::move(w.evidence);
    out.push_back(std::move(hit));
  }
  return out;
}

const std::string_view kSqlA11 = R"sql(
WITH kin AS (
  SELECT id_number_a AS person, id_number_b AS relative FROM kinship
  UNION
  SELECT id_number_b, id_number_a FROM kinship
),
posts AS (
  SELECT id_number, org_id FROM officials
  UNION
  SELECT id_number, host_org_id FROM dispatched_cadres
),
hit AS (
  SELECT h.household_id, h.village_code, m.id_number AS member, k.relative,
         (SELECT COALESCE(SUM(p.amount), 0) FROM payments p
           WHERE p.household_id = h.household_id) AS paid
  FROM households h
  JOIN members m ON m.household_id = h.household_id
  JOIN kin k ON k.person = m.id_number
  JOIN posts ON posts.id_number = k.relative
  JOIN organizations o ON o.org_id = posts.org_id
  WHERE h.status IN ('poor', 'monitored') AND LENGTH(o.region_code) >= 9
    AND SUBSTR(o.region_code, 1, 9) = SUBSTR(h.village_code, 1, 9)
)
SELECT household_id AS subject_id, village_code AS region_code, 'medium' AS severity,
       paid AS amount_fen, 'members' AS evidence_kind, member AS evidence_id FROM hit
UNION ALL
SELECT household_id, village_code, 'medium', paid, 'officials', relative FROM hit
)sql";

// --- A12 一人多户 -----------------------------------------------------------------------
std::vector<Warning> KernelA12(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto households_of = HouseholdsOf(snap);
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
