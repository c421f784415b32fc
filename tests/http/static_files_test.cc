// StaticFiles::Lookup: resolution, refusals, SPA fallback, caching and MIME types.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include "http/mime_types.h"
#include "static_site.h"

namespace sunlight::http {
namespace {

using testing::StaticSite;

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFile Get(std::string_view path, std::string_view if_none_match = {}) {
    return files_.Lookup(path, if_none_match);
  }
  StaticSite site_;
  StaticFiles files_ = StaticFiles::Open(site_.root()).value();
};

TEST_F(StaticFilesTest, ServesFilesAndDirectoryIndexes) {
  StaticFile index = Get("/");
  ASSERT_EQ(index.kind, StaticFile::Kind::kFile);
  EXPECT_EQ(index.file.filename(), "index.html");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.cache_control, "no-cache");
  EXPECT_EQ(index.size, std::string(StaticSite::kIndexHtml).size());

  StaticFile docs = Get("/docs/");
  ASSERT_EQ(docs.kind, StaticFile::Kind::kFile);
  EXPECT_EQ(docs.file, site_.root() / "docs/index.html");

  StaticFile js = Get(StaticSite::kHashedJs);
  ASSERT_EQ(js.kind, StaticFile::Kind::kFile);
  EXPECT_EQ(js.cache_control, "public, max-age=31536000, immutable");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");

  EXPECT_EQ(Get("/robots-link.txt").kind, StaticFile::Kind::kFile);  // symlink inside the root
}

TEST_F(StaticFilesTest, RefusesTraversalHiddenFilesAndEscapingSymlinks) {
  for (const char* path : {"/../outside/secret.txt",
                           "/%2e%2e/outside/secret.txt",
                           "/%2E%2E/outside/passwd",
                           "/assets/..%2f..%2f..%2foutside%2fsecret.txt",
                           "/assets/%2e%2e/index.html",
                           "/./index.html",
                           "//etc/passwd",
                           "/%2Fetc%2Fpasswd",
                           "/escape/secret.txt",
                           "/escape/passwd",
                           "/escape.txt",
                           "/escape",
                           "/.env",
                           "/%2eenv",
                           "/a%00b",
                           "/..\\outside\\passwd",
                           "/%5c..%5coutside%5cpasswd",
                           "relative/path",
                           "",
                           "/%zz"}) {
    EXPECT_EQ(Get(path).kind, StaticFile::Kind::kNotFound) << path;
  }
}

TEST_F(StaticFilesTest, FallsBackToIndexForAppRoutesOnly) {
  StaticFile route = Get("/warnings/W-123");
  ASSERT_EQ(route.kind, StaticFile::Kind::kFile);
  EXPECT_EQ(route.file.filename(), "index.html");
  EXPECT_EQ(route.cache_control, "no-cache");

  EXPECT_EQ(Get("/missing.js").kind, StaticFile::Kind::kNotFound);
  EXPECT_EQ(Get("/assets/index-0000.js").kind, StaticFile::Kind::kNotFound);
}

TEST_F(StaticFilesTest, EtagRevalidation) {
  StaticFile first = Get(StaticSite::kHashedJs);
  ASSERT_EQ(first.kind, StaticFile::Kind::kFile);
  ASSERT_FALSE(first.etag.empty());
  EXPECT_EQ(first.etag.front(), '"');

  StaticFile again = Get(StaticSite::kHashedJs, first.etag);
  EXPECT_EQ(again.kind, StaticFile::Kind::kNotModified);
  EXPECT_EQ(again.etag, first.etag);
  EXPECT_EQ(again.cache_control, first.cache_control);

  EXPECT_EQ(Get(StaticSite::kHashedJs, "\"other\"").kind, StaticFile::Kind::kFile);
  EXPECT_NE(Get("/").etag, first.etag);
}

TEST(IfNoneMatchTest, ListsWeakTagsAndStar) {
  EXPECT_TRUE(IfNoneMatchMatches("\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\", W/\"a\"", "\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches(" \"x\" ,\t\"a\" ", "\"a\""));
  EXPECT_TRUE(IfNoneMatchMatches("*", "\"a\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"ab\"", "\"a\""));
  EXPECT_FALSE(IfNoneMatchMatches("", "\"a\""));
}

TEST(StaticFilesOpenTest, MissingRootIsAnError) {
  StatusOr<StaticFiles> files = StaticFiles::Open("/nonexistent/sunlight/dist");
  ASSERT_FALSE(files.ok());
  EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
}

TEST(MimeTypesTest, WebAppTypes) {
  struct Case {
    const char* name;
    const char* type;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"index.html", "text/html; charset=utf-8"},
           {"a.js", "text/javascript; charset=utf-8"},
           {"a.mjs", "text/javascript; charset=utf-8"},
           {"a.css", "text/css; charset=utf-8"},
           {"a.json", "application/json; charset=utf-8"},
           {"a.js.map", "application/json; charset=utf-8"},
           {"a.svg", "image/svg+xml; charset=utf-8"},
           {"a.txt", "text/plain; charset=utf-8"},
           {"a.png", "image/png"},
           {"A.JPG", "image/jpeg"},
           {"favicon.ico", "image/x-icon"},
           {"f.woff", "font/woff"},
           {"f.woff2", "font/woff2"},
           {"f.ttf", "font/ttf"},
           {"e.wasm", "application/wasm"},
           {"dir.d/noext", "application/octet-stream"},
           {"x.exe", "application/octet-stream"},
       }) {
    EXPECT_EQ(MimeTypeForPath(c.name), c.type) << c.name;
  }
}

}  // namespace
}  // namespace sunlight::http
