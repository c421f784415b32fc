// /api/v1/session over a real server: the cookie, CSRF, session fixation, logout, lockout,
// temporary passwords.
#include <gtest/gtest.h>

#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

std::string Header(const HttpResponse& response, std::string_view name) {
  for (const auto& field : response) {
    if (EqualsIgnoreCase(std::string(field.name_string()), name)) return std::string(field.value());
  }
  return {};
}

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class SessionTest : public ApiTest {};

TEST_F(SessionTest, LoginSetsAHardenedCookieAndReturnsTheUser) {
  ApiClient client = Client();
  HttpResponse r = client.Login("gz_jw");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const std::string cookie = Header(r, "Set-Cookie");
  EXPECT_NE(cookie.find("sunlight_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(client.session_id().size(), 64u);
  nlohmann::json body = JsonOf(r);
  EXPECT_EQ(body["user"]["login"], "gz_jw");
  EXPECT_EQ(body["user"]["role"], "supervisor");
  EXPECT_EQ(body["user"]["org_id"], "4401-JW");
  EXPECT_EQ(body["user"]["org_name"], "广州市纪委监委");
  EXPECT_EQ(body["user"]["region_code"], "4401");
  EXPECT_EQ(body["user"]["must_change_password"], false);
  EXPECT_EQ(body["user"]["display_name"], "广州市纪委监委监督员");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);
  EXPECT_EQ(Header(r, "Cache-Control"), "no-store");

  HttpResponse me = client.Get("/api/v1/session");
  ASSERT_EQ(me.result_int(), 200) << me.body();
  EXPECT_EQ(JsonOf(me), body);
}

TEST_F(SessionTest, WithoutASessionEverythingIs401) {
  ApiClient client = Client();
  HttpResponse r = client.Get("/api/v1/session");
  EXPECT_EQ(r.result_int(), 401);
  EXPECT_EQ(ErrorCode(r), "unauthenticated");
  EXPECT_EQ(client.Get("/api/v1/audit").result_int(), 401);
  client.set_session_id(std::string(64, 'a'));
  EXPECT_EQ(client.Get("/api/v1/session").result_int(), 401);
}

TEST_F(SessionTest, BadCredentialsAre401WithTheReasonInDetails) {
  ApiClient client = Client();
  HttpResponse wrong = client.Login("gz_jw", "Not-The-Password-1");
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(ErrorCode(wrong), "unauthenticated");
  EXPECT_EQ(JsonOf(wrong)["error"]["details"]["reason"], "bad_credentials");
  EXPECT_EQ(Header(wrong, "Set-Cookie"), "");
  HttpResponse unknown = client.Login("nobody", "Not-The-Password-1");
  EXPECT_EQ(unknown.result_int(), 401);
  EXPECT_EQ(JsonOf(unknown)["error"]["message"], JsonOf(wrong)["error"]["message"]);
  HttpResponse bad = client.Send("POST", "/api/v1/session", R"({"login":"gz_jw"})");
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(client.Send("POST", "/api/v1/session", "not json").result_int(), 400);
}

TEST_F(SessionTest, StateChangingRequestsNeedTheCsrfToken) {
  ApiClient client = LoginAs("gz_jw");
  const nlohmann::json change = {{"old_password", access::kDemoPassword},
                                 {"new_password", "Another-Good-2027"}};
  HttpResponse missing =
      client.Send("POST", "/api/v1/session/password", change.dump(), {{"X-CSRF-Token", ""}});
  EXPECT_EQ(missing.result_int(), 403);
  EXPECT_EQ(ErrorCode(missing), "csrf");
  HttpResponse wrong = client.Send("POST", "/api/v1/session/password", change.dump(),
                                   {{"X-CSRF-Token", std::string(64, '0')}});
  EXPECT_EQ(wrong.result_int(), 403);
  EXPECT_EQ(ErrorCode(wrong), "csrf");
  HttpResponse logout = client.Send("DELETE", "/api/v1/session", "", {{"X-CSRF-Token", "x"}});
  EXPECT_EQ(logout.result_int(), 403);
  EXPECT_EQ(ErrorCode(logout), "csrf");
  // Another session's token does not do either.
  ApiClient other = LoginAs("bj_jw");
  HttpResponse crossed =
      client.Send("DELETE", "/api/v1/session", "", {{"X-CSRF-Token", other.csrf_token()}});
  EXPECT_EQ(crossed.result_int(), 403);
  // Reads need none; and with the right one the change goes through.
  EXPECT_EQ(client.Get("/api/v1/session").result_int(), 200);
  EXPECT_EQ(client.Post("/api/v1/session/password", change).result_int(), 204);
}

TEST_F(SessionTest, ThePreLoginSessionIdIsDeadAfterLogin) {
  ApiClient client = LoginAs("gz_jw");
  const std::string before = client.session_id();
  const std::string csrf_before = client.csrf_token();
  HttpResponse again = client.Login("gz_jw");  // sends the old cookie along
  ASSERT_EQ(again.result_int(), 200);
  EXPECT_NE(client.session_id(), before);
  EXPECT_NE(client.csrf_token(), csrf_before);
  EXPECT_EQ(client.Get("/api/v1/session").result_int(), 200);
  ApiClient stale = Client();
  stale.set_session_id(before);
  EXPECT_EQ(stale.Get("/api/v1/session").result_int(), 401);
}

TEST_F(SessionTest, LogoutEndsTheSessionOnTheServer) {
  ApiClient client = LoginAs("bj_jw");
  const std::string id = client.session_id();
  HttpResponse out = client.Delete("/api/v1/session");
  EXPECT_EQ(out.result_int(), 204);
  EXPECT_NE(Header(out, "Set-Cookie").find("Max-Age=0"), std::string::npos);
  ApiClient replay = Client();
  replay.set_session_id(id);  // a copy of the cookie kept by an attacker
  EXPECT_EQ(replay.Get("/api/v1/session").result_int(), 401);
}

class LockoutTest : public ApiTest {
 protected:
  access::AccessOptions Options() const override {
    access::AccessOptions options;
    options.max_failed_logins = 3;
    options.lock_seconds = 3600;
    return options;
  }
};

TEST_F(LockoutTest, RepeatedFailuresLockTheAccountWith429) {
  ApiClient client = Client();
  EXPECT_EQ(client.Login("bj_jw", "Wrong-Password-1").result_int(), 401);
  EXPECT_EQ(client.Login("bj_jw", "Wrong-Password-2").result_int(), 401);
  HttpResponse third = client.Login("bj_jw", "Wrong-Password-3");
  EXPECT_EQ(third.result_int(), 429);
  EXPECT_EQ(ErrorCode(third), "too_many_attempts");
  EXPECT_GT(JsonOf(third)["error"]["details"]["retry_after_seconds"].get<int>(), 3500);
  EXPECT_FALSE(Header(third, "Retry-After").empty());
  HttpResponse right = client.Login("bj_jw");
  EXPECT_EQ(right.result_int(), 429);
  EXPECT_EQ(ErrorCode(right), "too_many_attempts");
  // Other accounts are unaffected.
  EXPECT_EQ(client.Login("gz_jw").result_int(), 200);
}

TEST_F(SessionTest, TemporaryPasswordMustBeChangedFirst) {
  AddUser("newcomer", access::Role::kAuditadmin, "5205-JW", /*temporary=*/true);
  ApiClient client = LoginAs("newcomer");
  HttpResponse me = client.Get("/api/v1/session");
  ASSERT_EQ(me.result_int(), 200);
  EXPECT_EQ(JsonOf(me)["user"]["must_change_password"], true);
  HttpResponse blocked = client.Get("/api/v1/audit");
  EXPECT_EQ(blocked.result_int(), 403);
  EXPECT_EQ(ErrorCode(blocked), "password_change_required");
  HttpResponse weak =
      client.Post("/api/v1/session/password",
                  {{"old_password", access::kDemoPassword}, {"new_password", "password1234"}});
  EXPECT_EQ(weak.result_int(), 400);
  EXPECT_EQ(ErrorCode(weak), "weak_password");
  HttpResponse wrong_old =
      client.Post("/api/v1/session/password",
                  {{"old_password", "Not-The-Password-1"}, {"new_password", "Another-Good-2027"}});
  EXPECT_EQ(wrong_old.result_int(), 403);
  EXPECT_EQ(ErrorCode(wrong_old), "bad_password");
  EXPECT_EQ(client
                .Post("/api/v1/session/password", {{"old_password", access::kDemoPassword},
                                                   {"new_password", "Another-Good-2027"}})
                .result_int(),
            204);
  EXPECT_EQ(client.Get("/api/v1/audit").result_int(), 200);
  EXPECT_EQ(Client().Login("newcomer").result_int(), 401);
  EXPECT_EQ(Client().Login("newcomer", "Another-Good-2027").result_int(), 200);
}

}  // namespace
}  // namespace sunlight::http::testing
