// Tests of the demo dataset generator: determinism, the interchange format (headers, cells,
// references, identifiers), and its promises about the warning rules — checked with the
// test oracle of rule_oracle.h.
//
// That `sunlight import` accepts the dataset is checked by tests/ledger/import_generated_test.cc.
// What cannot be checked yet: that `sunlight scan --as-of <as_of>` raises exactly
// expected_warnings.jsonl — the rule engine does not exist yet. The oracle stands in for it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/bank_account.h"
#include "core/date.h"
#include "core/division_table.h"
#include "core/id_number.h"
#include "core/money.h"
#include "core/period.h"
#include "core/uscc.h"
#include "dataset_reader.h"
#include "demo_data/demo_data.h"
#include "demo_data/manifest.h"
#include "rule_oracle.h"

namespace sunlight::demo {
namespace {

using testing::CsvTable;
using testing::Dataset;
using testing::Warning;

std::filesystem::path TempDir(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("sunlight_demo_test_" + std::to_string(::getpid()) + "_" + name);
}

DemoSummary Generate(const std::filesystem::path& dir, int64_t households, uint64_t seed,
                     bool anomalies) {
  std::filesystem::remove_all(dir);
  DemoOptions options;
  options.households = households;
  options.seed = seed;
  options.anomalies = anomalies;
  options.as_of = DefaultAsOf();
  options.out_dir = dir;
  StatusOr<DemoSummary> summary = GenerateDemoDataset(options);
  EXPECT_TRUE(summary.ok()) << summary.status();
  return summary.ok() ? *summary : DemoSummary();
}

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Manifest lines → warnings.
std::set<Warning> ReadManifest(const std::filesystem::path& path, bool* sorted_unique) {
  static const std::regex kLine(
      R"re(\{"rule":"([A-Z]\d\d)","subject_type":"([a-z_]+)","subject_id":"([^"]+)"(,"why":"[^"]*")?\})re");
  std::set<Warning> warnings;
  std::vector<std::pair<std::string, std::string>> order;
  for (const std::string& line : testing::ReadLines(path)) {
    std::smatch match;
    EXPECT_TRUE(std::regex_match(line, match, kLine)) << line;
    if (match.empty()) continue;
    warnings.emplace(match[1], match[2], match[3]);
    order.emplace_back(match[1], match[3]);
  }
  if (sorted_unique != nullptr) {
    *sorted_unique = std::is_sorted(order.begin(), order.end()) &&
                     std::adjacent_find(order.begin(), order.end()) == order.end();
  }
  return warnings;
}

class DemoDatasetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    planted_dir_ = new std::filesystem::path(TempDir("planted"));
    clean_dir_ = new std::filesystem::path(TempDir("clean"));
    Generate(*planted_dir_, 300, 1, true);
    Generate(*clean_dir_, 1500, 5, false);
    StatusOr<Dataset> planted = testing::ReadDataset(*planted_dir_);
    ASSERT_TRUE(planted.ok()) << planted.status();
    planted_ = new Dataset(std::move(*planted));
    StatusOr<Dataset> clean = testing::ReadDataset(*clean_dir_);
    ASSERT_TRUE(clean.ok()) << clean.status();
    clean_ = new Dataset(std::move(*clean));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*planted_dir_);
    std::filesystem::remove_all(*clean_dir_);
    delete planted_;
    delete clean_;
    delete planted_dir_;
    delete clean_dir_;
  }

  // Both datasets, for checks that hold for either.
  static std::vector<const Dataset*> Both() { return {planted_, clean_}; }

