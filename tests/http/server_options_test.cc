// Listen-address parsing, access-log lines and the open-file limit.
#include <sys/resource.h>

#include <gtest/gtest.h>

#include "http/access_log.h"
#include "http/fd_limit.h"
#include "http/server_options.h"

namespace sunlight::http {
namespace {

TEST(ParseListenAddressTest, AcceptsTheUsualForms) {
  using Pair = std::pair<std::string, uint16_t>;
  EXPECT_EQ(ParseListenAddress("127.0.0.1:8080").value(), (Pair{"127.0.0.1", 8080}));
  EXPECT_EQ(ParseListenAddress("[::1]:443").value(), (Pair{"::1", 443}));
  EXPECT_EQ(ParseListenAddress(":80").value(), (Pair{"0.0.0.0", 80}));
  EXPECT_EQ(ParseListenAddress("localhost:0").value(), (Pair{"127.0.0.1", 0}));
  for (const char* bad : {"8080", "host:", "host:65536", "host:8x", "::1:80", ""}) {
    EXPECT_FALSE(ParseListenAddress(bad).ok()) << bad;
  }
}

TEST(AccessLogTest, OneLineWithoutQueryOrControlCharacters) {
  std::string line =
      FormatAccessLogLine("GET", "/api/v1/health", 200, std::chrono::microseconds(1500));
  EXPECT_NE(line.find(" GET /api/v1/health 200 1.5ms"), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);

  std::string forged = FormatAccessLogLine("GET", "/a\r\nGET /admin 200", 404, {});
  EXPECT_EQ(forged.find('\n'), std::string::npos) << forged;
  EXPECT_EQ(forged.find('\r'), std::string::npos) << forged;

  std::string longer = FormatAccessLogLine("GET", "/" + std::string(5000, 'a'), 404, {});
  EXPECT_LT(longer.size(), 400u);
}

TEST(FdLimitTest, RaisesSoftLimitToHardLimit) {
  StatusOr<uint64_t> raised = RaiseOpenFileLimit();
  ASSERT_TRUE(raised.ok()) << raised.status();
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  EXPECT_EQ(limit.rlim_cur, *raised);
  if (limit.rlim_max != RLIM_INFINITY) {
    EXPECT_EQ(limit.rlim_cur, limit.rlim_max);
  }
}

}  // namespace
}  // namespace sunlight::http
