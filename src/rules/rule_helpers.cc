// Helpers shared by the rule kernels (see rule_helpers.h).
#include "rules/rule_helpers.h"

#include <algorithm>

namespace sunlight::rules::internal {

std::string Text(const Snapshot& snap, Code code) { return std::string(snap.strings.Text(code)); }

double Param(const RuleInput& input, std::string_view name) {
  auto found = input.params.find(name);
  return found == input.params.end() ? 0 : found->second;
}

std::unordered_set<Code> CodesOf(const Snapshot& snap,
                                 std::initializer_list<std::string_view> texts) {
  std::unordered_set<Code> codes;
  for (std::string_view text : texts) {
    Code code = snap.strings.Find(text);
    if (code != kNullCode) codes.insert(code);
  }
  return codes;
}

std::unordered_map<Code, size_t> RowIndex(const std::vector<Code>& keys) {
  std::unordered_map<Code, size_t> index;
  index.reserve(keys.size());
  for (size_t row_idx = 0; row_idx < keys.size(); ++row_idx) index.emplace(keys[row_idx], row_idx);
  return index;
}

std::unordered_map<Code, std::vector<size_t>> RowsBy(const std::vector<Code>& keys) {
  std::unordered_map<Code, std::vector<size_t>> out;
  for (size_t row_idx = 0; row_idx < keys.size(); ++row_idx) out[keys[row_idx]].push_back(row_idx);
  return out;
}

void Regions::CodeMap::Build(const std::vector<Code>& keys, const std::vector<Code>& values) {
  Code low = 0;
  Code high = -1;
  for (Code key : keys) {
    if (key == kNullCode) continue;
    if (high < low) {
      low = high = key;
    } else {
      low = std::min(low, key);
      high = std::max(high, key);
    }
  }
  first_ = low;
  values_.assign(high < low ? 0 : static_cast<size_t>(high - low) + 1, kNullCode);
  // The keys are primary keys (one row each); should one repeat, its first row wins.
  for (size_t row_idx = 0; row_idx < keys.size(); ++row_idx) {
    if (keys[row_idx] == kNullCode) continue;
    Code& slot = values_[keys[row_idx] - first_];
    if (slot == kNullCode) slot = values[row_idx];
  }
}

Regions::Regions(const Snapshot& snap) : snap_(snap) {
  village_of_.Build(snap.households.household_id, snap.households.village_code);
  org_region_.Build(snap.organizations.org_id, snap.organizations.region_code);
}

Code Regions::Village(Code household) const { return village_of_.Find(household); }

Code Regions::OfOrg(Code org) const { return org_region_.Find(org); }

Code Regions::OfPayment(size_t payment_row) const {
  Code village = Village(snap_.payments.household_id[payment_row]);
  if (village != kNullCode) return village;
  return OfOrg(snap_.payments.payer_org_id[payment_row]);
}

std::string Regions::MinVillage(const std::vector<Code>& households) const {
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

std::unordered_set<Code> RestrictedPrograms(const Snapshot& snap) {
  std::unordered_set<Code> out;
  for (size_t row_idx = 0; row_idx < snap.fund_programs.size(); ++row_idx) {
    if (snap.fund_programs.restricted_to_registered[row_idx] != 0)
      out.insert(snap.fund_programs.program_id[row_idx]);
  }
  return out;
}

std::unordered_map<Code, std::int64_t> PaidPerHousehold(const Snapshot& snap) {
  std::unordered_map<Code, std::int64_t> paid;
  for (size_t row_idx = 0; row_idx < snap.payments.size(); ++row_idx) {
    if (snap.payments.household_id[row_idx] != kNullCode)
      paid[snap.payments.household_id[row_idx]] += snap.payments.amount[row_idx];
  }
  return paid;
}

std::unordered_map<Code, std::vector<Code>> MembersOf(const Snapshot& snap) {
  std::unordered_map<Code, std::vector<Code>> out;
  for (size_t row_idx = 0; row_idx < snap.members.size(); ++row_idx)
    out[snap.members.household_id[row_idx]].push_back(snap.members.id_number[row_idx]);
  return out;
}

std::unordered_map<Code, std::vector<Code>> HouseholdsOf(const Snapshot& snap) {
  std::unordered_map<Code, std::vector<Code>> out;
  for (size_t row_idx = 0; row_idx < snap.members.size(); ++row_idx) {
    std::vector<Code>& list = out[snap.members.id_number[row_idx]];
    const Code household = snap.members.household_id[row_idx];
    if (std::find(list.begin(), list.end(), household) == list.end()) list.push_back(household);
  }
  return out;
}

std::unordered_map<Code, std::vector<Code>> PostsOf(const Snapshot& snap) {
  std::unordered_map<Code, std::vector<Code>> posts;
  for (size_t row_idx = 0; row_idx < snap.officials.size(); ++row_idx)
    posts[snap.officials.id_number[row_idx]].push_back(snap.officials.org_id[row_idx]);
  for (size_t row_idx = 0; row_idx < snap.dispatched_cadres.size(); ++row_idx)
    posts[snap.dispatched_cadres.id_number[row_idx]].push_back(
        snap.dispatched_cadres.host_org_id[row_idx]);
  return posts;
}

std::unordered_map<Code, std::vector<Code>> KinOf(const Snapshot& snap) {
  std::unordered_map<Code, std::vector<Code>> kin_of;
  for (size_t row_idx = 0; row_idx < snap.kinship.size(); ++row_idx) {
    kin_of[snap.kinship.id_number_a[row_idx]].push_back(snap.kinship.id_number_b[row_idx]);
    kin_of[snap.kinship.id_number_b[row_idx]].push_back(snap.kinship.id_number_a[row_idx]);
  }
  return kin_of;
}

Warning HouseholdWarning(const Snapshot& snap, size_t household_row, std::string severity,
                         const std::unordered_map<Code, std::int64_t>& paid) {
  Warning w;
  const Code id = snap.households.household_id[household_row];
  w.subject_id = Text(snap, id);
  w.region_code = Text(snap, snap.households.village_code[household_row]);
  w.severity = std::move(severity);
  auto found = paid.find(id);
  w.amount_fen = found == paid.end() ? 0 : found->second;
  return w;
}

Warning PaymentWarning(const Snapshot& snap, size_t payment_row, const Regions& regions,
                       std::string severity) {
  Warning w;
  w.subject_id = Text(snap, snap.payments.payment_id[payment_row]);
  w.region_code = Text(snap, regions.OfPayment(payment_row));
  w.severity = std::move(severity);
  w.amount_fen = snap.payments.amount[payment_row];
  w.evidence["payments"].insert(w.subject_id);
  return w;
}

Warning ProjectWarning(const Snapshot& snap, size_t project_row, std::string severity) {
  Warning w;
  w.subject_id = Text(snap, snap.projects.project_id[project_row]);
  w.region_code = Text(snap, snap.projects.region_code[project_row]);
  w.severity = std::move(severity);
  w.amount_fen = snap.projects.budget[project_row];
  w.evidence["projects"].insert(w.subject_id);
  return w;
}

}  // namespace sunlight::rules::internal
