// The HTTP JSON API (src/server, docs/HTTP_API.md): the server runs in-process on an ephemeral
// loopback port against a fresh database; httplib's client asks. The read documents must be
// the bytes `depeche <command> --json` prints for the same database (one code path, src/api).
#include <httplib.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/http_server.h"
#include "test_util.h"

namespace depeche::server {
namespace {

using testing_util::Depeche;
using testing_util::FreshDir;

// A server of its own on a free port, serving on a thread until the object goes.
class RunningServer {
 public:
  RunningServer(const std::string& db, ServerOptions options, Limits limits = {}) {
    EngineConfig config;
    config.db_path = db;
    options.port = 0;
    options.threads = 4;
    auto server = HttpServer::Create(config, options, limits);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    if (!server.ok()) return;
    server_ = std::move(server).value();
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok()) << port.status().ToString();
    if (!port.ok()) return;
    port_ = *port;
    thread_ = std::thread([this] { EXPECT_TRUE(server_->Serve().ok()); });
    // Serving once /health answers: Stop() before that would be missed by httplib.
    for (int i = 0; i < 500; ++i) {
      if (Client().Get("/health")) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ADD_FAILURE() << "the server never answered";
  }
  ~RunningServer() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }

 private:
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  int port_ = 0;
};

// The seed articles as one JSONL body (the seeds' texts; their file names as feed ids).
std::string SeedsJsonl() {
  std::string out;
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(testing_util::SeedsDir())) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    nlohmann::json a = {{"id", name}, {"source", "seeds"}, {"text", testing_util::ReadSeed(name)}};
    out += a.dump() + "\n";
  }
  return out;
}

nlohmann::json Parse(const httplib::Result& r) {
  if (!r) return nullptr;
  return nlohmann::json::parse(r->body, nullptr, false);
}

// The error document's code, "" when the body is not one.
std::string ErrorCode(const httplib::Result& r) {
  nlohmann::json j = Parse(r);
  if (!j.is_object() || !j.contains("error") || !j["error"].contains("code")) return "";
  if (!j["error"].contains("message") || !j["error"]["message"].is_string()) return "";
  return j["error"]["code"];
}

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new std::string((FreshDir("server") / "api.db").string());
    server_ = new RunningServer(*db_, ServerOptions{});
    auto r = server_->Client().Post("/api/articles", SeedsJsonl(), "application/x-ndjson");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    ingest_ = new nlohmann::json(nlohmann::json::parse(r->body));
  }
  static void TearDownTestSuite() {
    delete server_;
    delete ingest_;
    delete db_;
  }
  httplib::Client Client() { return server_->Client(); }
  // What `depeche ARGS` prints on stdout for the server's database.
  static std::string Cli(const std::string& args) {
    auto run = Depeche("--db '" + *db_ + "' " + args, "", false);
    EXPECT_EQ(run.code, 0) << args << ": " << run.out;
    return run.out;
  }
  static std::string FirstStoryId() {
    auto stories = nlohmann::json::parse(Cli("stories --json --sort activity"));
    return stories.empty() ? "" : stories[0]["id"].get<std::string>();
  }

  static std::string* db_;
  static RunningServer* server_;
  static nlohmann::json* ingest_;
};
std::string* ServerTest::db_ = nullptr;
RunningServer* ServerTest::server_ = nullptr;
nlohmann::json* ServerTest::ingest_ = nullptr;

TEST_F(ServerTest, IngestReportsIdsStoriesAndGroups) {
  const nlohmann::json& j = *ingest_;
  ASSERT_EQ(j["inserted"].size(), 5u) << j.dump();
  EXPECT_EQ(j["records"], 5);
  EXPECT_EQ(j["failed"], 0);
  for (const auto& a : j["inserted"]) {
    EXPECT_TRUE(a["story_id"].is_string()) << a.dump();
    EXPECT_TRUE(a["group_id"].is_string()) << a.dump();
  }
  // The story the ingest named holds the article.
  const std::string id = j["inserted"][0]["id"];
  auto story =
      Parse(Client().Get("/api/stories/" + j["inserted"][0]["story_id"].get<std::string>()));
  bool found = false;
  for (const auto& a : story["articles"]) found = found || a["id"] == id;
  EXPECT_TRUE(found);
}

