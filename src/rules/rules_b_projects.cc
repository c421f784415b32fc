// Group B rules about projects (B02–B06, B10–B12): kernels over the snapshot and their
// reference SQL. A project warning's region is projects.region_code; its amount is the
// project's budget unless the rule says otherwise; its evidence names the project.
//
// Dates in SQL are compared through SUNLIGHT_SQL_DAY day numbers (rule_helpers.h); the as-of
// date and the parameters are bound once, in an `args` row.
#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {
namespace {

// Allocations and payments of each project (B02, B03).
struct Funding {
  std::int64_t allocated = 0, paid = 0;
  std::int32_t first_allocation = kNoDate, last_payment = kNoDate;
  std::vector<Code> allocations, payments;
};

std::unordered_map<Code, Funding> FundingOf(const Snapshot& snap) {
  std::unordered_map<Code, Funding> out;
  const AllocationColumns& a = snap.allocations;
  for (size_t row_idx = 0; row_idx < a.size(); ++row_idx) {
    if (a.project_id[row_idx] == kNullCode) continue;
    Funding& f = out[a.project_id[row_idx]];
    f.allocated += a.amount[row_idx];
    if (f.first_allocation == kNoDate || a.date[row_idx] < f.first_allocation)
      f.first_allocation = a.date[row_idx];
    f.allocations.push_back(a.allocation_id[row_idx]);
  }
  const PaymentColumns& p = snap.payments;
  for (size_t row_idx = 0; row_idx < p.size(); ++row_idx) {
    auto found = out.find(p.project_id[row_idx]);
    if (p.project_id[row_idx] == kNullCode || found == out.end()) continue;
    Funding& f = found->second;
    f.paid += p.amount[row_idx];
    if (f.last_payment == kNoDate || p.pay_date[row_idx] > f.last_payment)
      f.last_payment = p.pay_date[row_idx];
    f.payments.push_back(p.payment_id[row_idx]);
  }
  return out;
}

Warning FundingWarning(const Snapshot& snap, size_t project_row, const Funding& f) {
  Warning w = ProjectWarning(snap, project_row, "medium");
  w.amount_fen = f.allocated - f.paid;  // the money not yet spent
  for (Code id : f.allocations) w.evidence["allocations"].insert(Text(snap, id));
  for (Code id : f.payments) w.evidence["payments"].insert(Text(snap, id));
  return w;
}

bool Tendered(const Snapshot& snap, Code method) {
  std::string_view text = snap.strings.Text(method);
  return text == "open_tender" || text == "invited_tender";
}

}  // namespace

// The shared tail of B02 and B03: a `hit(project_id, region_code, unpaid)` CTE becomes rows
// naming the project, its allocations and its payments.
#define SUNLIGHT_SQL_FUNDING_EVIDENCE                                                           \
  "SELECT project_id AS subject_id, region_code, 'medium' AS severity, unpaid AS amount_fen,\n" \
  "       'projects' AS evidence_kind, project_id AS evidence_id FROM hit\n"                    \
  "UNION ALL\n"                                                                                 \
  "SELECT h.project_id, h.region_code, 'medium', h.unpaid, 'allocations', a.allocation_id\n"    \
  "FROM hit h JOIN allocations a ON a.project_id = h.project_id\n"                              \
  "UNION ALL\n"                                                                                 \
  "SELECT h.project_id, h.region_code, 'medium', h.unpaid, 'payments', p.payment_id\n"          \
  "FROM hit h JOIN payments p ON p.project_id = h.project_id\n"

