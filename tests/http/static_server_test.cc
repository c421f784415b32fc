// Static files over HTTP: types, validators, cache policy, traversal attempts on a raw
// socket, SPA fallback, HEAD, and a multi-megabyte file.
#include <gtest/gtest.h>

#include "static_site.h"
#include "test_client.h"
#include "test_routes.h"

namespace sunlight::http::testing {
namespace {

class StaticServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options = TestOptions();
    options.static_dir = site_.root();
    server_ = StartServer(options, MakeTestRouter(state_));
    ASSERT_NE(server_, nullptr);
    port_ = server_->port();
  }
  std::optional<HttpResponse> Get(std::string_view target, const NameValueList& headers = {}) {
    return Fetch(port_, "GET", target, {}, headers);
  }
  // Sends the request line exactly as given, with no client-side normalisation.
  std::optional<HttpResponse> RawGet(std::string_view target) {
    TestConnection connection(port_);
    if (!connection.Send("GET " + std::string(target) + " HTTP/1.1\r\nHost: x\r\n\r\n")) {
      return std::nullopt;
    }
    return connection.ReadResponse();
  }

  StaticSite site_;
  TestRouteState state_;
  std::unique_ptr<Server> server_;
  uint16_t port_ = 0;
};

TEST_F(StaticServerTest, ServesTheAppWithTypesAndSecurityHeaders) {
  auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->result_int(), 200);
  EXPECT_EQ(index->body(), StaticSite::kIndexHtml);
  EXPECT_EQ((*index)["Content-Type"], "text/html; charset=utf-8");
  EXPECT_EQ((*index)["Cache-Control"], "no-cache");
  EXPECT_EQ((*index)["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ((*index)["X-Frame-Options"], "DENY");
  EXPECT_FALSE((*index)["Content-Security-Policy"].empty());
  EXPECT_FALSE((*index)["ETag"].empty());

  struct Case {
    const char* path;
    const char* type;
  };
  for (const Case& c : std::initializer_list<Case>{
           {StaticSite::kHashedJs, "text/javascript; charset=utf-8"},
           {"/assets/worker-5.mjs", "text/javascript; charset=utf-8"},
           {"/assets/index-77aa.css", "text/css; charset=utf-8"},
           {"/assets/logo-1a2b.svg", "image/svg+xml; charset=utf-8"},
           {"/assets/index-3f9a1c2b.js.map", "application/json; charset=utf-8"},
           {"/assets/font-9c.woff2", "font/woff2"},
           {"/assets/font-9c.woff", "font/woff"},
           {"/assets/font-9c.ttf", "font/ttf"},
           {"/assets/engine-1.wasm", "application/wasm"},
           {"/img/photo.png", "image/png"},
           {"/img/photo.jpg", "image/jpeg"},
           {"/favicon.ico", "image/x-icon"},
           {"/robots.txt", "text/plain; charset=utf-8"},
           {"/config.json", "application/json; charset=utf-8"},
           {"/docs/", "text/html; charset=utf-8"},
       }) {
    SCOPED_TRACE(c.path);
    auto response = Get(c.path);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 200);
    EXPECT_EQ((*response)["Content-Type"], c.type);
  }
}

