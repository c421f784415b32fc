// Jurisdiction, roles and the audit trail over a real server on the demo dataset: a county
// user cannot reach another county's record, reveals are audited, the three administrator
// duties stay apart, and no secret reaches the audit log.
#include <gtest/gtest.h>

#include "access/audit_log.h"
#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class AccessRolesTest : public ApiTest {
 protected:
  // A household of the demo dataset in the county whose code starts `county`, with its head's
  // ID number.
  std::pair<std::string, std::string> HouseholdIn(const std::string& county) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(
        "SELECT household_id, head_id_number FROM households WHERE village_code LIKE ? "
        "ORDER BY household_id LIMIT 1",
        {county + "%"});
    EXPECT_TRUE(rs.ok() && !rs->empty()) << "no household in " << county;
    if (!rs.ok() || rs->empty()) return {};
    return {rs->at(0, 0).AsText(), rs->at(0, 1).AsText()};
  }

  nlohmann::json RevealBody(const std::string& household_id) {
    return {{"kind", "id_number"},
            {"record", {{"type", "household"}, {"id", household_id}}},
            {"reason", "核查一卡多户预警线索"},
            {"password", access::kDemoPassword}};
  }

  std::vector<access::AuditEntry> AuditRows(const std::string& action) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto page = access::ListAudit(**conn, {.page = 1, .page_size = 1000, .action = action});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<access::AuditEntry>{};
  }
};

TEST_F(AccessRolesTest, CountyUserCannotReachAnotherCountysRecord) {
  AddUser("dafang_jw", access::Role::kSupervisor, "520521-JW");
  const auto [dafang_household, dafang_head] = HouseholdIn("520521");
  const auto [qianxi_household, qianxi_head] = HouseholdIn("520581");
  ApiClient dafang = LoginAs("dafang_jw");

  HttpResponse other = dafang.Post("/api/v1/reveal", RevealBody(qianxi_household));
  EXPECT_EQ(other.result_int(), 403) << other.body();
  EXPECT_EQ(ErrorCode(other), "outside_jurisdiction");
  EXPECT_EQ(other.body().find(qianxi_head), std::string::npos);

  HttpResponse own = dafang.Post("/api/v1/reveal", RevealBody(dafang_household));
  ASSERT_EQ(own.result_int(), 200) << own.body();
  EXPECT_EQ(JsonOf(own)["value"], dafang_head);

  HttpResponse missing = dafang.Post("/api/v1/reveal", RevealBody("NO-SUCH-HOUSEHOLD"));
  EXPECT_EQ(missing.result_int(), 404);
}

TEST_F(AccessRolesTest, PairedCommissionSeesWhatWasSharedWithIt) {
  const auto [dafang_household, dafang_head] = HouseholdIn("520521");
  // 广州 helps 毕节: the demo shares 5205 with 4401-JW.
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse r = gz.Post("/api/v1/reveal", RevealBody(dafang_household));
  EXPECT_EQ(r.result_int(), 200) << r.body();
}

TEST_F(AccessRolesTest, RevealIsAuditedWithReasonButNeverTheValue) {
  const auto [household, head] = HouseholdIn("520521");
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse no_reason =
      bj.Post("/api/v1/reveal", {{"kind", "id_number"},
                                 {"record", {{"type", "household"}, {"id", household}}},
                                 {"password", access::kDemoPassword}});
  EXPECT_EQ(no_reason.result_int(), 400);
  EXPECT_EQ(ErrorCode(no_reason), "missing_reason");
  nlohmann::json wrong = RevealBody(household);
  wrong["password"] = "Not-The-Password-1";
  HttpResponse bad_password = bj.Post("/api/v1/reveal", wrong);
  EXPECT_EQ(bad_password.result_int(), 403);
  EXPECT_EQ(ErrorCode(bad_password), "bad_password");
  HttpResponse ok = bj.Post("/api/v1/reveal", RevealBody(household));
  ASSERT_EQ(ok.result_int(), 200) << ok.body();

  std::vector<access::AuditEntry> reveals = AuditRows("reveal.id_number");
  ASSERT_EQ(reveals.size(), 3u);
  EXPECT_EQ(reveals[0].outcome, "ok");  // newest first
  EXPECT_EQ(reveals[0].login, "bj_jw");
  EXPECT_EQ(reveals[0].target, "household:" + household);
  EXPECT_EQ(reveals[0].remote_address, "127.0.0.1");
  EXPECT_NE(reveals[0].details.find("核查一卡多户预警线索"), std::string::npos);
  EXPECT_EQ(reveals[1].outcome, "bad_password");
  EXPECT_EQ(reveals[2].outcome, "missing_reason");

  // Nothing secret anywhere in the log.
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  auto all = access::ListAudit(**conn, {.page = 1, .page_size = 1000});
  ASSERT_TRUE(all.ok());
  for (const access::AuditEntry& e : all->items) {
    const std::string text = access::CanonicalAuditContent(e);
    EXPECT_EQ(text.find(head), std::string::npos) << text;
    EXPECT_EQ(text.find(access::kDemoPassword), std::string::npos) << text;
    EXPECT_EQ(text.find(bj.session_id()), std::string::npos) << text;
    EXPECT_EQ(text.find(bj.csrf_token()), std::string::npos) << text;
  }
  auto verified = access::VerifyAuditLog(**conn);
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok()) << verified->problem;
}

