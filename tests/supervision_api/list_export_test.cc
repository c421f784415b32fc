// ?format=xlsx on the workflow lists (clues, transfers, cases, problems, tasks): the workbook
// holds every row the JSON list holds for the same filters and user (not one page), in the
// same order and masking, under Chinese headers; each export is audited; over the limit it is
// 413; a format other than json/xlsx is 400. The workbook is read back with the ledger's reader.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api_support/list_export_fixture.h"

namespace sunlight::http::testing {
namespace {

using nlohmann::json;

class ListExportTest : public ListExportFixture {
 protected:
  // The state of the list's first row, to export with a filter; "" when the list is empty.
  std::string SomeState(const std::string& login, const std::string& path) {
    ApiClient client = LoginAs(login);
    HttpResponse r = client.Get(path + "?page_size=1");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    const json items = JsonOf(r)["items"];
    return items.empty() ? "" : items[0].value("state", "");
  }

  // Unfiltered and state-filtered exports of `insider` equal their lists; `outsider`'s export
  // equals its own list and lacks some row the insider exports (jurisdiction or party).
  void CheckListExports(const std::string& collection, const std::string& insider,
                        const std::string& outsider) {
    const std::string path = "/api/v1/" + collection;
    const std::set<std::string> in = ExportMatchesList(insider, collection, path + "?x=1");
    const std::set<std::string> out = ExportMatchesList(outsider, collection, path + "?x=1");
    EXPECT_GE(in.size(), 2u) << collection << ": seeded rows";
    bool some_hidden = false;
    for (const std::string& id : in) some_hidden = some_hidden || !out.contains(id);
    EXPECT_TRUE(some_hidden) << collection << ": " << outsider << " exports only its own rows";
    const std::string state = SomeState(insider, path);
    ASSERT_FALSE(state.empty());
    const std::set<std::string> filtered =
        ExportMatchesList(insider, collection, path + "?state=" + state);
    EXPECT_FALSE(filtered.empty());
    for (const std::string& id : filtered) EXPECT_TRUE(in.contains(id)) << id;
  }

  std::string Sql1(const std::string& sql) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(sql, {});
    EXPECT_TRUE(rs.ok() && !rs->empty()) << sql;
    return rs.ok() && !rs->empty() ? rs->at(0, 0).AsText() : "";
  }

