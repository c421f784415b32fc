// The `sunlight` binary as operators and scripts see it: help, exit codes, serve, backup,
// regions. Runs the real binary (SUNLIGHT_BINARY) against temporary databases.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "http_get.h"
#include "store/database.h"
#include "subprocess.h"

namespace sunlight {
namespace {

using test_support::Child;
using test_support::RunProcess;
using test_support::RunResult;

const std::string kBinary = SUNLIGHT_BINARY;
const std::string kFixtureRegions = std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions";

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sunlight-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Db() const { return (dir_ / "test.db").string(); }
  // A subcommand with the small region fixture, so a new database initialises in milliseconds.
  RunResult Sunlight(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {kBinary, "--regions-dir", kFixtureRegions});
    return RunProcess(args, input);
  }

  std::filesystem::path dir_;
};

using test_support::HttpGet;

TEST_F(CliTest, HelpListsEverySubcommandOfTheInterface) {
  RunResult r = RunProcess({kBinary, "--help"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* sub : {"demo", "import", "scan", "serve", "user", "backup", "verify-audit"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << "missing subcommand " << sub;
  }
}

TEST_F(CliTest, EverySubcommandHasHelp) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{{"demo"},
                                                                             {"import"},
                                                                             {"scan"},
                                                                             {"serve"},
                                                                             {"user"},
                                                                             {"user", "add"},
                                                                             {"backup"},
                                                                             {"verify-audit"},
                                                                             {"regions"}}) {
    std::vector<std::string> argv{kBinary};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--help");
    RunResult r = RunProcess(argv);
    EXPECT_EQ(r.exit_code, 0) << args.back() << ": " << r.err;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << args.back();
  }
  RunResult import_help = RunProcess({kBinary, "import", "--help"});
  for (const char* option : {"--db", "--encoding", "--replace", "--report", "--as"}) {
    EXPECT_NE(import_help.out.find(option), std::string::npos) << option;
  }
}

TEST_F(CliTest, NoSubcommandOrUnknownOptionIsAUsageError) {
  EXPECT_EQ(RunProcess({kBinary}).exit_code, 2);
  EXPECT_EQ(RunProcess({kBinary, "serve", "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(RunProcess({kBinary, "user", "add", "--login", "a", "--role", "emperor", "--org", "x",
                        "--password-stdin"})
                .exit_code,
            2);
}

