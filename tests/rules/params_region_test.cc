// Per-region parameters through the engine and the scan: an override changes the warnings of
// its region only, kernel and SQL agree, and each warning (printed and stored) carries the
// parameters applied to it.
#include <gtest/gtest.h>

#include "rules/params.h"
#include "rules/scan.h"
#include "rules_test_util.h"

namespace sunlight::rules::testing {
namespace {

const Date kAsOf = *Date::Parse("2021-12-31");

class ParamsRegionTest : public RulesDbTest {
 protected:
  void SetUp() override {
    RulesDbTest::SetUp();
    if (HasFatalFailure()) return;
    Org("ORG1", "520102000000");
    Item("I1", 10000, "per_household");
    // The same payment, 5% above the standard, in two counties.
    Household("H-DF", "520521001001", "ACC-1");  // 大方县, under the override
    Household("H-YY", "520102001001", "ACC-2");  // 南明区, not under it
    Payment("PAY-DF", "I1", "2021-01", "", "ACC-1", 10500, "2021-01-10", "H-DF");
    Payment("PAY-YY", "I1", "2021-01", "", "ACC-2", 10500, "2021-01-10", "H-YY");
  }

  RuleConfig Config(const char* json) {
    StatusOr<RuleConfig> config = RuleConfig::Parse(json, "test.json");
    EXPECT_TRUE(config.ok()) << config.status();
    return config.ok() ? *config : RuleConfig();
  }

  // Kernel and SQL with per-region parameters; they must agree.
  std::vector<Warning> RunBoth(const RuleConfig& config) {
    const Rule& rule = *FindRule("A07");
    StatusOr<Snapshot> snap = LoadSnapshot(*conn_);
    EXPECT_TRUE(snap.ok()) << snap.status();
    if (!snap.ok()) return {};
    std::vector<Warning> kernel = RunKernel(rule, *snap, kAsOf, config.For(rule));
    StatusOr<std::vector<Warning>> sql = RunSql(rule, *conn_, kAsOf, config.For(rule));
    EXPECT_TRUE(sql.ok()) << sql.status();
    if (sql.ok()) {
      EXPECT_EQ(kernel, *sql) << "kernel:\n" << Describe(kernel) << "sql:\n" << Describe(*sql);
    }
    return kernel;
  }
};

TEST_F(ParamsRegionTest, OverrideRaisesTheLineInItsRegionOnly) {
  std::vector<Warning> got =
      RunBoth(Config(R"({"A07": {"regions": {"5205": {"tolerance": 0.1}}}})"));
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY-YY"})) << Describe(got);
  EXPECT_EQ(got[0].params, (nlohmann::json{{"tolerance", 0}}));
}

TEST_F(ParamsRegionTest, OverrideLowersTheLineInItsRegionOnly) {
  std::vector<Warning> got =
      RunBoth(Config(R"({"A07": {"tolerance": 0.1, "regions": {"520521": {"tolerance": 0.01}}}})"));
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY-DF"})) << Describe(got);
  EXPECT_EQ(got[0].params, (nlohmann::json{{"tolerance", 0.01}}));
}

TEST_F(ParamsRegionTest, EachWarningCarriesTheSetOfItsRegion) {
  // Both fire, under different tolerances; each records its own.
  std::vector<Warning> got =
      RunBoth(Config(R"({"A07": {"tolerance": 0.02, "regions": {"52": {"tolerance": 0.01},
                                                                "5201": {"tolerance": 0.03}}}})"));
  ASSERT_EQ(Subjects(got), (std::set<std::string>{"PAY-DF", "PAY-YY"})) << Describe(got);
  EXPECT_EQ(got[0].subject_id, "PAY-DF");
  EXPECT_EQ(got[0].params, (nlohmann::json{{"tolerance", 0.01}}));
  EXPECT_EQ(got[1].params, (nlohmann::json{{"tolerance", 0.03}}));
}

TEST_F(ParamsRegionTest, ScanStoresTheAppliedParamsWithEitherEngine) {
  const RuleConfig config = Config(R"({"A07": {"regions": {"5205": {"tolerance": 0.04}}}})");
  for (ScanEngine engine : {ScanEngine::kKernel, ScanEngine::kSql}) {
    ASSERT_TRUE(conn_->Execute("DELETE FROM warnings").ok());
    ScanOptions options;
    options.as_of = kAsOf;
    options.engine = engine;
    options.config = &config;
    StatusOr<ScanResult> scan = Scan(*conn_, {FindRule("A07")}, options);
    ASSERT_TRUE(scan.ok()) << scan.status();
    ASSERT_EQ(scan->warnings.size(), 2u) << Describe(scan->warnings);
    ASSERT_EQ(scan->rules.size(), 1u);
    EXPECT_EQ(scan->rules[0].found, 2u);
    EXPECT_EQ(scan->snapshot_bytes > 0, engine == ScanEngine::kKernel);
    StatusOr<store::ResultSet> rs =
        conn_->Query("SELECT subject_id, params FROM warnings ORDER BY subject_id");
    ASSERT_TRUE(rs.ok()) << rs.status();
    ASSERT_EQ(rs->size(), 2u);
    EXPECT_EQ(rs->row(0)[0].AsText(), "PAY-DF");
    EXPECT_EQ(nlohmann::json::parse(rs->row(0)[1].AsText()), (nlohmann::json{{"tolerance", 0.04}}));
    EXPECT_EQ(rs->row(1)[0].AsText(), "PAY-YY");
    EXPECT_EQ(nlohmann::json::parse(rs->row(1)[1].AsText()), (nlohmann::json{{"tolerance", 0}}));
  }
}

TEST_F(ParamsRegionTest, KernelsOnSeveralThreadsGiveTheSameWarningsInRuleOrder) {
  const RuleConfig config = Config(R"({"A07": {"regions": {"5205": {"tolerance": 0.1}}}})");
  StatusOr<std::vector<const Rule*>> rules = SelectRules("");
  ASSERT_TRUE(rules.ok()) << rules.status();
  std::vector<std::vector<Warning>> results;
  for (int threads : {1, 3}) {
    ASSERT_TRUE(conn_->Execute("DELETE FROM warnings").ok());
    ScanOptions options;
    options.as_of = kAsOf;
    options.config = &config;
    options.threads = threads;
    std::vector<std::string> progress;
    options.progress = [&progress](const Rule& rule, size_t) { progress.emplace_back(rule.code); };
    StatusOr<ScanResult> scan = Scan(*conn_, *rules, options);
    ASSERT_TRUE(scan.ok()) << scan.status();
    ASSERT_EQ(progress.size(), rules->size());
    for (size_t idx = 0; idx < rules->size(); ++idx) {
      EXPECT_EQ(progress[idx], (*rules)[idx]->code);
      EXPECT_EQ(scan->rules[idx].rule, (*rules)[idx]);
    }
    results.push_back(scan->warnings);
  }
  EXPECT_EQ(results[0], results[1]);
  EXPECT_EQ(Subjects(results[0]).count("PAY-YY"), 1u) << Describe(results[0]);
}

}  // namespace
}  // namespace sunlight::rules::testing
