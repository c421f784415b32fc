// `sunlight user add` and `sunlight verify-audit` as operators run them: the real binary on a
// temporary database with the small region fixture.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"
#include "subprocess.h"

namespace sunlight {
namespace {

using test_support::RunProcess;
using test_support::RunResult;

const std::string kBinary = SUNLIGHT_BINARY;
const std::string kFixtureRegions = std::string(SUNLIGHT_SOURCE_DIR) + "/tests/data/divisions";

class AccessCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("sunlight-access-cli-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Db() const { return (dir_ / "test.db").string(); }
  RunResult Sunlight(std::vector<std::string> args, const std::string& input = {}) {
    args.insert(args.begin(), {kBinary, "--regions-dir", kFixtureRegions});
    return RunProcess(args, input);
  }
  RunResult AddAdmin(const std::string& login, const std::string& password) {
    return Sunlight({"user", "add", "--db", Db(), "--login", login, "--role", "sysadmin", "--org",
                     "PLATFORM", "--password-stdin"},
                    password + "\n");
  }
  void Sql(const std::string& sql) {
    auto db = store::Database::Open(Db());
    ASSERT_TRUE(db.ok()) << db.status();
    auto conn = (*db)->Connect();
    ASSERT_TRUE(conn.ok());
    ASSERT_TRUE((*conn)->ExecuteScript(sql).ok()) << sql;
  }

  std::filesystem::path dir_;
};

TEST_F(AccessCliTest, UserAddCreatesAnAuditedAccount) {
  RunResult r = AddAdmin("root1", "Operator-Pass-2026");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("root1"), std::string::npos);
  RunResult again = AddAdmin("root1", "Operator-Pass-2026");
  EXPECT_EQ(again.exit_code, 1) << again.err;
  EXPECT_NE(again.err.find("login_taken"), std::string::npos) << again.err;
  RunResult weak = AddAdmin("root2", "short");
  EXPECT_EQ(weak.exit_code, 2) << weak.err;
  EXPECT_NE(weak.err.find("weak_password"), std::string::npos) << weak.err;
  RunResult unknown_org =
      Sunlight({"user", "add", "--db", Db(), "--login", "county1", "--role", "supervisor", "--org",
                "NO-SUCH-ORG", "--password-stdin", "--temporary"},
               "Operator-Pass-2026\n");
  EXPECT_EQ(unknown_org.exit_code, 2) << unknown_org.err;
  RunResult verify = Sunlight({"verify-audit", "--db", Db()});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  // One success and three refusals, each on record.
  EXPECT_NE(verify.out.find("OK 4"), std::string::npos) << verify.out;
}

TEST_F(AccessCliTest, VerifyAuditNamesAnEditedMiddleRecord) {
  for (const char* login : {"op1", "op2", "op3", "op4", "op5"}) {
    ASSERT_EQ(AddAdmin(login, "Operator-Pass-2026").exit_code, 0);
  }
  ASSERT_EQ(Sunlight({"verify-audit", "--db", Db()}).exit_code, 0);
  Sql("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET outcome = 'refused' WHERE id = 3;");
  RunResult r = Sunlight({"verify-audit", "--db", Db()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("：3"), std::string::npos) << r.out;
}

TEST_F(AccessCliTest, VerifyAuditNamesTheRecordAfterARemovedOne) {
  for (const char* login : {"op1", "op2", "op3", "op4"}) {
    ASSERT_EQ(AddAdmin(login, "Operator-Pass-2026").exit_code, 0);
  }
  Sql("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;");
  RunResult r = Sunlight({"verify-audit", "--db", Db()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("：3"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace sunlight
