// Request accessors and URL decoding.
#include "http/request.h"

#include <gtest/gtest.h>

namespace sunlight::http {
namespace {

TEST(PercentDecodeTest, DecodesEscapesAndKeepsPlusInPaths) {
  EXPECT_EQ(PercentDecode("/a%20b/%E9%98%B3%E5%85%89").value(), "/a b/阳光");
  EXPECT_EQ(PercentDecode("a+b").value(), "a+b");
  EXPECT_EQ(PercentDecode("a+b", /*plus_is_space=*/true).value(), "a b");
  EXPECT_EQ(PercentDecode("%2e%2E").value(), "..");
}

TEST(PercentDecodeTest, RejectsMalformedEscapes) {
  for (const char* bad : {"%", "%2", "%zz", "abc%", "%g0", "a%2"}) {
    StatusOr<std::string> decoded = PercentDecode(bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(decoded.status().reason(), "bad_percent_encoding");
  }
}

TEST(ParseQueryStringTest, DecodesPairsInOrderAndKeepsRepeats) {
  NameValueList query =
      ParseQueryString("page=2&region=52&region=4401&q=%E6%AF%95+%E8%8A%82&flag&&").value();
  ASSERT_EQ(query.size(), 5u);
  EXPECT_EQ(query[0], (std::pair<std::string, std::string>{"page", "2"}));
  EXPECT_EQ(query[3], (std::pair<std::string, std::string>{"q", "毕 节"}));
  EXPECT_EQ(query[4], (std::pair<std::string, std::string>{"flag", ""}));

  Request request;
  request.query = query;
  EXPECT_EQ(request.Query("page"), "2");
  EXPECT_EQ(request.Query("missing"), std::nullopt);
  EXPECT_EQ(request.QueryAll("region"), (std::vector<std::string_view>{"52", "4401"}));
  EXPECT_FALSE(ParseQueryString("a=%zz").ok());
}

TEST(RequestTest, HeadersAreCaseInsensitiveAndParamsByName) {
  Request request;
  request.headers = {{"Content-Type", "application/json"}, {"X-CSRF-Token", "t"}};
  request.params = {{"id", "W-1"}};
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_EQ(request.Header("x-csrf-token"), "t");
  EXPECT_EQ(request.Header("cookie"), std::nullopt);
  EXPECT_EQ(request.Param("id"), "W-1");
  EXPECT_EQ(request.Param("other"), "");
}

}  // namespace
}  // namespace sunlight::http
