// Manifest: what the anomaly planter promises the rule engine will and will not find.
//
//   expected_warnings.jsonl  one line per warning `sunlight scan --as-of <as_of>` must raise:
//                            {"rule":"A01","subject_type":"bank_account","subject_id":"…"},
//                            sorted by rule then subject_id, no duplicates — exactly the set,
//                            including the warnings one planted case causes under several
//                            rules (a cadre's card on a poor household is A02 and A03).
//   near_misses.jsonl        rows planted just inside a rule's line, which must NOT raise it:
//                            {"rule":"B02","subject_type":"project","subject_id":"…",
//                             "why":"…"} (why: in Chinese, for the people reading a failure).
//
// Not safe for concurrent use.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/status.h"

namespace sunlight::demo {

// The 25 rules of spec/rules.md whose data is in the interchange format (D02 and D03 are
// about workflow records, which no dataset carries).
inline constexpr std::string_view kDataRules[] = {"A01", "A02", "A03", "A04", "A05", "A06", "A07",
                                                  "A08", "A09", "A10", "A11", "A12", "B01", "B02",
                                                  "B03", "B04", "B05", "B06", "B07", "B08", "B09",
                                                  "B10", "B11", "B12", "C01", "C02", "D01"};

class Manifest {
 public:
  void Expect(std::string_view rule, std::string_view subject_type, std::string_view subject_id);
  void NearMiss(std::string_view rule, std::string_view subject_type, std::string_view subject_id,
                std::string_view why);

  // Writes expected_warnings.jsonl and near_misses.jsonl into `dir`.
  [[nodiscard]] Status Write(const std::filesystem::path& dir) const;

  // Expected warnings per rule, and near misses per rule, in rule order.
  std::map<std::string, int> ExpectedPerRule() const;
  std::map<std::string, int> NearMissesPerRule() const;
  size_t expected_count() const { return expected_.size(); }
  size_t near_miss_count() const { return near_misses_.size(); }

 private:
  // (rule, subject_id, subject_type): the order the files are sorted in.
  std::set<std::tuple<std::string, std::string, std::string>> expected_;
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> near_misses_;
};

// `text` as a JSON string literal, quotes included.
std::string JsonString(std::string_view text);

}  // namespace sunlight::demo
