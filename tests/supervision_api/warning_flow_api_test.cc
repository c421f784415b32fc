// The warning life cycle, problems, tasks and recoveries through a real server on the demo
// dataset (tests/api_support): a full life cycle from warning to closed task, 409 with the
// allowed next states, 403 outside the jurisdiction and without the duty, and the responsible
// person never closing their own task.
#include <gtest/gtest.h>

#include <string>

#include "access/roles.h"
#include "api_support/api_test_fixture.h"
#include "store/connection.h"

namespace sunlight::http::testing {
namespace {

class WarningFlowApiTest : public ApiTest {
 protected:
  // A 'new' warning of the demo scan in 大方县 (520521), in 毕节's and 广州's jurisdiction.
  std::string DafangWarning() {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(
        "SELECT id FROM warnings WHERE region_code LIKE '520521%' AND state = 'new' ORDER BY id");
    EXPECT_TRUE(rs.ok() && rs->size() >= 2) << "the demo scan raised no warning in 大方县";
    return std::to_string(rs->at(next_++, 0).AsInteger());
  }
  std::string Sql1(const std::string& sql) {
    auto conn = db().Connect();
    auto rs = (*conn)->Query(sql);
    EXPECT_TRUE(rs.ok() && rs->size() > 0) << sql;
    const store::Value& v = rs->at(0, 0);
    return v.type() == store::ValueType::kInteger ? std::to_string(v.AsInteger()) : v.AsText();
  }
  void Exec(const std::string& sql) {
    auto conn = db().Connect();
    ASSERT_TRUE((*conn)->Execute(sql).ok()) << sql;
  }
  size_t next_ = 0;
};

nlohmann::json TaskBody() {
  return {{"description", "整改闲置资金"},    {"measures", "制定支出计划并按月调度"},
          {"deadline", "2022-03-31"},         {"responsible_org_id", "520521-NY"},
          {"responsible_login", "dafang_ny"}, {"cadence", "weekly"},
          {"assigned_on", "2022-01-04"}};
}

TEST_F(WarningFlowApiTest, FullLifeCycleFromWarningToClosedTask) {
  const std::string w = DafangWarning();
  ApiClient bj = LoginAs("bj_jw");
  ApiClient owner = LoginAs("dafang_ny");

  auto r = bj.Post("/api/v1/warnings/" + w + "/request-explanation",
                   {{"org_id", "520521-NY"}, {"due", "2022-01-10"}, {"note", "请核实说明"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "explanation_requested");
  EXPECT_EQ(JsonOf(r)["explanation_due"], "2022-01-10");

  r = owner.Post("/api/v1/warnings/" + w + "/explain", {{"text", "该账户系户主本人账户"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "explained");

  nlohmann::json problem = {{"category", "fund_management"},
                            {"behaviour", "资金闲置"},
                            {"title", "扶贫项目资金闲置"},
                            {"responsible_org_id", "520521-NY"},
                            {"task", TaskBody()}};
  r = bj.Post("/api/v1/warnings/" + w + "/to-problem", problem);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "problem");
  const std::string problem_id = std::to_string(JsonOf(r)["created_problem_id"].get<int64_t>());
  EXPECT_EQ(JsonOf(r)["problem_id"].get<int64_t>(), std::stoll(problem_id));

  r = bj.Get("/api/v1/problems/" + problem_id);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  nlohmann::json got = JsonOf(r);
  EXPECT_EQ(got["source"], "warning");
  EXPECT_EQ(got["state"], "open");
  EXPECT_EQ(got["category_label"], "资金管理");
  ASSERT_EQ(got["tasks"].size(), 1u);
  const std::string task = std::to_string(got["tasks"][0]["id"].get<int64_t>());
  EXPECT_EQ(got["tasks"][0]["state"], "assigned");

  r = bj.Get("/api/v1/problems?region=520521&state=open");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["total"], 1);

  ASSERT_EQ(owner.Post("/api/v1/tasks/" + task + "/claim", nlohmann::json::object()).result_int(),
            200);
  r = owner.Post("/api/v1/tasks/" + task + "/report",
                 {{"report_on", "2022-01-05"}, {"text", "已制定支出计划"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "in_progress");
  EXPECT_EQ(JsonOf(r)["last_report_on"], "2022-01-05");
  r = owner.Post("/api/v1/tasks/" + task + "/submit", {{"text", "资金已拨付"},
                                                       {"attachments",
                                                        {{{"file_name", "拨付凭证.txt"},
                                                          {"content_type", "text/plain"},
                                                          {"content_base64", "5bey5ouo5LuY"}}}}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "submitted");
  EXPECT_EQ(Sql1("SELECT size_bytes FROM attachments WHERE owner_type = 'task_report'"), "9");
  // The project owner may not verify at all (no duty); the commission closes.
  r = owner.Post("/api/v1/tasks/" + task + "/close", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "duty_not_allowed");
  r = bj.Post("/api/v1/tasks/" + task + "/close", {{"note", "核验通过"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "closed");
  EXPECT_EQ(JsonOf(r)["closed_by"], "bj_jw");
  EXPECT_EQ(JsonOf(bj.Get("/api/v1/problems/" + problem_id))["state"], "closed");

  r = bj.Post("/api/v1/recoveries", {{"source_type", "problem"},
                                     {"source_id", std::stoll(problem_id)},
                                     {"kind", "recovery"},
                                     {"amount_fen", 50000},
                                     {"recovered_on", "2022-02-01"},
                                     {"note", "追缴"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();

  r = bj.Get("/api/v1/warnings/" + w + "/events");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  got = JsonOf(r);
  ASSERT_EQ(got["items"].size(), 3u);
  EXPECT_EQ(got["items"][0]["to_state"], "explanation_requested");
  EXPECT_EQ(got["items"][1]["actor_login"], "dafang_ny");
  EXPECT_EQ(got["items"][2]["to_state"], "problem");

  // Every change was audited.
  EXPECT_EQ(Sql1("SELECT COUNT(*) FROM audit_log WHERE action IN ('warning.request-explanation', "
                 "'warning.explain', 'warning.to-problem', 'task.claim', 'task.report', "
                 "'task.submit', 'task.close', 'recovery.create') AND outcome = 'ok'"),
            "8");
}

TEST_F(WarningFlowApiTest, WrongTransitionIs409WithAllowedStates) {
  const std::string w = DafangWarning();
  ApiClient owner = LoginAs("dafang_ny");
  auto r = owner.Post("/api/v1/warnings/" + w + "/explain", {{"text", "说明"}});
  ASSERT_EQ(r.result_int(), 409) << r.body();
  nlohmann::json error = JsonOf(r)["error"];
  EXPECT_EQ(error["code"], "wrong_state");
  EXPECT_EQ(error["details"]["state"], "new");
  EXPECT_EQ(error["details"]["allowed"], nlohmann::json({"explanation_requested", "dismissed",
                                                         "data_corrected", "problem", "clue"}));
  ApiClient bj = LoginAs("bj_jw");
  ASSERT_EQ(bj.Post("/api/v1/warnings/" + w + "/dismiss", {{"reason", "误报"}}).result_int(), 200);
  r = bj.Post("/api/v1/warnings/" + w + "/dismiss", {{"reason", "再次"}});
  EXPECT_EQ(r.result_int(), 409);
  EXPECT_EQ(JsonOf(r)["error"]["details"]["allowed"], nlohmann::json::array());
  r = bj.Post("/api/v1/warnings/" + DafangWarning() + "/dismiss", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 400);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "reason_required");
}

TEST_F(WarningFlowApiTest, OtherCountyAndMissingDutyAre403) {
  const std::string w = DafangWarning();
  const std::string other_org = Sql1(
      "SELECT org_id FROM organizations WHERE region_code LIKE '52%' AND "
      "LENGTH(region_code) >= 6 AND SUBSTR(region_code, 1, 6) <> '520521' AND "
      "SUBSTR(region_code, 5, 2) <> '00' ORDER BY org_id");
  AddUser("other_county", access::Role::kSupervisor, other_org);
  ApiClient other = LoginAs("other_county");
  auto r = other.Post("/api/v1/warnings/" + w + "/dismiss", {{"reason", "越权"}});
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(JsonOf(r)["error"]["code"], "outside_jurisdiction");
  r = other.Get("/api/v1/warnings/" + w + "/events");
  EXPECT_EQ(r.result_int(), 403);

  // The auditor may create problems but not decide a warning; the owner may not dismiss.
  ApiClient auditor = LoginAs("sj_auditor");
  r = auditor.Post("/api/v1/warnings/" + w + "/dismiss", {{"reason", "无权"}});
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "duty_not_allowed");
  ApiClient owner = LoginAs("dafang_ny");
  EXPECT_EQ(owner.Post("/api/v1/warnings/" + w + "/dismiss", {{"reason", "x"}}).result_int(), 403);
  EXPECT_EQ(Sql1("SELECT state FROM warnings WHERE id = " + w), "new");

  // A problem in 大方县 is invisible to the other county, and cannot be created there.
  ApiClient bj = LoginAs("bj_jw");
  nlohmann::json problem = {{"source", "inspection"},      {"category", "project_construction"},
                            {"behaviour", "建设进度滞后"}, {"title", "基地建设缓慢"},
                            {"region_code", "520521"},     {"responsible_org_id", "520521-NY"},
                            {"tasks", {TaskBody()}}};
  r = bj.Post("/api/v1/problems", problem);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const std::string id = std::to_string(JsonOf(r)["id"].get<int64_t>());
  EXPECT_EQ(JsonOf(r)["tasks"].size(), 1u);
  EXPECT_EQ(other.Get("/api/v1/problems/" + id).result_int(), 403);
  EXPECT_EQ(JsonOf(other.Get("/api/v1/problems"))["total"], 0);
  r = other.Post("/api/v1/problems", problem);
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "outside_jurisdiction");
  // A task is claimed only by its responsible person.
  const std::string task =
      std::to_string(JsonOf(bj.Get("/api/v1/problems/" + id))["tasks"][0]["id"].get<int64_t>());
  AddUser("dafang_ny2", access::Role::kProjectOwner, "520521-NY");
  r = LoginAs("dafang_ny2").Post("/api/v1/tasks/" + task + "/claim", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 403);
  EXPECT_EQ(JsonOf(r)["error"]["code"], "not_responsible_person");
}

TEST_F(WarningFlowApiTest, ResponsiblePersonCannotCloseOwnTask) {
  ApiClient bj = LoginAs("bj_jw");
  nlohmann::json task = TaskBody();
  task["responsible_login"] = "bj_jw";  // a commission member responsible for their own task
  task["responsible_org_id"] = "5205-JW";
  nlohmann::json problem = {{"source", "tour"},        {"category", "work_implementation"},
                            {"behaviour", "整改不力"}, {"title", "巡察反馈问题整改"},
                            {"region_code", "520521"}, {"responsible_org_id", "520521-NY"},
                            {"tasks", {task}}};
  auto r = bj.Post("/api/v1/problems", problem);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const std::string id = std::to_string(JsonOf(r)["tasks"][0]["id"].get<int64_t>());
  // Bring the task to 'submitted' in the store: a supervisor has no duty to claim via the API.
  Exec("UPDATE rectification_tasks SET state = 'submitted' WHERE id = " + id);
  r = bj.Post("/api/v1/tasks/" + id + "/close", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(JsonOf(r)["error"]["code"], "verifier_is_responsible");
  EXPECT_EQ(Sql1("SELECT state FROM rectification_tasks WHERE id = " + id), "submitted");
  // Another verifier of the same commission closes it.
  AddUser("bj_jw2", access::Role::kSupervisor, "5205-JW");
  r = LoginAs("bj_jw2").Post("/api/v1/tasks/" + id + "/close", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 200) << r.body();
  // And a closed task cannot be closed again: 409 naming the revisit.
  r = LoginAs("bj_jw2").Post("/api/v1/tasks/" + id + "/close", nlohmann::json::object());
  EXPECT_EQ(r.result_int(), 409);
  EXPECT_EQ(JsonOf(r)["error"]["details"]["allowed"], nlohmann::json({"reopened"}));
}

}  // namespace
}  // namespace sunlight::http::testing