  static std::filesystem::path* planted_dir_;
  static std::filesystem::path* clean_dir_;
  static Dataset* planted_;
  static Dataset* clean_;
};

std::filesystem::path* DemoDatasetTest::planted_dir_ = nullptr;
std::filesystem::path* DemoDatasetTest::clean_dir_ = nullptr;
Dataset* DemoDatasetTest::planted_ = nullptr;
Dataset* DemoDatasetTest::clean_ = nullptr;

TEST(DemoDataTest, SameSeedSameBytesOtherSeedOtherData) {
  const auto a = TempDir("det_a"), b = TempDir("det_b"), c = TempDir("det_c");
  Generate(a, 200, 42, true);
  Generate(b, 200, 42, true);
  Generate(c, 200, 43, true);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(a)) {
    const auto name = entry.path().filename();
    EXPECT_EQ(Slurp(a / name), Slurp(b / name)) << name << " differs between two runs with seed 42";
    ++files;
  }
  EXPECT_EQ(files, 25 + 3);  // 25 CSV files, two manifests, dataset.json
  EXPECT_NE(Slurp(a / "households.csv"), Slurp(c / "households.csv"));
  EXPECT_NE(Slurp(a / "payments.csv"), Slurp(c / "payments.csv"));
  for (const auto& dir : {a, b, c}) std::filesystem::remove_all(dir);
}

TEST(DemoDataTest, RejectsBadOptions) {
  DemoOptions options;
  options.households = 10;
  options.as_of = DefaultAsOf();
  options.out_dir = TempDir("bad");
  StatusOr<DemoSummary> too_few = GenerateDemoDataset(options);
  ASSERT_FALSE(too_few.ok());
  EXPECT_EQ(too_few.status().reason(), "demo_too_few_households");
  options.households = 500;
  options.as_of = Date::Today().AddDays(1);
  StatusOr<DemoSummary> future = GenerateDemoDataset(options);
  ASSERT_FALSE(future.ok());
  EXPECT_EQ(future.status().reason(), "demo_bad_as_of");
}

// The canonical headers, copied from spec/interchange.md (not from the generator's schema).
TEST_F(DemoDatasetTest, HeadersAreCanonical) {
  const std::map<std::string, std::string> expected = {
      {"organizations.csv", "org_id,name,kind,region_code,parent_org_id"},
      {"pairings.csv",
       "pairing_id,helper_region_code,recipient_region_code,start_date,end_date,agreement_date"},
      {"officials.csv", "id_number,name,org_id,position,category"},
      {"dispatched_cadres.csv",
       "id_number,name,home_org_id,host_org_id,host_position,start_date,end_date,batch"},
      {"integrity_archives.csv", "id_number,created_date,last_updated"},
      {"households.csv",
       "household_id,village_code,head_id_number,status,registered_year,exit_year,subsidy_account"},
      {"members.csv", "id_number,name,household_id,relation"},
      {"bank_accounts.csv", "account_no,holder_name,holder_id,bank,account_type"},
      {"companies.csv", "uscc,name,region_code,legal_rep_id_number"},
      {"company_officers.csv", "uscc,id_number,role,share_pct"},
      {"kinship.csv", "id_number_a,id_number_b,relation"},
      {"fund_programs.csv", "program_id,name,level,allowed_categories,restricted_to_registered"},
      {"subsidy_items.csv", "item_id,program_id,name,standard_amount,unit,period_kind"},
      {"projects.csv",
       "project_id,name,category,region_code,helper_region_code,owner_org_id,program_id,budget,"
       "procurement_method,contractor_uscc,approved_date,planned_start,planned_completion,"
       "planned_acceptance,actual_start,actual_completion,accepted_date"},
      {"project_progress.csv", "project_id,report_date,percent_complete"},
      {"project_beneficiaries.csv", "project_id,household_id"},
      {"contracts.csv",
       "contract_id,project_id,supplier_uscc,amount,signed_date,procurement_method"},
      {"allocations.csv", "allocation_id,program_id,project_id,region_code,amount,date"},
      {"payments.csv",
       "payment_id,program_id,project_id,item_id,period,payer_org_id,payee_name,payee_id,"
       "payee_account,amount,pay_date,expense_date,voucher_no,approved_date,purpose_category,"
       "household_id"},
      {"loans.csv", "loan_id,household_id,borrower_id_number,amount,issue_date,account_no"},
      {"account_transfers.csv", "transfer_id,from_account,to_account,amount,date"},
      {"employment.csv",
       "id_number,employer_uscc,region_code,start_date,end_date,kind,subsidy_amount"},
      {"deaths.csv", "id_number,name,death_date,source"},
      {"vehicles.csv", "id_number,plate,vehicle_type,registered_date"},
      {"properties.csv", "id_number,certificate_no,kind,area_sqm,region_code,registered_date"},
  };
  for (const Dataset* dataset : Both()) {
    ASSERT_EQ(dataset->size(), expected.size());
    for (const auto& [file, header] : expected) {
      auto it = dataset->find(file);
      ASSERT_NE(it, dataset->end()) << file;
      std::string joined;
      for (const std::string& column : it->second.header)
        joined += (joined.empty() ? "" : ",") + column;
      EXPECT_EQ(joined, header) << file;
      EXPECT_FALSE(it->second.rows.empty()) << file << " has no rows";
      for (size_t row = 0; row < it->second.rows.size(); ++row) {
        ASSERT_EQ(it->second.rows[row].size(), it->second.header.size())
            << file << " row " << row + 2;
      }
    }
  }
}

