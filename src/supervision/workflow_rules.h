// The warning rules that read the supervision records rather than the ledger (spec/rules.md
// group D: D02 整改逾期; D03 移送未反馈 to come), in one small registry so that `sunlight scan`
// runs them after the ledger rules and stores their warnings through the same no-duplicate
// path (rules::StoreWarningsOnce).
//
// A workflow rule is one function with this signature (rule_d02.h RunD02 is the model):
//
//   StatusOr<std::vector<rules::Warning>> RunDxx(store::Connection& conn, Date as_of,
//                                                const rules::ParamValues& params);
//
// taking missing params from its own defaults, returning warnings with rule, subject_type,
// subject_id, region_code, severity, evidence and params set, sorted by subject_id. Adding
// D03 is one line in WorkflowRules() (workflow_rules.cc).
#pragma once

#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "rules/rule.h"
#include "rules/scan.h"
#include "rules/warning.h"
#include "store/connection.h"

namespace sunlight::supervision {

using WorkflowRuleFn = StatusOr<std::vector<rules::Warning>> (*)(store::Connection& conn,
                                                                 Date as_of,
                                                                 const rules::ParamValues& params);

struct WorkflowRule {
  std::string_view code;     // "D02"
  std::string_view name_zh;  // "整改逾期"
  std::string_view name_en;  // "Rectification overdue"
  WorkflowRuleFn run;
};

// Every workflow rule, in code order.
const std::vector<WorkflowRule>& WorkflowRules();

// nullptr when `code` is no workflow rule.
const WorkflowRule* FindWorkflowRule(std::string_view code);

struct WorkflowRuleRun {
  const WorkflowRule* rule = nullptr;
  std::vector<rules::Warning> warnings;
  rules::StoreOnceCounts stored;
};

// Runs each rule with its default parameters and stores its warnings (one transaction per rule).
StatusOr<std::vector<WorkflowRuleRun>> RunWorkflowRules(
    store::Connection& conn, const std::vector<const WorkflowRule*>& selected, Date as_of);

}  // namespace sunlight::supervision
