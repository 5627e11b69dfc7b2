// The dashboard through the real server (src/server/handlers_web.cc, docs/DASHBOARD.md):
// index.html at /, the other files at /static/NAME, with their types and security headers;
// anything else under /static is a JSON 404. The browser test is tests/e2e.
#include <httplib.h>

#include <memory>
#include <thread>

#include "server/http_server.h"
#include "server/web_files.h"
#include "test_util.h"

namespace depeche::server {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;

class WebServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    EngineConfig config;
    config.db_path = DbAt(FreshDir("server_web") / "w.db");
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    auto server = HttpServer::Create(config, options, Limits{});
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Serve().ok()); });
    for (int i = 0; i < 500; ++i) {
      if (Client().Get("/health")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL() << "the server never answered";
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client Client() const { return httplib::Client("127.0.0.1", port_); }

  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

TEST_F(WebServerTest, IndexHasItsTypeAndThePolicy) {
  auto index = Client().Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  const std::string csp = index->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("base-uri 'none'"), std::string::npos) << csp;
  EXPECT_EQ(index->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(index->get_header_value("ETag"), std::string(FindWebFile("index.html")->etag));
  EXPECT_EQ(index->body, std::string(FindWebFile("index.html")->bytes));
  // index.html loads its script as a module from /static, with no inline script.
  EXPECT_NE(index->body.find("<script type=\"module\" src=\"/static/app.js\"></script>"),
            std::string::npos);
}

TEST_F(WebServerTest, EveryEmbeddedFileIsServed) {
  for (const WebFile& file : EmbeddedWebFiles()) {
    if (file.name == "index.html") continue;
    auto got = Client().Get("/static/" + std::string(file.name));
    ASSERT_TRUE(got) << file.name;
    EXPECT_EQ(got->status, 200) << file.name;
    EXPECT_EQ(got->get_header_value("Content-Type"), file.content_type) << file.name;
    EXPECT_EQ(got->body.size(), file.bytes.size()) << file.name;
  }
}

TEST_F(WebServerTest, OtherPathsAreJsonNotFound) {
  for (const char* path : {"/static/missing.js", "/static/..%2F..%2FCMakeLists.txt", "/static/",
                           "/static/a/b.js", "/index.html"}) {
    auto got = Client().Get(path);
    ASSERT_TRUE(got) << path;
    EXPECT_EQ(got->status, 404) << path;
    EXPECT_EQ(got->get_header_value("Content-Type"), "application/json") << path;
    EXPECT_NE(got->body.find("\"not_found\""), std::string::npos) << path << ": " << got->body;
  }
}

}  // namespace
}  // namespace depeche::server