// Every cell of these columns, when not empty.
std::vector<std::string> Cells(const Dataset& dataset, const std::string& file,
                               const std::string& column) {
  std::vector<std::string> cells;
  const CsvTable& table = dataset.at(file);
  for (size_t row = 0; row < table.rows.size(); ++row) {
    if (!table.Cell(row, column).empty()) cells.push_back(table.Cell(row, column));
  }
  return cells;
}

TEST_F(DemoDatasetTest, DemoAccountOrganisationsExist) {
  for (const Dataset* dataset : Both()) {
    const std::vector<std::string> ids = Cells(*dataset, "organizations.csv", "org_id");
    for (std::string_view org : {kHelperCommissionOrg, kRecipientCommissionOrg,
                                 kCountyCommissionOrg, kProjectOwnerOrg, kAuditorOrg}) {
      EXPECT_NE(std::find(ids.begin(), ids.end(), org), ids.end()) << org;
    }
  }
}

TEST_F(DemoDatasetTest, IdNumbersAreValid) {
  const std::vector<std::pair<std::string, std::string>> columns = {
      {"officials.csv", "id_number"},
      {"dispatched_cadres.csv", "id_number"},
      {"integrity_archives.csv", "id_number"},
      {"households.csv", "head_id_number"},
      {"members.csv", "id_number"},
      {"companies.csv", "legal_rep_id_number"},
      {"company_officers.csv", "id_number"},
      {"kinship.csv", "id_number_a"},
      {"kinship.csv", "id_number_b"},
      {"loans.csv", "borrower_id_number"},
      {"employment.csv", "id_number"},
      {"deaths.csv", "id_number"},
      {"vehicles.csv", "id_number"},
      {"properties.csv", "id_number"},
  };
  bool saw_x = false;
  for (const Dataset* dataset : Both()) {
    for (const auto& [file, column] : columns) {
      for (const std::string& id : Cells(*dataset, file, column)) {
        StatusOr<IdNumber> parsed = IdNumber::Parse(id);
        EXPECT_TRUE(parsed.ok()) << file << "." << column << " " << id << ": " << parsed.status();
        saw_x = saw_x || id.back() == 'X';
      }
    }
    // payee_id and holder_id name a person (ID number) or a company (USCC).
    for (const auto& [file, column] : std::vector<std::pair<std::string, std::string>>{
             {"payments.csv", "payee_id"}, {"bank_accounts.csv", "holder_id"}}) {
      for (const std::string& id : Cells(*dataset, file, column)) {
        EXPECT_TRUE(IdNumber::Parse(id).ok() || Uscc::Parse(id).ok()) << file << " " << id;
      }
    }
  }
  EXPECT_TRUE(saw_x) << "some ID numbers should end in X";
}

TEST_F(DemoDatasetTest, UsccsAreValid) {
  for (const Dataset* dataset : Both()) {
    for (const auto& [file, column] :
         std::vector<std::pair<std::string, std::string>>{{"companies.csv", "uscc"},
                                                          {"company_officers.csv", "uscc"},
                                                          {"projects.csv", "contractor_uscc"},
                                                          {"contracts.csv", "supplier_uscc"},
                                                          {"employment.csv", "employer_uscc"}}) {
      for (const std::string& code : Cells(*dataset, file, column)) {
        StatusOr<Uscc> parsed = Uscc::Parse(code);
        EXPECT_TRUE(parsed.ok()) << file << "." << column << " " << code << ": " << parsed.status();
      }
    }
  }
}