TEST_F(ServerTest, IngestReportsABadLineAndStoresTheRest) {
  const std::string body =
      "{\"url\":\"https://example.org/floods\",\"title\":\"Floods\",\"text\":\"Heavy rain "
      "flooded the valley overnight and the roads were closed.\"}\n"
      "{not json\n" +
      std::string(200, '[') + std::string(200, ']') + "\n";
  auto r = Client().Post("/api/articles", body, "application/x-ndjson");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  auto j = Parse(r);
  ASSERT_EQ(j["inserted"].size(), 1u) << r->body;
  std::set<int> lines;
  for (const auto& i : j["issues"]) {
    if (i["severity"] == "error") lines.insert(i["line"].get<int>());
  }
  EXPECT_EQ(lines, (std::set<int>{2, 3})) << r->body;
  EXPECT_EQ(j["failed"], 2);
  // Posting it again stores nothing new.
  // Its URL finds it (percent-encoded in the path).
  auto by_url = Parse(Client().Get("/api/articles/https%3A%2F%2Fexample.org%2Ffloods"));
  EXPECT_EQ(by_url["id"], j["inserted"][0]["id"]) << by_url.dump();
  auto again = Parse(
      Client().Post("/api/articles", body.substr(0, body.find('\n') + 1), "application/json"));
  EXPECT_EQ(again["already_stored"], 1) << again.dump();
  EXPECT_TRUE(again["inserted"].empty());
}

TEST_F(ServerTest, OneJsonObjectOverSeveralLinesIsOneArticle) {
  auto r = Client().Post("/api/articles",
                         "{\n  \"url\": \"https://example.org/storm\",\n  \"title\": \"Storm\",\n"
                         "  \"text\": \"A storm closed the port of Brest on Monday.\"\n}\n",
                         "application/json");
  ASSERT_TRUE(r);
  auto j = Parse(r);
  EXPECT_EQ(j["inserted"].size(), 1u) << r->body;
}

TEST_F(ServerTest, HealthCountsArticles) {
  auto r = Client().Get("/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto j = Parse(r);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_GE(j["articles"].get<int>(), 5);
  EXPECT_GT(j["schema_version"].get<int>(), 0);
}

TEST_F(ServerTest, ReadDocumentsAreTheCliDocuments) {
  const std::string story = FirstStoryId();
  ASSERT_FALSE(story.empty());
  const std::string article = (*ingest_)["inserted"][0]["id"];
  auto entities = nlohmann::json::parse(Cli("entities --json"));
  ASSERT_FALSE(entities.empty());
  const std::string entity = entities[0]["id"];
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"/api/stories/" + story, "story --json " + story},
      {"/api/stories/" + story + "?since=2022-01-20", "story --json --since 2022-01-20 " + story},
      {"/api/articles/" + article, "show --json " + article},
      {"/api/stories?sort=activity&limit=3", "stories --json --sort activity -n 3"},
      {"/api/search?q=Blinken&limit=5", "search --json -n 5 Blinken"},
      {"/api/entities?type=person", "entities --json --type person"},
      {"/api/entities/" + entity, "entity --json " + entity},
  };
  for (const auto& [path, args] : pairs) {
    auto r = Client().Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(r->body, Cli(args)) << path;
  }
}

TEST_F(ServerTest, CursorPagesListEveryStoryOnce) {
  // More than one story: the seeds' and a second one.
  ASSERT_TRUE(Client().Post("/api/articles",
                            "{\"url\":\"https://example.org/eclipse\",\"title\":\"Eclipse\","
                            "\"text\":\"A total solar eclipse crossed Chile and Argentina.\"}",
                            "application/json"));
  auto all = Parse(Client().Get("/api/stories?sort=activity&limit=100"));
  ASSERT_GE(all.size(), 2u);
  nlohmann::json paged = nlohmann::json::array();
  std::string cursor;
  for (int page = 0; page < 20; ++page) {
    auto r = Client().Get("/api/stories?sort=activity&limit=1" +
                          (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    for (const auto& s : Parse(r)) paged.push_back(s);
    cursor = r->get_header_value("X-Next-Cursor");
    if (cursor.empty()) break;
  }
  EXPECT_EQ(paged, all);
  auto bad = Client().Get("/api/stories?cursor=zz");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(ErrorCode(bad), "invalid_argument");
}

TEST_F(ServerTest, TimelineIsTheStorysTimeline) {
  const std::string story = FirstStoryId();
  auto whole = Parse(Client().Get("/api/stories/" + story));
  auto r = Client().Get("/api/stories/" + story + "/timeline");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Parse(r), whole["timeline"]);
}

TEST_F(ServerTest, ErrorsHaveTheirStatusAndShape) {
  struct Case {
    std::string path;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"/api/stories/ffffffffffffffff", 404, "not_found"},
      {"/api/stories/ffffffffffffffff/timeline", 404, "not_found"},
      {"/api/articles/ffffffffffffffff", 404, "not_found"},
      {"/api/entities/ffffffffffffffff", 404, "not_found"},
      {"/api/nothing/here", 404, "not_found"},
      {"/api/stories?limit=0", 400, "invalid_argument"},
      {"/api/stories?limit=ten", 400, "invalid_argument"},
      {"/api/stories?limit=100000", 400, "invalid_argument"},
      {"/api/stories?since=yesterday", 400, "invalid_argument"},
      {"/api/stories?sort=random", 400, "invalid_argument"},
      {"/api/search", 400, "invalid_argument"},
      {"/api/search?q=Blinken&since=soon", 400, "invalid_argument"},
      {"/api/entities?type=planet", 400, "invalid_argument"},
      {"/api/entities?q=Blink", 400, "invalid_argument"},
  };
  for (const Case& c : cases) {
    auto r = Client().Get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.path << ": " << r->body;
    EXPECT_EQ(ErrorCode(r), c.code) << c.path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "") << c.path;
  }
}

