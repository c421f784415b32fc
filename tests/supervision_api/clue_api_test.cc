// /api/v1/clues over the real server: registration, the disposal steps, 409 with the allowed
// states, jurisdiction, and the informant shown only to the intake role, every view audited.
#include <gtest/gtest.h>

#include "supervision_api/clue_api_fixture.h"

namespace sunlight::http::testing {
namespace {

TEST_F(ClueApiTest, RegisterAndWalkTheDisposalPath) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t id = NewClue(gz);
  ASSERT_GT(id, 0);
  const std::string base = "/api/v1/clues/" + std::to_string(id);
  HttpResponse got = gz.Get(base);
  ASSERT_EQ(got.result_int(), 200) << got.body();
  nlohmann::json clue = JsonOf(got);
  EXPECT_EQ(clue["state"], "registered");
  EXPECT_EQ(clue["number"].get<std::string>().rfind("4401-JW-XS-2026-", 0), 0u) << clue;
  EXPECT_EQ(clue["persons"][0]["authority"], "县管干部");

  HttpResponse r = gz.Post(base + "/propose", {{"proposal", "拟初步核实"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "proposed");
  r = gz.Post(base + "/dispose", {{"disposal", "preliminary_verification"}});
  EXPECT_EQ(r.result_int(), 409) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "approval_required");
  r = gz.Post(base + "/approve",
              {{"approval", "常委会集体研究同意"}, {"approved_on", "2026-03-05"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  r = gz.Post(base + "/dispose", {{"disposal", "preliminary_verification"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["disposal_label"], "初步核实");
  r = gz.Post(base + "/conclude", {{"result", "问题属实，已督促整改"}});
  ASSERT_EQ(r.result_int(), 200) << r.body();
  EXPECT_EQ(JsonOf(r)["state"], "concluded");

  HttpResponse list = gz.Get("/api/v1/clues?state=concluded");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  EXPECT_EQ(JsonOf(list)["total"], 1);
  EXPECT_EQ(AuditRows("clue.conclude").size(), 1u);
}

TEST_F(ClueApiTest, WrongStepIs409WithAllowedStates) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t id = NewClue(gz);
  HttpResponse r =
      gz.Post("/api/v1/clues/" + std::to_string(id) + "/conclude", {{"result", "了结"}});
  ASSERT_EQ(r.result_int(), 409) << r.body();
  nlohmann::json error = JsonOf(r)["error"];
  EXPECT_EQ(error["code"], "wrong_state");
  EXPECT_EQ(error["details"]["state"], "registered");
  EXPECT_EQ(error["details"]["allowed"], nlohmann::json::array({"proposed", "transferred"}));
}

TEST_F(ClueApiTest, InformantOnlyForIntakeAndEveryViewAudited) {
  ApiClient gz = LoginAs("gz_jw");  // supervisor: no Duty::kInformants
  const std::int64_t id = NewClue(gz);
  const std::string path = "/api/v1/clues/" + std::to_string(id);
  HttpResponse hidden = gz.Get(path);
  ASSERT_EQ(hidden.result_int(), 200) << hidden.body();
  EXPECT_EQ(hidden.body().find("李四"), std::string::npos);
  EXPECT_EQ(hidden.body().find("13800000000"), std::string::npos);
  EXPECT_EQ(JsonOf(hidden)["informant"]["hidden"], true);
  HttpResponse listed = gz.Get("/api/v1/clues");
  EXPECT_EQ(listed.body().find("李四"), std::string::npos);
  EXPECT_TRUE(AuditRows("read.clue_informant").empty());

  AddUser("gz_xf", access::Role::kIntake, "4401-JW");
  ApiClient intake = LoginAs("gz_xf");
  for (int i = 0; i < 2; ++i) {
    HttpResponse shown = intake.Get(path);
    ASSERT_EQ(shown.result_int(), 200) << shown.body();
    EXPECT_EQ(JsonOf(shown)["informant"]["name"], "李四");
    EXPECT_EQ(JsonOf(shown)["informant"]["contact"], "13800000000");
  }
  std::vector<access::AuditEntry> views = AuditRows("read.clue_informant");
  ASSERT_EQ(views.size(), 2u);
  EXPECT_EQ(views[0].login, "gz_xf");
  EXPECT_EQ(views[0].target, std::to_string(id));
  // The log names the clue, never the informant.
  EXPECT_EQ(access::CanonicalAuditContent(views[0]).find("李四"), std::string::npos);
}

TEST_F(ClueApiTest, JurisdictionAndDuties) {
  ApiClient gz = LoginAs("gz_jw");
  const std::int64_t id = NewClue(gz);
  // 毕节 does not see a 广州 clue until it is transferred.
  ApiClient bj = LoginAs("bj_jw");
  HttpResponse r = bj.Get("/api/v1/clues/" + std::to_string(id));
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "outside_jurisdiction");
  EXPECT_EQ(JsonOf(bj.Get("/api/v1/clues"))["total"], 0);
  // Nor may 毕节 register a clue about 广州.
  r = bj.Post("/api/v1/clues", ClueBody("440106"));
  EXPECT_EQ(r.result_int(), 403) << r.body();
  // 广州 sees 毕节 (shared) but cannot act on 毕节's clue.
  const std::int64_t bj_clue = NewClue(bj, "520521");
  r = gz.Get("/api/v1/clues/" + std::to_string(bj_clue));
  EXPECT_EQ(r.result_int(), 200) << r.body();
  r = gz.Post("/api/v1/clues/" + std::to_string(bj_clue) + "/propose", {{"proposal", "x"}});
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "not_handling_org");
  // A project owner has no clue duty.
  r = LoginAs("dafang_ny").Get("/api/v1/clues");
  EXPECT_EQ(r.result_int(), 403) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "duty_not_allowed");
  EXPECT_EQ(gz.Get("/api/v1/clues/999999").result_int(), 404);
  r = gz.Post("/api/v1/clues", {{"channel", "rumour"}, {"summary", "x"}, {"region_code", "4401"}});
  EXPECT_EQ(r.result_int(), 400) << r.body();
  EXPECT_EQ(ErrorCodeOf(r), "bad_channel");
}

}  // namespace
}  // namespace sunlight::http::testing
