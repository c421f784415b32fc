// Rule parameter configuration (rules/params.h): parsing, the longest region prefix winning,
// rejection of bad files naming the file and the key.
#include <gtest/gtest.h>

#include <string>

#include "rules/params.h"
#include "rules/rule.h"

namespace sunlight::rules {
namespace {

const Rule& RuleOf(std::string_view code) {
  const Rule* rule = FindRule(code);
  EXPECT_NE(rule, nullptr) << code;
  return *rule;
}

TEST(RuleConfigTest, WithoutAFileEveryRuleHasItsDefaults) {
  RuleConfig config;
  for (const Rule& rule : RuleCatalogue()) {
    EXPECT_EQ(config.For(rule).base(), rule.DefaultParams()) << rule.code;
    EXPECT_FALSE(config.For(rule).has_region_overrides()) << rule.code;
  }
}

TEST(RuleConfigTest, RuleValuesAndTheLongestRegionPrefixWin) {
  StatusOr<RuleConfig> config = RuleConfig::Parse(
      R"({"A07": {"tolerance": 0.05, "regions": {"5205": {"tolerance": 0.1},
                                                "520521": {"tolerance": 0.2}}}})",
      "rules.json");
  ASSERT_TRUE(config.ok()) << config.status();
  const RuleParams& a07 = config->For(RuleOf("A07"));
  EXPECT_EQ(a07.For("520102001001").at("tolerance"), 0.05);  // no prefix matches
  EXPECT_EQ(a07.For("").at("tolerance"), 0.05);
  EXPECT_EQ(a07.For("520502001001").at("tolerance"), 0.1);  // 5205
  EXPECT_EQ(a07.For("520521001001").at("tolerance"), 0.2);  // 520521 is longer
  EXPECT_EQ(a07.DistinctSets().size(), 3u);
  // Other rules keep their defaults.
  EXPECT_EQ(config->For(RuleOf("A01")).base(), RuleOf("A01").DefaultParams());
}

TEST(RuleConfigTest, ShorterPrefixesSupplyWhatLongerOnesDoNotName) {
  // B02 has two parameters (days=180, min_ratio=0.6); implemented or not, it is configurable.
  StatusOr<RuleConfig> config = RuleConfig::Parse(
      R"({"B02": {"regions": {"52": {"days": 100, "min_ratio": 0.5}, "5205": {"days": 50}}}})",
      "b02.json");
  ASSERT_TRUE(config.ok()) << config.status();
  const RuleParams& b02 = config->For(RuleOf("B02"));
  EXPECT_EQ(b02.For("520521").at("days"), 50);
  EXPECT_EQ(b02.For("520521").at("min_ratio"), 0.5);
  EXPECT_EQ(b02.For("520102").at("days"), 100);
  EXPECT_EQ(b02.For("440106").at("days"), 180);
  EXPECT_EQ(b02.For("440106").at("min_ratio"), 0.6);
}

TEST(RuleConfigTest, EqualSetsRunOnce) {
  StatusOr<RuleConfig> config = RuleConfig::Parse(
      R"({"A07": {"tolerance": 0.1, "regions": {"5205": {"tolerance": 0.1}}}})", "same.json");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->For(RuleOf("A07")).DistinctSets().size(), 1u);
}

// Each bad file is rejected with a message naming the file and the offending key.
struct BadConfig {
  const char* text;
  const char* key;  // must appear in the message
};

class BadConfigTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(BadConfigTest, RejectedNamingFileAndKey) {
  StatusOr<RuleConfig> config = RuleConfig::Parse(GetParam().text, "/etc/sunlight/rules.json");
  ASSERT_FALSE(config.ok()) << GetParam().text;
  EXPECT_EQ(config.status().code(), StatusCode::kInvalidArgument);
  const std::string& message = config.status().message();
  EXPECT_NE(message.find("/etc/sunlight/rules.json"), std::string::npos) << message;
  EXPECT_NE(message.find(GetParam().key), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadConfigTest,
    ::testing::Values(
        BadConfig{R"({"Z99": {"x": 1}})", "Z99"},                        // unknown rule
        BadConfig{R"({"A07": {"tol": 0.1}})", "A07.tol"},                // unknown name
        BadConfig{R"({"A06": {"days": 3}})", "A06.days"},                // rule w/o params
        BadConfig{R"({"A07": {"tolerance": "0.1"}})", "A07.tolerance"},  // a string
        BadConfig{R"({"A07": {"tolerance": true}})", "A07.tolerance"},   // a boolean
        BadConfig{R"({"A07": {"tolerance": null}})", "A07.tolerance"},
        BadConfig{R"({"A07": 0.1})", "A07"},  // not an object
        BadConfig{R"({"A07": {"regions": {"52x": {"tolerance": 1}}}})", "A07.regions.52x"},
        BadConfig{R"({"A07": {"regions": {"5205": {"margin": 1}}}})", "A07.regions.5205.margin"},
        BadConfig{R"({"A07": {"regions": {"5205": {"tolerance": "x"}}}})",
                  "A07.regions.5205.tolerance"},
        BadConfig{R"({"A07": {"regions": [1]}})", "A07.regions"}, BadConfig{R"([1, 2])", "顶层"},
        BadConfig{R"({"A07": {"tolerance": 0.1,})", "JSON"}));

TEST(RuleConfigTest, AMissingFileIsAnErrorNamingIt) {
  StatusOr<RuleConfig> config = RuleConfig::Load("/nonexistent/sunlight-rules.json");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().message().find("/nonexistent/sunlight-rules.json"), std::string::npos)
      << config.status();
}

}  // namespace
}  // namespace sunlight::rules
