// docs/rules.md, generated from the rule catalogue (see params_doc.h).
#include "rules/params_doc.h"

#include <cmath>
#include <string_view>

#include <nlohmann/json.hpp>

#include "rules/rule.h"

namespace sunlight::rules {
namespace {

// A table cell: a '|' would end the cell, a newline the row.
std::string Cell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Backticks(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string StatusText(const Rule& rule) {
  return rule.implemented() ? "已实现 implemented" : "尚未实现 not yet implemented";
}

std::string ParamsCell(const Rule& rule) {
  if (rule.params.empty()) return "—";
  std::string out;
  for (const RuleParam& param : rule.params) {
    if (!out.empty()) out += ", ";
    out += Backticks(std::string(param.name) + "=" + FormatParamValue(param.default_value));
  }
  return out;
}

void AppendRule(const Rule& rule, std::string& out) {
  out += "### " + std::string(rule.code) + " " + std::string(rule.name_zh) + " · " +
         std::string(rule.name_en) + "\n\n";
  out += "- 对象 Subject: " + Backticks(rule.subject_type) + "\n";
  out += "- 逻辑 Logic: " + std::string(rule.logic) + "\n";
  if (rule.params.empty()) {
    out += "- 参数 Parameters: —\n";
  } else {
    out += "- 参数 Parameters (默认值 default):\n";
    for (const RuleParam& param : rule.params) {
      out += "  - " + Backticks(param.name) + " = " + FormatParamValue(param.default_value) +
             " — " + std::string(param.description) + "\n";
    }
  }
  if (rule.evidence_fields.empty()) {
    out += "- 证据 Evidence: —\n";
  } else {
    std::string kinds;
    for (std::string_view kind : rule.evidence_fields) {
      if (!kinds.empty()) kinds += ", ";
      kinds += Backticks(kind);
    }
    out += "- 证据 Evidence: " + kinds + "\n";
  }
  out += "- 来源 Source: " + std::string(rule.source) + "\n";
  out += "- 状态 Status: " + StatusText(rule) +
         (rule.implemented() ? "（C++ 内核与参考 SQL · C++ kernel and reference SQL）" : "") +
         "\n\n";
}

}  // namespace

std::string FormatParamValue(double value) {
  if (std::trunc(value) == value && std::fabs(value) < 9e15) {
    return std::to_string(static_cast<long long>(value));
  }
  return nlohmann::json(value).dump();  // shortest form that reads back exactly
}

std::string CatalogueMarkdown() {
  size_t implemented = 0;
  for (const Rule& rule : RuleCatalogue()) implemented += rule.implemented() ? 1 : 0;
  std::string out;
  out += "# 预警规则目录 · Warning rule catalogue\n\n";
  out +=
      "<!-- 由规则登记表生成，请勿手改 · Generated from the rule table "
      "(src/rules/rule_catalogue.cc); do not edit.\n"
      "     重新生成 Regenerate: build/sunlight rules --markdown > docs/rules.md -->\n\n";
  out += "规则的规范见 spec/rules.md（第 1 版）；本页列出登记表中的每条规则。已实现 " +
         std::to_string(implemented) + " 条，共 " + std::to_string(RuleCatalogue().size()) +
         " 条。\n";
  out +=
      "The specification is spec/rules.md (version 1); this page lists every rule of the "
      "rule table. Implemented: " +
      std::to_string(implemented) + " of " + std::to_string(RuleCatalogue().size()) + ".\n\n";
  out += "## 一览 · Overview\n\n";
  out +=
      "| 代码 Code | 名称 | Name | 对象 Subject | 参数（默认值）Parameters (default) | 状态 Status "
      "|\n";
  out += "|---|---|---|---|---|---|\n";
  for (const Rule& rule : RuleCatalogue()) {
    out += "| " + std::string(rule.code) + " | " + Cell(rule.name_zh) + " | " + Cell(rule.name_en) +
           " | " + Backticks(rule.subject_type) + " | " + ParamsCell(rule) + " | " +
           StatusText(rule) + " |\n";
  }
  out += "\n## 参数配置 · Configuring parameters\n\n";
  out +=
      "`sunlight scan --config FILE` 读取一个 JSON 文件：键为规则代码，值为参数值；`regions` "
      "按区划代码前缀（2 至 12 位数字）覆盖。预警所在区划（region_code）匹配的最长前缀优先；"
      "多个前缀都匹配时由短到长依次覆盖。未知的规则代码、参数名或非数字的值会使扫描在开始前"
      "报错（退出码 1），错误信息指出文件和键。每条预警的 `params` 记录实际采用的参数。\n\n";
  out +=
      "`sunlight scan --config FILE` reads a JSON object keyed by rule code; `regions` overrides "
      "values per region-code prefix (2 to 12 digits). The longest prefix matching a warning's "
      "region_code wins; when several match they apply shortest first. Unknown rule codes or "
      "parameter names and non-numeric values stop the scan before it starts (exit 1) with an "
      "error naming the file and the key. Each warning's `params` records the values applied.\n\n";
  out +=
      "```json\n{\"A07\": {\"tolerance\": 0.05, \"regions\": {\"5205\": {\"tolerance\": 0.1}}}}\n"
      "```\n\n";
  out += "## 规则 · Rules\n\n";
  for (const Rule& rule : RuleCatalogue()) AppendRule(rule, out);
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace sunlight::rules