// Card numbers pass Luhn, except the invented ones planted for A03.
TEST_F(DemoDatasetTest, CardNumbersPassLuhnExceptPlantedOnes) {
  bool sorted = false;
  const std::set<Warning> expected =
      ReadManifest(*planted_dir_ / "expected_warnings.jsonl", &sorted);
  std::set<std::string> a03;
  for (const auto& [rule, type, id] : expected) {
    if (rule == "A03") a03.insert(id);
  }
  int invented = 0;
  for (const Dataset* dataset : Both()) {
    const CsvTable& accounts = dataset->at("bank_accounts.csv");
    for (size_t row = 0; row < accounts.rows.size(); ++row) {
      StatusOr<BankAccount> account = BankAccount::Parse(accounts.Cell(row, "account_no"));
      ASSERT_TRUE(account.ok()) << accounts.Cell(row, "account_no");
      if (account->IsCardLength()) {
        EXPECT_TRUE(account->LuhnValid()) << "bank_accounts.csv row " << row + 2;
      }
    }
    const CsvTable& households = dataset->at("households.csv");
    for (size_t row = 0; row < households.rows.size(); ++row) {
      StatusOr<BankAccount> account = BankAccount::Parse(households.Cell(row, "subsidy_account"));
      ASSERT_TRUE(account.ok());
      if (account->IsCardLength() && !account->LuhnValid()) {
        EXPECT_EQ(dataset, planted_);
        EXPECT_EQ(a03.count(households.Cell(row, "household_id")), 1u)
            << households.Cell(row, "household_id") << " has an invalid card but no A03 warning";
        ++invented;
      }
    }
  }
  EXPECT_EQ(invented, 2);
}

TEST_F(DemoDatasetTest, RegionCodesExistInTheDivisionTable) {
  const std::vector<std::pair<std::string, std::string>> columns = {
      {"organizations.csv", "region_code"},      {"pairings.csv", "helper_region_code"},
      {"pairings.csv", "recipient_region_code"}, {"households.csv", "village_code"},
      {"companies.csv", "region_code"},          {"projects.csv", "region_code"},
      {"projects.csv", "helper_region_code"},    {"allocations.csv", "region_code"},
      {"employment.csv", "region_code"},         {"properties.csv", "region_code"},
  };
  std::set<std::string> wanted;
  for (const Dataset* dataset : Both()) {
    for (const auto& [file, column] : columns) {
      for (const std::string& code : Cells(*dataset, file, column)) wanted.insert(code);
    }
  }
  StatusOr<std::filesystem::path> dir = FindDivisionDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  std::set<std::string> found;
  ASSERT_TRUE(ReadDivisions(*dir, [&](const DivisionRow& row) {
                if (wanted.count(row.code) > 0) found.insert(row.code);
                return Status::Ok();
              }).ok());
  for (const std::string& code : wanted) {
    EXPECT_EQ(found.count(code), 1u) << "region code " << code << " is not in the division table";
  }
  // Villages are 12-digit.
  for (const std::string& code : Cells(*planted_, "households.csv", "village_code")) {
    EXPECT_EQ(code.size(), 12u) << code;
  }
}

