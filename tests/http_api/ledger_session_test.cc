// The ledger routes behind the real session layer (RegisterApiRoutes, demo accounts): a
// county user sees its county only, and a household of another county is 403.
#include <gtest/gtest.h>

#include <string>

#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

class LedgerSessionTest : public ApiTest {};

TEST_F(LedgerSessionTest, CountyUserSeesItsCountyOnly) {
  ApiClient county = LoginAs("dafang_ny");
  HttpResponse list = county.Get("/api/v1/households?page_size=200");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  const nlohmann::json body = JsonOf(list);
  ASSERT_GT(body["total"].get<int64_t>(), 0);
  for (const auto& item : body["items"]) {
    EXPECT_EQ(item["village_code"].get<std::string>().substr(0, 6), "520521");
  }
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  auto other = (*conn)->Query(
      "SELECT household_id FROM households WHERE village_code NOT LIKE '520521%' "
      "ORDER BY household_id LIMIT 1");
  ASSERT_TRUE(other.ok() && !other->empty());
  HttpResponse denied = county.Get("/api/v1/households/" + other->at(0, 0).AsText());
  EXPECT_EQ(denied.result_int(), 403) << denied.body();
  EXPECT_EQ(Client().Get("/api/v1/warnings").result_int(), 401);
}

}  // namespace
}  // namespace sunlight::http::testing