#define SUNLIGHT_SQL_FUNDING_CTES                                                             \
  "alloc AS (\n"                                                                              \
  "  SELECT project_id, SUM(amount) AS allocated, MIN(date) AS first_date FROM allocations\n" \
  "  WHERE project_id IS NOT NULL AND project_id <> '' GROUP BY project_id\n"                 \
  "),\n"                                                                                      \
  "paid AS (\n"                                                                               \
  "  SELECT project_id, SUM(amount) AS paid, MAX(pay_date) AS last_date FROM payments\n"      \
  "  WHERE project_id IS NOT NULL AND project_id <> '' GROUP BY project_id\n"                 \
  "),\n"                                                                                      \
  "funding AS (\n"                                                                            \
  "  SELECT j.project_id, j.region_code, a.allocated, a.first_date,\n"                        \
  "         COALESCE(pd.paid, 0) AS paid_total, pd.last_date\n"                               \
  "  FROM projects j JOIN alloc a ON a.project_id = j.project_id\n"                           \
  "  LEFT JOIN paid pd ON pd.project_id = j.project_id\n"                                     \
  "),\n"

// --- B02 资金拨付缓慢 -------------------------------------------------------------------
// paid/allocated < min_ratio is compared as paid < allocated × min_ratio, in doubles both
// ways, so kernel and SQL round alike.
std::vector<Warning> KernelB02(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double days = Param(input, "days");
  const double min_ratio = Param(input, "min_ratio");
  const std::int32_t today = input.as_of.days_since_epoch();
  const auto funding = FundingOf(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.projects.size(); ++row_idx) {
    auto found = funding.find(snap.projects.project_id[row_idx]);
    if (found == funding.end()) continue;
    const Funding& f = found->second;
    if (f.allocated <= 0 || !(today - f.first_allocation >= days) ||
        !(static_cast<double>(f.paid) < static_cast<double>(f.allocated) * min_ratio))
      continue;
    out.push_back(FundingWarning(snap, row_idx, f));
  }
  return out;
}

const std::string_view kSqlB02 =
    "WITH args AS (SELECT CAST(? AS TEXT) AS as_of, CAST(? AS DOUBLE PRECISION) AS days,\n"
    "                     CAST(? AS DOUBLE PRECISION) AS min_ratio),\n"
    "clock AS (SELECT " SUNLIGHT_SQL_DAY("as_of") " AS today, days, min_ratio FROM args),\n"  //
    SUNLIGHT_SQL_FUNDING_CTES
    "hit AS (\n"
    "  SELECT f.project_id, f.region_code, f.allocated - f.paid_total AS unpaid\n"
    "  FROM funding f CROSS JOIN clock c\n"
    "  WHERE f.allocated > 0 AND c.today - " SUNLIGHT_SQL_DAY("f.first_date") " >= c.days\n"
    "    AND f.paid_total < f.allocated * c.min_ratio\n"
    ")\n"  //
    SUNLIGHT_SQL_FUNDING_EVIDENCE;

// --- B03 资金闲置 -----------------------------------------------------------------------
std::vector<Warning> KernelB03(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double days = Param(input, "days");
  const std::int32_t today = input.as_of.days_since_epoch();
  const auto funding = FundingOf(snap);
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < snap.projects.size(); ++row_idx) {
    auto found = funding.find(snap.projects.project_id[row_idx]);
    if (found == funding.end()) continue;
    const Funding& f = found->second;
    const std::int32_t since = f.last_payment != kNoDate ? f.last_payment : f.first_allocation;
    if (f.allocated - f.paid <= 0 || !(today - since >= days)) continue;
    out.push_back(FundingWarning(snap, row_idx, f));
  }
  return out;
}

const std::string_view kSqlB03 =
    "WITH args AS (SELECT CAST(? AS TEXT) AS as_of, CAST(? AS DOUBLE PRECISION) AS days),\n"
    "clock AS (SELECT " SUNLIGHT_SQL_DAY("as_of") " AS today, days FROM args),\n"  //
    SUNLIGHT_SQL_FUNDING_CTES
    "idle AS (\n"
    "  SELECT project_id, region_code, allocated - paid_total AS unpaid,\n"
    "         COALESCE(last_date, first_date) AS since\n"
    "  FROM funding\n"
    "),\n"
    "hit AS (\n"
    "  SELECT i.project_id, i.region_code, i.unpaid FROM idle i CROSS JOIN clock c\n"
    "  WHERE i.unpaid > 0 AND c.today - " SUNLIGHT_SQL_DAY("i.since") " >= c.days\n"
    ")\n"  //
    SUNLIGHT_SQL_FUNDING_EVIDENCE;

