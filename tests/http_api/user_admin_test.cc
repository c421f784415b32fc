// User administration by the security administrator over a real server on the demo dataset:
// PATCH /users/{id}, lock / unlock, reset-password. Only secadmin may (三员分立), a lock keeps
// the right password out until an unlock, a reset password is shown once and must be changed,
// and every change is audited without the password.
#include <gtest/gtest.h>

#include <set>

#include "access/audit_log.h"
#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class UserAdminTest : public ApiTest {
 protected:
  // The user of `login` as GET /api/v1/users lists it (asked as secadmin).
  nlohmann::json Listed(ApiClient& secadmin, std::string_view login) {
    HttpResponse r = secadmin.Get("/api/v1/users");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    const nlohmann::json body = JsonOf(r);
    for (const nlohmann::json& u : body["items"]) {
      if (u["login"] == login) return u;
    }
    ADD_FAILURE() << "no user " << login;
    return nlohmann::json::object();
  }
  std::string PathOf(ApiClient& secadmin, std::string_view login, std::string_view suffix = "") {
    return "/api/v1/users/" + std::to_string(Listed(secadmin, login)["id"].get<std::int64_t>()) +
           std::string(suffix);
  }
  std::vector<access::AuditEntry> AuditRows(const std::string& action) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto page = access::ListAudit(**conn, {.page = 1, .page_size = 100000, .action = action});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : std::vector<access::AuditEntry>{};
  }
  std::string WholeAuditLog() {
    std::string text;
    for (const access::AuditEntry& e : AuditRows("")) {
      text += access::CanonicalAuditContent(e) + "\n";
    }
    return text;
  }
};

TEST_F(UserAdminTest, OnlyTheSecurityAdministratorMayChangeAccounts) {
  ApiClient secadmin = LoginAs("secadmin");
  const std::string user = PathOf(secadmin, "dafang_ny");
  for (const char* login : {"admin", "auditadmin", "gz_jw"}) {
    ApiClient other = LoginAs(login);
    EXPECT_EQ(other.Patch(user, {{"display_name", "改名"}}).result_int(), 403) << login;
    EXPECT_EQ(other.Post(user + "/lock", nlohmann::json::object()).result_int(), 403) << login;
    EXPECT_EQ(other.Post(user + "/unlock", nlohmann::json::object()).result_int(), 403) << login;
    HttpResponse reset = other.Post(user + "/reset-password", nlohmann::json::object());
    EXPECT_EQ(reset.result_int(), 403) << login;
    EXPECT_EQ(ErrorCode(reset), "forbidden");
    EXPECT_EQ(reset.body().find("temporary_password"), std::string::npos);
  }
  // Nothing changed, and every refusal is on record.
  EXPECT_EQ(Listed(secadmin, "dafang_ny")["display_name"], "大方县农业农村局项目负责人");
  EXPECT_EQ(Client().Login("dafang_ny").result_int(), 200);
  int refused = 0;
  for (const char* action : {"user.update", "user.lock", "user.unlock", "user.reset_password"}) {
    for (const access::AuditEntry& e : AuditRows(action)) {
      refused += e.outcome == "forbidden" ? 1 : 0;
    }
  }
  EXPECT_EQ(refused, 12);
}

