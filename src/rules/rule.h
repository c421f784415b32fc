// The rule catalogue (spec/rules.md): one Rule struct per rule, listed in one table
// (RuleCatalogue) that the scan command, the API, the docs and the tests all read.
//
// Every implemented rule has two forms that tests hold equal:
//  - `kernel`: C++ over the columnar Snapshot (the fast path, embedded engine);
//  - `sql`: a portable reference query over the ledger tables (how the rule runs inside
//    PostgreSQL). Its `?` placeholders are bound in the order of `sql_args` (kAsOfArg or a
//    parameter name). It returns one row per piece of evidence:
//      (subject_id, region_code, severity, amount_fen, evidence_kind, evidence_id)
//    and the engine groups the rows per subject into the evidence object
//    {evidence_kind: [evidence_id, ...]} (ids sorted, unique). region_code, severity and
//    amount_fen must be the same on every row of one subject.
//
// To add a rule: write its kernel and SQL in rules_<group>.cc, declare the kernel in
// kernels.h, and fill in its entry in rule_catalogue.cc. Then add a fixture case to
// tests/rules/ (the case, a near miss, unrelated rows); the generator test picks it up.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/snapshot.h"
#include "rules/warning.h"

namespace sunlight::rules {

struct RuleParam {
  std::string_view name;
  double default_value;
  std::string_view description;
};

// Parameter values by name; every parameter of the rule is present.
using ParamValues = std::map<std::string, double, std::less<>>;

// What a kernel gets besides the snapshot.
struct RuleInput {
  const Snapshot& snapshot;
  Date as_of;
  const ParamValues& params;
};

// A kernel fills subject_id, region_code, severity, amount_fen and evidence of each warning;
// the engine sets rule, subject_type and params and sorts.
using RuleKernel = std::vector<Warning> (*)(const RuleInput& input);

inline constexpr std::string_view kAsOfArg = "as_of";

struct Rule {
  std::string_view code;          // "A01"
  std::string_view name_zh;       // "一卡多户"
  std::string_view name_en;       // "One account, many households"
  std::string_view subject_type;  // "bank_account", "household", "payment", ...
  std::string_view logic;         // one sentence, as in spec/rules.md
  std::string_view source;        // the seed or practice that motivates it
  std::span<const RuleParam> params;
  std::span<const std::string_view> evidence_fields;  // evidence kinds, e.g. "households"
  RuleKernel kernel = nullptr;                        // nullptr: not yet implemented
  std::string_view sql;                               // empty: not yet implemented
  std::span<const std::string_view> sql_args;

  bool implemented() const { return kernel != nullptr && !sql.empty(); }
  ParamValues DefaultParams() const;
};

// Every rule of spec/rules.md, in code order, implemented or not.
std::span<const Rule> RuleCatalogue();

// nullptr when no rule has that code.
const Rule* FindRule(std::string_view code);

}  // namespace sunlight::rules
