// A fresh database (all migrations) on the engine SUNLIGHT_TEST_ENGINE names in a temporary folder,
// with a few ledger orgs, for the access tests.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "support/test_engines.h"

namespace sunlight::access::testing {

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("sunlight-access-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class AccessDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto database = sunlight::testing::TestDatabase::FromEnvironment();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = std::move(database).value();
    auto db = store::Database::Open(database_->url());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(db).value();
    auto conn = db_->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    conn_ = std::move(conn).value();
    for (auto [id, name, region] : {std::tuple{"520521-JW", "大方县纪委监委", "520521"},
                                    std::tuple{"520581-JW", "黔西市纪委监委", "520581"},
                                    std::tuple{"4401-JW", "广州市纪委监委", "4401"},
                                    std::tuple{"5205-JW", "毕节市纪委监委", "5205"}}) {
      ASSERT_TRUE(conn_
                      ->Execute("INSERT INTO organizations(org_id, name, kind, region_code, "
                                "batch_id) VALUES (?, ?, 'commission', ?, 1)",
                                {id, name, region})
                      .ok());
    }
  }
  void TearDown() override {
    conn_.reset();
    db_.reset();
  }

  TempDir dir_;
  std::unique_ptr<sunlight::testing::TestDatabase> database_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::Connection> conn_;
};

}  // namespace sunlight::access::testing
