// /api/v1/shares over a real server: a share widens the receiving commission's jurisdiction
// at once, a DELETE narrows it again; a commission shares only inside its own region and only
// with an org of a paired region; administrators manage every share; CSRF and roles checked.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api_support/api_test_fixture.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class SharesApiTest : public ApiTest {
 protected:
  std::string Scalar(const std::string& sql, std::vector<store::Value> params = {}) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(sql, params);
    EXPECT_TRUE(rs.ok()) << rs.status().message();
    return rs->empty() ? "" : rs->at(0, 0).AsText();
  }
  // A household of 大方县 (520521) and one of another 毕节 county.
  std::string DafangHousehold() {
    return Scalar(
        "SELECT household_id FROM households WHERE village_code LIKE '520521%' "
        "ORDER BY household_id LIMIT 1");
  }
  std::string OtherBijieHousehold() {
    return Scalar(
        "SELECT household_id FROM households WHERE village_code LIKE '5205%' AND village_code "
        "NOT LIKE '520521%' ORDER BY household_id LIMIT 1");
  }
  // The id of the demo share (毕节 → 广州, all of 5205).
  int64_t DemoShareId(ApiClient& admin) {
    HttpResponse list = admin.Get("/api/v1/shares");
    EXPECT_EQ(list.result_int(), 200) << list.body();
    const nlohmann::json page = JsonOf(list);  // kept alive: the loop reads into it
    for (const nlohmann::json& share : page["items"]) {
      if (share["from_org_id"] == "5205-JW" && share["to_org_id"] == "4401-JW" &&
          share["region_prefix"] == "5205") {
        return share["id"].get<int64_t>();
      }
    }
    ADD_FAILURE() << "no demo share in " << list.body();
    return 0;
  }
  // Successful changes audited under `action` by `login`.
  int64_t AuditCount(const std::string& action, const std::string& login) {
    return std::stoll(
        Scalar("SELECT COUNT(*) FROM audit_log WHERE action = ? AND login = ? AND outcome = 'ok'",
               {action, login}));
  }
};

TEST_F(SharesApiTest, ShareAndRevokeChangeWhatTheReceiverReads) {
  const std::string dafang = DafangHousehold();
  const std::string other = OtherBijieHousehold();
  ASSERT_FALSE(dafang.empty());
  ASSERT_FALSE(other.empty());
  ApiClient gz = LoginAs("gz_jw");
  ApiClient secadmin = LoginAs("secadmin");
  ApiClient bj = LoginAs("bj_jw");
  // The demo share lets 广州 read 毕节.
  ASSERT_EQ(gz.Get("/api/v1/households/" + dafang).result_int(), 200);

  // The security administrator withdraws it: 403 at once (the scope is read per request).
  const int64_t demo = DemoShareId(secadmin);
  HttpResponse removed = secadmin.Delete("/api/v1/shares/" + std::to_string(demo));
  ASSERT_EQ(removed.result_int(), 200) << removed.body();
  HttpResponse denied = gz.Get("/api/v1/households/" + dafang);
  EXPECT_EQ(denied.result_int(), 403);
  EXPECT_EQ(ErrorCode(denied), "outside_jurisdiction");
  EXPECT_EQ(secadmin.Delete("/api/v1/shares/" + std::to_string(demo)).result_int(), 404);

  // 毕节's commission shares only 大方县 back.
  HttpResponse added =
      bj.Post("/api/v1/shares", {{"to_org_id", "4401-JW"}, {"region_prefix", "520521000000"}});
  ASSERT_EQ(added.result_int(), 201) << added.body();
  nlohmann::json share = JsonOf(added);
  EXPECT_EQ(share["from_org_id"], "5205-JW");
  EXPECT_EQ(share["to_org_id"], "4401-JW");
  EXPECT_EQ(share["region_prefix"], "520521");  // normalised
  EXPECT_EQ(share["created_by"], "bj_jw");
  EXPECT_EQ(gz.Get("/api/v1/households/" + dafang).result_int(), 200);
  EXPECT_EQ(gz.Get("/api/v1/households/" + other).result_int(), 403);
  // Granting again changes nothing.
  HttpResponse again =
      bj.Post("/api/v1/shares", {{"to_org_id", "4401-JW"}, {"region_prefix", "520521"}});
  EXPECT_EQ(again.result_int(), 200);
  EXPECT_EQ(JsonOf(again)["id"], share["id"]);

  // Both sides see the share in their list; the receiver cannot revoke it, the grantor can.
  HttpResponse gz_list = gz.Get("/api/v1/shares");
  ASSERT_EQ(gz_list.result_int(), 200);
  EXPECT_EQ(JsonOf(gz_list)["total"], 1);
  const std::string path = "/api/v1/shares/" + std::to_string(share["id"].get<int64_t>());
  HttpResponse not_theirs = gz.Delete(path);
  EXPECT_EQ(not_theirs.result_int(), 403);
  EXPECT_EQ(ErrorCode(not_theirs), "not_own_share");
  EXPECT_EQ(gz.Get("/api/v1/households/" + dafang).result_int(), 200);
  ASSERT_EQ(bj.Delete(path).result_int(), 200);
  EXPECT_EQ(gz.Get("/api/v1/households/" + dafang).result_int(), 403);

  EXPECT_EQ(AuditCount("share.add", "bj_jw"), 1);
  EXPECT_EQ(AuditCount("share.delete", "bj_jw"), 1);
  EXPECT_EQ(AuditCount("share.delete", "secadmin"), 1);
}

