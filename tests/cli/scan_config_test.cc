// `sunlight scan --config/--engine/--timings` and `sunlight rules` as operators see them: a
// per-region override in the JSON lines, a bad configuration refused before any scan, the
// SQL engine giving the same lines, and the catalogue listing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/params_doc.h"
#include "rules/rule.h"
#include "store/database.h"
#include "subprocess.h"

namespace sunlight {
namespace {

using test_support::RunProcess;
using test_support::RunResult;

const std::string kBinary = SUNLIGHT_BINARY;
const std::string kFixtureRegions = std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions";

class ScanConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sunlight-scan-config-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Db() const { return (dir_ / "test.db").string(); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  RunResult Sunlight(std::vector<std::string> args) {
    args.insert(args.begin(), {kBinary, "--regions-dir", kFixtureRegions});
    return RunProcess(args);
  }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(Path(name), std::ios::binary) << text;
  }
  static std::vector<nlohmann::json> ReadLines(const std::string& path) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }

  // Two payments 5% above their item's standard, one in 大方县 (5205 21), one in 南明区.
  void MakeLedger() {
    RunResult init = Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(Db());
    ASSERT_TRUE(db.ok()) << db.status();
    StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    for (const char* sql : {
             "INSERT INTO organizations(org_id, name, kind, region_code, batch_id) "
             "VALUES ('ORG1', '财政局', 'finance', '520102', 1)",
             "INSERT INTO subsidy_items(item_id, program_id, name, standard_amount, unit, "
             "period_kind, batch_id) VALUES ('I1', 'P1', '补贴', 10000, 'per_household', "
             "'monthly', 1)",
             "INSERT INTO households(household_id, village_code, head_id_number, status, "
             "subsidy_account, batch_id) VALUES ('H-DF', '520521001001', 'X1', 'poor', 'A1', 1),"
             " ('H-YY', '520102001001', 'X2', 'poor', 'A2', 1)",
             "INSERT INTO payments(payment_id, program_id, item_id, period, payer_org_id, "
             "payee_name, payee_account, amount, pay_date, purpose_category, household_id, "
             "batch_id) VALUES "
             "('PAY-DF', 'P1', 'I1', '2021-01', 'ORG1', '甲', 'A1', 10500, '2021-01-10', "
             "'subsidy', 'H-DF', 1),"
             "('PAY-YY', 'P1', 'I1', '2021-01', 'ORG1', '乙', 'A2', 10500, '2021-01-10', "
             "'subsidy', 'H-YY', 1)",
         }) {
      Status s = (*conn)->Execute(sql);
      ASSERT_TRUE(s.ok()) << s << "\n" << sql;
    }
  }

  std::filesystem::path dir_;
};

TEST_F(ScanConfigTest, RegionOverrideAppliesToItsRegionOnlyAndIsRecorded) {
  MakeLedger();
  Write("rules.json", R"({"A07": {"regions": {"5205": {"tolerance": 0.1}}}})");
  for (const char* engine : {"kernel", "sql"}) {
    const std::string out = Path(std::string(engine) + ".jsonl");
    RunResult r = Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31", "--rules", "A07",
                            "--config", Path("rules.json"), "--engine", engine, "--out", out});
    ASSERT_EQ(r.exit_code, 0) << engine << ": " << r.err;
    std::vector<nlohmann::json> lines = ReadLines(out);
    ASSERT_EQ(lines.size(), 1u) << engine;
    EXPECT_EQ(lines[0]["subject_id"], "PAY-YY") << engine;
    EXPECT_EQ(lines[0]["params"], (nlohmann::json{{"tolerance", 0}})) << engine;
  }
  // Without the file both payments are above the default tolerance of 0.
  const std::string out = Path("defaults.jsonl");
  RunResult r =
      Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31", "--rules", "A07", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadLines(out).size(), 2u);
}

TEST_F(ScanConfigTest, BadConfigurationStopsBeforeTheScanNamingFileAndKey) {
  MakeLedger();
  const std::string out = Path("out.jsonl");
  struct Case {
    const char* text;
    const char* key;
  };
  for (const Case& c :
       {Case{R"({"A07": {"tolerance": "high"}})", "A07.tolerance"},
        Case{R"({"A07": {"tolerence": 0.1}})", "A07.tolerence"}, Case{R"({"X01": {}})", "X01"}}) {
    Write("bad.json", c.text);
    RunResult r = Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31", "--config",
                            Path("bad.json"), "--out", out});
    EXPECT_EQ(r.exit_code, 1) << c.text;
    EXPECT_NE(r.err.find(Path("bad.json")), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.key), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out)) << "no scan output for " << c.text;
  }
  RunResult missing = Sunlight({"scan", "--db", Db(), "--config", Path("none.json"), "--out", out});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find(Path("none.json")), std::string::npos) << missing.err;
  // Nothing was stored by the refused scans.
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(Db());
  ASSERT_TRUE(db.ok()) << db.status();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  StatusOr<store::ResultSet> rs = (*conn)->Query("SELECT COUNT(*) FROM warnings");
  ASSERT_TRUE(rs.ok()) << rs.status();
  EXPECT_EQ(rs->row(0)[0].AsInteger(), 0);
}

TEST_F(ScanConfigTest, TimingsNameEveryRuleRun) {
  MakeLedger();
  RunResult r =
      Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31", "--rules", "A01,A07", "--timings"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("[计时] 快照 "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[计时] A01 "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[计时] A07 "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" ms 2 条"), std::string::npos) << "A07 finds both: " << r.err;
  EXPECT_NE(r.err.find("[计时] 合计 "), std::string::npos) << r.err;
  RunResult invalid = Sunlight({"scan", "--db", Db(), "--engine", "duck"});
  EXPECT_EQ(invalid.exit_code, 2) << invalid.err;
}

TEST_F(ScanConfigTest, RulesListsTheCatalogueAndPrintsTheDocs) {
  RunResult list = Sunlight({"rules"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const rules::Rule& rule : rules::RuleCatalogue()) {
    const std::string line = std::string(rule.code) + "  " + std::string(rule.name_zh);
    EXPECT_NE(list.out.find(line), std::string::npos) << line;
  }
  EXPECT_NE(list.out.find("min_households=2"), std::string::npos) << list.out;
  RunResult markdown = Sunlight({"rules", "--markdown"});
  ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
  EXPECT_TRUE(markdown.out == rules::CatalogueMarkdown());
}

}  // namespace
}  // namespace sunlight
