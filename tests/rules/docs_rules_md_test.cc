// docs/rules.md is generated from the rule table; this fails when the committed file and the
// table disagree (a rule added, renamed, a default changed) so the docs, the UI and the engine
// never do. Regenerate: build/sunlight rules --markdown > docs/rules.md
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "rules/params_doc.h"
#include "rules/rule.h"

namespace sunlight::rules {
namespace {

TEST(RulesDocTest, DocsRulesMdIsTheGeneratedText) {
  const std::string path = std::string(SUNLIGHT_SOURCE_DIR) + "/docs/rules.md";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path << " is missing; generate it with "
                         << "`build/sunlight rules --markdown > docs/rules.md`";
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str() == CatalogueMarkdown())
      << path << " differs from the rule table; regenerate it with "
      << "`build/sunlight rules --markdown > docs/rules.md`";
}

TEST(RulesDocTest, EveryRuleItsParametersAndStatusAreListed) {
  const std::string doc = CatalogueMarkdown();
  for (const Rule& rule : RuleCatalogue()) {
    const std::string heading =
        "### " + std::string(rule.code) + " " + std::string(rule.name_zh) + " · ";
    const size_t at = doc.find(heading);
    ASSERT_NE(at, std::string::npos) << rule.code;
    const size_t end = doc.find("\n### ", at + 1);
    const std::string section = doc.substr(at, end == std::string::npos ? end : end - at);
    EXPECT_NE(section.find(std::string(rule.name_en)), std::string::npos) << rule.code;
    EXPECT_NE(section.find(std::string(rule.logic)), std::string::npos) << rule.code;
    EXPECT_NE(section.find(rule.implemented() ? "已实现 implemented" : "尚未实现"),
              std::string::npos)
        << rule.code;
    for (const RuleParam& param : rule.params) {
      EXPECT_NE(section.find("`" + std::string(param.name) +
                             "` = " + FormatParamValue(param.default_value)),
                std::string::npos)
          << rule.code << " " << param.name;
    }
    for (std::string_view kind : rule.evidence_fields) {
      EXPECT_NE(section.find("`" + std::string(kind) + "`"), std::string::npos) << rule.code;
    }
  }
}

TEST(RulesDocTest, ParamValuesReadAsWritten) {
  EXPECT_EQ(FormatParamValue(400000000), "400000000");
  EXPECT_EQ(FormatParamValue(0.6), "0.6");
  EXPECT_EQ(FormatParamValue(0), "0");
}

}  // namespace
}  // namespace sunlight::rules
