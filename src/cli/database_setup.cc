#include "cli/database_setup.h"

#include <filesystem>
#include <iostream>

#include "cli/terminal.h"
#include "core/division_table.h"
#include "store/region_table.h"

namespace sunlight::cli {

StatusOr<std::unique_ptr<store::Database>> OpenDatabase(const std::string& url,
                                                        const GlobalOptions& global) {
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::Database::Open(url));
  std::filesystem::path dist_dir = global.regions_dir;
  if (dist_dir.empty()) {
    SUNLIGHT_ASSIGN_OR_RETURN(dist_dir, FindDivisionDataDir());
  }
  // Only the first open of a database loads anything; say so when a person is watching,
  // because it takes a moment.
  SUNLIGHT_ASSIGN_OR_RETURN(std::unique_ptr<store::Connection> conn, db->Connect());
  SUNLIGHT_ASSIGN_OR_RETURN(store::ResultSet rs,
                            conn->Query("SELECT COUNT(*) FROM regions WHERE level = 1"));
  conn.reset();
  bool empty = rs.empty() || rs.at(0, 0).AsInteger() == 0;
  if (empty && StderrIsTerminal()) {
    std::cerr << "正在载入全国五级区划代码（国家统计局 2023 年，约 66 万条）…" << std::endl;
  }
  SUNLIGHT_RETURN_IF_ERROR(store::EnsureRegionsLoaded(*db, dist_dir));
  return db;
}

}  // namespace sunlight::cli