TEST_F(UserAdminTest, SecadminChangesRoleOrgAndDisplayName) {
  ApiClient secadmin = LoginAs("secadmin");
  const std::string path = PathOf(secadmin, "dafang_ny");
  HttpResponse r = secadmin.Patch(
      path, {{"role", "auditor"}, {"org_id", "520521-SJ"}, {"display_name", "大方县审计局张工"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["role"], "auditor");
  nlohmann::json listed = Listed(secadmin, "dafang_ny");
  EXPECT_EQ(listed["role"], "auditor");
  EXPECT_EQ(listed["org_id"], "520521-SJ");
  EXPECT_EQ(listed["display_name"], "大方县审计局张工");
  // The account now logs in as what it was made.
  HttpResponse login = Client().Login("dafang_ny");
  ASSERT_EQ(login.result_int(), 200);
  EXPECT_EQ(JsonOf(login)["user"]["role"], "auditor");
  EXPECT_EQ(JsonOf(login)["user"]["org_id"], "520521-SJ");

  std::vector<access::AuditEntry> rows = AuditRows("user.update");
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front().login, "secadmin");
  EXPECT_EQ(rows.front().target, "dafang_ny");
  EXPECT_EQ(rows.front().outcome, "ok");
  nlohmann::json details = nlohmann::json::parse(rows.front().details);
  EXPECT_EQ(details["changes"]["role"]["from"], "project_owner");
  EXPECT_EQ(details["changes"]["role"]["to"], "auditor");
  EXPECT_EQ(details["changes"]["org_id"]["from"], "520521-NY");
}

TEST_F(UserAdminTest, RefusedValuesAre422NamingTheField) {
  ApiClient secadmin = LoginAs("secadmin");
  const std::string path = PathOf(secadmin, "dafang_ny");
  struct Case {
    nlohmann::json body;
    std::string field;
    std::string code;
  };
  const std::vector<Case> cases = {
      {{{"role", "emperor"}}, "role", "unknown_role"},
      {{{"org_id", "9999-NOPE"}}, "org_id", "unknown_org"},
      {{{"org_id", ""}}, "org_id", "missing_org"},
      {{{"display_name", ""}}, "display_name", "bad_display_name"},
      {{{"display_name", 7}}, "display_name", "bad_type"},
      {{{"password", "Sneaky-Password-2026"}}, "password", "unknown_field"},
  };
  for (const Case& c : cases) {
    HttpResponse r = secadmin.Patch(path, c.body);
    EXPECT_EQ(r.result_int(), 422) << c.body.dump() << r.body();
    EXPECT_EQ(ErrorCode(r), c.code) << c.body.dump();
    EXPECT_EQ(JsonOf(r)["error"]["details"]["field"], c.field) << c.body.dump();
  }
  // A role without a ledger org (the administrator's org is outside the ledger) is refused on
  // the org, even though only the role was sent.
  AddUser("ops_admin", access::Role::kSysadmin, "IT-CENTER");
  HttpResponse demote = secadmin.Patch(PathOf(secadmin, "ops_admin"), {{"role", "supervisor"}});
  EXPECT_EQ(demote.result_int(), 422) << demote.body();
  EXPECT_EQ(JsonOf(demote)["error"]["details"]["field"], "org_id");
  EXPECT_EQ(Listed(secadmin, "dafang_ny")["role"], "project_owner");
  EXPECT_EQ(Listed(secadmin, "ops_admin")["role"], "sysadmin");

  EXPECT_EQ(secadmin.Patch("/api/v1/users/999999", {{"display_name", "x"}}).result_int(), 404);
  EXPECT_EQ(secadmin.Patch("/api/v1/users/abc", {{"display_name", "x"}}).result_int(), 404);
  // One's own role: refused (the system must keep its security administrator).
  HttpResponse own = secadmin.Patch(PathOf(secadmin, "secadmin"), {{"role", "supervisor"}});
  EXPECT_EQ(own.result_int(), 409);
  EXPECT_EQ(ErrorCode(own), "own_account");
}

TEST_F(UserAdminTest, LockedUserCannotLogInUntilUnlocked) {
  ApiClient secadmin = LoginAs("secadmin");
  ApiClient victim = LoginAs("dafang_ny");
  ASSERT_EQ(victim.Get("/api/v1/session").result_int(), 200);
  const std::string path = PathOf(secadmin, "dafang_ny");

  HttpResponse locked = secadmin.Post(path + "/lock", nlohmann::json::object());
  ASSERT_EQ(locked.result_int(), 200) << locked.body();
  EXPECT_EQ(JsonOf(locked)["locked"], true);
  EXPECT_EQ(JsonOf(locked)["locked_by_admin"], true);
  // The open session ended, and the right password no longer opens one.
  EXPECT_EQ(victim.Get("/api/v1/session").result_int(), 401);
  HttpResponse refused = Client().Login("dafang_ny");
  // Not "try again later": the lock lasts until the security administrator lifts it.
  EXPECT_EQ(refused.result_int(), 403) << refused.body();
  EXPECT_EQ(JsonOf(refused)["error"]["code"], "account_locked");
  EXPECT_TRUE(SessionCookieOf(refused).empty());
  EXPECT_EQ(Listed(secadmin, "dafang_ny")["locked"], true);

  HttpResponse unlocked = secadmin.Post(path + "/unlock", nlohmann::json::object());
  ASSERT_EQ(unlocked.result_int(), 200) << unlocked.body();
  EXPECT_EQ(JsonOf(unlocked)["locked"], false);
  EXPECT_EQ(Client().Login("dafang_ny").result_int(), 200);

  ASSERT_FALSE(AuditRows("user.lock").empty());
  EXPECT_EQ(AuditRows("user.lock").front().target, "dafang_ny");
  EXPECT_EQ(AuditRows("user.lock").front().outcome, "ok");
  EXPECT_EQ(AuditRows("user.unlock").front().outcome, "ok");
  // Locking oneself is refused.
  HttpResponse self =
      secadmin.Post(PathOf(secadmin, "secadmin", "/lock"), nlohmann::json::object());
  EXPECT_EQ(self.result_int(), 409);
}

TEST_F(UserAdminTest, UnlockLiftsAFailedLoginLock) {
  ApiClient secadmin = LoginAs("secadmin");
  ApiClient client = Client();
  for (int i = 0; i < 5; ++i) client.Login("bj_jw", "Wrong-Password-2026");
  ASSERT_EQ(client.Login("bj_jw").result_int(), 429);
  EXPECT_EQ(Listed(secadmin, "bj_jw")["locked_by_admin"], false);
  ASSERT_EQ(
      secadmin.Post(PathOf(secadmin, "bj_jw", "/unlock"), nlohmann::json::object()).result_int(),
      200);
  EXPECT_EQ(client.Login("bj_jw").result_int(), 200);
}

TEST_F(UserAdminTest, ResetPasswordWorksOnceAndForcesAChange) {
  ApiClient secadmin = LoginAs("secadmin");
  ApiClient victim = LoginAs("gz_jw");
  const std::string path = PathOf(secadmin, "gz_jw", "/reset-password");
  HttpResponse reset = secadmin.Post(path, nlohmann::json::object());
  ASSERT_EQ(reset.result_int(), 200) << reset.body();
  const std::string temporary = JsonOf(reset)["temporary_password"].get<std::string>();
  EXPECT_GE(temporary.size(), 12u);
  EXPECT_EQ(JsonOf(reset)["must_change_password"], true);
  EXPECT_EQ(JsonOf(reset)["login"], "gz_jw");
  // The old session and the old password are gone.
  EXPECT_EQ(victim.Get("/api/v1/session").result_int(), 401);
  EXPECT_EQ(Client().Login("gz_jw").result_int(), 401);
  // A second reset gives another password, and the first one stops working.
  HttpResponse again = secadmin.Post(path, nlohmann::json::object());
  ASSERT_EQ(again.result_int(), 200) << again.body();
  const std::string second = JsonOf(again)["temporary_password"].get<std::string>();
  EXPECT_NE(second, temporary);
  EXPECT_EQ(Client().Login("gz_jw", temporary).result_int(), 401);

  // The temporary password logs in, but only to change it.
  ApiClient fresh = Client();
  HttpResponse login = fresh.Login("gz_jw", second);
  ASSERT_EQ(login.result_int(), 200) << login.body();
  EXPECT_EQ(JsonOf(login)["user"]["must_change_password"], true);
  HttpResponse blocked = fresh.Get("/api/v1/warnings");
  EXPECT_EQ(blocked.result_int(), 403);
  EXPECT_EQ(ErrorCode(blocked), "password_change_required");
  ASSERT_EQ(fresh
                .Post("/api/v1/session/password",
                      {{"old_password", second}, {"new_password", "Guangzhou-Own-2027"}})
                .result_int(),
            204);
  EXPECT_EQ(fresh.Get("/api/v1/warnings").result_int(), 200);
  // Once: the temporary password no longer works; the chosen one does.
  EXPECT_EQ(Client().Login("gz_jw", second).result_int(), 401);
  EXPECT_EQ(Client().Login("gz_jw", "Guangzhou-Own-2027").result_int(), 200);

  // Audited: who reset whose password — never the password itself.
  std::vector<access::AuditEntry> resets = AuditRows("user.reset_password");
  ASSERT_EQ(resets.size(), 2u);
  for (const access::AuditEntry& e : resets) {
    EXPECT_EQ(e.login, "secadmin");
    EXPECT_EQ(e.target, "gz_jw");
    EXPECT_EQ(e.outcome, "ok");
  }
  const std::string log = WholeAuditLog();
  EXPECT_EQ(log.find(temporary), std::string::npos);
  EXPECT_EQ(log.find(second), std::string::npos);
  EXPECT_EQ(log.find("Guangzhou-Own-2027"), std::string::npos);
  // Resetting one's own password is refused (the session's password change is for that).
  EXPECT_EQ(secadmin.Post(PathOf(secadmin, "secadmin", "/reset-password"), nlohmann::json::object())
                .result_int(),
            409);
}

TEST_F(UserAdminTest, ListGivesEachUserTheIdTheRoutesTake) {
  ApiClient secadmin = LoginAs("secadmin");
  HttpResponse r = secadmin.Get("/api/v1/users");
  ASSERT_EQ(r.result_int(), 200);
  std::set<std::int64_t> ids;
  const nlohmann::json body = JsonOf(r);
  for (const nlohmann::json& u : body["items"]) {
    ASSERT_TRUE(u["id"].is_number_integer()) << u.dump();
    ids.insert(u["id"].get<std::int64_t>());
    EXPECT_FALSE(u.contains("password_hash"));
  }
  EXPECT_EQ(ids.size(), body["items"].size());
}

}  // namespace
}  // namespace sunlight::http::testing
