// Route registration and matching.
#include "http/router.h"

#include <gtest/gtest.h>

namespace sunlight::http {
namespace {

Router::Handler Named(std::string name) {
  return [name](const Request&) {
    Response response;
    response.body = name;
    return response;
  };
}

std::string HandlerName(const Router::Match& match) {
  return match.route ? match.route->handler(Request{}).body : "";
}

TEST(RouterTest, MatchesLiteralAndNamedSegments) {
  Router router;
  router.Get("/api/v1/warnings", Named("list"));
  router.Get("/api/v1/warnings/{id}", Named("one"));
  router.Post("/api/v1/warnings/{id}/dismiss", Named("dismiss"));
  ASSERT_TRUE(router.status().ok()) << router.status();

  Router::Match list = router.Find("GET", "/api/v1/warnings");
  EXPECT_EQ(list.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(HandlerName(list), "list");

  Router::Match one = router.Find("GET", "/api/v1/warnings/W%2F1%20x");
  ASSERT_EQ(one.kind, Router::Match::Kind::kFound);
  EXPECT_EQ(HandlerName(one), "one");
  ASSERT_EQ(one.params.size(), 1u);
  EXPECT_EQ(one.params[0].first, "id");
  EXPECT_EQ(one.params[0].second, "W/1 x");  // decoded after splitting, so %2F stays inside

  EXPECT_EQ(HandlerName(router.Find("POST", "/api/v1/warnings/7/dismiss")), "dismiss");
  EXPECT_EQ(router.Find("GET", "/api/v1/warnings/").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find("GET", "/api/v1/warnings/7/x").kind, Router::Match::Kind::kNotFound);
  EXPECT_EQ(router.Find("GET", "/api/v1/other").kind, Router::Match::Kind::kNotFound);
}

TEST(RouterTest, LiteralSegmentBeatsParameter) {
  Router router;
  router.Get("/api/v1/warnings/{id}", Named("one"));
  router.Get("/api/v1/warnings/stats", Named("stats"));
  EXPECT_EQ(HandlerName(router.Find("GET", "/api/v1/warnings/stats")), "stats");
  EXPECT_EQ(HandlerName(router.Find("GET", "/api/v1/warnings/W1")), "one");
}

TEST(RouterTest, WrongMethodListsAllowedMethods) {
  Router router;
  router.Get("/api/v1/cases/{id}", Named("get"));
  router.Delete("/api/v1/cases/{id}", Named("delete"));
  router.Put("/api/v1/cases/{id}", Named("put"));
  Router::Match match = router.Find("POST", "/api/v1/cases/3");
  EXPECT_EQ(match.kind, Router::Match::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "DELETE, GET, HEAD, PUT");
  EXPECT_EQ(match.route, nullptr);
}

TEST(RouterTest, HeadUsesTheGetRoute) {
  Router router;
  router.Get("/api/v1/health", Named("health"));
  EXPECT_EQ(HandlerName(router.Find("HEAD", "/api/v1/health")), "health");
}

TEST(RouterTest, KeepsTheFirstRegistrationMistake) {
  Router router;
  router.Get("/api/v1/ok", Named("ok"));
  router.Get("no-slash", Named("x"));
  router.Get("/api/v1/ok", Named("duplicate"));
  EXPECT_EQ(router.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(router.status().message().find("no-slash"), std::string::npos);
  EXPECT_EQ(router.routes().size(), 1u);

  for (const char* bad : {"/a/{}", "/a/{x}/{x}", "/a/{b-c}", "/a/b{c}", "/a?b"}) {
    Router bad_router;
    bad_router.Get(bad, Named("x"));
    EXPECT_FALSE(bad_router.status().ok()) << bad;
  }
  Router duplicate_shape;
  duplicate_shape.Get("/a/{x}", Named("x"));
  duplicate_shape.Get("/a/{y}", Named("y"));  // same shape under another name
  EXPECT_FALSE(duplicate_shape.status().ok());

  Router no_handler;
  no_handler.Get("/a", nullptr);
  EXPECT_FALSE(no_handler.status().ok());
}

}  // namespace
}  // namespace sunlight::http