  static json ClueBody(const std::string& region) {
    return {{"channel", "petition"},
            {"summary", "反映某村干部截留产业扶贫资金"},
            {"received_on", "2026-03-02"},
            {"region_code", region},
            {"persons", {{{"name", "王某"}, {"org_name", "某村委会"}, {"position", "村主任"}}}},
            {"informant", {{"name", "李四"}, {"contact", "13800000000"}}}};
  }
  std::int64_t NewClue(ApiClient& client, const std::string& region) {
    HttpResponse r = client.Post("/api/v1/clues", ClueBody(region));
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return JsonOf(r).value("id", std::int64_t{0});
  }
  // A problem of 毕节 (with one task) in `region`, its responsible org `org`.
  void NewProblem(const std::string& region, const std::string& org, const std::string& login) {
    ApiClient bj = LoginAs("bj_jw");
    json task = {{"description", "整改闲置资金"}, {"measures", "制定支出计划并按月调度"},
                 {"deadline", "2026-12-31"},      {"responsible_org_id", org},
                 {"responsible_login", login},    {"cadence", "weekly"},
                 {"assigned_on", "2026-11-02"}};
    json problem = {{"source", "inspection"},
                    {"category", "project_construction"},
                    {"behaviour", "建设进度滞后"},
                    {"title", "基地建设缓慢"},
                    {"region_code", region},
                    {"responsible_org_id", org},
                    {"tasks", {task}}};
    HttpResponse r = bj.Post("/api/v1/problems", problem);
    EXPECT_EQ(r.result_int(), 200) << r.body();
  }
  // Two problems of 毕节, in 大方县 and in another county; dafang_jw (大方县's commission)
  // sees only the first.
  void SeedProblems() {
    const std::string other_org = Sql1(
        "SELECT org_id FROM organizations WHERE region_code LIKE '5205%' AND "
        "LENGTH(region_code) >= 6 AND SUBSTR(region_code, 1, 6) <> '520521' AND "
        "SUBSTR(region_code, 5, 2) <> '00' ORDER BY org_id");
    const std::string other_region =
        Sql1("SELECT region_code FROM organizations WHERE org_id = '" + other_org + "'");
    AddUser("other_owner", access::Role::kProjectOwner, other_org);
    NewProblem("520521", "520521-NY", "dafang_ny");
    NewProblem(other_region, other_org, "other_owner");
    AddUser("dafang_jw", access::Role::kSupervisor, "520521-JW");
  }
};

// 广州's clues of 广州 are not 毕节's.
TEST_F(ListExportTest, CluesExportEqualsTheList) {
  ApiClient gz = LoginAs("gz_jw");
  NewClue(gz, "440106");
  NewClue(gz, "440106");
  ApiClient bj = LoginAs("bj_jw");
  NewClue(bj, "520521");
  CheckListExports("clues", "gz_jw", "bj_jw");
}

// A third commission is party to no transfer between 广州 and 毕节.
TEST_F(ListExportTest, TransfersExportEqualsTheList) {
  ApiClient gz = LoginAs("gz_jw");
  for (int i = 1; i <= 2; ++i) {
    const std::int64_t clue = NewClue(gz, "440106");
    HttpResponse sent =
        gz.Post("/api/v1/transfers", {{"request_key", "gz-export-" + std::to_string(i)},
                                      {"letter_no", "穗纪移〔2026〕12号"},
                                      {"to_org_id", "5205-JW"},
                                      {"items", {{{"type", "clue"}, {"id", clue}}}},
                                      {"feedback_working_days", 10},
                                      {"batch_quarter", "2026Q4"},
                                      {"note", "被反映人系毕节市管理干部"}});
    ASSERT_EQ(sent.result_int(), 201) << sent.body();
  }
  AddUser("dafang_jw", access::Role::kSupervisor, "520521-JW");
  CheckListExports("transfers", "gz_jw", "dafang_jw");
}

// 广州's cases in 广州 are not 毕节's.
TEST_F(ListExportTest, CasesExportEqualsTheList) {
  AddUser("gz_case", access::Role::kCaseHandler, "4401-JW");
  AddUser("bj_case", access::Role::kCaseHandler, "5205-JW");
  ApiClient handler = LoginAs("gz_case");
  for (int i = 0; i < 2; ++i) {
    HttpResponse filed =
        handler.Post("/api/v1/cases", {{"title", "王某截留扶贫资金案"}, {"region_code", "440106"}});
    ASSERT_EQ(filed.result_int(), 201) << filed.body();
  }
  CheckListExports("cases", "gz_case", "bj_case");
}

TEST_F(ListExportTest, ProblemsExportEqualsTheList) {
  SeedProblems();
  CheckListExports("problems", "bj_jw", "dafang_jw");
}

TEST_F(ListExportTest, TasksExportEqualsTheList) {
  SeedProblems();
  CheckListExports("tasks", "bj_jw", "dafang_jw");
}

// The commission's list of reports from the public (/api/v1/reports): 毕节's commission exports
// the reports of its villages; a commission of another province exports none of them.
TEST_F(ListExportTest, ReportsExportEqualsTheList) {
  const std::string village = Sql1(
      "SELECT village_code FROM households WHERE village_code LIKE '5205%' "
      "ORDER BY village_code");
  ASSERT_FALSE(village.empty());
  for (const std::string content : {"村干部优亲厚友，低保评定不公", "产业项目资金去向不明"}) {
    HttpResponse r =
        Client().Post("/api/v1/public/reports",
                      {{"region_code", village}, {"content", content}, {"anonymous", true}});
    ASSERT_EQ(r.result_int(), 201) << r.body();
  }
  const std::string far = Sql1(
      "SELECT org_id FROM organizations WHERE region_code NOT LIKE '52%' AND "
      "region_code NOT LIKE '4401%' ORDER BY org_id");
  ASSERT_FALSE(far.empty());
  AddUser("far_jw", access::Role::kSupervisor, far);
  const std::set<std::string> bj = ExportMatchesList("bj_jw", "reports", "/api/v1/reports?x=1");
  EXPECT_GE(bj.size(), 2u);
  const std::set<std::string> other = ExportMatchesList("far_jw", "reports", "/api/v1/reports?x=1");
  for (const std::string& id : bj) EXPECT_FALSE(other.contains(id)) << id;
  const std::set<std::string> received =
      ExportMatchesList("bj_jw", "reports", "/api/v1/reports?state=received");
  EXPECT_EQ(received, bj) << "both new reports are received";
  HttpResponse bad = LoginAs("bj_jw").Get("/api/v1/reports?format=pdf");
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(JsonOf(bad)["error"]["code"], "invalid_format");
}

TEST_F(ListExportTest, OtherFormatsAre400) {
  AddUser("bj_case", access::Role::kCaseHandler, "5205-JW");
  ApiClient bj = LoginAs("bj_jw");
  ApiClient bj_case = LoginAs("bj_case");
  for (const std::string collection : {"clues", "transfers", "cases", "problems", "tasks"}) {
    ApiClient& client = collection == "cases" ? bj_case : bj;
    HttpResponse bad = client.Get("/api/v1/" + collection + "?format=pdf");
    EXPECT_EQ(bad.result_int(), 400) << collection;
    EXPECT_EQ(JsonOf(bad)["error"]["code"], "invalid_format") << collection;
  }
}

TEST_F(ListExportTest, OverTheLimitIs413AndAudited) {
  SeedProblems();
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse list = bj.Get("/api/v1/problems");
  ASSERT_EQ(list.result_int(), 200);
  ASSERT_GE(JsonOf(list)["total"].get<std::int64_t>(), 2);
  const std::int64_t refused_before = AuditCount("export.problems", "export_too_large");
  ::setenv("SUNLIGHT_EXPORT_MAX_ROWS", "1", 1);
  HttpResponse r = bj.Get("/api/v1/problems?format=xlsx");
  ::unsetenv("SUNLIGHT_EXPORT_MAX_ROWS");
  EXPECT_EQ(r.result_int(), 413);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "export_too_large");
  EXPECT_EQ(AuditCount("export.problems", "export_too_large"), refused_before + 1);
}

TEST_F(ListExportTest, UserWithoutTheDutyCannotExport) {
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse r = owner.Get("/api/v1/clues?format=xlsx");
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(AuditCount("export.clues", "ok"), 0);
}

}  // namespace
}  // namespace sunlight::http::testing
