// RegionIndex on the division fixture: agrees with the table, resolves padded
// codes, and serves concurrent readers.
#include "store/region_index.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "region_test_util.h"
#include "store/region_table.h"

namespace sunlight::store {
namespace {

class RegionIndexTest : public testing::FixtureRegions {
 protected:
  void SetUp() override {
    FixtureRegions::SetUp();
    StatusOr<RegionIndex> index = RegionIndex::Load(*conn_);
    ASSERT_TRUE(index.ok()) << index.status();
    index_ = std::make_unique<RegionIndex>(std::move(index).value());
  }

  std::vector<std::string> AllCodes() {
    std::vector<std::string> codes;
    StatusOr<ResultSet> rs = conn_->Query("SELECT code FROM regions ORDER BY code");
    EXPECT_TRUE(rs.ok());
    for (Row row : *rs) codes.push_back(row[0].text());
    return codes;
  }

  std::unique_ptr<RegionIndex> index_;
};

TEST_P(RegionIndexTest, HoldsEveryRow) {
  EXPECT_EQ(index_->size(), 31u);
  EXPECT_EQ(index_->CountAtLevel(1), 3u);
  EXPECT_EQ(index_->CountAtLevel(5), 11u);
  EXPECT_EQ(index_->CountAtLevel(6), 0u);
}

TEST_P(RegionIndexTest, AgreesWithTheTableOnEveryCode) {
  std::vector<std::string> codes = AllCodes();
  ASSERT_EQ(codes.size(), 31u);
  for (const std::string& code : codes) {
    StatusOr<Region> from_table = FindRegion(*conn_, code);
    ASSERT_TRUE(from_table.ok());
    EXPECT_TRUE(index_->Contains(code)) << code;
    std::optional<Region> found = index_->Find(code);
    ASSERT_TRUE(found.has_value()) << code;
    EXPECT_EQ(*found, *from_table) << code;
    // The padded 12-digit form resolves back to the same region.
    std::string padded = code + std::string(12 - code.size(), '0');
    StatusOr<Region> resolved = index_->Resolve(padded);
    ASSERT_TRUE(resolved.ok()) << padded << ": " << resolved.status();
    EXPECT_EQ(*resolved, *from_table) << padded;
  }
}

TEST_P(RegionIndexTest, ContainsIsExact) {
  EXPECT_TRUE(index_->Contains("520521"));
  EXPECT_FALSE(index_->Contains("520521000000"));  // only Resolve canonicalises
  EXPECT_FALSE(index_->Contains("520522"));
  EXPECT_FALSE(index_->Contains("5205x1"));
  EXPECT_FALSE(index_->Contains(""));
  EXPECT_FALSE(index_->Contains("1234567"));
  EXPECT_FALSE(index_->Find("520522").has_value());
}

TEST_P(RegionIndexTest, ResolveReportsWhy) {
  StatusOr<Region> village = index_->Resolve("440106001002");
  ASSERT_TRUE(village.ok());
  EXPECT_EQ(village->name, "茶山社区居委会");
  EXPECT_EQ(village->parent_code, "440106001");
  EXPECT_EQ(village->level, 5);
  EXPECT_EQ(index_->Resolve("520521101099").status().reason(), "region_not_found");
  EXPECT_EQ(index_->Resolve("5205211").status().reason(), "region_length");
  EXPECT_EQ(index_->Resolve("5205２1").status().code(), StatusCode::kInvalidArgument);
}

TEST_P(RegionIndexTest, ConcurrentReadersNeedNoLock) {
  std::vector<std::string> codes = AllCodes();
  std::atomic<int> mismatches{0};
  std::vector<std::thread> readers;
  for (int thread_idx = 0; thread_idx < 4; ++thread_idx) {
    readers.emplace_back([&] {
      for (int round = 0; round < 200; ++round) {
        for (const std::string& code : codes) {
          StatusOr<Region> region = index_->Resolve(code);
          if (!region.ok() || region->code != code) ++mismatches;
        }
      }
    });
  }
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(mismatches.load(), 0);
}

class RegionIndexEmptyTest : public sunlight::testing::EngineTest {};

TEST_P(RegionIndexEmptyTest, AnEmptyTableGivesAnEmptyIndex) {
  auto db = Open();
  ASSERT_NE(db, nullptr);
  auto conn = testing::ConnectOrDie(*db);
  StatusOr<RegionIndex> index = RegionIndex::Load(*conn);
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->size(), 0u);
  EXPECT_FALSE(index->Contains("52"));
  EXPECT_EQ(index->Resolve("52").status().code(), StatusCode::kNotFound);
}

INSTANTIATE_ENGINE_TEST_SUITE(RegionIndexTest);
INSTANTIATE_ENGINE_TEST_SUITE(RegionIndexEmptyTest);

}  // namespace
}  // namespace sunlight::store