TEST_F(SharesApiTest, ACommissionSharesOnlyItsOwnRegionWithAPairedOrg) {
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse foreign =
      bj.Post("/api/v1/shares", {{"to_org_id", "4401-JW"}, {"region_prefix", "4401"}});
  EXPECT_EQ(foreign.result_int(), 403);
  EXPECT_EQ(ErrorCode(foreign), "outside_jurisdiction");
  HttpResponse as_other =
      bj.Post("/api/v1/shares",
              {{"from_org_id", "4401-JW"}, {"to_org_id", "4401-JW"}, {"region_prefix", "4401"}});
  EXPECT_EQ(as_other.result_int(), 403);
  EXPECT_EQ(ErrorCode(as_other), "not_own_org");
  // 5227 (黔南) is paired with 广州, not with 毕节: 毕节 may not share with its commission.
  HttpResponse unpaired =
      bj.Post("/api/v1/shares", {{"to_org_id", "5227-JW"}, {"region_prefix", "520521"}});
  EXPECT_EQ(unpaired.result_int(), 403) << unpaired.body();
  EXPECT_EQ(ErrorCode(unpaired), "not_paired");
  HttpResponse unknown =
      bj.Post("/api/v1/shares", {{"to_org_id", "NO-SUCH-ORG"}, {"region_prefix", "520521"}});
  EXPECT_EQ(unknown.result_int(), 404);
  HttpResponse bad =
      bj.Post("/api/v1/shares", {{"to_org_id", "4401-JW"}, {"region_prefix", "52x"}});
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(ErrorCode(bad), "bad_region_prefix");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM shares"), "1");  // only the demo share
  EXPECT_EQ(std::stoll(Scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'share.add' AND "
                              "outcome = 'outside_jurisdiction'")),
            1);
}

TEST_F(SharesApiTest, TheSecurityAdministratorSharesForAnyPairedCommission) {
  ApiClient secadmin = LoginAs("secadmin");
  ApiClient bj = LoginAs("bj_jw");
  EXPECT_EQ(bj.Get("/api/v1/organizations/4401-JW").result_int(), 403);
  HttpResponse missing_from =
      secadmin.Post("/api/v1/shares", {{"to_org_id", "5205-JW"}, {"region_prefix", "4401"}});
  EXPECT_EQ(missing_from.result_int(), 400);
  HttpResponse added = secadmin.Post(
      "/api/v1/shares",
      {{"from_org_id", "4401-JW"}, {"to_org_id", "5205-JW"}, {"region_prefix", "4401"}});
  ASSERT_EQ(added.result_int(), 201) << added.body();
  EXPECT_EQ(JsonOf(added)["created_by"], "secadmin");
  HttpResponse list = secadmin.Get("/api/v1/shares");
  EXPECT_EQ(JsonOf(list)["total"], 2);
  // Now 毕节 reads a 广州 record: an organisation of 广州.
  EXPECT_EQ(bj.Get("/api/v1/organizations/4401-JW").result_int(), 200);
}

TEST_F(SharesApiTest, RolesAndCsrfAreChecked) {
  for (const char* login : {"dafang_ny", "sj_auditor", "auditadmin"}) {
    ApiClient client = LoginAs(login);
    HttpResponse list = client.Get("/api/v1/shares");
    EXPECT_EQ(list.result_int(), 403) << login;
    EXPECT_EQ(ErrorCode(list), "forbidden") << login;
    HttpResponse add =
        client.Post("/api/v1/shares", {{"to_org_id", "4401-JW"}, {"region_prefix", "520521"}});
    EXPECT_EQ(add.result_int(), 403) << login;
  }
  EXPECT_EQ(Client().Get("/api/v1/shares").result_int(), 401);
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse no_csrf =
      bj.Send("POST", "/api/v1/shares",
              nlohmann::json{{"to_org_id", "4401-JW"}, {"region_prefix", "520521"}}.dump(),
              {{"X-CSRF-Token", "0000"}});
  EXPECT_EQ(no_csrf.result_int(), 403);
  EXPECT_EQ(ErrorCode(no_csrf), "csrf");
  ApiClient secadmin = LoginAs("secadmin");
  HttpResponse delete_no_csrf =
      secadmin.Send("DELETE", "/api/v1/shares/1", "", {{"X-CSRF-Token", ""}});
  EXPECT_EQ(delete_no_csrf.result_int(), 403);
  EXPECT_EQ(ErrorCode(delete_no_csrf), "csrf");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM shares"), "1");
}

}  // namespace
}  // namespace sunlight::http::testing
