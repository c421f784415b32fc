// Kernels and reference SQL of the implemented rules (rules_*.cc); listed in
// rule_catalogue.cc.
// Internal to rules/: other layers reach rules through RuleCatalogue().
#pragma once

#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace sunlight::rules::internal {

std::vector<Warning> KernelA01(const RuleInput& input);
std::vector<Warning> KernelA02(const RuleInput& input);
std::vector<Warning> KernelA03(const RuleInput& input);
std::vector<Warning> KernelA04(const RuleInput& input);
std::vector<Warning> KernelA05(const RuleInput& input);
std::vector<Warning> KernelA06(const RuleInput& input);
std::vector<Warning> KernelA07(const RuleInput& input);
std::vector<Warning> KernelA08(const RuleInput& input);
std::vector<Warning> KernelA09(const RuleInput& input);
std::vector<Warning> KernelA10(const RuleInput& input);
std::vector<Warning> KernelA11(const RuleInput& input);
std::vector<Warning> KernelA12(const RuleInput& input);

std::vector<Warning> KernelB01(const RuleInput& input);
std::vector<Warning> KernelB02(const RuleInput& input);
std::vector<Warning> KernelB03(const RuleInput& input);
std::vector<Warning> KernelB04(const RuleInput& input);
std::vector<Warning> KernelB05(const RuleInput& input);
std::vector<Warning> KernelB06(const RuleInput& input);
std::vector<Warning> KernelB07(const RuleInput& input);
std::vector<Warning> KernelB08(const RuleInput& input);
std::vector<Warning> KernelB09(const RuleInput& input);
std::vector<Warning> KernelB10(const RuleInput& input);
std::vector<Warning> KernelB11(const RuleInput& input);
std::vector<Warning> KernelB12(const RuleInput& input);
std::vector<Warning> KernelC01(const RuleInput& input);
std::vector<Warning> KernelC02(const RuleInput& input);
std::vector<Warning> KernelD01(const RuleInput& input);

extern const std::string_view kSqlA01;
extern const std::string_view kSqlA02;
extern const std::string_view kSqlA03;
extern const std::string_view kSqlA04;
extern const std::string_view kSqlA05;
extern const std::string_view kSqlA06;
extern const std::string_view kSqlA07;
extern const std::string_view kSqlA08;
extern const std::string_view kSqlA09;
extern const std::string_view kSqlA10;
extern const std::string_view kSqlA11;
extern const std::string_view kSqlA12;
extern const std::string_view kSqlB01;
extern const std::string_view kSqlB02;
extern const std::string_view kSqlB03;
extern const std::string_view kSqlB04;
extern const std::string_view kSqlB05;
extern const std::string_view kSqlB06;
extern const std::string_view kSqlB07;
extern const std::string_view kSqlB08;
extern const std::string_view kSqlB09;
extern const std::string_view kSqlB10;
extern const std::string_view kSqlB11;
extern const std::string_view kSqlB12;
extern const std::string_view kSqlC01;
extern const std::string_view kSqlC02;
extern const std::string_view kSqlD01;

}  // namespace sunlight::rules::internal
