#include "server/web_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace depeche::server {
namespace {

std::string Header(const Response& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST(WebFilesTest, TheDashboardIsEmbeddedWithItsTypes) {
  const WebFile* index = FindWebFile("index.html");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_NE(index->bytes.find("<!doctype html>"), std::string_view::npos);
  EXPECT_EQ(index->etag.front(), '"');
  const WebFile* app = FindWebFile("app.js");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(FindWebFile("nothing.js"), nullptr);
  EXPECT_EQ(WebContentType("style.css"), "text/css; charset=utf-8");
  EXPECT_EQ(WebContentType("secret.db"), "");
}

class WebHandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EngineConfig config;
    config.db_path = ":memory:";
    auto service = Service::Open(config, Limits{});
    ASSERT_TRUE(service.ok()) << service.status().ToString();
    service_ = std::move(service).value();
  }
  void TearDown() override { SetWebDirectory(""); }
  Response Get(const std::vector<std::string>& captures) {
    Request request;
    request.method = "GET";
    request.captures = captures;
    return GetWebFile(*service_, request);
  }
  std::unique_ptr<Service> service_;
};

TEST_F(WebHandlerTest, ServesIndexAndFilesWithThePolicy) {
  Response index = Get({});
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  const std::string csp = Header(index, "Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos);
  EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(Header(index, "X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(Header(index, "ETag").empty());
  Response app = Get({"app.js"});
  EXPECT_EQ(app.status, 200);
  EXPECT_EQ(app.content_type, "text/javascript; charset=utf-8");
}

TEST_F(WebHandlerTest, RefusesUnknownNamesAndPaths) {
  EXPECT_EQ(Get({"missing.js"}).status, 404);
  EXPECT_EQ(Get({"../CMakeLists.txt"}).status, 404);
  EXPECT_EQ(Get({".."}).status, 404);
}

TEST_F(WebHandlerTest, ServesFromADirectoryWhenAsked) {
  std::random_device rd;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("web_files_test_" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "index.html") << "<!doctype html><p>dev copy</p>";
  std::ofstream(dir / "data.db") << "not served";
  SetWebDirectory(dir.string());
  Response index = Get({});
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><p>dev copy</p>");
  EXPECT_FALSE(Header(index, "Content-Security-Policy").empty());
  EXPECT_EQ(Get({"data.db"}).status, 404);  // not a dashboard file type
  EXPECT_EQ(Get({"app.js"}).status, 404);   // not in that folder
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace depeche::server
