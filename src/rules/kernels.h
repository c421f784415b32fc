// Kernels and reference SQL of the implemented rules; listed in rule_catalogue.cc.
// Internal to rules/: other layers reach rules through RuleCatalogue().
#pragma once

#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace sunlight::rules::internal {

std::vector<Warning> KernelA01(const RuleInput& input);
std::vector<Warning> KernelA02(const RuleInput& input);
std::vector<Warning> KernelA05(const RuleInput& input);
std::vector<Warning> KernelA06(const RuleInput& input);
std::vector<Warning> KernelA07(const RuleInput& input);
std::vector<Warning> KernelA08(const RuleInput& input);
std::vector<Warning> KernelA10(const RuleInput& input);
std::vector<Warning> KernelA11(const RuleInput& input);
std::vector<Warning> KernelA12(const RuleInput& input);

std::vector<Warning> KernelB01(const RuleInput& input);
std::vector<Warning> KernelB08(const RuleInput& input);

extern const std::string_view kSqlA01;
extern const std::string_view kSqlA02;
extern const std::string_view kSqlA05;
extern const std::string_view kSqlA06;
extern const std::string_view kSqlA07;
extern const std::string_view kSqlA08;
extern const std::string_view kSqlA10;
extern const std::string_view kSqlA11;
extern const std::string_view kSqlA12;
extern const std::string_view kSqlB01;
extern const std::string_view kSqlB08;

}  // namespace sunlight::rules::internal
