// /api/v1/warnings on the scanned demo dataset: list totals by scope and filter, the detail
// with every evidence id resolved into the rows it names, and the subject masked.
#include <gtest/gtest.h>

#include <string>

#include "api_support/ledger_test_env.h"

namespace sunlight::http::ledger_testing {
namespace {

const std::string kEverywhere = "1,2,3,4,5,6,7,8,9";

class WarningsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = LedgerWorld::Get();
    ASSERT_NE(world_, nullptr);
    ASSERT_GT(world_->Count("SELECT COUNT(*) FROM warnings"), 10) << "the scan raised nothing";
  }
  LedgerWorld* world_ = nullptr;
};

TEST_F(WarningsApiTest, EveryEvidenceIdResolvesToExistingRows) {
  int resolved = 0;
  for (const std::string& id : world_->Column("SELECT id FROM warnings ORDER BY id")) {
    HttpResult got = world_->Fetch("/api/v1/warnings/" + id, kEverywhere);
    ASSERT_EQ(got.status, 200) << got.body;
    ASSERT_TRUE(got.json["evidence"].is_object()) << got.body;
    EXPECT_FALSE(got.json["evidence"].empty()) << got.body;
    for (const auto& [kind, entries] : got.json["evidence"].items()) {
      ASSERT_TRUE(entries.is_array());
      for (const auto& entry : entries) {
        EXPECT_FALSE(entry["rows"].empty()) << "warning " << id << " " << got.json["rule"] << ": "
                                            << kind << " " << entry["id"] << " names no row";
        ++resolved;
      }
    }
    EXPECT_TRUE(world_->UnmaskedNumbers(got.body).empty()) << got.body.substr(0, 400);
    EXPECT_TRUE(got.json["rule_name"].is_string());
  }
  EXPECT_GT(resolved, 10);
}

TEST_F(WarningsApiTest, PersonalEvidenceIdsAndSubjectsAreMasked) {
  const std::vector<std::string> a01 =
      world_->Column("SELECT id FROM warnings WHERE rule = 'A01' ORDER BY id");
  ASSERT_FALSE(a01.empty());
  const std::string account =
      world_->Column("SELECT subject_id FROM warnings WHERE id = ?", {a01[0]})[0];
  HttpResult got = world_->Fetch("/api/v1/warnings/" + a01[0], kEverywhere);
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body.find(account), std::string::npos);
  EXPECT_NE(got.json["subject_id"].get<std::string>().find('*'), std::string::npos);
  HttpResult list = world_->Fetch("/api/v1/warnings?rule=A01&page_size=200", kEverywhere);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(account), std::string::npos);
}

TEST_F(WarningsApiTest, ListFiltersAndScope) {
  HttpResult all = world_->Fetch("/api/v1/warnings", kEverywhere);
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.json["total"], world_->Count("SELECT COUNT(*) FROM warnings"));
  HttpResult county = world_->Fetch("/api/v1/warnings?page_size=200", "520521");
  EXPECT_EQ(county.json["total"],
            world_->Count("SELECT COUNT(*) FROM warnings WHERE region_code LIKE '520521%'"));
  for (const auto& w : county.json["items"]) {
    EXPECT_EQ(w["region_code"].get<std::string>().substr(0, 6), "520521");
  }
  HttpResult high = world_->Fetch("/api/v1/warnings?severity=high&rule=A06", kEverywhere);
  ASSERT_EQ(high.status, 200);
  EXPECT_EQ(high.json["total"], world_->Count("SELECT COUNT(*) FROM warnings WHERE rule = 'A06' "
                                              "AND severity = 'high'"));
  HttpResult open = world_->Fetch("/api/v1/warnings?state=new", kEverywhere);
  EXPECT_EQ(open.json["total"], world_->Count("SELECT COUNT(*) FROM warnings WHERE state = 'new'"));
  HttpResult by_severity =
      world_->Fetch("/api/v1/warnings?sort=severity&order=desc&page_size=200", kEverywhere);
  ASSERT_EQ(by_severity.status, 200);
  EXPECT_EQ(by_severity.json["items"][0]["severity"], "high");
  EXPECT_EQ(world_->Fetch("/api/v1/warnings?severity=urgent", kEverywhere).status, 400);
}

TEST_F(WarningsApiTest, OneWarningOutsideTheScopeIs403) {
  const std::vector<std::string> outside =
      world_->Column("SELECT id FROM warnings WHERE region_code NOT LIKE '520521%' ORDER BY id");
  ASSERT_FALSE(outside.empty());
  HttpResult got = world_->Fetch("/api/v1/warnings/" + outside[0], "520521");
  EXPECT_EQ(got.status, 403);
  EXPECT_EQ(got.json["error"]["code"], "outside_jurisdiction");
  EXPECT_EQ(world_->Fetch("/api/v1/warnings/99999999", "520521").status, 404);
  EXPECT_EQ(world_->Fetch("/api/v1/warnings/abc", "520521").status, 404);
}

}  // namespace
}  // namespace sunlight::http::ledger_testing