// spec/interchange.md, "References between files".
TEST_F(DemoDatasetTest, ReferencesResolve) {
  struct Reference {
    std::string file, column, target_file, target_column;
  };
  const std::vector<Reference> references = {
      {"organizations.csv", "parent_org_id", "organizations.csv", "org_id"},
      {"officials.csv", "org_id", "organizations.csv", "org_id"},
      {"dispatched_cadres.csv", "home_org_id", "organizations.csv", "org_id"},
      {"dispatched_cadres.csv", "host_org_id", "organizations.csv", "org_id"},
      {"integrity_archives.csv", "id_number", "dispatched_cadres.csv", "id_number"},
      {"members.csv", "household_id", "households.csv", "household_id"},
      {"project_beneficiaries.csv", "household_id", "households.csv", "household_id"},
      {"loans.csv", "household_id", "households.csv", "household_id"},
      {"payments.csv", "household_id", "households.csv", "household_id"},
      {"company_officers.csv", "uscc", "companies.csv", "uscc"},
      {"projects.csv", "contractor_uscc", "companies.csv", "uscc"},
      {"contracts.csv", "supplier_uscc", "companies.csv", "uscc"},
      {"subsidy_items.csv", "program_id", "fund_programs.csv", "program_id"},
      {"projects.csv", "program_id", "fund_programs.csv", "program_id"},
      {"allocations.csv", "program_id", "fund_programs.csv", "program_id"},
      {"payments.csv", "program_id", "fund_programs.csv", "program_id"},
      {"project_progress.csv", "project_id", "projects.csv", "project_id"},
      {"project_beneficiaries.csv", "project_id", "projects.csv", "project_id"},
      {"contracts.csv", "project_id", "projects.csv", "project_id"},
      {"allocations.csv", "project_id", "projects.csv", "project_id"},
      {"payments.csv", "project_id", "projects.csv", "project_id"},
      {"payments.csv", "item_id", "subsidy_items.csv", "item_id"},
      {"payments.csv", "payer_org_id", "organizations.csv", "org_id"},
      {"projects.csv", "owner_org_id", "organizations.csv", "org_id"},
  };
  for (const Dataset* dataset : Both()) {
    for (const Reference& ref : references) {
      const std::vector<std::string> targets = Cells(*dataset, ref.target_file, ref.target_column);
      const std::set<std::string> keys(targets.begin(), targets.end());
      for (const std::string& value : Cells(*dataset, ref.file, ref.column)) {
        EXPECT_EQ(keys.count(value), 1u)
            << ref.file << "." << ref.column << " = " << value << " not in " << ref.target_file;
      }
    }
    // Keys are unique.
    for (const auto& [file, column] :
         std::vector<std::pair<std::string, std::string>>{{"organizations.csv", "org_id"},
                                                          {"households.csv", "household_id"},
                                                          {"payments.csv", "payment_id"},
                                                          {"projects.csv", "project_id"},
                                                          {"companies.csv", "uscc"},
                                                          {"bank_accounts.csv", "account_no"},
                                                          {"loans.csv", "loan_id"},
                                                          {"contracts.csv", "contract_id"},
                                                          {"allocations.csv", "allocation_id"},
                                                          {"account_transfers.csv", "transfer_id"},
                                                          {"officials.csv", "id_number"},
                                                          {"dispatched_cadres.csv", "id_number"}}) {
      std::vector<std::string> keys = Cells(*dataset, file, column);
      std::sort(keys.begin(), keys.end());
      EXPECT_EQ(std::adjacent_find(keys.begin(), keys.end()), keys.end()) << file << "." << column;
    }
  }
}

