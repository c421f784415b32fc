// Running and storing rules (see engine.h).
#include "rules/engine.h"

#include <cmath>
#include <map>
#include <memory>
#include <string>

#include "store/timestamp.h"
#include "store/transaction.h"

namespace sunlight::rules {

StatusOr<std::vector<const Rule*>> SelectRules(std::string_view codes) {
  std::vector<const Rule*> selected;
  if (codes.empty()) {
    for (const Rule& rule : RuleCatalogue()) {
      if (rule.implemented()) selected.push_back(&rule);
    }
    return selected;
  }
  std::vector<bool> wanted(RuleCatalogue().size(), false);
  size_t start = 0;
  while (start <= codes.size()) {
    const size_t end = std::min(codes.find(',', start), codes.size());
    std::string_view code = codes.substr(start, end - start);
    while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
    while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
    start = end + 1;
    if (code.empty()) continue;
    const Rule* rule = FindRule(code);
    if (rule == nullptr) {
      return InvalidArgumentError("未知的规则代码：" + std::string(code), "unknown_rule");
    }
    if (!rule->implemented()) {
      return InvalidArgumentError(
          "规则 " + std::string(code) + "（" + std::string(rule->name_zh) + "）尚未实现",
          "rule_not_implemented");
    }
    wanted[rule - RuleCatalogue().data()] = true;
  }
  for (size_t rule_idx = 0; rule_idx < wanted.size(); ++rule_idx) {
    if (wanted[rule_idx]) selected.push_back(&RuleCatalogue()[rule_idx]);
  }
  return selected;
}

nlohmann::json ParamsJson(const ParamValues& params) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : params) {
    if (std::trunc(value) == value && std::fabs(value) < 9e15) {
      out[name] = static_cast<std::int64_t>(value);
    } else {
      out[name] = value;
    }
  }
  return out;
}

namespace {

void Finish(const Rule& rule, const ParamValues& params, std::vector<Warning>& warnings) {
  const nlohmann::json params_json = ParamsJson(params);
  for (Warning& w : warnings) {
    w.rule = std::string(rule.code);
    w.subject_type = std::string(rule.subject_type);
    w.params = params_json;
  }
  SortWarnings(warnings);
}

}  // namespace

std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of,
                               const ParamValues& params) {
  std::vector<Warning> warnings = rule.kernel(RuleInput{snapshot, as_of, params});
  Finish(rule, params, warnings);
  return warnings;
}

std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of) {
  return RunKernel(rule, snapshot, as_of, rule.DefaultParams());
}

StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn, Date as_of,
                                      const ParamValues& params) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Statement> stmt, conn.Prepare(rule.sql));
  for (size_t arg_idx = 0; arg_idx < rule.sql_args.size(); ++arg_idx) {
    const std::string_view arg = rule.sql_args[arg_idx];
    const int index = static_cast<int>(arg_idx) + 1;
    if (arg == kAsOfArg) {
      SUNLIGHT_RETURN_IF_ERROR(stmt->BindText(index, as_of.ToString()));
      continue;
    }
    auto value = params.find(arg);
    if (value == params.end()) {
      return InternalError("规则 " + std::string(rule.code) + " 缺少参数 " + std::string(arg),
                           "missing_param");
    }
    SUNLIGHT_RETURN_IF_ERROR(stmt->BindReal(index, value->second));
  }
  std::map<std::string, Warning> by_subject;
  while (true) {
    SUNLIGHT_ASSIGN_OR_RETURN(bool has_row, stmt->Step());
    if (!has_row) break;
    std::string subject(stmt->ColumnText(0));
    auto [it, added] = by_subject.try_emplace(subject);
    Warning& w = it->second;
    if (added) {
      w.subject_id = subject;
      w.region_code = std::string(stmt->ColumnText(1));
      w.severity = std::string(stmt->ColumnText(2));
      w.amount_fen = stmt->ColumnInteger(3);
    }
    w.evidence[std::string(stmt->ColumnText(4))].insert(std::string(stmt->ColumnText(5)));
  }
  std::vector<Warning> warnings;
  warnings.reserve(by_subject.size());
  for (auto& [subject, w] : by_subject) warnings.push_back(std::move(w));
  Finish(rule, params, warnings);
  return warnings;
}

StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn, Date as_of) {
  return RunSql(rule, conn, as_of, rule.DefaultParams());
}

namespace {

// One run per distinct set; a warning is kept when its region's set is the run's set.
template <typename RunOne>
StatusOr<std::vector<Warning>> RunPerRegion(const RuleParams& params, RunOne run_one) {
  const std::vector<const ParamValues*> sets = params.DistinctSets();
  if (sets.size() == 1) return run_one(*sets.front());
  std::vector<Warning> kept;
  for (const ParamValues* set : sets) {
    SUNLIGHT_ASSIGN_OR_RETURN(std::vector<Warning> found, run_one(*set));
    for (Warning& w : found) {
      if (params.For(w.region_code) == *set) kept.push_back(std::move(w));
    }
  }
  SortWarnings(kept);
  return kept;
}

}  // namespace

std::vector<Warning> RunKernel(const Rule& rule, const Snapshot& snapshot, Date as_of,
                               const RuleParams& params) {
  StatusOr<std::vector<Warning>> warnings =
      RunPerRegion(params, [&](const ParamValues& set) -> StatusOr<std::vector<Warning>> {
        return RunKernel(rule, snapshot, as_of, set);
      });
  return std::move(warnings).value();  // kernels do not fail
}

StatusOr<std::vector<Warning>> RunSql(const Rule& rule, store::Connection& conn, Date as_of,
                                      const RuleParams& params) {
  return RunPerRegion(params,
                      [&](const ParamValues& set) { return RunSql(rule, conn, as_of, set); });
}

}  // namespace sunlight::rules
