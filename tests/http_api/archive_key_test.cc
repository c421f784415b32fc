// The integrity archives list masks each cadre's ID number but gives every row a "key" that
// the detail and entry routes accept, so that a row opens without the full number; the full
// number keeps working, jurisdiction holds for keys too, and an unknown key is 404.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

class ArchiveKeyTest : public ApiTest {
 protected:
  std::vector<std::string> Column(const std::string& sql) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(sql);
    EXPECT_TRUE(rs.ok()) << rs.status();
    std::vector<std::string> out;
    if (rs.ok()) {
      for (store::Row row : *rs) out.push_back(row[0].AsText());
    }
    return out;
  }
  // The list row of the cadre with this masked number, as `client` sees the list.
  nlohmann::json RowOf(ApiClient& client, const std::string& masked) {
    HttpResponse list = client.Get("/api/v1/archives?page_size=200");
    EXPECT_EQ(list.result_int(), 200) << list.body();
    const nlohmann::json body = JsonOf(list);
    for (const nlohmann::json& row : body["items"]) {
      if (row["id_number"] == masked) return row;
    }
    ADD_FAILURE() << "no row for " << masked;
    return nlohmann::json::object();
  }
  static std::string Masked(const std::string& id) {
    return id.substr(0, 6) + std::string(id.size() - 10, '*') + id.substr(id.size() - 4);
  }
};

TEST_F(ArchiveKeyTest, EveryRowHasAKeyThatOpensItsArchive) {
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse list = bj.Get("/api/v1/archives?page_size=200");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  const nlohmann::json items = JsonOf(list)["items"];
  ASSERT_GT(items.size(), 1u);
  std::set<std::string> keys;
  for (const nlohmann::json& row : items) {
    const std::string key = row["key"].get<std::string>();
    EXPECT_EQ(key.size(), 33u);
    keys.insert(key);
  }
  EXPECT_EQ(keys.size(), items.size()) << "one key per archive";
  // Each of the first rows opens, by its key, the archive the row describes.
  for (std::size_t i = 0; i < std::min<std::size_t>(items.size(), 5); ++i) {
    const nlohmann::json& row = items[i];
    HttpResponse detail = bj.Get("/api/v1/archives/" + row["key"].get<std::string>());
    ASSERT_EQ(detail.result_int(), 200) << detail.body();
    EXPECT_EQ(JsonOf(detail)["id_number"], row["id_number"]);
    EXPECT_EQ(JsonOf(detail)["name"], row["name"]);
    EXPECT_EQ(JsonOf(detail)["key"], row["key"]);
  }
}

TEST_F(ArchiveKeyTest, FullIdNumberStillOpensAndGivesTheSameKey) {
  const std::vector<std::string> ids = Column(
      "SELECT d.id_number FROM dispatched_cadres d JOIN organizations h ON h.org_id = "
      "d.host_org_id WHERE h.region_code LIKE '5205%' ORDER BY d.id_number LIMIT 1");
  ASSERT_EQ(ids.size(), 1u);
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse by_number = bj.Get("/api/v1/archives/" + ids[0]);
  ASSERT_EQ(by_number.result_int(), 200) << by_number.body();
  const nlohmann::json row = RowOf(bj, Masked(ids[0]));
  EXPECT_EQ(JsonOf(by_number)["key"], row["key"]);
  EXPECT_EQ(row.dump().find(ids[0]), std::string::npos) << "the list never shows the number";
  EXPECT_EQ(by_number.body().find(ids[0]), std::string::npos);

  // Entries can be added through the key, and land in the cadre's archive.
  HttpResponse added = bj.Post(
      "/api/v1/archives/" + row["key"].get<std::string>() + "/entries",
      {{"kind", "talk"}, {"entry_on", "2021-12-20"}, {"title", "任职廉政谈话"}, {"content", ""}});
  ASSERT_EQ(added.result_int(), 201) << added.body();
  EXPECT_EQ(
      Column("SELECT title FROM integrity_archive_entries WHERE id_number = '" + ids[0] + "'"),
      std::vector<std::string>{"任职廉政谈话"});
}

TEST_F(ArchiveKeyTest, UnknownKeyIs404AndKeysObeyJurisdiction) {
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse unknown = bj.Get("/api/v1/archives/k" + std::string(32, '0'));
  EXPECT_EQ(unknown.result_int(), 404);
  EXPECT_EQ(JsonOf(unknown)["error"]["code"], "archive_not_found");

  // A cadre none of whose postings touches 大方县 (520521): its key does not open it there.
  const std::vector<std::string> far = Column(
      "SELECT d.id_number FROM dispatched_cadres d "
      "JOIN organizations h ON h.org_id = d.host_org_id "
      "JOIN organizations o ON o.org_id = d.home_org_id "
      "WHERE h.region_code LIKE '5205%' AND d.id_number NOT IN ("
      "  SELECT d2.id_number FROM dispatched_cadres d2 "
      "  JOIN organizations h2 ON h2.org_id = d2.host_org_id "
      "  JOIN organizations o2 ON o2.org_id = d2.home_org_id "
      "  WHERE h2.region_code LIKE '520521%' OR o2.region_code LIKE '520521%') "
      "ORDER BY d.id_number LIMIT 1");
  ASSERT_EQ(far.size(), 1u);
  const std::string key = RowOf(bj, Masked(far[0]))["key"].get<std::string>();
  ApiClient dafang = LoginAs("dafang_ny");
  HttpResponse outside = dafang.Get("/api/v1/archives/" + key);
  EXPECT_EQ(outside.result_int(), 403) << outside.body();
  EXPECT_EQ(JsonOf(outside)["error"]["code"], "outside_jurisdiction");
}

}  // namespace
}  // namespace sunlight::http::testing