TEST_F(DemoDatasetTest, MoneyDatesAndEnumerationsAreWellFormed) {
  static const std::regex kMoney(R"(-?\d+\.\d\d)");
  static const std::regex kDate(R"(\d{4}-\d\d-\d\d)");
  const std::vector<std::pair<std::string, std::string>> money = {
      {"subsidy_items.csv", "standard_amount"},
      {"projects.csv", "budget"},
      {"contracts.csv", "amount"},
      {"allocations.csv", "amount"},
      {"payments.csv", "amount"},
      {"loans.csv", "amount"},
      {"account_transfers.csv", "amount"},
      {"employment.csv", "subsidy_amount"}};
  const std::map<std::string, std::set<std::string>> enums = {
      {"organizations.csv/kind",
       {"commission", "stationed_group", "rural_revitalization", "finance", "audit",
        "cooperation_office", "inspection_office", "project_owner", "front_command", "township",
        "village_committee", "other"}},
      {"officials.csv/category", {"civil_servant", "public_institution", "village_cadre", "soe"}},
      {"households.csv/status", {"poor", "exited", "monitored", "none"}},
      {"bank_accounts.csv/account_type", {"personal", "corporate"}},
      {"fund_programs.csv/level",
       {"central", "provincial", "city", "county", "east_west", "social"}},
      {"subsidy_items.csv/unit", {"per_person", "per_household"}},
      {"subsidy_items.csv/period_kind", {"monthly", "quarterly", "yearly", "once"}},
      {"company_officers.csv/role",
       {"legal_rep", "shareholder", "director", "supervisor", "manager"}},
      {"kinship.csv/relation", {"spouse", "parent", "child", "sibling", "in_law", "other"}},
      {"employment.csv/kind", {"workshop", "remote_labor", "local_labor", "public_post"}},
      {"vehicles.csv/vehicle_type", {"car", "truck", "farm", "motorcycle"}},
      {"properties.csv/kind", {"residential", "commercial", "industrial", "rural_homestead"}},
      {"projects.csv/procurement_method",
       {"open_tender", "invited_tender", "negotiation", "consultation", "inquiry", "single_source",
        "direct"}},
      {"contracts.csv/procurement_method",
       {"open_tender", "invited_tender", "negotiation", "consultation", "inquiry", "single_source",
        "direct"}},
  };
  const std::set<std::string> categories = {"industry",  "infrastructure", "labor",   "consumption",
                                            "education", "health",         "housing", "relocation",
                                            "subsidy",   "loan_interest",  "admin"};
  for (const Dataset* dataset : Both()) {
    for (const auto& [file, column] : money) {
      for (const std::string& cell : Cells(*dataset, file, column)) {
        EXPECT_TRUE(std::regex_match(cell, kMoney)) << file << "." << column << " " << cell;
        EXPECT_TRUE(Money::Parse(cell).ok()) << cell;
      }
    }
    for (const auto& [file, table] : *dataset) {
      for (size_t c = 0; c < table.header.size(); ++c) {
        const std::string& column = table.header[c];
        const bool is_date = column.find("date") != std::string::npos ||
                             column == "planned_start" || column == "planned_completion" ||
                             column == "planned_acceptance" || column == "actual_start" ||
                             column == "actual_completion" || column == "last_updated" ||
                             column == "start_date" || column == "end_date";
        if (!is_date) continue;
        for (const auto& row : table.rows) {
          if (row[c].empty()) continue;
          EXPECT_TRUE(std::regex_match(row[c], kDate)) << file << "." << column << " " << row[c];
          StatusOr<Date> date = Date::Parse(row[c]);
          ASSERT_TRUE(date.ok()) << row[c];
          // Nothing happens after as-of, except what is planned: end dates, planned dates,
          // and a cadre appointed before as-of to start after it (a D01 near miss).
          const bool planned = column == "end_date" || column.rfind("planned_", 0) == 0 ||
                               (file == "dispatched_cadres.csv" && column == "start_date");
          if (!planned) {
            EXPECT_LE(*date, DefaultAsOf()) << file << "." << column << " is after as-of";
          }
        }
      }
    }
    for (const auto& [key, values] : enums) {
      const std::string file = key.substr(0, key.find('/'));
      const std::string column = key.substr(key.find('/') + 1);
      for (const std::string& cell : Cells(*dataset, file, column)) {
        EXPECT_EQ(values.count(cell), 1u) << key << " " << cell;
      }
    }
    for (const std::string& cell : Cells(*dataset, "projects.csv", "category")) {
      EXPECT_EQ(categories.count(cell), 1u) << cell;
    }
    for (const std::string& cell : Cells(*dataset, "payments.csv", "purpose_category")) {
      EXPECT_EQ(categories.count(cell), 1u) << cell;
    }
    for (const std::string& list : Cells(*dataset, "fund_programs.csv", "allowed_categories")) {
      std::stringstream parts(list);
      for (std::string part; std::getline(parts, part, ';');) {
        EXPECT_EQ(categories.count(part), 1u) << list;
      }
    }
    // Periods match their item's period kind.
    const CsvTable& payments = dataset->at("payments.csv");
    std::map<std::string, std::string> kind_of;
    const CsvTable& items = dataset->at("subsidy_items.csv");
    for (size_t row = 0; row < items.rows.size(); ++row) {
      kind_of[items.Cell(row, "item_id")] = items.Cell(row, "period_kind");
    }
    for (size_t row = 0; row < payments.rows.size(); ++row) {
      const std::string& item = payments.Cell(row, "item_id");
      const std::string& period = payments.Cell(row, "period");
      if (item.empty()) continue;
      const std::string& kind = kind_of[item];
      if (kind == "once") {
        EXPECT_TRUE(period.empty()) << period;
        continue;
      }
      StatusOr<Period> parsed = Period::Parse(period);
      ASSERT_TRUE(parsed.ok()) << period;
      const Period::Kind want = kind == "monthly"     ? Period::Kind::kMonth
                                : kind == "quarterly" ? Period::Kind::kQuarter
                                                      : Period::Kind::kYear;
      EXPECT_EQ(parsed->kind(), want) << item << " " << period;
    }
  }
}