TEST_F(CliTest, ScanOfAnEmptyLedgerWritesNoWarnings) {
  const std::string out = Db() + ".jsonl";
  RunResult r = Sunlight({"scan", "--db", Db(), "--as-of", "2021-12-31", "--out", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::ifstream file(out);
  EXPECT_TRUE(file.good()) << out;
  EXPECT_EQ(file.peek(), std::ifstream::traits_type::eof());
}

TEST_F(CliTest, ScanOfAnUnknownRuleFailsNamingIt) {
  RunResult unknown = Sunlight({"scan", "--db", Db(), "--rules", "A01,Z99"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("Z99"), std::string::npos) << unknown.err;
}

TEST_F(CliTest, ScanRunsTheWorkflowRulesByName) {
  // D02 and D03 read the rectification tasks and transfers (supervision/workflow_rules.h), not
  // the ledger: named with a ledger rule they run after it. A transfer sent on 2026-10-09 and
  // never acknowledged is far past D03's 5 working days on 2026-11-20.
  ASSERT_EQ(Sunlight({"scan", "--db", Db(), "--rules", "A01"}).exit_code, 0);  // creates the db
  {
    auto db = store::Database::Open(Db());
    ASSERT_TRUE(db.ok()) << db.status();
    auto conn = (*db)->Connect();
    ASSERT_TRUE(conn.ok()) << conn.status();
    ASSERT_TRUE((*conn)
                    ->Execute("INSERT INTO transfers(letter_no, from_org_id, to_org_id, "
                              "from_region, to_region, state, feedback_due, note, request_key, "
                              "sent_at, sent_on, created_by) VALUES ('毕纪协〔2026〕3号', "
                              "'5205-JW', '4401-JW', '5205', '4401', 'sent', '2026-11-06', '', "
                              "'k1', '2026-10-09T02:00:00Z', '2026-10-09', 'bj_jw')")
                    .ok());
  }
  const std::string out = Db() + ".jsonl";
  RunResult r = Sunlight(
      {"scan", "--db", Db(), "--rules", "A01,D02,D03", "--as-of", "2026-11-20", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::ifstream file(out);
  std::string line;
  ASSERT_TRUE(std::getline(file, line)) << "no warning written";
  EXPECT_NE(line.find("\"rule\":\"D03\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"subject_type\":\"transfer\""), std::string::npos) << line;
  EXPECT_FALSE(std::getline(file, line)) << "one warning only: " << line;
}

TEST_F(CliTest, RegionsPrintsFullNamePathAndChildren) {
  RunResult r = Sunlight({"regions", "--db", Db(), "520521000000", "--children"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("520521\t3\t贵州省 / 毕节市 / 大方县"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  520521"), std::string::npos) << "children listed: " << r.out;
}

TEST_F(CliTest, UnknownRegionFailsNamingTheCode) {
  RunResult r = Sunlight({"regions", "--db", Db(), "529999"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("529999"), std::string::npos) << r.err;
}

TEST_F(CliTest, NewDatabaseIsInitialisedOnFirstUseAndReused) {
  ASSERT_EQ(Sunlight({"regions", "--db", Db(), "52"}).exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(Db()));
  // A second use neither reloads nor fails (the region table is already there).
  RunResult again = Sunlight({"regions", "--db", "sqlite:" + Db(), "5205"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("毕节市"), std::string::npos);
}

TEST_F(CliTest, BackupWritesAnOpenableCopyAndRefusesToOverwrite) {
  ASSERT_EQ(Sunlight({"regions", "--db", Db(), "52"}).exit_code, 0);
  std::string copy = (dir_ / "copy.db").string();
  RunResult r = Sunlight({"backup", "--db", Db(), "--out", copy});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The copy is a database in its own right, holding the region table.
  RunResult from_copy_ok = Sunlight({"regions", "--db", copy, "520521"});
  EXPECT_EQ(from_copy_ok.exit_code, 0) << from_copy_ok.err;
  EXPECT_NE(from_copy_ok.out.find("大方县"), std::string::npos);
  EXPECT_NE(Sunlight({"backup", "--db", Db(), "--out", copy}).exit_code, 0);
}

TEST_F(CliTest, ServeAnswersHealthAndRegionsThenStopsOnSigterm) {
  Child server({kBinary, "--regions-dir", kFixtureRegions, "serve", "--db", Db(), "--listen",
                "127.0.0.1:0"});
  std::string line = server.WaitForLine("http://", 30000);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:(\d+))"))) << line;
  int port = std::stoi(m[1]);

  std::string health = HttpGet(port, "/api/v1/health");
  EXPECT_NE(health.find("200 OK"), std::string::npos) << health;
  EXPECT_NE(health.find(R"({"status":"ok"})"), std::string::npos) << health;

  std::string region = HttpGet(port, "/api/v1/regions/520521");
  EXPECT_NE(region.find("200 OK"), std::string::npos) << region;
  EXPECT_NE(region.find(R"("full_name":"贵州省 / 毕节市 / 大方县")"), std::string::npos) << region;

  std::string missing = HttpGet(port, "/api/v1/regions/529999");
  EXPECT_NE(missing.find("404"), std::string::npos) << missing;
  EXPECT_NE(missing.find(R"("error":{)"), std::string::npos) << missing;

  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST_F(CliTest, ServeFailsClearlyWhenThePortIsTaken) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 1), 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  std::string listen_at = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  RunResult r = Sunlight({"serve", "--db", Db(), "--listen", listen_at});
  close(fd);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace sunlight
