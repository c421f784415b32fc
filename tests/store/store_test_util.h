// Helpers shared by the store tests: a scratch directory and quick opens.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include <unistd.h>

#include "store/database.h"

namespace sunlight::store::testing {

// A fresh directory under the system temp dir, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = "sunlight-store-" + std::to_string(::getpid()) + "-" +
                       std::to_string(counter.fetch_add(1)) + "-" +
                       (info != nullptr ? std::string(info->name()) : std::string("test"));
    path_ = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Opens `url` or fails the test.
inline std::unique_ptr<Database> OpenOrDie(const std::string& url,
                                           const OpenOptions& options = {}) {
  StatusOr<std::unique_ptr<Database>> db = Database::Open(url, options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(db).value() : nullptr;
}

inline std::unique_ptr<Connection> ConnectOrDie(Database& db) {
  StatusOr<std::unique_ptr<Connection>> conn = db.Connect();
  EXPECT_TRUE(conn.ok()) << conn.status();
  return conn.ok() ? std::move(conn).value() : nullptr;
}

// The single integer a query returns (for counts); -1 on error.
inline std::int64_t QueryInt(Connection& conn, const std::string& sql,
                             const std::vector<Value>& params = {}) {
  StatusOr<ResultSet> rs = conn.Query(sql, params);
  EXPECT_TRUE(rs.ok()) << rs.status();
  if (!rs.ok() || rs->empty()) return -1;
  return rs->row(0)[0].AsInteger(-1);
}

}  // namespace sunlight::store::testing
