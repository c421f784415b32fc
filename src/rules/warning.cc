// JSON form of a warning (see warning.h).
#include "rules/warning.h"

#include <algorithm>
#include <tuple>

namespace sunlight::rules {

nlohmann::json EvidenceJson(const Evidence& evidence) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [kind, ids] : evidence)
    out[kind] = std::vector<std::string>(ids.begin(), ids.end());
  return out;
}

nlohmann::json WarningJson(const Warning& warning) {
  nlohmann::json out = {
      {"rule", warning.rule},
      {"subject_type", warning.subject_type},
      {"subject_id", warning.subject_id},
      {"region_code", warning.region_code},
      {"severity", warning.severity},
      {"amount_fen", warning.amount_fen},
      {"evidence", EvidenceJson(warning.evidence)},
      {"params", warning.params},
  };
  return out;
}

std::string WarningJsonLine(const Warning& warning) {
  // Keys in the contract's order, so that a reader of the file sees rule first.
  nlohmann::ordered_json out;
  out["rule"] = warning.rule;
  out["subject_type"] = warning.subject_type;
  out["subject_id"] = warning.subject_id;
  out["region_code"] = warning.region_code;
  out["severity"] = warning.severity;
  out["amount_fen"] = warning.amount_fen;
  out["evidence"] = EvidenceJson(warning.evidence);
  out["params"] = warning.params;
  return out.dump();
}

std::string DebugString(const Warning& warning) { return WarningJsonLine(warning); }

void SortWarnings(std::vector<Warning>& warnings) {
  std::stable_sort(warnings.begin(), warnings.end(), [](const Warning& a, const Warning& b) {
    return std::tie(a.rule, a.subject_id) < std::tie(b.rule, b.subject_id);
  });
}

}  // namespace sunlight::rules
