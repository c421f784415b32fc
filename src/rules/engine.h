// Running rules: choose them by code, run a rule's kernel over a snapshot or its reference SQL
// over a connection (the two must agree; tests/rules hold them equal), and store warnings.
//
//   SUNLIGHT_ASSIGN_OR_RETURN(auto rules, SelectRules("A01,A07"));
//   SUNLIGHT_ASSIGN_OR_RETURN(Snapshot snap, LoadSnapshot(conn));
//   for (const Rule* rule : rules) append(RunKernel(*rule, snap, as_of));
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/params.h"
#include "rules/rule.h"
#include "rules/snapshot.h"
#include "rules/warning.h"
#include "store/connection.h"

namespace sunlight::rules {

// "A01,A07" → those rules in catalogue order; empty → every implemented rule. An unknown
// code, or one not yet implemented, is an InvalidArgument error naming it.
[[nodiscard]] StatusOr<std::vector<const Rule*>> SelectRules(std::string_view codes);

// The parameters as recorded with each warning: {"name": value}, integers as integers.
nlohmann::json ParamsJson(const ParamValues& params);

// REQUIRES: rule.implemented(). Results sorted by subject_id.
std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of,
                               const ParamValues& params);
std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of);

// REQUIRES: rule.implemented(). Results sorted by subject_id.
[[nodiscard]] StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn,
                                                    Date as_of, const ParamValues& params);
[[nodiscard]] StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn,
                                                    Date as_of);

// Per-region parameters (params.h). Kernels and queries take one parameter set, so the rule
// runs once per distinct set, and each warning is kept from the run whose set applies to its
// region_code (RuleParams::For). This equals running every region with its own set because a
// warning's region_code is a property of its subject's rows, never of the parameters: under
// any set, a subject that warns lands in the same region, so the run with that region's set
// decides it exactly. Each kept warning records the set it was found with.
// REQUIRES: rule.implemented(). Results sorted by subject_id.
std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of,
                               const RuleParams& params);
[[nodiscard]] StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn,
                                                    Date as_of, const RuleParams& params);

// What storing a scan's warnings did (supervision::StoreWarningsOnce fills it).
struct StoreCounts {
  int inserted = 0;
  int already_open = 0;  // an open warning of the same rule and subject was kept instead
};

}  // namespace sunlight::rules