TEST_F(StaticServerTest, HashedAssetsAreImmutableAndEverythingElseRevalidates) {
  auto asset = Get(StaticSite::kHashedJs);
  ASSERT_TRUE(asset);
  EXPECT_EQ((*asset)["Cache-Control"], "public, max-age=31536000, immutable");
  for (const char* path : {"/", "/index.html", "/robots.txt", "/warnings/W-1"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ((*response)["Cache-Control"], "no-cache") << path;
  }
}

TEST_F(StaticServerTest, EtagRevalidationGives304) {
  TestConnection connection(port_);
  auto first = connection.Request("GET", StaticSite::kHashedJs);
  ASSERT_TRUE(first);
  std::string etag((*first)["ETag"]);
  ASSERT_FALSE(etag.empty());

  auto again = connection.Request("GET", StaticSite::kHashedJs, {}, {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->result_int(), 304);
  EXPECT_TRUE(again->body().empty());
  EXPECT_EQ((*again)["ETag"], etag);
  EXPECT_EQ((*again)["Cache-Control"], "public, max-age=31536000, immutable");

  auto weak = connection.Request("GET", StaticSite::kHashedJs, {},
                                 {{"If-None-Match", "\"nope\", W/" + etag}});
  ASSERT_TRUE(weak);
  EXPECT_EQ(weak->result_int(), 304);

  auto changed =
      connection.Request("GET", StaticSite::kHashedJs, {}, {{"If-None-Match", "\"stale\""}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->result_int(), 200);
  EXPECT_EQ(changed->body(), first->body());
}

TEST_F(StaticServerTest, TraversalAttemptsAreRefused) {
  for (const char* target :
       {"/../outside/secret.txt", "/../../../../etc/passwd", "/%2e%2e/outside/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd", "/assets/..%2f..%2foutside%2fsecret.txt",
        "/assets/%2e%2e/%2e%2e/outside/passwd", "//etc/passwd", "/%2Fetc%2Fpasswd",
        "/escape/secret.txt", "/escape/passwd", "/escape.txt", "/.env", "/%2eenv",
        "/..%5c..%5coutside%5cpasswd"}) {
    SCOPED_TRACE(target);
    auto response = RawGet(target);
    ASSERT_TRUE(response);
    EXPECT_EQ(response->result_int(), 404);
    EXPECT_EQ(response->body().find(StaticSite::kSecret), std::string::npos);
    EXPECT_EQ(response->body().find("root:"), std::string::npos);
    EXPECT_EQ(JsonOf(*response)["error"]["code"], "page_not_found");
  }
  // Not a path at all: refused before the file system is consulted.
  auto absolute = RawGet("C:\\Windows\\win.ini");
  ASSERT_TRUE(absolute);
  EXPECT_EQ(absolute->result_int(), 400);
}

TEST_F(StaticServerTest, SpaFallbackServesIndexForAppRoutes) {
  for (const char* path : {"/warnings", "/warnings/W-123", "/clues/C-1/transfer"}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->result_int(), 200) << path;
    EXPECT_EQ(response->body(), StaticSite::kIndexHtml) << path;
    EXPECT_EQ((*response)["Content-Type"], "text/html; charset=utf-8");
  }
  auto missing_file = Get("/assets/missing-123.js");
  ASSERT_TRUE(missing_file);
  EXPECT_EQ(missing_file->result_int(), 404);

  // /api never falls back to the app.
  auto api = Get("/api/v1/no-such-route");
  ASSERT_TRUE(api);
  EXPECT_EQ(api->result_int(), 404);
  EXPECT_EQ(JsonOf(*api)["error"]["code"], "route_not_found");
  EXPECT_EQ((*api)["Cache-Control"], "no-store");
}

TEST_F(StaticServerTest, HeadAndOtherMethods) {
  TestConnection connection(port_);
  auto head = connection.Request("HEAD", "/robots.txt");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200);
  EXPECT_EQ((*head)["Content-Length"], "14");
  EXPECT_TRUE(head->body().empty());
  auto after = connection.Request("GET", "/robots.txt");  // framing intact after HEAD
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body(), "User-agent: *\n");

  auto post = Fetch(port_, "POST", "/index.html", "x");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->result_int(), 405);
  EXPECT_EQ((*post)["Allow"], "GET, HEAD");
}

TEST_F(StaticServerTest, LargeFileArrivesWhole) {
  TestConnection connection(port_);
  auto response = connection.Request("GET", "/big.bin", {}, {}, 30s);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_EQ((*response)["Content-Type"], "application/octet-stream");
  EXPECT_EQ((*response)["Content-Length"], std::to_string(site_.big_file_content.size()));
  EXPECT_TRUE(response->body() == site_.big_file_content);
  auto next = connection.Request("GET", "/robots.txt");  // still in step afterwards
  ASSERT_TRUE(next);
  EXPECT_EQ(next->result_int(), 200);
}

}  // namespace
}  // namespace sunlight::http::testing