TEST_F(AccessRolesTest, RolesWithoutRevealAreRefused) {
  const auto [household, head] = HouseholdIn("520521");
  ApiClient owner = LoginAs("dafang_ny");  // project_owner in 大方县: in scope, no reveal
  HttpResponse r = owner.Post("/api/v1/reveal", RevealBody(household));
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(ErrorCode(r), "forbidden");
  ApiClient admin = LoginAs("admin");
  EXPECT_EQ(admin.Post("/api/v1/reveal", RevealBody(household)).result_int(), 403);
}

TEST_F(AccessRolesTest, SystemAdministratorCannotReadTheAuditLog) {
  ApiClient admin = LoginAs("admin");
  HttpResponse r = admin.Get("/api/v1/audit");
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(ErrorCode(r), "forbidden");
  EXPECT_EQ(LoginAs("secadmin").Get("/api/v1/audit").result_int(), 403);
  EXPECT_EQ(LoginAs("gz_jw").Get("/api/v1/audit").result_int(), 403);
  // Nor alter it: the API has no route that would, and the store refuses.
  EXPECT_EQ(admin.Delete("/api/v1/audit").result_int(), 405);
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE((*conn)->Execute("DELETE FROM audit_log").ok());
  EXPECT_FALSE((*conn)->Execute("UPDATE audit_log SET outcome = 'ok'").ok());
  // The refusal itself is on record.
  std::vector<access::AuditEntry> reads = AuditRows("read.audit");
  ASSERT_FALSE(reads.empty());
  EXPECT_EQ(reads.back().login, "admin");
  EXPECT_EQ(reads.back().outcome, "forbidden");
}

TEST_F(AccessRolesTest, AuditAdministratorReadsTheLogPaged) {
  LoginAs("gz_jw");
  Client().Login("gz_jw", "Wrong-Password-1");
  ApiClient audit = LoginAs("auditadmin");
  HttpResponse r = audit.Get("/api/v1/audit?page=1&page_size=5&action=login");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  nlohmann::json body = JsonOf(r);
  EXPECT_GE(body["total"].get<int>(), 3);
  ASSERT_LE(body["items"].size(), 5u);
  EXPECT_EQ(body["items"][0]["login"], "auditadmin");  // newest first
  bool saw_failure = false;
  for (const auto& item : body["items"]) {
    saw_failure |= item["outcome"] == "bad_credentials" && item["login"] == "gz_jw";
    EXPECT_EQ(item["remote_address"], "127.0.0.1");
  }
  EXPECT_TRUE(saw_failure) << body.dump(2);
  EXPECT_EQ(audit.Get("/api/v1/audit?page_size=100000").result_int(), 400);
}

TEST_F(AccessRolesTest, AuditAdministratorCannotAddUsers) {
  const nlohmann::json user = {{"login", "new_supervisor"},
                               {"role", "supervisor"},
                               {"org_id", "520521-JW"},
                               {"password", "Fresh-Password-2026"},
                               {"temporary", true}};
  HttpResponse refused = LoginAs("auditadmin").Post("/api/v1/users", user);
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(ErrorCode(refused), "forbidden");
  EXPECT_EQ(LoginAs("auditadmin").Get("/api/v1/users").result_int(), 403);
  EXPECT_EQ(LoginAs("gz_jw").Post("/api/v1/users", user).result_int(), 403);

  ApiClient admin = LoginAs("admin");
  HttpResponse created = admin.Post("/api/v1/users", user);
  ASSERT_EQ(created.result_int(), 201) << created.body();
  EXPECT_EQ(JsonOf(created)["must_change_password"], true);
  EXPECT_EQ(admin.Post("/api/v1/users", user).result_int(), 409);
  nlohmann::json weak = user;
  weak["login"] = "weak_user";
  weak["password"] = "qwerty123456";
  HttpResponse refused_weak = admin.Post("/api/v1/users", weak);
  EXPECT_EQ(refused_weak.result_int(), 400);
  EXPECT_EQ(ErrorCode(refused_weak), "weak_password");
  HttpResponse login = Client().Login("new_supervisor", "Fresh-Password-2026");
  EXPECT_EQ(login.result_int(), 200);
  EXPECT_EQ(JsonOf(login)["user"]["must_change_password"], true);
  std::vector<access::AuditEntry> adds = AuditRows("user.add");
  bool audited = false;
  for (const auto& e : adds) audited |= e.target == "new_supervisor" && e.login == "admin";
  EXPECT_TRUE(audited);
  HttpResponse list = admin.Get("/api/v1/users");
  ASSERT_EQ(list.result_int(), 200);
  EXPECT_GE(JsonOf(list)["total"].get<int>(), 8);
  EXPECT_EQ(list.body().find("argon2"), std::string::npos);
}

TEST_F(AccessRolesTest, EveryDemoAccountLogsIn) {
  for (const access::DemoAccount& account : access::DemoAccounts()) {
    HttpResponse r = Client().Login(account.login);
    EXPECT_EQ(r.result_int(), 200) << account.login << ": " << r.body();
    EXPECT_EQ(JsonOf(r)["user"]["org_id"], account.org_id);
    EXPECT_FALSE(JsonOf(r)["user"]["org_name"].get<std::string>().empty()) << account.login;
  }
}

}  // namespace
}  // namespace sunlight::http::testing