TEST_F(ServerTest, MetricsCountRequestsAndStories) {
  ASSERT_TRUE(Client().Get("/health"));
  auto r = Client().Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_NE(r->body.find("\ndepeche_articles_total "), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("\ndepeche_stories_total "), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("depeche_http_requests_total{route=\"health\",status=\"200\"}"),
            std::string::npos)
      << r->body;
  EXPECT_NE(
      r->body.find("depeche_http_request_duration_seconds_bucket{route=\"health\",le=\"+Inf\"}"),
      std::string::npos)
      << r->body;
}

// docs/HTTP_API.md, "Examples the tests replay": every documented request answers as written.
TEST_F(ServerTest, DocumentedExamplesReplay) {
  auto doc = core::ReadFile(std::string(DEPECHE_SOURCE_DIR) + "/docs/HTTP_API.md");
  ASSERT_TRUE(doc.ok());
  const std::string open = "```replay\n";
  const size_t begin = doc->find(open);
  ASSERT_NE(begin, std::string::npos);
  const size_t end = doc->find("```", begin + open.size());
  ASSERT_NE(end, std::string::npos);
  auto entities = nlohmann::json::parse(Cli("entities --json"));
  ASSERT_FALSE(entities.empty());
  const std::map<std::string, std::string> values = {{"{story}", FirstStoryId()},
                                                     {"{article}", (*ingest_)["inserted"][0]["id"]},
                                                     {"{entity}", entities[0]["id"]}};
  int replayed = 0;
  for (std::string_view line : core::Split(
           std::string_view(*doc).substr(begin + open.size(), end - begin - open.size()), '\n')) {
    if (line.empty()) continue;
    std::vector<std::string> words;
    for (std::string_view w : core::Split(line, ' ')) words.emplace_back(w);
    ASSERT_GE(words.size(), 3u) << line;
    std::string path = words[1];
    for (const auto& [name, value] : values) {
      for (size_t at; (at = path.find(name)) != std::string::npos;)
        path.replace(at, name.size(), value);
    }
    ASSERT_EQ(words[0], "GET") << line;
    auto r = Client().Get(path);
    ASSERT_TRUE(r) << line;
    EXPECT_EQ(std::to_string(r->status), words[2]) << line << ": " << r->body;
    if (words.size() > 3) {
      EXPECT_EQ(ErrorCode(r), words[3]) << line << ": " << r->body;
    }
    ++replayed;
  }
  EXPECT_GE(replayed, 10);
}