TEST_F(DemoDatasetTest, ManifestCoversEveryDataRule) {
  bool sorted_unique = false;
  const std::set<Warning> expected =
      ReadManifest(*planted_dir_ / "expected_warnings.jsonl", &sorted_unique);
  EXPECT_TRUE(sorted_unique) << "expected_warnings.jsonl must be sorted by rule, subject_id";
  const std::set<Warning> near = ReadManifest(*planted_dir_ / "near_misses.jsonl", nullptr);
  std::map<std::string, int> per_rule, near_per_rule;
  for (const auto& w : expected) ++per_rule[std::get<0>(w)];
  for (const auto& w : near) ++near_per_rule[std::get<0>(w)];
  for (std::string_view rule : kDataRules) {
    EXPECT_GE(per_rule[std::string(rule)], 1) << rule << " has no planted case";
    EXPECT_GE(near_per_rule[std::string(rule)], 1) << rule << " has no near miss";
  }
  EXPECT_EQ(per_rule.size(), std::size(kDataRules));
  // Subjects exist in the data.
  const std::map<std::string, std::pair<std::string, std::string>> where = {
      {"household", {"households.csv", "household_id"}},
      {"payment", {"payments.csv", "payment_id"}},
      {"project", {"projects.csv", "project_id"}},
      {"company", {"companies.csv", "uscc"}},
      {"loan", {"loans.csv", "loan_id"}},
      {"bank_account", {"bank_accounts.csv", "account_no"}},
  };
  std::set<std::string> people;
  for (const auto& [file, column] :
       std::vector<std::pair<std::string, std::string>>{{"members.csv", "id_number"},
                                                        {"dispatched_cadres.csv", "id_number"},
                                                        {"employment.csv", "id_number"}}) {
    for (const std::string& id : Cells(*planted_, file, column)) people.insert(id);
  }
  for (const std::set<Warning>* list : {&expected, &near}) {
    for (const auto& [rule, type, id] : *list) {
      if (type == "person") {
        EXPECT_EQ(people.count(id), 1u) << rule << " person " << id;
        continue;
      }
      ASSERT_EQ(where.count(type), 1u) << "unknown subject type " << type;
      const std::vector<std::string> keys =
          Cells(*planted_, where.at(type).first, where.at(type).second);
      EXPECT_NE(std::find(keys.begin(), keys.end(), id), keys.end())
          << rule << " " << type << " " << id;
    }
  }
  // Without anomalies the manifests are empty.
  EXPECT_TRUE(testing::ReadLines(*clean_dir_ / "expected_warnings.jsonl").empty());
  EXPECT_TRUE(testing::ReadLines(*clean_dir_ / "near_misses.jsonl").empty());
}

std::string Describe(const std::set<Warning>& warnings, size_t limit = 20) {
  std::string text;
  size_t n = 0;
  for (const auto& [rule, type, id] : warnings) {
    if (n++ == limit) {
      text += "  …\n";
      break;
    }
    text += "  " + rule + " " + type + " " + id + "\n";
  }
  return text;
}

// The planted dataset raises exactly the manifest, under either reading of the open points.
TEST_F(DemoDatasetTest, OracleRaisesExactlyTheExpectedWarnings) {
  const std::set<Warning> expected =
      ReadManifest(*planted_dir_ / "expected_warnings.jsonl", nullptr);
  const std::set<Warning> near = ReadManifest(*planted_dir_ / "near_misses.jsonl", nullptr);
  for (bool alternative : {false, true}) {
    const std::set<Warning> found = testing::RunRules(*planted_, DefaultAsOf(), {alternative});
    std::set<Warning> missing, extra;
    std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                        std::inserter(missing, missing.end()));
    std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(),
                        std::inserter(extra, extra.end()));
    EXPECT_TRUE(missing.empty()) << (alternative ? "[alternative reading] " : "")
                                 << "planted but not raised:\n"
                                 << Describe(missing);
    EXPECT_TRUE(extra.empty()) << (alternative ? "[alternative reading] " : "")
                               << "raised but not in the manifest:\n"
                               << Describe(extra);
    for (const Warning& w : near) {
      EXPECT_EQ(found.count(w), 0u)
          << "near miss fired: " << std::get<0>(w) << " " << std::get<2>(w);
    }
  }
}

