// The shared frame of the workflow routes (http/api/workflow_http.h): the session-and-connection
// frame, record ids from the path, the error naming a parameter, and registered steps.
#include "http/api/workflow_http.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/error_response.h"
#include "http/router.h"
#include "store/database.h"

namespace sunlight::http {
namespace {

namespace fs = std::filesystem;

TEST(ParseRecordIdTest, OnlyPositiveDecimalDigits) {
  EXPECT_EQ(ParseRecordId("1"), std::optional<std::int64_t>(1));
  EXPECT_EQ(ParseRecordId("0042"), std::optional<std::int64_t>(42));
  EXPECT_EQ(ParseRecordId("999999999999999999"), std::optional<std::int64_t>(999999999999999999));
  for (const char* bad :
       {"", "0", "000", "-1", "+1", " 1", "1 ", "1a", "0x10", "1.0", "1234567890123456789"}) {
    EXPECT_EQ(ParseRecordId(bad), std::nullopt) << "'" << bad << "'";
  }
}

TEST(RecordIdParamTest, NotFoundWithTheCallersMessageAndReason) {
  Request request;
  request.params = {{"id", "17"}};
  StatusOr<std::int64_t> id = RecordIdParam(request, "线索不存在", "clue_not_found");
  ASSERT_TRUE(id.ok()) << id.status();
  EXPECT_EQ(*id, 17);
  request.params = {{"id", "abc"}};
  StatusOr<std::int64_t> bad = RecordIdParam(request, "线索不存在", "clue_not_found");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.status().reason(), "clue_not_found");
  EXPECT_EQ(bad.status().message(), "线索不存在");
}

TEST(ParameterErrorResponseTest, NamesTheParameterOfAnInvalidArgument) {
  Response named = ParameterErrorResponse(InvalidArgumentError("x", "invalid_deadline"));
  EXPECT_EQ(named.status, 400);
  EXPECT_EQ(nlohmann::json::parse(named.body)["error"]["details"]["parameter"], "deadline");
  Response plain = ParameterErrorResponse(InvalidArgumentError("x", "bad_json"));
  EXPECT_TRUE(nlohmann::json::parse(plain.body)["error"]["details"].is_null());
  // Only an InvalidArgument names a parameter.
  Response other = ParameterErrorResponse(NotFoundError("x", "invalid_thing"));
  EXPECT_EQ(other.status, 404);
  EXPECT_TRUE(nlohmann::json::parse(other.body)["error"]["details"].is_null());
}

class WithSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("workflow_http_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    StatusOr<std::unique_ptr<store::Database>> db =
        store::Database::Open((dir_ / "frame.db").string());
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    ctx_.db = db_.get();
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::unique_ptr<store::Database> db_;
  ApiContext ctx_;
};

TEST_F(WithSessionTest, NoAuthenticatorIsUnauthenticatedAndRunsNoWork) {
  bool ran = false;
  Response response =
      WithSession(ctx_, Request{}, [&](const access::Principal&, store::Connection&) {
        ran = true;
        return JsonResponse(200, nlohmann::json::object());
      });
  EXPECT_EQ(response.status, 401);
  EXPECT_FALSE(ran);
}

TEST_F(WithSessionTest, TheAuthenticatorsRefusalIsTheAnswer) {
  ctx_.authenticate = [](const Request&) -> StatusOr<access::Principal> {
    return PermissionDeniedError("CSRF 校验失败", "csrf");
  };
  bool ran = false;
  Response response =
      WithSession(ctx_, Request{}, [&](const access::Principal&, store::Connection&) {
        ran = true;
        return JsonResponse(200, nlohmann::json::object());
      });
  EXPECT_EQ(response.status, 403);
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["code"], "csrf");
  EXPECT_FALSE(ran);
}

TEST_F(WithSessionTest, RunsTheWorkAsThePrincipalOverAConnection) {
  ctx_.authenticate = [](const Request&) -> StatusOr<access::Principal> {
    access::Principal who;
    who.login = "gz_jw";
    return who;
  };
  Response response =
      WithSession(ctx_, Request{}, [](const access::Principal& who, store::Connection& conn) {
        StatusOr<store::ResultSet> one = conn.Query("SELECT 1", {});
        if (!one.ok()) return ErrorResponse(one.status());
        return JsonResponse(201, {{"login", who.login}, {"one", one->at(0, 0).AsInteger()}});
      });
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(nlohmann::json::parse(response.body), (nlohmann::json{{"login", "gz_jw"}, {"one", 1}}));
}

TEST_F(WithSessionTest, RegisterStepsRoutesEachStepWithItsAction) {
  ctx_.authenticate = [](const Request&) -> StatusOr<access::Principal> {
    return access::Principal{};
  };
  using Step = std::function<std::string()>;
  Router router;
  RegisterSteps<Step>(
      router, ctx_,
      [](const ApiContext&, const access::Principal&, const Request& request, store::Connection&,
         std::string_view action, const Step& step) {
        return JsonResponse(200, {{"action", std::string(action)},
                                  {"step", step()},
                                  {"id", std::string(request.Param("id"))}});
      },
      {{"/api/v1/things/{id}/open", "thing.open", [] { return std::string("opened"); }},
       {"/api/v1/things/{id}/close", "thing.close", [] { return std::string("closed"); }}});
  Router::Match match = router.Find("POST", "/api/v1/things/7/close");
  ASSERT_EQ(match.kind, Router::Match::Kind::kFound);
  Request request;
  request.method = "POST";
  request.params = match.params;
  Response response = match.route->handler(request);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(nlohmann::json::parse(response.body),
            (nlohmann::json{{"action", "thing.close"}, {"step", "closed"}, {"id", "7"}}));
}

}  // namespace
}  // namespace sunlight::http
