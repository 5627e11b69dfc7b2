#include "server/http_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/metrics.h"

namespace depeche::server {
namespace {

TEST(HttpErrorTest, StatusCodesMapToHttp) {
  EXPECT_EQ(FromStatus(InvalidArgumentError("x")).http_status, 400);
  EXPECT_EQ(FromStatus(InvalidArgumentError("x")).code, "invalid_argument");
  EXPECT_EQ(FromStatus(NotFoundError("x")).http_status, 404);
  EXPECT_EQ(FromStatus(FailedPreconditionError("x")).http_status, 409);
  EXPECT_EQ(FromStatus(ResourceExhaustedError("x")).http_status, 413);
  EXPECT_EQ(FromStatus(DataLossError("x")).http_status, 500);
  EXPECT_EQ(FromStatus(DataLossError("x")).code, "internal");
  EXPECT_EQ(Unauthenticated("x").http_status, 401);
  EXPECT_EQ(TooLarge("x").http_status, 413);
}

TEST(HttpErrorTest, BodyIsTheErrorObject) {
  auto j = nlohmann::json::parse(ErrorBody(FromStatus(NotFoundError("no story \"x\""))));
  EXPECT_EQ(j,
            nlohmann::json::parse(R"({"error":{"code":"not_found","message":"no story \"x\""}})"));
}

TEST(MetricsTest, CountsAndHistogramBuckets) {
  Metrics m;
  m.Record("story", 200, 0.004);
  m.Record("story", 200, 0.2);
  m.Record("story", 404, 0.001);
  const std::string text = m.Text();
  EXPECT_NE(text.find("depeche_http_requests_total{route=\"story\",status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("depeche_http_requests_total{route=\"story\",status=\"404\"} 1\n"),
            std::string::npos);
  // Cumulative: 0.005 holds the 1 ms and 4 ms requests, +Inf all three.
  EXPECT_NE(text.find("depeche_http_request_duration_seconds_bucket{route=\"story\",le=\"0.005\"} "
                      "2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("depeche_http_request_duration_seconds_bucket{route=\"story\",le=\"+Inf\"} 3\n"),
      std::string::npos);
  EXPECT_NE(text.find("depeche_http_request_duration_seconds_count{route=\"story\"} 3\n"),
            std::string::npos);
}

}  // namespace
}  // namespace depeche::server