// --- B04 逾期未验收 ---------------------------------------------------------------------
std::vector<Warning> KernelB04(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double grace_days = Param(input, "grace_days");
  const std::int32_t today = input.as_of.days_since_epoch();
  const ProjectColumns& j = snap.projects;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < j.size(); ++row_idx) {
    const std::int32_t planned = j.planned_acceptance[row_idx];
    if (planned == kNoDate || j.accepted_date[row_idx] != kNoDate ||
        !(planned + grace_days < today))
      continue;
    out.push_back(ProjectWarning(snap, row_idx, "low"));
  }
  return out;
}

const std::string_view kSqlB04 =
    "WITH args AS (SELECT CAST(? AS TEXT) AS as_of, CAST(? AS DOUBLE PRECISION) AS grace_days),\n"
    "clock AS (SELECT " SUNLIGHT_SQL_DAY("as_of") " AS today, grace_days FROM args)\n"
    "SELECT j.project_id AS subject_id, j.region_code, 'low' AS severity, j.budget AS amount_fen,\n"
    "       'projects' AS evidence_kind, j.project_id AS evidence_id\n"
    "FROM projects j CROSS JOIN clock c\n"
    "WHERE j.planned_acceptance IS NOT NULL AND j.planned_acceptance <> ''\n"
    "  AND (j.accepted_date IS NULL OR j.accepted_date = '')\n"
    "  AND " SUNLIGHT_SQL_DAY("j.planned_acceptance") " + c.grace_days < c.today\n";