// The clean background raises nothing.
TEST_F(DemoDatasetTest, CleanDatasetRaisesNothing) {
  for (bool alternative : {false, true}) {
    const std::set<Warning> found = testing::RunRules(*clean_, DefaultAsOf(), {alternative});
    EXPECT_TRUE(found.empty()) << found.size() << " warnings on clean data"
                               << (alternative ? " [alternative reading]" : "") << ":\n"
                               << Describe(found);
  }
}

}  // namespace
}  // namespace sunlight::demo

namespace sunlight::demo {
namespace {

// The promises hold for other seeds and other as-of dates too (calendars shift: a month
// whose pay day has not come, a quarter just begun). SUNLIGHT_DEMO_SWEEP=N runs N more
// seeds, for a longer check by hand (SUNLIGHT_DEMO_SWEEP_HOUSEHOLDS=M: of M households).
TEST(DemoDataSweepTest, OtherSeedsAndDatesKeepTheirPromises) {
  struct Run {
    uint64_t seed;
    int64_t households;
    bool anomalies;
    Date as_of;
  };
  std::vector<Run> runs = {
      {2, 150, true, Date::FromYmd(2024, 3, 10).value()},
      {3, 1500, false, Date::FromYmd(2025, 1, 14).value()},
      {4, 150, true, Date::FromYmd(2020, 6, 30).value()},
  };
  if (const char* sweep = std::getenv("SUNLIGHT_DEMO_SWEEP")) {
    const int extra = std::atoi(sweep);
    for (int i = 0; i < extra; ++i) {
      const Date as_of = Date::FromYmd(2019, 1, 1).value().AddDays(97 * i % 2400);
      const char* size = std::getenv("SUNLIGHT_DEMO_SWEEP_HOUSEHOLDS");
      const int64_t households = size != nullptr ? std::atoll(size) : (i % 2 == 0 ? 200 : 1200);
      runs.push_back({static_cast<uint64_t>(100 + i), households, i % 2 == 0, as_of});
    }
  }
  for (const Run& run : runs) {
    SCOPED_TRACE("seed " + std::to_string(run.seed) + " as-of " + run.as_of.ToString());
    const auto dir = TempDir("sweep_" + std::to_string(run.seed));
    std::filesystem::remove_all(dir);
    DemoOptions options;
    options.households = run.households;
    options.seed = run.seed;
    options.anomalies = run.anomalies;
    options.as_of = run.as_of;
    options.out_dir = dir;
    StatusOr<DemoSummary> summary = GenerateDemoDataset(options);
    ASSERT_TRUE(summary.ok()) << summary.status();
    StatusOr<Dataset> dataset = testing::ReadDataset(dir);
    ASSERT_TRUE(dataset.ok()) << dataset.status();
    const std::set<Warning> expected = ReadManifest(dir / "expected_warnings.jsonl", nullptr);
    for (bool alternative : {false, true}) {
      const std::set<Warning> found = testing::RunRules(*dataset, run.as_of, {alternative});
      std::set<Warning> missing, extra;
      std::set_difference(expected.begin(), expected.end(), found.begin(), found.end(),
                          std::inserter(missing, missing.end()));
      std::set_difference(found.begin(), found.end(), expected.begin(), expected.end(),
                          std::inserter(extra, extra.end()));
      EXPECT_TRUE(missing.empty()) << "planted but not raised:\n" << Describe(missing);
      EXPECT_TRUE(extra.empty()) << "raised but not expected:\n" << Describe(extra);
    }
    std::filesystem::remove_all(dir);
  }
}

}  // namespace
}  // namespace sunlight::demo
