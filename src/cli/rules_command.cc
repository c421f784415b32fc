// `sunlight rules`: the rule catalogue for people (one line per rule: code, names, status,
// parameters with defaults) or, with --markdown, the text of docs/rules.md. Both read
// RuleCatalogue(), so a rule added there shows up here without an edit. Needs no database.
#include <iostream>
#include <memory>
#include <string>

#include "cli/app.h"
#include "cli/command.h"
#include "rules/params_doc.h"
#include "rules/rule.h"

namespace sunlight::cli {
namespace {

struct RulesOptions {
  bool markdown = false;
};

void PrintListing() {
  size_t implemented = 0;
  for (const rules::Rule& rule : rules::RuleCatalogue()) {
    implemented += rule.implemented() ? 1 : 0;
    std::cout << rule.code << "  " << rule.name_zh << "（" << rule.name_en << "）  "
              << (rule.implemented() ? "已实现" : "尚未实现");
    if (!rule.params.empty()) {
      std::cout << "  参数：";
      bool first = true;
      for (const rules::RuleParam& param : rule.params) {
        std::cout << (first ? "" : ", ") << param.name << "="
                  << rules::FormatParamValue(param.default_value);
        first = false;
      }
    }
    std::cout << "\n";
  }
  std::cout << "共 " << rules::RuleCatalogue().size() << " 条规则，已实现 " << implemented
            << " 条。详见 docs/rules.md（sunlight rules --markdown）。\n";
}

}  // namespace

void RegisterRulesCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<RulesOptions>();
  CLI::App* sub = app.add_subcommand(
      "rules", "列出预警规则：代码、名称、参数默认值、是否已实现 (list the warning rules)");
  sub->add_flag("--markdown", opts->markdown,
                "输出 docs/rules.md 的全文（Markdown，中英文），用于重新生成文档");
  sub->callback([&ctx, opts] {
    if (opts->markdown) {
      std::cout << rules::CatalogueMarkdown();
    } else {
      PrintListing();
    }
    ctx.exit_code = kExitOk;
  });
}

}  // namespace sunlight::cli
