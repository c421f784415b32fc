#include "core/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace sunlight {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, CarriesCodeMessageAndReason) {
  Status s = InvalidArgumentError("校验码错误", "bad_check_digit");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "校验码错误");
  EXPECT_EQ(s.reason(), "bad_check_digit");
  EXPECT_EQ(s.ToString(), "invalid_argument(bad_check_digit): 校验码错误");
}

TEST(StatusTest, ReasonDefaultsToCodeName) {
  EXPECT_EQ(NotFoundError("无此记录").reason(), "not_found");
}

TEST(StatusTest, OkCodeDropsMessage) {
  Status s(StatusCode::kOk, "ignored", "ignored");
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(s.message().empty());
}

TEST(StatusTest, WithPrefixKeepsCodeAndReason) {
  Status s = InvalidArgumentError("日期不存在", "bad_date").WithPrefix("payments.csv:3:pay_date");
  EXPECT_EQ(s.message(), "payments.csv:3:pay_date: 日期不存在");
  EXPECT_EQ(s.reason(), "bad_date");
  EXPECT_TRUE(Status().WithPrefix("x").ok());
}

StatusOr<int> Half(int n) {
  if (n % 2 != 0) return InvalidArgumentError("奇数", "odd");
  return n / 2;
}

Status Quarter(int n, int* out) {
  SUNLIGHT_ASSIGN_OR_RETURN(int half, Half(n));
  SUNLIGHT_ASSIGN_OR_RETURN(*out, Half(half));
  return Status::Ok();
}

TEST(StatusOrTest, ValueOrStatus) {
  StatusOr<int> good = Half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  StatusOr<int> bad = Half(3);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().reason(), "odd");
  EXPECT_EQ(bad.value_or(-1), -1);
}

TEST(StatusOrTest, OkStatusWithoutValueIsInternal) {
  StatusOr<int> s{Status::Ok()};
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInternal);
}

TEST(StatusOrTest, MacrosPropagate) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, &out).ok());
  EXPECT_EQ(out, 2);
  EXPECT_EQ(Quarter(6, &out).reason(), "odd");  // 6 -> 3 is odd
  EXPECT_EQ(Quarter(5, &out).reason(), "odd");
}

TEST(StatusOrTest, HoldsMoveOnlyTypes) {
  StatusOr<std::unique_ptr<std::string>> s = std::make_unique<std::string>("阳光");
  ASSERT_TRUE(s.ok());
  std::unique_ptr<std::string> p = std::move(s).value();
  EXPECT_EQ(*p, "阳光");
}

Status ReturnIfError(bool fail) {
  SUNLIGHT_RETURN_IF_ERROR(fail ? InternalError("坏了") : Status::Ok());
  return NotFoundError("到达末尾");
}

TEST(StatusTest, ReturnIfError) {
  EXPECT_EQ(ReturnIfError(true).code(), StatusCode::kInternal);
  EXPECT_EQ(ReturnIfError(false).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sunlight
