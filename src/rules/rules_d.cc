// Group D rules over the ledger (D01). D02 and D03 read the supervision tables and live
// with them.
#include <string>
#include <unordered_map>

#include "rules/kernels.h"
#include "rules/rule_helpers.h"

namespace sunlight::rules::internal {

// --- D01 廉政档案缺失 -------------------------------------------------------------------
// In post at as-of: start_date ≤ as-of and (no end_date or end_date ≥ as-of) — the last day
// of a term is still in post. Flagged when the person has no integrity archive, or
// as-of − last_updated > days. Evidence: the in-post terms by start_date (with the subject,
// the row's key) and the stale archive. Region: the smallest region of the host orgs of the
// in-post terms.
std::vector<Warning> KernelD01(const RuleInput& input) {
  const Snapshot& snap = input.snapshot;
  const double days = Param(input, "days");
  const std::int32_t today = input.as_of.days_since_epoch();
  std::unordered_map<Code, std::int32_t> updated;
  for (size_t row_idx = 0; row_idx < snap.integrity_archives.size(); ++row_idx)
    updated.emplace(snap.integrity_archives.id_number[row_idx],
                    snap.integrity_archives.last_updated[row_idx]);
  const DispatchedCadreColumns& d = snap.dispatched_cadres;
  const Regions regions(snap);
  std::unordered_map<Code, Warning> by_person;
  for (size_t row_idx = 0; row_idx < d.size(); ++row_idx) {
    const std::int32_t end = d.end_date[row_idx];
    if (!(d.start_date[row_idx] <= today && (end == kNoDate || end >= today))) continue;
    const Code person = d.id_number[row_idx];
    auto archive = updated.find(person);
    const bool stale = archive != updated.end() && today - archive->second > days;
    if (archive != updated.end() && !stale) continue;
    auto [it, added] = by_person.try_emplace(person);
    Warning& w = it->second;
    if (added) {
      w.subject_id = Text(snap, person);
      w.severity = "medium";
      if (stale) w.evidence["integrity_archives"].insert(w.subject_id);
    }
    w.evidence["dispatched_cadres"].insert(
        Date::FromDaysSinceEpoch(d.start_date[row_idx]).ToString());
    const std::string region = Text(snap, regions.OfOrg(d.host_org_id[row_idx]));
    if (!region.empty() && (w.region_code.empty() || region < w.region_code))
      w.region_code = region;
  }
  std::vector<Warning> out;
  for (auto& [person, w] : by_person) out.push_back(std::move(w));
  return out;
}

const std::string_view kSqlD01 =
    "WITH args AS (SELECT CAST(? AS TEXT) AS as_of, CAST(? AS DOUBLE PRECISION) AS days),\n"
    "clock AS (SELECT as_of, " SUNLIGHT_SQL_DAY("as_of") " AS today, days FROM args),\n"
    "terms AS (\n"
    "  SELECT d.id_number, d.start_date, o.region_code\n"
    "  FROM dispatched_cadres d\n"
    "  LEFT JOIN organizations o ON o.org_id = d.host_org_id\n"
    "  CROSS JOIN clock c\n"
    "  WHERE d.start_date <= c.as_of\n"
    "    AND (d.end_date IS NULL OR d.end_date = '' OR d.end_date >= c.as_of)\n"
    "),\n"
    "people AS (\n"
    "  SELECT id_number, COALESCE(MIN(region_code), '') AS region_code FROM terms\n"
    "  GROUP BY id_number\n"
    "),\n"
    "hit AS (\n"
    "  SELECT p.id_number, p.region_code, ia.id_number AS archive\n"
    "  FROM people p\n"
    "  LEFT JOIN integrity_archives ia ON ia.id_number = p.id_number\n"
    "  CROSS JOIN clock c\n"
    "  WHERE ia.id_number IS NULL\n"
    "     OR c.today - " SUNLIGHT_SQL_DAY("ia.last_updated") " > c.days\n"
    ")\n"
    "SELECT h.id_number AS subject_id, h.region_code, 'medium' AS severity, 0 AS amount_fen,\n"
    "       'dispatched_cadres' AS evidence_kind, t.start_date AS evidence_id\n"
    "FROM hit h JOIN terms t ON t.id_number = h.id_number\n"
    "UNION ALL\n"
    "SELECT id_number, region_code, 'medium', 0, 'integrity_archives', archive FROM hit\n"
    "WHERE archive IS NOT NULL\n";

}  // namespace sunlight::rules::internal
