// One warning raised by a rule, and its JSON line (spec/rules.md, "Output contract").
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sunlight::rules {

// Evidence: row ids that prove the warning, by kind ("payments", "households", ...).
using Evidence = std::map<std::string, std::set<std::string>>;

struct Warning {
  std::string rule;
  std::string subject_type;
  std::string subject_id;
  std::string region_code;
  std::string severity;  // "high" | "medium" | "low"
  std::int64_t amount_fen = 0;
  Evidence evidence;
  nlohmann::json params = nlohmann::json::object();

  friend bool operator==(const Warning&, const Warning&) = default;
};

nlohmann::json EvidenceJson(const Evidence& evidence);
nlohmann::json WarningJson(const Warning& warning);
// The JSON object on one line, without the newline.
std::string WarningJsonLine(const Warning& warning);
// For test failure messages.
std::string DebugString(const Warning& warning);

// Sorts by (rule, subject_id), the output order of the contract.
void SortWarnings(std::vector<Warning>& warnings);

}  // namespace sunlight::rules
