// `sunlight demo` end to end on the real division table: generate, import, serve; a second
// start reuses the database instead of generating again.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>

#include "http_get.h"
#include "subprocess.h"

namespace sunlight {
namespace {

using test_support::Child;

const std::string kBinary = SUNLIGHT_BINARY;

int WaitForPort(Child& child, std::string* transcript) {
  std::string line = child.WaitForLine("http://", 240000);
  *transcript += line;
  std::smatch m;
  if (!std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:(\d+))"))) return 0;
  return std::stoi(m[1]);
}

TEST(DemoTest, GeneratesImportsServesAndReuses) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("sunlight-demo-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  {
    Child demo({kBinary, "demo", "--data-dir", dir.string(), "--listen", "127.0.0.1:0",
                "--households", "150"});
    std::string scanned = demo.WaitForLine("预警扫描", 240000);
    EXPECT_NE(scanned.find("条预警"), std::string::npos) << "the demo scans after importing";
    std::string transcript;
    int port = WaitForPort(demo, &transcript);
    ASSERT_GT(port, 0) << transcript;
    std::string health = test_support::HttpGet(port, "/api/v1/health");
    EXPECT_NE(health.find(R"({"status":"ok"})"), std::string::npos) << health;
    EXPECT_EQ(demo.Stop(SIGTERM), 0);
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "sunlight.db"));
  EXPECT_TRUE(std::filesystem::exists(dir / "dataset" / "households.csv"));
  {
    Child again({kBinary, "demo", "--data-dir", dir.string(), "--listen", "127.0.0.1:0"});
    std::string reused = again.WaitForLine("沿用", 60000);
    EXPECT_FALSE(reused.empty()) << "second start should reuse the imported data";
    std::string transcript;
    ASSERT_GT(WaitForPort(again, &transcript), 0) << transcript;
    EXPECT_EQ(again.Stop(SIGTERM), 0);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sunlight
