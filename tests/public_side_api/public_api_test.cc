// The public routes through a real server on the demo dataset (api_test_fixture.h): reports
// and their query codes, the informant hidden from roles without Duty::kInformants, rate
// limits, the disclosure of a demo village, the self-query, typical cases.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

using Row = std::map<std::string, std::string>;

// The rows of one demo CSV file by header name (the demo files quote nothing we read here).
std::vector<Row> ReadCsv(const std::string& file) {
  std::ifstream in(DemoDatasetDir() / file);
  std::vector<Row> rows;
  std::string line;
  std::vector<std::string> header;
  auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::stringstream ss(text);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (!text.empty() && text.back() == ',') cells.emplace_back();
    return cells;
  };
  if (!std::getline(in, line)) return rows;
  if (line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  header = split(line);
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> cells = split(line);
    Row row;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

// The demo village with the most households (a village of 毕节, which gz_jw shares).
std::string BusiestVillage() {
  std::map<std::string, int> count;
  for (const Row& h : ReadCsv("households.csv")) {
    if (h.at("village_code").rfind("5205", 0) == 0) ++count[h.at("village_code")];
  }
  std::string best;
  for (const auto& [code, n] : count) {
    if (best.empty() || n > count[best]) best = code;
  }
  return best;
}

nlohmann::json ReportBody(const std::string& region, const std::string& content) {
  return {{"region_code", region}, {"content", content}, {"anonymous", true}};
}

class PublicApiTest : public ApiTest {
 protected:
  // A report from the public; returns its query code (display form).
  std::string SubmitReport(const nlohmann::json& body) {
    HttpResponse r = Client().Post("/api/v1/public/reports", body);
    EXPECT_EQ(r.result_int(), 201) << r.body();
    return JsonOf(r).value("query_code", "");
  }

  // The id of the newest report (the commission's list, newest first).
  std::int64_t NewestReportId(ApiClient& client) {
    HttpResponse r = client.Get("/api/v1/reports");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    return JsonOf(r)["items"].at(0)["id"].get<std::int64_t>();
  }
};

TEST_F(PublicApiTest, SubmitThenQueryByCodeShowsTheStage) {
  const std::string village = BusiestVillage();
  ASSERT_EQ(village.size(), 12u);
  const std::string code = SubmitReport(ReportBody(village, "村干部优亲厚友，低保评定不公"));
  ASSERT_EQ(code.size(), 19u);  // XXXX-XXXX-XXXX-XXXX

  HttpResponse stage = Client().Get("/api/v1/public/reports/" + code);
  ASSERT_EQ(stage.result_int(), 200) << stage.body();
  nlohmann::json body = JsonOf(stage);
  EXPECT_EQ(body["state"], "received");
  EXPECT_EQ(body["state_label"], "已收到");
  EXPECT_TRUE(body["reply"].is_null());
  EXPECT_FALSE(body.contains("content"));  // the stage and the reply only
  EXPECT_FALSE(body.contains("region_code"));

  std::string wrong = code;
  wrong[0] = wrong[0] == '2' ? '3' : '2';
  EXPECT_EQ(Client().Get("/api/v1/public/reports/" + wrong).result_int(), 404);
  EXPECT_EQ(Client().Get("/api/v1/public/reports/nonsense").result_int(), 404);
}

TEST_F(PublicApiTest, CommissionAcceptsConcludesRepliesAndTheReporterSeesIt) {
  const std::string code = SubmitReport(ReportBody(BusiestVillage(), "危房改造补助被截留"));
  ApiClient bj = LoginAs("bj_jw");
  const std::int64_t id = NewestReportId(bj);

  HttpResponse early =
      bj.Post("/api/v1/reports/" + std::to_string(id) + "/reply", {{"reply", "已处理"}});
  EXPECT_EQ(early.result_int(), 409) << early.body();
  EXPECT_EQ(JsonOf(early)["error"]["details"]["allowed"], (nlohmann::json{"accepted", "rejected"}));

  EXPECT_EQ(bj.Post("/api/v1/reports/" + std::to_string(id) + "/accept", {}).result_int(), 200);
  EXPECT_EQ(JsonOf(Client().Get("/api/v1/public/reports/" + code))["state"], "accepted");
  EXPECT_EQ(bj.Post("/api/v1/reports/" + std::to_string(id) + "/conclude", {}).result_int(), 200);
  HttpResponse replied = bj.Post("/api/v1/reports/" + std::to_string(id) + "/reply",
                                 {{"reply", "经核查，问题属实，已责令退还。"}});
  ASSERT_EQ(replied.result_int(), 200) << replied.body();
  nlohmann::json stage = JsonOf(Client().Get("/api/v1/public/reports/" + code));
  EXPECT_EQ(stage["state"], "replied");
  EXPECT_EQ(stage["reply"], "经核查，问题属实，已责令退还。");
  EXPECT_FALSE(stage["result_due"].is_null());
}

TEST_F(PublicApiTest, InformantIsHiddenExceptFromTheIntakeRole) {
  nlohmann::json body = ReportBody(BusiestVillage(), "实名举报：村会计挪用扶贫资金");
  body["anonymous"] = false;
  body["informant_name"] = "赵举报";
  body["informant_contact"] = "13912345678";
  SubmitReport(body);

  // gz_jw (supervisor, 广州) sees 毕节's reports through the share, but not who sent them.
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse list = gz.Get("/api/v1/reports");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  EXPECT_EQ(list.body().find("赵举报"), std::string::npos);
  EXPECT_EQ(list.body().find("13912345678"), std::string::npos);
  const std::int64_t id = JsonOf(list)["items"].at(0)["id"].get<std::int64_t>();
  HttpResponse one = gz.Get("/api/v1/reports/" + std::to_string(id));
  ASSERT_EQ(one.result_int(), 200) << one.body();
  EXPECT_EQ(JsonOf(one)["informant"], (nlohmann::json{{"hidden", true}}));
  EXPECT_EQ(one.body().find("赵举报"), std::string::npos);

  AddUser("bj_intake", access::Role::kIntake, "5205-JW");
  ApiClient intake = LoginAs("bj_intake");
  HttpResponse seen = intake.Get("/api/v1/reports/" + std::to_string(id));
  ASSERT_EQ(seen.result_int(), 200) << seen.body();
  EXPECT_EQ(JsonOf(seen)["informant"]["name"], "赵举报");

  // The view of the informant is in the audit log; gz_jw's view is audited without it.
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  auto rs = (*conn)->Query(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'read.public_report.informant' "
      "AND target = ?",
      {std::to_string(id)});
  ASSERT_TRUE(rs.ok()) << rs.status();
  EXPECT_EQ(rs->at(0, 0).AsInteger(), 1);

  // A project owner has no duty for reports.
  ApiClient owner = LoginAs("dafang_ny");
  EXPECT_EQ(owner.Get("/api/v1/reports/" + std::to_string(id)).result_int(), 403);
  EXPECT_EQ(Client().Get("/api/v1/reports").result_int(), 401);
}

TEST_F(PublicApiTest, OversizedAttachmentIs413) {
  nlohmann::json body = ReportBody(BusiestVillage(), "附件过大");
  body["attachments"] = {
      {{"file_name", "big.bin"}, {"content_base64", std::string(3 * 1024 * 1024, 'A')}}};
  HttpResponse r = Client().Post("/api/v1/public/reports", body);
  EXPECT_EQ(r.result_int(), 413) << r.body();
  body["attachments"] = {{{"file_name", "a.txt"}, {"content_base64", "5Lit5paH"}}};  // 中文
  EXPECT_EQ(Client().Post("/api/v1/public/reports", body).result_int(), 201);
}

TEST_F(PublicApiTest, SelfQueryIsRateLimitedAndAnswersNoRecordAlike) {
  // A real member of the demo dataset, with the household's payments.
  const std::vector<Row> members = ReadCsv("members.csv");
  ASSERT_FALSE(members.empty());
  std::set<std::string> paid_households;
  for (const Row& p : ReadCsv("payments.csv")) paid_households.insert(p.at("household_id"));
  const Row* member = nullptr;
  for (const Row& m : members) {
    if (paid_households.contains(m.at("household_id"))) {
      member = &m;
      break;
    }
  }
  ASSERT_NE(member, nullptr);
  const std::string id_number = member->at("id_number");

  ApiClient client = Client();
  HttpResponse found = client.Post("/api/v1/public/self-query",
                                   {{"name", member->at("name")}, {"id_number", id_number}});
  ASSERT_EQ(found.result_int(), 200) << found.body();
  EXPECT_TRUE(JsonOf(found)["found"].get<bool>());
  EXPECT_FALSE(JsonOf(found)["items"].empty());
  EXPECT_EQ(found.body().find(id_number), std::string::npos);

  HttpResponse wrong_name =
      client.Post("/api/v1/public/self-query", {{"name", "查无此人"}, {"id_number", id_number}});
  HttpResponse unknown = client.Post("/api/v1/public/self-query",
                                     {{"name", "查无此人"}, {"id_number", "110105194912310021"}});
  ASSERT_EQ(wrong_name.result_int(), 200);
  EXPECT_EQ(wrong_name.body(), unknown.body());

  // Five per address in ten minutes: the sixth and later are refused.
  client.Post("/api/v1/public/self-query", {{"name", "甲"}, {"id_number", "110105194912310021"}});
  client.Post("/api/v1/public/self-query", {{"name", "乙"}, {"id_number", "110105194912310021"}});
  HttpResponse limited = client.Post("/api/v1/public/self-query",
                                     {{"name", member->at("name")}, {"id_number", id_number}});
  EXPECT_EQ(limited.result_int(), 429) << limited.body();
  EXPECT_EQ(JsonOf(limited)["error"]["code"], "too_many_requests");
  EXPECT_TRUE(limited.find("Retry-After") != limited.end());

  // Every query is in the audit log, the ID number masked.
  auto conn = db().Connect();
  ASSERT_TRUE(conn.ok());
  auto rs = (*conn)->Query("SELECT target FROM audit_log WHERE action = 'public.self_query'");
  ASSERT_TRUE(rs.ok()) << rs.status();
  EXPECT_EQ(rs->size(), 6u);
  for (size_t i = 0; i < rs->size(); ++i) {
    EXPECT_EQ(rs->at(i, 0).AsText().find(id_number), std::string::npos);
    EXPECT_NE(rs->at(i, 0).AsText().find("**********"), std::string::npos);
  }
}

TEST_F(PublicApiTest, DisclosureOfADemoVillageHasMaskedNamesAndNoNumbers) {
  const std::string village = BusiestVillage();
  HttpResponse r = Client().Get("/api/v1/public/villages/" + village + "/disclosure");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const nlohmann::json body = JsonOf(r);
  EXPECT_EQ(body["village"]["code"], village);
  EXPECT_GT(body["effect"]["households"].get<int>(), 0);

  // No ID number, card number or full name of the village's people appears.
  std::set<std::string> households;
  for (const Row& h : ReadCsv("households.csv")) {
    if (h.at("village_code") != village) continue;
    households.insert(h.at("household_id"));
    EXPECT_EQ(r.body().find(h.at("head_id_number")), std::string::npos);
    if (!h.at("subsidy_account").empty()) {
      EXPECT_EQ(r.body().find(h.at("subsidy_account")), std::string::npos);
    }
  }
  for (const Row& m : ReadCsv("members.csv")) {
    if (!households.contains(m.at("household_id"))) continue;
    EXPECT_EQ(r.body().find("\"" + m.at("id_number") + "\""), std::string::npos);
    EXPECT_EQ(r.body().find(m.at("id_number")), std::string::npos);
  }
  for (const Row& p : ReadCsv("payments.csv")) {
    if (!households.contains(p.at("household_id"))) continue;
    EXPECT_EQ(r.body().find(p.at("payee_account")), std::string::npos);
    if (p.at("payee_name").size() > 3) {  // one character is shown unmasked by design
      EXPECT_EQ(r.body().find("\"" + p.at("payee_name") + "\""), std::string::npos);
    }
  }
  for (const auto& recipient : body["subsidies"]["recipients"]) {
    EXPECT_NE(recipient["name"].get<std::string>().find('*'), std::string::npos) << recipient;
  }

  EXPECT_EQ(Client().Get("/api/v1/public/villages/520521999999/disclosure").result_int(), 404);
  HttpResponse county = Client().Get("/api/v1/public/villages/520521/disclosure");
  EXPECT_EQ(county.result_int(), 400);
  EXPECT_EQ(JsonOf(county)["error"]["code"], "not_a_village");
}

TEST_F(PublicApiTest, TypicalCasesArePublishedByTheCommission) {
  nlohmann::json c = {{"title", "大方县某村干部虚报冒领被处分"},
                      {"summary", "经查，该村干部虚报冒领危房改造补助。"},
                      {"region_code", "520521"},
                      {"case_date", "2026-09-01"},
                      {"outcome", "给予党内警告处分，追缴违纪资金"}};
  ApiClient owner = LoginAs("dafang_ny");
  EXPECT_EQ(owner.Post("/api/v1/public-cases", c).result_int(), 403);
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse made = bj.Post("/api/v1/public-cases", c);
  ASSERT_EQ(made.result_int(), 200) << made.body();
  const std::int64_t id = JsonOf(made)["id"].get<std::int64_t>();

  HttpResponse list = Client().Get("/api/v1/public/cases");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  EXPECT_EQ(JsonOf(list)["total"], 1);
  EXPECT_EQ(JsonOf(list)["items"][0]["title"], c["title"]);

  // Outside 毕节's jurisdiction.
  c["region_code"] = "110101";
  EXPECT_EQ(bj.Post("/api/v1/public-cases", c).result_int(), 403);

  EXPECT_EQ(bj.Post("/api/v1/public-cases/" + std::to_string(id) + "/withdraw", {}).result_int(),
            200);
  EXPECT_EQ(JsonOf(Client().Get("/api/v1/public/cases"))["total"], 0);
}

}  // namespace
}  // namespace sunlight::http::testing
