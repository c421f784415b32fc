// /api/v1/letters over a real server on the demo dataset (tests/api_support): issuing needs the
// letters duty and a source in jurisdiction, the list and the letter are scoped, the files come
// with the number as their UTF-8 file name, and issue/read/download are audited.
// Needs a `letters_api` layer in tests/CMakeLists.txt:
//   sunlight_tests(letters_api sunlight_api_test_support)
#include <gtest/gtest.h>

#include <string>

#include "access/audit_log.h"
#include "api_support/api_test_fixture.h"

namespace sunlight::http::testing {
namespace {

std::string ErrorCode(const HttpResponse& response) {
  nlohmann::json body = JsonOf(response);
  return body.contains("error") ? body["error"].value("code", "") : "";
}

class LetterRoutesTest : public ApiTest {
 protected:
  // A problem responsible org 520521-NY (大方县) in `region`, inserted with SQL.
  std::int64_t InsertProblem(const std::string& region, const std::string& title) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto rs = (*conn)->Query(
        "INSERT INTO problems(source, category, behaviour, title, description, region_code, "
        "responsible_org_id, owner_org_id, state, amount_fen, created_by, created_at, "
        "updated_at) VALUES ('inspection', 'fund_management', 'late_payment', ?, '资金滞留', ?, "
        "'520521-NY', '4401-JW', 'open', 0, 'gz_jw', '2026-11-20T08:00:00Z', "
        "'2026-11-20T08:00:00Z') RETURNING id",
        {title, region});
    EXPECT_TRUE(rs.ok() && !rs->empty()) << (rs.ok() ? "" : rs.status().ToString());
    return rs.ok() && !rs->empty() ? rs->at(0, 0).AsInteger() : 0;
  }

  size_t AuditCount(const std::string& action) {
    auto conn = db().Connect();
    EXPECT_TRUE(conn.ok());
    auto page = access::ListAudit(**conn, {.page = 1, .page_size = 1000, .action = action});
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items.size() : 0;
  }
};

TEST_F(LetterRoutesTest, IssueListReadAndDownload) {
  std::int64_t problem = InsertProblem("520521", "产业资金拨付滞后");
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse issued = gz.Post(
      "/api/v1/letters",
      {{"kind", "supervision_notice"}, {"source_ids", {problem}}, {"issued_on", "2026-11-22"}});
  ASSERT_EQ(issued.result_int(), 201) << issued.body();
  nlohmann::json letter = JsonOf(issued);
  EXPECT_EQ(letter["number"], "穗纪协〔2026〕1号");
  EXPECT_EQ(letter["recipient_name"], "大方县农业农村局");
  EXPECT_EQ(letter["kind_name"], "监督提示函");
  const std::string id = std::to_string(letter["id"].get<std::int64_t>());
  EXPECT_EQ(AuditCount("issue.letter"), 1u);

  HttpResponse list = gz.Get("/api/v1/letters?page=1&page_size=10");
  ASSERT_EQ(list.result_int(), 200) << list.body();
  EXPECT_EQ(JsonOf(list)["total"], 1);
  EXPECT_FALSE(JsonOf(list)["items"][0].contains("body"));

  HttpResponse one = gz.Get("/api/v1/letters/" + id);
  ASSERT_EQ(one.result_int(), 200) << one.body();
  EXPECT_NE(JsonOf(one)["body"]["paragraphs"].dump().find("产业资金拨付滞后"), std::string::npos);
  EXPECT_EQ(AuditCount("read.letter"), 1u);

  HttpResponse pdf = gz.Get("/api/v1/letters/" + id + "/pdf");
  ASSERT_EQ(pdf.result_int(), 200);
  EXPECT_EQ(pdf[boost::beast::http::field::content_type], "application/pdf");
  EXPECT_EQ(pdf.body().substr(0, 5), "%PDF-");
  std::string disposition(pdf[boost::beast::http::field::content_disposition]);
  // 穗 = E7 A9 97, 号 = E5 8F B7.
  EXPECT_NE(disposition.find("filename*=UTF-8''%E7%A9%97"), std::string::npos) << disposition;
  EXPECT_NE(disposition.find("%E5%8F%B7.pdf"), std::string::npos) << disposition;
  HttpResponse docx = gz.Get("/api/v1/letters/" + id + "/docx");
  ASSERT_EQ(docx.result_int(), 200);
  EXPECT_EQ(docx.body().substr(0, 2), "PK");  // a zip package
  EXPECT_EQ(AuditCount("download.letter"), 2u);
}

TEST_F(LetterRoutesTest, RefusalsByDutyJurisdictionAndMissingRecord) {
  std::int64_t guiyang = InsertProblem("520102", "贵阳的问题");  // not shared with 广州
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse outside =
      gz.Post("/api/v1/letters", {{"kind", "supervision_notice"}, {"source_id", guiyang}});
  EXPECT_EQ(outside.result_int(), 403) << outside.body();
  EXPECT_EQ(ErrorCode(outside), "outside_jurisdiction");
  HttpResponse missing =
      gz.Post("/api/v1/letters", {{"kind", "supervision_notice"}, {"source_id", 999999}});
  EXPECT_EQ(missing.result_int(), 404);
  EXPECT_EQ(ErrorCode(missing), "problem_not_found");
  HttpResponse bad = gz.Post("/api/v1/letters", {{"kind", "memo"}, {"source_id", 1}});
  EXPECT_EQ(bad.result_int(), 400);
  EXPECT_EQ(ErrorCode(bad), "bad_letter_kind");

  std::int64_t dafang = InsertProblem("520521", "大方的问题");
  ApiClient owner = LoginAs("dafang_ny");  // project_owner: no letters duty
  HttpResponse refused =
      owner.Post("/api/v1/letters", {{"kind", "supervision_notice"}, {"source_id", dafang}});
  EXPECT_EQ(refused.result_int(), 403);
  EXPECT_EQ(ErrorCode(refused), "duty_not_allowed");
  EXPECT_EQ(gz.Get("/api/v1/letters/999999").result_int(), 404);
}

TEST_F(LetterRoutesTest, LettersOutsideTheUsersJurisdictionAreHidden) {
  std::int64_t guangzhou = InsertProblem("440103", "广州的问题");
  ApiClient gz = LoginAs("gz_jw");
  HttpResponse issued =
      gz.Post("/api/v1/letters", {{"kind", "supervision_notice"}, {"source_id", guangzhou}});
  ASSERT_EQ(issued.result_int(), 201) << issued.body();
  const std::string id = std::to_string(JsonOf(issued)["id"].get<std::int64_t>());
  ApiClient bj = LoginAs("bj_jw");
  EXPECT_EQ(JsonOf(bj.Get("/api/v1/letters"))["total"], 0);
  HttpResponse read = bj.Get("/api/v1/letters/" + id);
  EXPECT_EQ(read.result_int(), 403);
  EXPECT_EQ(ErrorCode(read), "outside_jurisdiction");
  EXPECT_EQ(bj.Get("/api/v1/letters/" + id + "/pdf").result_int(), 403);
  ApiClient admin = LoginAs("admin");
  HttpResponse none = admin.Get("/api/v1/letters");
  if (none.result_int() == 200) {
    EXPECT_EQ(JsonOf(none)["total"], 0);
  }
}

}  // namespace
}  // namespace sunlight::http::testing
