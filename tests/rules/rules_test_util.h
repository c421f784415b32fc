// Shared by the rules tests: a SQLite database in a temporary folder, helpers to insert
// ledger rows, and the differential check "kernel == SQL" that names the rule and the rows.
#pragma once

#include <gtest/gtest.h>

#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.h"
#include "rules/snapshot.h"
#include "store/database.h"
#include "support/test_engines.h"

namespace sunlight::rules::testing {

// A fresh folder under the system temp dir, removed with its contents at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "rules_test_XXXXXX").string();
    path_ = mkdtemp(pattern.data()) != nullptr ? std::filesystem::path(pattern) : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::string Describe(const std::vector<Warning>& warnings) {
  std::string out;
  for (const Warning& w : warnings) out += "  " + DebugString(w) + "\n";
  return out.empty() ? "  (none)\n" : out;
}

inline std::set<std::string> Subjects(const std::vector<Warning>& warnings) {
  std::set<std::string> out;
  for (const Warning& w : warnings) out.insert(w.subject_id);
  return out;
}

// Runs `rule` both ways; fails naming the rule and both results when they differ.
inline std::vector<Warning> RunBothWays(const Rule& rule, store::Connection& conn, Date as_of) {
  StatusOr<Snapshot> snap = LoadSnapshot(conn);
  EXPECT_TRUE(snap.ok()) << snap.status();
  if (!snap.ok()) return {};
  std::vector<Warning> kernel = RunKernel(rule, *snap, as_of);
  StatusOr<std::vector<Warning>> sql = RunSql(rule, conn, as_of);
  EXPECT_TRUE(sql.ok()) << rule.code << ": " << sql.status();
  if (!sql.ok()) return kernel;
  EXPECT_EQ(kernel, *sql) << "rule " << rule.code << ": kernel and SQL differ\nkernel:\n"
                          << Describe(kernel) << "sql:\n"
                          << Describe(*sql);
  return kernel;
}

class RulesDbTest : public ::testing::Test {
 protected:
  // On the engine SUNLIGHT_TEST_ENGINE names: ctest runs these cases on SQLite and again on a
  // fresh PostgreSQL database (tests/support), so the reference SQL's near misses hold on both.
  void SetUp() override {
    StatusOr<std::unique_ptr<sunlight::testing::TestDatabase>> database =
        sunlight::testing::TestDatabase::FromEnvironment();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(database).value();
    const std::string url = database_->url();
    StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(url);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(db).value();
    StatusOr<std::unique_ptr<store::Connection>> conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(conn).value();
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
  }
  // Inserts one row; batch_id is filled in. Public for helpers outside the fixture.
 public:
  void Insert(const std::string& table, const std::string& columns,
              const std::vector<store::Value>& values) {
    std::string marks;
    for (size_t idx = 0; idx < values.size(); ++idx) marks += "?, ";
    Status s = conn_->Execute(
        "INSERT INTO " + table + "(" + columns + ", batch_id) VALUES (" + marks + "1)", values);
    ASSERT_TRUE(s.ok()) << table << ": " << s;
  }
  void Household(const std::string& id, const std::string& village, const std::string& account,
                 const std::string& status = "poor") {
    Insert("households", "household_id, village_code, head_id_number, status, subsidy_account",
           {id, village, "H" + id, status, account});
  }
  void Member(const std::string& id_number, const std::string& household) {
    Insert("members", "id_number, name, household_id", {id_number, "张三", household});
  }
  void Org(const std::string& id, const std::string& region) {
    Insert("organizations", "org_id, name, kind, region_code",
           {id, "机构" + id, "government", region});
  }
  void Item(const std::string& id, int64_t standard_fen, const std::string& unit) {
    Insert("subsidy_items", "item_id, program_id, name, standard_amount, unit, period_kind",
           {id, "P1", "补贴" + id, standard_fen, unit, "month"});
  }
  // A subsidy payment; empty strings are stored as NULL.
  void Payment(const std::string& id, const std::string& item, const std::string& period,
               const std::string& payee_id, const std::string& account, int64_t amount_fen,
               const std::string& pay_date, const std::string& household) {
    auto opt = [](const std::string& text) -> store::Value {
      return text.empty() ? store::Value() : store::Value(text);
    };
    Insert("payments",
           "payment_id, program_id, item_id, period, payer_org_id, payee_name, payee_id, "
           "payee_account, amount, pay_date, purpose_category, household_id",
           {id, "P1", opt(item), opt(period), "ORG1", "张三", opt(payee_id), account, amount_fen,
            pay_date, "subsidy", opt(household)});
  }

  TempDir dir_;
  std::unique_ptr<sunlight::testing::TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

}  // namespace sunlight::rules::testing
