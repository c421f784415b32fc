#include "supervision/workflow_rules.h"

#include "supervision/rule_d02.h"
#include "supervision/rule_d03.h"

namespace sunlight::supervision {

const std::vector<WorkflowRule>& WorkflowRules() {
  static const std::vector<WorkflowRule> kRules = {
      {"D02", "整改逾期", "Rectification overdue", &RunD02},
      {"D03", "移送未反馈", "Transfer unanswered", &RunD03},
  };
  return kRules;
}

const WorkflowRule* FindWorkflowRule(std::string_view code) {
  for (const WorkflowRule& rule : WorkflowRules()) {
    if (rule.code == code) return &rule;
  }
  return nullptr;
}

StatusOr<std::vector<WorkflowRuleRun>> RunWorkflowRules(
    store::Connection& conn, const std::vector<const WorkflowRule*>& selected, Date as_of) {
  std::vector<WorkflowRuleRun> runs;
  for (const WorkflowRule* rule : selected) {
    WorkflowRuleRun run;
    run.rule = rule;
    SUNLIGHT_ASSIGN_OR_RETURN(run.warnings, rule->run(conn, as_of, {}));
    SUNLIGHT_ASSIGN_OR_RETURN(run.stored, rules::StoreWarningsOnce(conn, run.warnings, as_of));
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace sunlight::supervision