// --- B05 建设进度滞后 -------------------------------------------------------------------
// Expected progress is taken at as-of (what the commission sees on the day it scans), from
// the latest report. percent < expected − margin is compared multiplied out by the planned
// duration, in doubles both ways:
//   after completion:  percent < 100 − margin
//   in between:        percent × (C − S) < 100 × (T − S) − margin × (C − S)
//   before the start:  percent < 0 − margin (never, for a real report)
std::vector<Warning> KernelB05(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double margin = Param(input, "margin");
  const std::int32_t today = input.as_of.days_since_epoch();
  const ProjectProgressColumns& r = snap.project_progress;
  std::unordered_map<Code, size_t> latest;  // project → its latest report's row
  for (size_t row_idx = 0; row_idx < r.size(); ++row_idx) {
    auto [it, added] = latest.emplace(r.project_id[row_idx], row_idx);
    if (!added && r.report_day[row_idx] > r.report_day[it->second]) it->second = row_idx;
  }
  const ProjectColumns& j = snap.projects;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < j.size(); ++row_idx) {
    const std::int32_t start = j.planned_start[row_idx];
    const std::int32_t completion = j.planned_completion[row_idx];
    auto report = latest.find(j.project_id[row_idx]);
    if (start == kNoDate || completion == kNoDate || report == latest.end()) continue;
    const double percent = r.percent_complete[report->second];
    bool behind;
    if (today >= completion) {
      behind = percent < 100 - margin;
    } else if (today > start) {
      behind =
          percent * (completion - start) < 100.0 * (today - start) - margin * (completion - start);
    } else {
      behind = percent < 0 - margin;
    }
    if (!behind) continue;
    Warning w = ProjectWarning(snap, row_idx, "medium");
    w.evidence["project_progress"].insert(Text(snap, r.report_date[report->second]));
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB05 =
    "WITH args AS (SELECT CAST(? AS TEXT) AS as_of, CAST(? AS DOUBLE PRECISION) AS margin),\n"
    "clock AS (SELECT " SUNLIGHT_SQL_DAY("as_of") " AS today, margin FROM args),\n"
    "latest AS (\n"
    "  SELECT r.project_id, r.report_date, r.percent_complete AS pct FROM project_progress r\n"
    "  WHERE r.report_date = (SELECT MAX(r2.report_date) FROM project_progress r2\n"
    "                          WHERE r2.project_id = r.project_id)\n"
    "),\n"
    "spans AS (\n"
    "  SELECT j.project_id, j.region_code, j.budget, l.report_date, l.pct,\n"
    "         " SUNLIGHT_SQL_DAY("j.planned_start") " AS s,\n"
    "         " SUNLIGHT_SQL_DAY("j.planned_completion") " AS e\n"
    "  FROM projects j JOIN latest l ON l.project_id = j.project_id\n"
    "  WHERE j.planned_start IS NOT NULL AND j.planned_start <> ''\n"
    "    AND j.planned_completion IS NOT NULL AND j.planned_completion <> ''\n"
    "),\n"
    "hit AS (\n"
    "  SELECT sp.* FROM spans sp CROSS JOIN clock c\n"
    "  WHERE (c.today >= sp.e AND sp.pct < 100 - c.margin)\n"
    "     OR (c.today < sp.e AND c.today > sp.s\n"
    "         AND sp.pct * (sp.e - sp.s) < 100.0 * (c.today - sp.s) - c.margin * (sp.e - sp.s))\n"
    "     OR (c.today < sp.e AND c.today <= sp.s AND sp.pct < 0 - c.margin)\n"
    ")\n"
    "SELECT project_id AS subject_id, region_code, 'medium' AS severity, budget AS amount_fen,\n"
    "       'projects' AS evidence_kind, project_id AS evidence_id FROM hit\n"
    "UNION ALL\n"
    "SELECT project_id, region_code, 'medium', budget, 'project_progress', report_date FROM hit\n";

// --- B06 规避招标 -----------------------------------------------------------------------
// (a) the project's budget, or one of its contracts, in [0.9 × threshold, threshold) without
//     open or invited tender (a project with no procurement method recorded counts as
//     untendered: the record shows no tender);
// (b) ≥ 2 contracts of the project with one supplier, each < threshold, signed within
//     window_days of the earliest of them (both ends inclusive), summing ≥ threshold.
//     Contracts ≥ threshold are left out of the window: they do not hide the split ones.
// Evidence: the project (always), the contracts of (a) and of every qualifying window.
std::vector<Warning> KernelB06(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double threshold = Param(input, "threshold");
  const double window_days = Param(input, "window_days");
  auto near_threshold = [threshold](std::int64_t amount) {
    return static_cast<double>(amount) * 10 >= threshold * 9 &&
           static_cast<double>(amount) < threshold;
  };
  const ContractColumns& c = snap.contracts;
  const auto contracts_of = RowsBy(c.project_id);
  const ProjectColumns& j = snap.projects;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < j.size(); ++row_idx) {
    Warning w = ProjectWarning(snap, row_idx, "high");
    bool hit = near_threshold(j.budget[row_idx]) && !Tendered(snap, j.procurement_method[row_idx]);
    auto own = contracts_of.find(j.project_id[row_idx]);
    if (own != contracts_of.end()) {
      for (size_t contract : own->second) {
        if (near_threshold(c.amount[contract]) && !Tendered(snap, c.procurement_method[contract])) {
          w.evidence["contracts"].insert(Text(snap, c.contract_id[contract]));
          hit = true;
        }
      }
      for (size_t anchor : own->second) {
        if (!(static_cast<double>(c.amount[anchor]) < threshold)) continue;
        std::vector<size_t> window;
        std::int64_t sum = 0;
        for (size_t other : own->second) {
          const std::int32_t gap = c.signed_date[other] - c.signed_date[anchor];
          if (c.supplier_uscc[other] != c.supplier_uscc[anchor] ||
              !(static_cast<double>(c.amount[other]) < threshold) || gap < 0 || gap > window_days)
            continue;
          window.push_back(other);
          sum += c.amount[other];
        }
        if (window.size() < 2 || !(static_cast<double>(sum) >= threshold)) continue;
        hit = true;
        for (size_t other : window)
          w.evidence["contracts"].insert(Text(snap, c.contract_id[other]));
      }
    }
    if (hit) out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB06 =
    "WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS threshold,\n"
    "                     CAST(? AS DOUBLE PRECISION) AS window_days),\n"
    "small AS (\n"
    "  SELECT c.contract_id, c.project_id, c.supplier_uscc, c.amount,\n"
    "         " SUNLIGHT_SQL_DAY("c.signed_date") " AS day\n"
    "  FROM contracts c CROSS JOIN args a WHERE c.amount < a.threshold\n"
    "),\n"
    "windows AS (\n"
    "  SELECT x.contract_id AS anchor, y.contract_id, y.amount, x.project_id\n"
    "  FROM small x JOIN small y ON y.project_id = x.project_id\n"
    "                          AND y.supplier_uscc = x.supplier_uscc\n"
    "                          AND y.day - x.day >= 0\n"
    "  CROSS JOIN args a WHERE y.day - x.day <= a.window_days\n"
    "),\n"
    "split AS (\n"
    "  SELECT anchor FROM windows GROUP BY anchor\n"
    "  HAVING COUNT(*) >= 2 AND SUM(amount) >= (SELECT threshold FROM args)\n"
    "),\n"
    "ev AS (\n"
    "  SELECT j.project_id, 'projects' AS kind, j.project_id AS id\n"
    "  FROM projects j CROSS JOIN args a\n"
    "  WHERE j.budget * 10 >= a.threshold * 9 AND j.budget < a.threshold\n"
    "    AND (j.procurement_method IS NULL\n"
    "         OR j.procurement_method NOT IN ('open_tender', 'invited_tender'))\n"
    "  UNION\n"
    "  SELECT c.project_id, 'contracts', c.contract_id FROM contracts c CROSS JOIN args a\n"
    "  WHERE c.amount * 10 >= a.threshold * 9 AND c.amount < a.threshold\n"
    "    AND c.procurement_method NOT IN ('open_tender', 'invited_tender')\n"
    "  UNION\n"
    "  SELECT w.project_id, 'contracts', w.contract_id FROM windows w\n"
    "  WHERE w.anchor IN (SELECT anchor FROM split)\n"
    "),\n"
    "subject AS (SELECT DISTINCT project_id FROM ev)\n"
    "SELECT j.project_id AS subject_id, j.region_code, 'high' AS severity, j.budget AS amount_fen,\n"
    "       'projects' AS evidence_kind, j.project_id AS evidence_id\n"
    "FROM subject s JOIN projects j ON j.project_id = s.project_id\n"
    "UNION ALL\n"
    "SELECT j.project_id, j.region_code, 'high', j.budget, ev.kind, ev.id\n"
    "FROM ev JOIN projects j ON j.project_id = ev.project_id WHERE ev.kind = 'contracts'\n";

// --- B10 利益联结不聚焦 -----------------------------------------------------------------
// share < min_share is compared as registered < linked × min_share. A linked household
// missing from households.csv counts as linked and not registered.
std::vector<Warning> KernelB10(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double min_share = Param(input, "min_share");
  const Code industry = snap.strings.Find("industry");
  const auto registered_status = CodesOf(snap, {"poor", "exited", "monitored"});
  std::unordered_set<Code> registered;
  for (size_t row_idx = 0; row_idx < snap.households.size(); ++row_idx) {
    if (registered_status.count(snap.households.status[row_idx]) > 0)
      registered.insert(snap.households.household_id[row_idx]);
  }
  const auto linked = RowsBy(snap.project_beneficiaries.project_id);
  const ProjectColumns& j = snap.projects;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < j.size(); ++row_idx) {
    if (industry == kNullCode || j.category[row_idx] != industry) continue;
    Warning w = ProjectWarning(snap, row_idx, "medium");
    std::int64_t count = 0, registered_count = 0;
    if (auto rows = linked.find(j.project_id[row_idx]); rows != linked.end()) {
      for (size_t link : rows->second) {
        const Code household = snap.project_beneficiaries.household_id[link];
        ++count;
        registered_count += registered.count(household) > 0 ? 1 : 0;
        w.evidence["households"].insert(Text(snap, household));
      }
    }
    if (count > 0 &&
        !(static_cast<double>(registered_count) < static_cast<double>(count) * min_share))
      continue;
    out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB10 = R"sql(
WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS min_share),
linked AS (
  SELECT b.project_id, b.household_id,
         CASE WHEN h.status IN ('poor', 'exited', 'monitored') THEN 1 ELSE 0 END AS registered
  FROM project_beneficiaries b LEFT JOIN households h ON h.household_id = b.household_id
),
counts AS (
  SELECT project_id, COUNT(*) AS n, SUM(registered) AS r FROM linked GROUP BY project_id
),
hit AS (
  SELECT j.project_id, j.region_code, j.budget
  FROM projects j LEFT JOIN counts k ON k.project_id = j.project_id CROSS JOIN args a
  WHERE j.category = 'industry' AND (k.n IS NULL OR k.r < k.n * a.min_share)
)
SELECT project_id AS subject_id, region_code, 'medium' AS severity, budget AS amount_fen,
       'projects' AS evidence_kind, project_id AS evidence_id FROM hit
UNION ALL
SELECT h.project_id, h.region_code, 'medium', h.budget, 'households', l.household_id
FROM hit h JOIN linked l ON l.project_id = h.project_id
)sql";

// --- B11 利益关联 -----------------------------------------------------------------------
// A company's owners are its legal_rep/shareholder officers and the legal_rep_id_number of
// companies.csv. An official of the owner org is anyone whose post (officials.csv org_id, or
// a dispatched cadre's host org) is that org — the same reading of "official" as A02/A11.
// Evidence: the tied companies, their owners ("officers") and the officials they tie to.
std::vector<Warning> KernelB11(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const auto roles = CodesOf(snap, {"legal_rep", "shareholder"});
  std::unordered_map<Code, std::vector<Code>> owners_of;  // company → owners' ID numbers
  auto add_owner = [&owners_of](Code company, Code person) {
    if (company == kNullCode || person == kNullCode) return;
    std::vector<Code>& list = owners_of[company];
    if (std::find(list.begin(), list.end(), person) == list.end()) list.push_back(person);
  };
  const CompanyOfficerColumns& co = snap.company_officers;
  for (size_t row_idx = 0; row_idx < co.size(); ++row_idx) {
    if (roles.count(co.role[row_idx]) > 0) add_owner(co.uscc[row_idx], co.id_number[row_idx]);
  }
  for (size_t row_idx = 0; row_idx < snap.companies.size(); ++row_idx)
    add_owner(snap.companies.uscc[row_idx], snap.companies.legal_rep_id_number[row_idx]);
  // org → officials posted there; person → kin.
  std::unordered_map<Code, std::vector<Code>> officials_at;
  for (const auto& [person, orgs] : PostsOf(snap)) {
    for (Code org : orgs) officials_at[org].push_back(person);
  }
  const auto kin_of = KinOf(snap);
  const auto contracts_of = RowsBy(snap.contracts.project_id);
  const ProjectColumns& j = snap.projects;
  std::vector<Warning> out;
  for (size_t row_idx = 0; row_idx < j.size(); ++row_idx) {
    auto officials = officials_at.find(j.owner_org_id[row_idx]);
    if (officials == officials_at.end()) continue;
    // person tied to the owner org → the officials they are (or are kin of).
    std::unordered_map<Code, std::vector<Code>> tied;
    for (Code official : officials->second) {
      tied[official].push_back(official);
      if (auto kin = kin_of.find(official); kin != kin_of.end()) {
        for (Code relative : kin->second) tied[relative].push_back(official);
      }
    }
    std::vector<Code> firms = {j.contractor_uscc[row_idx]};
    if (auto own = contracts_of.find(j.project_id[row_idx]); own != contracts_of.end()) {
      for (size_t contract : own->second) firms.push_back(snap.contracts.supplier_uscc[contract]);
    }
    Warning w = ProjectWarning(snap, row_idx, "high");
    for (Code firm : firms) {
      auto owners = owners_of.find(firm);
      if (firm == kNullCode || owners == owners_of.end()) continue;
      for (Code owner : owners->second) {
        auto link = tied.find(owner);
        if (link == tied.end()) continue;
        w.evidence["companies"].insert(Text(snap, firm));
        w.evidence["officers"].insert(Text(snap, owner));
        for (Code official : link->second) w.evidence["officials"].insert(Text(snap, official));
      }
    }
    if (w.evidence.size() > 1) out.push_back(std::move(w));
  }
  return out;
}

const std::string_view kSqlB11 = R"sql(
WITH posts AS (
  SELECT id_number, org_id FROM officials
  UNION
  SELECT id_number, host_org_id FROM dispatched_cadres
),
kin AS (
  SELECT id_number_a AS person, id_number_b AS relative FROM kinship
  UNION
  SELECT id_number_b, id_number_a FROM kinship
),
tied AS (
  SELECT org_id, id_number AS person, id_number AS official FROM posts
  UNION
  SELECT posts.org_id, kin.relative, posts.id_number FROM posts JOIN kin ON kin.person = posts.id_number
),
firms AS (
  SELECT project_id, contractor_uscc AS uscc FROM projects
  WHERE contractor_uscc IS NOT NULL AND contractor_uscc <> ''
  UNION
  SELECT project_id, supplier_uscc FROM contracts
),
owners AS (
  SELECT uscc, id_number FROM company_officers WHERE role IN ('legal_rep', 'shareholder')
  UNION
  SELECT uscc, legal_rep_id_number FROM companies
  WHERE legal_rep_id_number IS NOT NULL AND legal_rep_id_number <> ''
),
hit AS (
  SELECT j.project_id, j.region_code, j.budget, f.uscc, ow.id_number AS officer, t.official
  FROM projects j
  JOIN firms f ON f.project_id = j.project_id
  JOIN owners ow ON ow.uscc = f.uscc
  JOIN tied t ON t.org_id = j.owner_org_id AND t.person = ow.id_number
)
SELECT project_id AS subject_id, region_code, 'high' AS severity, budget AS amount_fen,
       'projects' AS evidence_kind, project_id AS evidence_id FROM hit
UNION ALL
SELECT project_id, region_code, 'high', budget, 'companies', uscc FROM hit
UNION ALL
SELECT project_id, region_code, 'high', budget, 'officers', officer FROM hit
UNION ALL
SELECT project_id, region_code, 'high', budget, 'officials', official FROM hit
)sql";

