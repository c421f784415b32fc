// The absolute session lifetime: however busy, a session ends a fixed time after login
// (default 12 hours, `sunlight serve --session-hours`), besides the 30-minute idle timeout.
// Time is moved with an injected clock, not slept through.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <memory>

#include "api_support/api_test_fixture.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

constexpr int64_t kStart = 1'800'000'000;

class SessionLifetimeTest : public ApiTest {
 protected:
  access::AccessOptions Options() const override {
    access::AccessOptions options;
    options.now = [clock = clock_] { return clock->load(); };
    return options;
  }
  void Advance(int64_t seconds) { clock_->fetch_add(seconds); }
  int64_t Sessions() {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query("SELECT COUNT(*) FROM sessions");
    EXPECT_TRUE(rs.ok());
    return rs->at(0, 0).AsInteger();
  }

  std::shared_ptr<std::atomic<int64_t>> clock_ = std::make_shared<std::atomic<int64_t>>(kStart);
};

TEST_F(SessionLifetimeTest, TheDefaultIsTwelveHours) {
  EXPECT_EQ(access::AccessOptions{}.absolute_timeout_seconds, 12 * 60 * 60);
  EXPECT_EQ(access::AccessOptions{}.idle_timeout_seconds, 30 * 60);
}

TEST_F(SessionLifetimeTest, ABusySessionEndsTwelveHoursAfterLogin) {
  ApiClient client = LoginAs("gz_jw");
  ASSERT_EQ(Sessions(), 1);
  // A request every 25 minutes keeps the idle timer from ever running out…
  int64_t elapsed = 0;
  while (elapsed + 25 * 60 <= 12 * 60 * 60) {
    Advance(25 * 60);
    elapsed += 25 * 60;
    ASSERT_EQ(client.Get("/api/v1/session").result_int(), 200) << "after " << elapsed << " s";
  }
  // …up to the last second of the twelfth hour, and not one second beyond.
  Advance(12 * 60 * 60 - elapsed);
  ASSERT_EQ(client.Get("/api/v1/session").result_int(), 200);
  Advance(1);
  HttpResponse over = client.Get("/api/v1/session");
  EXPECT_EQ(over.result_int(), 401);
  nlohmann::json body = JsonOf(over);
  EXPECT_EQ(body["error"]["code"], "unauthenticated");
  EXPECT_EQ(body["error"]["message"], "会话已达最长时限，请重新登录");
  EXPECT_EQ(Sessions(), 0);  // ended on the server, not just refused
  // A new login starts a new lifetime.
  ApiClient again = LoginAs("gz_jw");
  EXPECT_EQ(again.Get("/api/v1/session").result_int(), 200);
}

TEST_F(SessionLifetimeTest, TheIdleTimeoutStillApplies) {
  ApiClient client = LoginAs("gz_jw");
  Advance(30 * 60 + 1);
  HttpResponse idle = client.Get("/api/v1/session");
  EXPECT_EQ(idle.result_int(), 401);
  EXPECT_EQ(JsonOf(idle)["error"]["message"], "会话已超时，请重新登录");
}

// The lifetime is counted from the stored created_at (a session created long ago, as after
// an edit of the store or a server restart, is over on its next request).
TEST_F(SessionLifetimeTest, TheLifetimeIsReadFromTheStore) {
  ApiClient client = LoginAs("gz_jw");
  {
    auto conn = db().Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE(
        (*conn)->Execute("UPDATE sessions SET created_at = ?", {kStart - 12 * 60 * 60 - 1}).ok());
  }
  EXPECT_EQ(client.Get("/api/v1/session").result_int(), 401);
}

}  // namespace
}  // namespace sunlight::http::testing
