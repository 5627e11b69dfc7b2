#include "depeche/status.h"

#include <gtest/gtest.h>

namespace depeche {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  DEPECHE_ASSIGN_OR_RETURN(int h, Half(x));
  DEPECHE_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

Status Check(int x) {
  DEPECHE_RETURN_IF_ERROR(Half(x).status());
  return Status::Ok();
}

TEST(StatusTest, CodesAndMessages) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = NotFoundError("no article abc");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "NOT_FOUND: no article abc");
  EXPECT_EQ(s.WithContext("show").message(), "show: no article abc");
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Check(4).ok());
  EXPECT_FALSE(Check(3).ok());
  Result<int> from_ok_status{Status::Ok()};
  EXPECT_FALSE(from_ok_status.ok());
  EXPECT_EQ(from_ok_status.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace depeche