// --- B12 供应商集中 ---------------------------------------------------------------------
// A county is the first 6 characters of the project's region_code; "≥ min_contracts
// contracts there" counts all contracts in the county (a share of a tiny market says
// little). share > max_share is compared as value > total × max_share. A supplier flagged in
// several counties is one warning: amount its value in the flagged counties, evidence those
// contracts. Its region is the county where it holds the most contract value (ties: the
// smallest code) — not "the flagged county", so that the region never depends on the
// parameters (per-region parameters, engine.h, rely on that).
std::vector<Warning> KernelB12(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double max_share = Param(input, "max_share");
  const double min_contracts = Param(input, "min_contracts");
  const auto project_row = RowIndex(snap.projects.project_id);
  struct County {
    std::int64_t total = 0, count = 0;
    std::map<Code, std::pair<std::int64_t, std::vector<Code>>> by_supplier;  // value, contracts
  };
  std::map<std::string, County> counties;
  const ContractColumns& c = snap.contracts;
  for (size_t row_idx = 0; row_idx < c.size(); ++row_idx) {
    auto project = project_row.find(c.project_id[row_idx]);
    if (project == project_row.end()) continue;
    std::string county(snap.strings.Text(snap.projects.region_code[project->second]).substr(0, 6));
    County& k = counties[county];
    k.total += c.amount[row_idx];
    ++k.count;
    auto& [value, contracts] = k.by_supplier[c.supplier_uscc[row_idx]];
    value += c.amount[row_idx];
    contracts.push_back(c.contract_id[row_idx]);
  }
  // supplier → (largest value in one county, that county), the smallest county on ties.
  std::unordered_map<Code, std::pair<std::int64_t, std::string>> home;
  for (const auto& [county, k] : counties) {
    for (const auto& [supplier, entry] : k.by_supplier) {
      auto [it, added] = home.try_emplace(supplier, entry.first, county);
      if (!added && entry.first > it->second.first) it->second = {entry.first, county};
    }
  }
  std::map<Code, Warning> by_supplier;
  for (const auto& [county, k] : counties) {
    if (!(k.count >= min_contracts)) continue;
    for (const auto& [supplier, entry] : k.by_supplier) {
      if (!(static_cast<double>(entry.first) > static_cast<double>(k.total) * max_share)) continue;
      auto [it, added] = by_supplier.try_emplace(supplier);
      Warning& w = it->second;
      if (added) {
        w.subject_id = Text(snap, supplier);
        w.region_code = home.at(supplier).second;
        w.severity = "medium";
      }
      w.amount_fen += entry.first;
      for (Code contract : entry.second) w.evidence["contracts"].insert(Text(snap, contract));
    }
  }
  std::vector<Warning> out;
  for (auto& [supplier, w] : by_supplier) out.push_back(std::move(w));
  return out;
}

