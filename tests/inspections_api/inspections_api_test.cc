// /api/v1/inspections, /api/v1/archives and /api/v1/stats over a real server on the demo
// dataset: the inspection life cycle with the planner, 409/422 answers, duties and
// jurisdiction, the archives of dispatched cadres seen from both commissions, and statistics
// whose every warning number equals the total of the warnings list it links to.
#include <gtest/gtest.h>

#include <string>

#include "api_support/api_test_fixture.h"
#include "store/result_set.h"

namespace sunlight::http::testing {
namespace {

using nlohmann::json;

std::string ErrorCode(const HttpResponse& response) {
  json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class InspectionsApiTest : public ApiTest {
 protected:
  std::vector<std::string> Column(const std::string& sql,
                                  const std::vector<store::Value>& params = {}) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    std::vector<std::string> out;
    if (!conn.ok()) return out;
    auto rs = (*conn)->Query(sql, params);
    EXPECT_TRUE(rs.ok()) << sql;
    if (!rs.ok()) return out;
    for (store::Row row : *rs) out.push_back(row[0].AsText());
    return out;
  }

  // Two demo projects in 毕节 (5205, shared with 广州).
  std::vector<std::string> BijieProjects() {
    return Column(
        "SELECT project_id FROM projects WHERE region_code LIKE '5205%' "
        "ORDER BY project_id LIMIT 2");
  }

  json Draft(const std::vector<std::string>& projects) {
    json targets = json::array();
    for (const std::string& p : projects) targets.push_back({{"type", "project"}, {"ref", p}});
    return {{"kind", "special"},
            {"title", "2021年产业项目专项检查"},
            {"period_from", "2021-10-01"},
            {"period_to", "2021-10-31"},
            {"team_size", 1},
            {"members",
             {{{"id_number", "440104199001011239"}, {"name", "测试甲"}, {"org_id", "4401-JW"}},
              {{"id_number", "440104199202021234"}, {"name", "测试乙"}, {"org_id", "4401-JW"}}}},
            {"targets", targets}};
  }
};

TEST_F(InspectionsApiTest, LifeCycleWithPlanTransitionsAndFindings) {
  ApiClient gz = LoginAs("gz_jw");
  const std::vector<std::string> projects = BijieProjects();
  ASSERT_EQ(projects.size(), 2u);
  HttpResponse created = gz.Post("/api/v1/inspections", Draft(projects));
  ASSERT_EQ(created.result_int(), 201) << created.body();
  const json inspection = JsonOf(created);
  const std::int64_t id = inspection["id"].get<std::int64_t>();
  EXPECT_EQ(inspection["state"], "planned");
  EXPECT_EQ(inspection["kind_label"], "专项检查");
  EXPECT_EQ(created.body().find("440104199001011239"), std::string::npos) << "ID numbers masked";
  const std::string base = "/api/v1/inspections/" + std::to_string(id);

  HttpResponse early = gz.Post(base + "/transitions", {{"to", "in_progress"}});
  EXPECT_EQ(early.result_int(), 409);
  EXPECT_EQ(ErrorCode(early), "plan_missing");
  HttpResponse wrong = gz.Post(base + "/transitions", {{"to", "completed"}});
  ASSERT_EQ(wrong.result_int(), 409) << wrong.body();
  EXPECT_EQ(ErrorCode(wrong), "wrong_state");
  EXPECT_EQ(JsonOf(wrong)["error"]["details"]["allowed"], json({"in_progress", "cancelled"}));

  HttpResponse plan = gz.Post(base + "/plan", json::object());
  ASSERT_EQ(plan.result_int(), 200) << plan.body();
  const json p = JsonOf(plan);
  EXPECT_EQ(p["max_load"], 1);
  ASSERT_EQ(p["assignment"].size(), 2u);
  EXPECT_NE(p["assignment"][0]["members"], p["assignment"][1]["members"]) << "load balanced";

  HttpResponse started =
      gz.Post(base + "/transitions", {{"to", "in_progress"}, {"reason", "进驻"}});
  ASSERT_EQ(started.result_int(), 200) << started.body();
  EXPECT_EQ(JsonOf(started)["state"], "in_progress");
  HttpResponse finding = gz.Post(base + "/findings", {{"category", "project_construction"},
                                                      {"behaviour", "未按期完工"},
                                                      {"title", "项目未按期完工"},
                                                      {"target_seq", 1}});
  ASSERT_EQ(finding.result_int(), 201) << finding.body();
  const std::int64_t problem = JsonOf(finding)["problem_id"].get<std::int64_t>();
  EXPECT_EQ(Column("SELECT inspection_id FROM problems WHERE id = ?", {problem}),
            std::vector<std::string>{std::to_string(id)});
  EXPECT_EQ(Column("SELECT source FROM problems WHERE id = ?", {problem}),
            std::vector<std::string>{"inspection"});

  HttpResponse one = gz.Get(base);
  ASSERT_EQ(one.result_int(), 200) << one.body();
  const json detail = JsonOf(one);
  EXPECT_EQ(detail["findings"], 1);
  EXPECT_EQ(detail["events"].size(), 3u);  // created, planned, started
  EXPECT_EQ(detail["targets"][0]["members"].size(), 1u);
  EXPECT_EQ(one.body().find("440104199001011239"), std::string::npos);

  HttpResponse list = gz.Get("/api/v1/inspections?state=in_progress");
  ASSERT_EQ(list.result_int(), 200);
  EXPECT_EQ(JsonOf(list)["total"], 1);
  EXPECT_EQ(Column("SELECT COUNT(*) FROM audit_log WHERE action = 'create.inspection'"),
            std::vector<std::string>{"1"});
}

TEST_F(InspectionsApiTest, ImpossiblePlanIs422NamingTheTieOfEachMember) {
  ApiClient gz = LoginAs("gz_jw");
  // A real official of a 毕节 org, sent to inspect that very org.
  const std::vector<std::string> row = Column(
      "SELECT o.id_number || '|' || o.name || '|' || o.org_id FROM officials o "
      "JOIN organizations g ON g.org_id = o.org_id WHERE g.region_code LIKE '5205%' "
      "ORDER BY o.id_number LIMIT 1");
  ASSERT_EQ(row.size(), 1u);
  const std::string id_number = row[0].substr(0, row[0].find('|'));
  const std::string rest = row[0].substr(row[0].find('|') + 1);
  const std::string name = rest.substr(0, rest.find('|'));
  const std::string org = rest.substr(rest.find('|') + 1);
  json draft = {{"kind", "routine"},
                {"title", "日常监督"},
                {"period_from", "2021-11-01"},
                {"period_to", "2021-11-30"},
                {"members", {{{"id_number", id_number}, {"name", name}, {"org_id", org}}}},
                {"targets", {{{"type", "org"}, {"ref", org}}}}};
  HttpResponse created = gz.Post("/api/v1/inspections", draft);
  ASSERT_EQ(created.result_int(), 201) << created.body();
  const std::string base =
      "/api/v1/inspections/" + std::to_string(JsonOf(created)["id"].get<std::int64_t>());
  HttpResponse plan = gz.Post(base + "/plan", json::object());
  ASSERT_EQ(plan.result_int(), 422) << plan.body();
  EXPECT_EQ(ErrorCode(plan), "not_enough_untied_members");
  const json blocked = JsonOf(plan)["error"]["details"]["blocked_targets"];
  ASSERT_EQ(blocked.size(), 1u);
  EXPECT_EQ(blocked[0]["members"][0]["ties"][0]["reason"], "works_here");
  EXPECT_EQ(plan.body().find(id_number), std::string::npos);
}

TEST_F(InspectionsApiTest, DutiesAndJurisdiction) {
  const std::vector<std::string> projects = BijieProjects();
  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse refused = owner.Post("/api/v1/inspections", Draft(projects));
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(ErrorCode(refused), "duty_not_allowed");

  ApiClient gz = LoginAs("gz_jw");
  const std::vector<std::string> outside = Column(
      "SELECT project_id FROM projects WHERE region_code NOT LIKE '5205%' "
      "AND region_code NOT LIKE '4401%' ORDER BY project_id LIMIT 1");
  if (!outside.empty()) {
    HttpResponse far = gz.Post("/api/v1/inspections", Draft(outside));
    EXPECT_EQ(far.result_int(), 403) << far.body();
    EXPECT_EQ(ErrorCode(far), "outside_jurisdiction");
  }
  HttpResponse created = gz.Post("/api/v1/inspections", Draft(projects));
  ASSERT_EQ(created.result_int(), 201);
  const std::string base =
      "/api/v1/inspections/" + std::to_string(JsonOf(created)["id"].get<std::int64_t>());
  // 毕节's commission does not see 广州's own inspections (广州 4401 is not shared with it).
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse other = bj.Get(base);
  EXPECT_EQ(other.result_int(), 403);
  EXPECT_EQ(ErrorCode(other), "outside_jurisdiction");
  EXPECT_EQ(JsonOf(bj.Get("/api/v1/inspections"))["total"], 0);
  EXPECT_EQ(gz.Get("/api/v1/inspections/999999").result_int(), 404);
  HttpResponse bad = gz.Post("/api/v1/inspections", {{"kind", "weekly"}});
  EXPECT_EQ(bad.result_int(), 400);
}

TEST_F(InspectionsApiTest, StatsNumbersEqualTheTotalsOfTheListsTheyLinkTo) {
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse stats = gz.Get("/api/v1/stats?region=5205&from=2016-01-01&to=2021-12-31");
  ASSERT_EQ(stats.result_int(), 200) << stats.body();
  int checked = 0;
  std::int64_t warnings = 0;
  // Keep the body alive: a range-for over a member of a temporary would dangle (C++20).
  const json body = JsonOf(stats);
  for (const json& f : body["figures"]) {
    const std::string collection = f["rows"]["collection"].get<std::string>();
    if ((collection != "warnings" && collection != "payments") || f["unit"] == "rate") continue;
    if (collection == "payments" && f["key"] != "money.payments") continue;
    HttpResponse rows =
        gz.Get("/api/v1/" + collection + "?" + f["rows"]["query"].get<std::string>());
    ASSERT_EQ(rows.result_int(), 200) << f["key"] << " " << rows.body();
    EXPECT_EQ(JsonOf(rows)["total"], f["value"]) << f["key"];
    if (collection == "warnings" &&
        f["key"].get<std::string>().find(".dismissed") == std::string::npos) {
      warnings += f["value"].get<std::int64_t>();
    }
    ++checked;
  }
  EXPECT_GT(checked, 3);
  EXPECT_GT(warnings, 0) << "the scanned demo has warnings in 毕节";

  ApiClient bj = LoginAs("bj_jw");
  HttpResponse outside = bj.Get("/api/v1/stats?region=4401");
  EXPECT_EQ(outside.result_int(), 403);
  EXPECT_EQ(bj.Get("/api/v1/stats?region=5205&from=2021-13-01").result_int(), 400);
}

TEST_F(InspectionsApiTest, ArchivesSeenByHomeAndHostAndKeptByEntries) {
  const std::vector<std::string> cadres = Column(
      "SELECT d.id_number FROM dispatched_cadres d JOIN organizations h ON h.org_id = "
      "d.host_org_id "
      "JOIN organizations o ON o.org_id = d.home_org_id "
      "WHERE h.region_code LIKE '5205%' AND o.region_code LIKE '4401%' ORDER BY d.id_number LIMIT "
      "1");
  ASSERT_EQ(cadres.size(), 1u);
  const std::string cadre = cadres[0];
  ApiClient gz = LoginAs("gz_jw");
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse list = gz.Get("/api/v1/archives?page_size=200");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  EXPECT_GT(JsonOf(list)["total"].get<int>(), 0);
  EXPECT_EQ(list.body().find(cadre), std::string::npos) << "ID numbers masked in the list";

  HttpResponse home = gz.Get("/api/v1/archives/" + cadre);
  ASSERT_EQ(home.result_int(), 200) << home.body();
  HttpResponse host = bj.Get("/api/v1/archives/" + cadre);
  ASSERT_EQ(host.result_int(), 200) << host.body();
  EXPECT_EQ(home.body().find(cadre), std::string::npos);

  HttpResponse added =
      bj.Post("/api/v1/archives/" + cadre + "/entries", {{"kind", "declaration"},
                                                         {"entry_on", "2022-01-05"},
                                                         {"title", "2021年度个人有关事项报告"},
                                                         {"content", "已按时报告"}});
  ASSERT_EQ(added.result_int(), 201) << added.body();
  EXPECT_EQ(Column("SELECT last_updated FROM integrity_archives WHERE id_number = ?", {cadre}),
            std::vector<std::string>{"2022-01-05"});
  EXPECT_EQ(JsonOf(added)["archive"]["entries"][0]["title"], "2021年度个人有关事项报告");

  ApiClient owner = LoginAs("dafang_ny");
  HttpResponse no_duty =
      owner.Post("/api/v1/archives/" + cadre + "/entries",
                 {{"kind", "other"}, {"entry_on", "2021-12-21"}, {"title", "x"}});
  EXPECT_EQ(no_duty.result_int(), 403);
  EXPECT_EQ(gz.Get("/api/v1/archives/000000000000000000").result_int(), 404);
  EXPECT_GE(std::stoi(Column("SELECT COUNT(*) FROM audit_log WHERE action = 'read.archive'")[0]),
            2);
}

}  // namespace
}  // namespace sunlight::http::testing
