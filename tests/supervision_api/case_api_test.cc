// /api/v1/cases and outcomes over the real server: a case handler files a case from a clue,
// walks it to a decision, records outcomes (with their four-forms class) and money recovered;
// wrong steps are 409 with the allowed states; supervisors have no case duty.
#include <gtest/gtest.h>

#include "supervision_api/clue_api_fixture.h"

namespace sunlight::http::testing {
namespace {

class CaseApiTest : public ClueApiTest {
 protected:
  // A clue of 广州 in disposing, ready to become a case.
  std::int64_t DisposingClue(ApiClient& gz) {
    const std::int64_t id = NewClue(gz);
    const std::string base = "/api/v1/clues/" + std::to_string(id);
    EXPECT_EQ(gz.Post(base + "/propose", {{"proposal", "拟立案"}}).result_int(), 200);
    EXPECT_EQ(gz.Post(base + "/approve", {{"approval", "同意"}}).result_int(), 200);
    EXPECT_EQ(gz.Post(base + "/dispose", {{"disposal", "preliminary_verification"}}).result_int(),
              200);
    return id;
  }
  nlohmann::json OutcomeBody(std::string category, std::string measure) {
    return {{"person_name", "王某"},
            {"org_id", "520521-NY"},
            {"region_code", "520521"},
            {"category", category},
            {"measure", measure},
            {"decided_on", "2026-11-20"},
            {"deciding_body", "广州市纪委监委"}};
  }
};

TEST_F(CaseApiTest, FileDecideRecordOutcomesAndRecoveries) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t clue = DisposingClue(gz);
  AddUser("gz_case", access::Role::kCaseHandler, "4401-JW");
  ApiClient handler = LoginAs("gz_case");
  HttpResponse filed = handler.Post(
      "/api/v1/cases",
      {{"title", "王某截留扶贫资金案"}, {"clue_id", clue}, {"filed_on", "2026-11-02"}});
  ASSERT_EQ(filed.result_int(), 201) << filed.body();
  nlohmann::json c = JsonOf(filed);
  EXPECT_EQ(c["state"], "filed");
  EXPECT_EQ(c["region_code"], "440106");
  EXPECT_EQ(c["number"].get<std::string>().rfind("4401-JW-AJ-2026-", 0), 0u) << c;
  EXPECT_EQ(JsonOf(gz.Get("/api/v1/clues/" + std::to_string(clue)))["state"], "case");
  const std::string path = "/api/v1/cases/" + std::to_string(c["id"].get<std::int64_t>());

  // Outcomes wait for the decision.
  HttpResponse early = handler.Post(path + "/outcomes", OutcomeBody("party", "严重警告"));
  EXPECT_EQ(early.result_int(), 409) << early.body();
  EXPECT_EQ(ErrorCodeOf(early), "case_not_decided");
  HttpResponse skip = handler.Post(path + "/advance", {{"to", "decided"}});
  ASSERT_EQ(skip.result_int(), 409) << skip.body();
  EXPECT_EQ(JsonOf(skip)["error"]["details"]["allowed"], nlohmann::json::array({"investigating"}));
  for (const char* to : {"investigating", "trial", "decided"}) {
    HttpResponse r = handler.Post(path + "/advance", {{"to", to}, {"on", "2026-11-20"}});
    ASSERT_EQ(r.result_int(), 200) << to << r.body();
  }
  HttpResponse party = handler.Post(path + "/outcomes", OutcomeBody("party", "严重警告"));
  ASSERT_EQ(party.result_int(), 201) << party.body();
  EXPECT_EQ(JsonOf(party)["form"], 2);
  HttpResponse gov = handler.Post(path + "/outcomes", OutcomeBody("government", "开除"));
  ASSERT_EQ(gov.result_int(), 201) << gov.body();
  EXPECT_EQ(JsonOf(gov)["form"], 3);
  HttpResponse bad = handler.Post(path + "/outcomes", OutcomeBody("party", "记过"));
  EXPECT_EQ(bad.result_int(), 400) << bad.body();
  EXPECT_EQ(ErrorCodeOf(bad), "bad_measure");
  HttpResponse money = handler.Post(path + "/recoveries", {{"kind", "recovery"},
                                                           {"amount_fen", 1250000},
                                                           {"recovered_on", "2026-11-21"},
                                                           {"note", "追缴违规资金"}});
  ASSERT_EQ(money.result_int(), 201) << money.body();
  nlohmann::json full = JsonOf(handler.Get(path));
  EXPECT_EQ(full["state"], "decided");
  EXPECT_EQ(full["decided_on"], "2026-11-20");
  ASSERT_EQ(full["outcomes"].size(), 2u);
  EXPECT_EQ(full["outcomes"][1]["measure"], "开除");
  EXPECT_EQ(full["recovered_fen"], 1250000);
  EXPECT_EQ(full["allowed"], nlohmann::json::array({"appeal"}));
  EXPECT_EQ(AuditRows("case.outcome", "gz_case").size(), 4u);  // 409, 201, 201, 400
}

TEST_F(CaseApiTest, DutiesAndJurisdiction) {
  ApiClient gz = LoginAs("gz_jw");  // supervisor: no Duty::kCases
  HttpResponse r = gz.Post("/api/v1/cases", {{"title", "案"}, {"region_code", "440106"}});
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "duty_not_allowed");
  AddUser("gz_case", access::Role::kCaseHandler, "4401-JW");
  AddUser("bj_case", access::Role::kCaseHandler, "5205-JW");
  ApiClient handler = LoginAs("gz_case");
  HttpResponse filed = handler.Post("/api/v1/cases", {{"title", "案"}, {"region_code", "440106"}});
  ASSERT_EQ(filed.result_int(), 201) << filed.body();
  const std::string path =
      "/api/v1/cases/" + std::to_string(JsonOf(filed)["id"].get<std::int64_t>());
  ApiClient bj = LoginAs("bj_case");
  EXPECT_EQ(bj.Get(path).result_int(), 403);
  EXPECT_EQ(JsonOf(bj.Get("/api/v1/cases"))["total"], 0);
  EXPECT_EQ(JsonOf(handler.Get("/api/v1/cases"))["total"], 1);
  r = bj.Post("/api/v1/cases", {{"title", "案"}, {"region_code", "440106"}});
  EXPECT_EQ(r.result_int(), 403) << r.body();
}

TEST_F(CaseApiTest, FirstFormOutcomeOutsideACaseAndTheMeasureTable) {
  AddUser("gz_case", access::Role::kCaseHandler, "4401-JW");
  ApiClient handler = LoginAs("gz_case");
  HttpResponse talk = handler.Post("/api/v1/outcomes", OutcomeBody("organisational", "谈话提醒"));
  ASSERT_EQ(talk.result_int(), 201) << talk.body();
  EXPECT_EQ(JsonOf(talk)["form"], 1);
  EXPECT_TRUE(JsonOf(talk)["case_id"].is_null());
  HttpResponse needs_case = handler.Post("/api/v1/outcomes", OutcomeBody("party", "警告"));
  EXPECT_EQ(needs_case.result_int(), 400) << needs_case.body();
  EXPECT_EQ(ErrorCodeOf(needs_case), "case_required");
  HttpResponse measures = handler.Get("/api/v1/measures");
  ASSERT_EQ(measures.result_int(), 200);
  EXPECT_EQ(JsonOf(measures)["items"].size(), 21u);
}

}  // namespace
}  // namespace sunlight::http::testing
