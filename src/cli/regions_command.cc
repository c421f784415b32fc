// `sunlight regions CODE…`: look up division codes (an extension of interfaces.md for
// operators checking a dataset's codes).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/app.h"
#include "cli/command.h"
#include "cli/database_setup.h"
#include "store/region_table.h"

namespace sunlight::cli {
namespace {

struct RegionsOptions {
  std::string db = kDefaultDbUrl;
  std::vector<std::string> codes;
  bool children = false;
};

Status PrintRegion(store::Connection& conn, const std::string& code, bool with_children) {
  SUNLIGHT_ASSIGN_OR_RETURN(store::Region region, store::FindRegion(conn, code));
  SUNLIGHT_ASSIGN_OR_RETURN(std::string full_name, store::FullName(conn, region.code));
  std::cout << region.code << "\t" << region.level << "\t" << full_name << "\n";
  if (!with_children) return Status::Ok();
  SUNLIGHT_ASSIGN_OR_RETURN(std::vector<store::Region> children,
                            store::Children(conn, region.code));
  for (const store::Region& child : children) {
    std::cout << "  " << child.code << "\t" << child.level << "\t" << child.name << "\n";
  }
  return Status::Ok();
}

int RunRegions(const RegionsOptions& opts, const GlobalOptions& global) {
  StatusOr<std::unique_ptr<store::Database>> db = OpenDatabase(opts.db, global);
  if (!db.ok()) return ReportFailure(db.status());
  StatusOr<std::unique_ptr<store::Connection>> conn = (*db)->Connect();
  if (!conn.ok()) return ReportFailure(conn.status());
  int exit_code = kExitOk;
  for (const std::string& code : opts.codes) {
    if (Status s = PrintRegion(**conn, code, opts.children); !s.ok()) {
      exit_code = ReportFailure(s.WithPrefix(code));
    }
  }
  return exit_code;
}

}  // namespace

void RegisterRegionsCommand(CLI::App& app, CommandContext& ctx) {
  auto opts = std::make_shared<RegionsOptions>();
  CLI::App* sub = app.add_subcommand(
      "regions", "查询区划代码：层级与全称，可列出下级 (look up division codes)");
  sub->add_option("--db", opts->db, "数据库：SQLite 路径、sqlite:PATH 或 postgresql://…")
      ->capture_default_str();
  sub->add_option("codes", opts->codes, "区划代码（2/4/6/9/12 位）")->required();
  sub->add_flag("--children", opts->children, "同时列出直接下级");
  sub->footer("输出：代码<TAB>层级<TAB>全称（省 / 市 / 县 / 乡 / 村）。");
  sub->callback([&ctx, opts] { ctx.exit_code = RunRegions(*opts, ctx.global); });
}

}  // namespace sunlight::cli
