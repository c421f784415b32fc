// The whole of a commission's work on one matter, through the API as the two paired
// commissions do it (issue "workflows", done-when): 广州 (gz_jw) turns a warning of the shared
// region 大方县 into a clue, transfers it to 毕节 with a 移送函 (.docx and PDF), 毕节 (bj_jw)
// acknowledges and feeds back, its case handler files a case and records the outcomes, the
// transfer is concluded — and 毕节's statistics count every step. Runs on SQLite and, as
// `…@Postgres`, on PostgreSQL (tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "supervision_api/clue_api_fixture.h"

namespace sunlight::http::testing {
namespace {

class CommissionJourneyTest : public ClueApiTest {
 protected:
  // 毕节's figures for 2026, by key.
  std::map<std::string, double> Figures(ApiClient& client) {
    HttpResponse r = client.Get("/api/v1/stats?region=5205&from=2026-01-01&to=2026-12-31");
    EXPECT_EQ(r.result_int(), 200) << r.body();
    std::map<std::string, double> out;
    const nlohmann::json body = JsonOf(r);  // kept: the loop must not outlive a temporary
    for (const nlohmann::json& f : body["figures"]) {
      out[f["key"].get<std::string>()] = f["value"].get<double>();
    }
    return out;
  }
  // A warning of the demo scan in 大方县 that is still new.
  std::int64_t DafangWarning() {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(
        "SELECT id FROM warnings WHERE region_code LIKE '520521%' AND state = 'new' ORDER BY id");
    EXPECT_TRUE(rs.ok() && !rs->empty()) << "the demo scan raised no warning in 大方县";
    return rs.ok() && !rs->empty() ? rs->at(0, 0).AsInteger() : 0;
  }
};

TEST_F(CommissionJourneyTest, WarningToClueTransferLetterFeedbackCaseAndStatistics) {
  ApiClient gz = LoginAs("gz_jw");
  ApiClient bj = LoginAs("bj_jw");
  const std::map<std::string, double> before = Figures(bj);

  // 1. 广州 makes a clue of a warning in the region 毕节 shares with it.
  const std::int64_t warning = DafangWarning();
  const std::string w = "/api/v1/warnings/" + std::to_string(warning);
  HttpResponse r = gz.Post(w + "/to-clue", {{"summary", "系统预警：大方县补贴发放异常，需核查"},
                                            {"handling_org_id", "4401-JW"},
                                            {"received_on", "2026-11-02"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "clue");
  const std::int64_t clue = JsonOf(r)["created_clue_id"].get<std::int64_t>();
  r = gz.Get("/api/v1/clues/" + std::to_string(clue));
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["channel"], "warning");

  // 2. The person concerned is under 毕节's authority: transfer, directly to the paired region.
  r = gz.Post("/api/v1/transfers", {{"request_key", "journey-1"},
                                    {"letter_no", "穗纪移〔2026〕31号"},
                                    {"to_org_id", "5205-JW"},
                                    {"items", {{{"type", "clue"}, {"id", clue}}}},
                                    {"feedback_working_days", 10},
                                    {"note", "被反映人系毕节市管理干部"}});
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const std::int64_t transfer = JsonOf(r)["id"].get<std::int64_t>();
  const std::string t = "/api/v1/transfers/" + std::to_string(transfer);

  // 3. The 移送函, from the transfer, in both formats.
  r = gz.Post("/api/v1/letters", {{"kind", "transfer_letter"}, {"source_id", transfer}});
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const nlohmann::json letter = JsonOf(r);
  EXPECT_EQ(letter["number"], "穗纪移〔2026〕31号");
  const std::string l = "/api/v1/letters/" + std::to_string(letter["id"].get<std::int64_t>());
  HttpResponse docx = gz.Get(l + "/docx");
  ASSERT_EQ(docx.result_int(), 200);
  EXPECT_EQ(docx.body().substr(0, 2), "PK");  // a zip: the .docx package
  HttpResponse pdf = gz.Get(l + "/pdf");
  ASSERT_EQ(pdf.result_int(), 200);
  EXPECT_EQ(pdf.body().substr(0, 5), "%PDF-");

  // 4. 毕节 sees it at once, acknowledges and reports.
  r = bj.Get("/api/v1/transfers?box=received");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["total"], 1);
  ASSERT_EQ(bj.Post(t + "/acknowledge", nlohmann::json::object()).result_int(), 200);
  r = bj.Post(t + "/feedback",
              {{"text", "已成立核查组，初步核实属实，拟立案"}, {"reported_on", "2026-11-09"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();

  // 5. 毕节's case handler files the case and records the outcomes.
  AddUser("bj_case", access::Role::kCaseHandler, "5205-JW");
  ApiClient handler = LoginAs("bj_case");
  r = handler.Post("/api/v1/cases", {{"title", "大方县某村主任截留补贴资金案"},
                                     {"region_code", "520521"},
                                     {"filed_on", "2026-11-10"}});
  ASSERT_EQ(r.result_int(), 201) << r.body();
  const std::string c = "/api/v1/cases/" + std::to_string(JsonOf(r)["id"].get<std::int64_t>());
  for (const char* to : {"investigating", "trial", "decided"}) {
    r = handler.Post(c + "/advance", {{"to", to}, {"on", "2026-11-20"}});
    ASSERT_EQ(r.result_int(), 200) << to << ": " << r.body();
  }
  r = handler.Post(c + "/outcomes", {{"person_name", "王某"},
                                     {"org_id", "520521-NY"},
                                     {"region_code", "520521"},
                                     {"category", "party"},
                                     {"measure", "严重警告"},
                                     {"decided_on", "2026-11-20"},
                                     {"deciding_body", "毕节市纪委监委"}});
  ASSERT_EQ(r.result_int(), 201) << r.body();
  EXPECT_EQ(JsonOf(r)["form"], 2);
  r = handler.Post(c + "/recoveries", {{"kind", "recovery"},
                                       {"amount_fen", 860000},
                                       {"recovered_on", "2026-11-21"},
                                       {"note", "追缴截留的补贴资金"}});
  ASSERT_EQ(r.result_int(), 201) << r.body();

  // 6. The result goes back to 广州, who sees it on the transfer.
  r = bj.Post(t + "/conclude", {{"result", "给予王某党内严重警告处分，追缴资金 8600 元"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  r = gz.Get(t);
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "concluded");
  EXPECT_EQ(JsonOf(r)["result"], "给予王某党内严重警告处分，追缴资金 8600 元");
  EXPECT_EQ(JsonOf(r)["feedback"].size(), 1u);

  // 7. Counted: each step moved 毕节's figures by exactly one.
  const std::map<std::string, double> after = Figures(bj);
  for (const char* key : {"clues.total", "clues.by_channel.warning", "cases.filed",
                          "outcomes.form.2", "transfers.by_state.concluded"}) {
    const double was = before.count(key) ? before.at(key) : 0;
    ASSERT_TRUE(after.count(key)) << key << " missing from the statistics";
    EXPECT_EQ(after.at(key), was + 1) << key;
  }

  // Every step left its audit record.
  for (const char* action :
       {"warning.to-clue", "transfer.send", "issue.letter", "transfer.acknowledge",
        "transfer.feedback", "case.file", "case.outcome", "transfer.conclude"}) {
    EXPECT_FALSE(AuditRows(action).empty()) << action;
  }
}

}  // namespace
}  // namespace sunlight::http::testing