const std::string_view kSqlB12 = R"sql(
WITH args AS (SELECT CAST(? AS DOUBLE PRECISION) AS max_share,
                     CAST(? AS DOUBLE PRECISION) AS min_contracts),
cc AS (
  SELECT SUBSTR(j.region_code, 1, 6) AS county, c.supplier_uscc, c.amount, c.contract_id
  FROM contracts c JOIN projects j ON j.project_id = c.project_id
),
county AS (SELECT county, SUM(amount) AS total, COUNT(*) AS n FROM cc GROUP BY county),
share AS (
  SELECT county, supplier_uscc, SUM(amount) AS value FROM cc GROUP BY county, supplier_uscc
),
hit AS (
  SELECT s.county, s.supplier_uscc, s.value
  FROM share s JOIN county k ON k.county = s.county CROSS JOIN args a
  WHERE k.n >= a.min_contracts AND s.value > k.total * a.max_share
),
home AS (
  SELECT s.supplier_uscc, MIN(s.county) AS county FROM share s
  WHERE s.value = (SELECT MAX(s2.value) FROM share s2 WHERE s2.supplier_uscc = s.supplier_uscc)
  GROUP BY s.supplier_uscc
),
subject AS (
  SELECT h.supplier_uscc, m.county AS region_code, SUM(h.value) AS amount
  FROM hit h JOIN home m ON m.supplier_uscc = h.supplier_uscc
  GROUP BY h.supplier_uscc, m.county
)
SELECT s.supplier_uscc AS subject_id, s.region_code, 'medium' AS severity,
       s.amount AS amount_fen, 'contracts' AS evidence_kind, cc.contract_id AS evidence_id
FROM subject s
JOIN hit h ON h.supplier_uscc = s.supplier_uscc
JOIN cc ON cc.county = h.county AND cc.supplier_uscc = h.supplier_uscc
)sql";

}  // namespace sunlight::rules::internal
