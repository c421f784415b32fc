// The Status → HTTP error mapping and the error body's shape.
#include "http/error_response.h"

#include <gtest/gtest.h>

namespace sunlight::http {
namespace {

TEST(ErrorResponseTest, MapsEveryCodeToItsHttpStatus) {
  struct Case {
    Status status;
    int http_status;
  };
  const Case cases[] = {
      {InvalidArgumentError("x"), 400},
      {OutOfRangeError("x"), 400},
      {UnauthenticatedError("x"), 401},
      {PermissionDeniedError("x"), 403},
      {NotFoundError("x"), 404},
      {AlreadyExistsError("x"), 409},
      {FailedPreconditionError("x"), 409},
      {AbortedError("x"), 409},
      {ResourceExhaustedError("x"), 429},
      {ResourceExhaustedError("x", "file_too_large"), 413},
      {ResourceExhaustedError("x", "too_many_attempts"), 429},
      {UnimplementedError("x"), 501},
      {UnavailableError("x"), 503},
      {DeadlineExceededError("x"), 504},
      {DataLossError("x"), 500},
      {InternalError("x"), 500},
      {Status::Ok(), 500},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(HttpStatusFor(c.status), c.http_status) << c.status;
    EXPECT_EQ(ErrorResponse(c.status).status, c.http_status) << c.status;
  }
}

TEST(ErrorResponseTest, BodyCarriesReasonMessageAndDetails) {
  Response response =
      ErrorResponse(FailedPreconditionError("预警已处置，不能再次处置", "warning_already_closed"),
                    {{"state", "closed"}});
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "warning_already_closed");
  EXPECT_EQ(body["error"]["message"], "预警已处置，不能再次处置");
  EXPECT_EQ(body["error"]["details"]["state"], "closed");

  // Without a reason the code name is the code; without details, details is null.
  nlohmann::json plain = nlohmann::json::parse(ErrorResponse(NotFoundError("无此记录")).body);
  EXPECT_EQ(plain["error"]["code"], "not_found");
  EXPECT_TRUE(plain["error"]["details"].is_null());
  EXPECT_EQ(plain["error"].size(), 3u);
}

TEST(ErrorResponseTest, InternalErrorsDoNotLeakTheirMessage) {
  Response response = ErrorResponse(
      InternalError("sqlite3_step: database disk image is malformed at /var/db", "sqlite_corrupt"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("sqlite"), std::string::npos);
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"]["code"], "internal");
  EXPECT_EQ(body["error"]["message"], "服务器内部错误，请稍后重试或联系系统管理员");

  EXPECT_EQ(
      nlohmann::json::parse(ErrorResponse(DataLossError("tampered row 7")).body)["error"]["code"],
      "data_loss");
}

TEST(ErrorResponseTest, HttpLayerErrorsUseTheSameShape) {
  Response response = HttpErrorResponse(431, "headers_too_large", "请求头过大");
  nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(body["error"]["code"], "headers_too_large");
  EXPECT_EQ(body["error"]["message"], "请求头过大");
}

TEST(JsonTest, JsonResponseSurvivesInvalidUtf8AndParseJsonBodyRejectsNonJson) {
  Response response = JsonResponse(200, {{"name", std::string("ab\xff")}});
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(nlohmann::json::accept(response.body));

  Request request;
  request.body = R"({"login":"张三"})";
  EXPECT_EQ(ParseJsonBody(request).value()["login"], "张三");
  request.body = "{not json";
  StatusOr<nlohmann::json> parsed = ParseJsonBody(request);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(HttpStatusFor(parsed.status()), 400);
  EXPECT_EQ(parsed.status().reason(), "bad_json");
}

}  // namespace
}  // namespace sunlight::http