// The read cache (response_cache.h) never answers from before the last commit: an ingest
// through the server, and one by another process, change the story list and the story page
// that the next read returns, and every read is the CLI's document of the moment.
TEST(ServerCacheTest, CachedReadsFollowEveryIngest) {
  const std::string db = (FreshDir("server_cache") / "c.db").string();
  RunningServer server(db, ServerOptions{});
  auto cli = [&db](const std::string& args) {
    auto run = Depeche("--db '" + db + "' " + args, "", false);
    EXPECT_EQ(run.code, 0) << args << ": " << run.out;
    return run.out;
  };
  auto get = [&server](const std::string& path) {
    auto r = server.Client().Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return std::string();
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
    return r->body;
  };
  auto posted = Parse(server.Client().Post("/api/articles", SeedsJsonl(), "application/x-ndjson"));
  ASSERT_FALSE(posted["inserted"].empty()) << posted.dump();
  const std::string first = posted["inserted"][0]["id"];
  const std::string story = posted["inserted"][0]["story_id"];
  const std::string list_path = "/api/stories?sort=activity";
  const std::string story_path = "/api/stories/" + story;
  const std::string timeline_path = story_path + "/timeline";

  // Repeated reads (the second from the cache) are the CLI's bytes.
  const std::string list = get(list_path);
  const std::string page = get(story_path);
  const std::string timeline = get(timeline_path);
  EXPECT_EQ(get(list_path), list);
  EXPECT_EQ(get(story_path), page);
  EXPECT_EQ(get(timeline_path), timeline);
  EXPECT_EQ(list, cli("stories --json --sort activity"));
  EXPECT_EQ(page, cli("story --json " + story));

  // A copy of the first article from another source joins its story, through the server.
  const nlohmann::json original = Parse(server.Client().Get("/api/articles/" + first));
  ASSERT_TRUE(original["text"].is_string()) << original.dump();
  const nlohmann::json copy = {
      {"id", "copy-1"}, {"source", "elsewhere"}, {"text", original["text"]}};
  auto again = Parse(server.Client().Post("/api/articles", copy.dump(), "application/json"));
  ASSERT_EQ(again["inserted"].size(), 1u) << again.dump();
  ASSERT_EQ(again["inserted"][0]["story_id"], story) << again.dump();
  const std::string list2 = get(list_path);
  const std::string page2 = get(story_path);
  EXPECT_NE(list2, list);
  EXPECT_NE(page2, page);
  EXPECT_EQ(list2, cli("stories --json --sort activity"));
  EXPECT_EQ(page2, cli("story --json " + story));

  // Another copy, ingested by another process while the server runs.
  const std::filesystem::path file = FreshDir("server_cache_feed") / "copy.jsonl";
  nlohmann::json copy2 = copy;
  copy2["id"] = "copy-2";
  copy2["source"] = "a third outlet";
  {
    std::ofstream out(file);
    out << copy2.dump() << "\n";
  }
  cli("ingest -q '" + file.string() + "'");
  // The server polls the store at most once a millisecond.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const std::string page3 = get(story_path);
  EXPECT_NE(page3, page2);
  EXPECT_EQ(page3, cli("story --json " + story));
  EXPECT_EQ(get(list_path), cli("stories --json --sort activity"));
  // The article itself is not cached, but is there.
  EXPECT_EQ(Parse(server.Client().Get("/api/articles/" + first))["id"], first);
}

TEST(ServerSecurityTest, WritesNeedTheTokenWhenOneIsSet) {
  ServerOptions options;
  options.token = "s3cret";
  RunningServer server((FreshDir("server_token") / "t.db").string(), options);
  const std::string body = "{\"title\":\"Floods\",\"text\":\"Heavy rain flooded the valley.\"}";
  auto none = server.Client().Post("/api/articles", body, "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(ErrorCode(none), "unauthenticated");
  httplib::Headers wrong = {{"Authorization", "Bearer s3creT"}};
  EXPECT_EQ(server.Client().Post("/api/articles", wrong, body, "application/json")->status, 401);
  httplib::Headers right = {{"Authorization", "Bearer s3cret"}};
  auto ok = server.Client().Post("/api/articles", right, body, "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  // Reads need no token.
  EXPECT_EQ(server.Client().Get("/api/stories")->status, 200);
}

TEST(ServerSecurityTest, NoPublicAddressWithoutAToken) {
  EngineConfig config;
  config.db_path = (FreshDir("server_public") / "p.db").string();
  ServerOptions options;
  options.host = "0.0.0.0";
  auto server = HttpServer::Create(config, options, Limits{});
  ASSERT_FALSE(server.ok());
  EXPECT_EQ(server.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(IsLoopback("127.0.0.1"));
  EXPECT_TRUE(IsLoopback("::1"));
  EXPECT_FALSE(IsLoopback("192.168.1.2"));
}

TEST(ServerSecurityTest, TooLargeBodyIs413) {
  Limits limits;
  limits.max_body_bytes = 1024;
  RunningServer server((FreshDir("server_large") / "l.db").string(), ServerOptions{}, limits);
  const std::string body = "{\"title\":\"Big\",\"text\":\"" + std::string(4096, 'a') + "\"}";
  auto r = server.Client().Post("/api/articles", body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(r), "too_large") << r->body;
}

}  // namespace
}  // namespace depeche::server
