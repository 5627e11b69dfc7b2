// The HTTP JSON API (src/server, docs/HTTP_API.md): the server runs in-process on an ephemeral
// loopback port against a fresh database; httplib's client asks. The read documents must be
// the bytes `depeche <command> --json` prints for the same database (one code path, src/api).
#include <httplib.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "core/time.h"
#include "server/http_server.h"
#include "store/database.h"
#include "store/statement.h"
#include "test_util.h"

namespace depeche::server {
namespace {

using testing_util::DbAt;
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
    db_ = new std::string(DbAt(FreshDir("server") / "api.db"));
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
      {"/api/entities?q=-", 400, "invalid_argument"},
      {"/api/stories?q=%20", 400, "invalid_argument"},
      {"/api/watches/ffffffffffffffff", 404, "not_found"},
      {"/api/watches/ffffffffffffffff/matches", 404, "not_found"},
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
  std::map<std::string, std::string> values = {{"{story}", FirstStoryId()},
                                               {"{article}", (*ingest_)["inserted"][0]["id"]},
                                               {"{entity}", entities[0]["id"]},
                                               {"{watch}", "no-watch-posted-yet"}};
  auto substitute = [&](std::string text) {
    for (const auto& [name, value] : values) {
      for (size_t at; (at = text.find(name)) != std::string::npos;)
        text.replace(at, name.size(), value);
    }
    return text;
  };
  int replayed = 0;
  for (std::string_view line : core::Split(
           std::string_view(*doc).substr(begin + open.size(), end - begin - open.size()), '\n')) {
    if (line.empty()) continue;
    std::vector<std::string> words;
    for (std::string_view w : core::Split(line, ' ')) words.emplace_back(w);
    ASSERT_GE(words.size(), 3u) << line;
    const std::string path = substitute(words[1]);
    // A POST's body (JSON without spaces) comes before the status.
    const bool post = words[0] == "POST";
    ASSERT_TRUE(words[0] == "GET" || words[0] == "DELETE" || (post && words.size() >= 4)) << line;
    const std::string& status = words[post ? 3 : 2];
    const std::string code = words.size() > (post ? 4u : 3u) ? words[post ? 4 : 3] : "";
    httplib::Result r = post ? Client().Post(path, substitute(words[2]), "application/json")
                        : words[0] == "DELETE" ? Client().Delete(path)
                                               : Client().Get(path);
    ASSERT_TRUE(r) << line;
    EXPECT_EQ(std::to_string(r->status), status) << line << ": " << r->body;
    if (!code.empty()) {
      EXPECT_EQ(ErrorCode(r), code) << line << ": " << r->body;
    }
    if (post && r->status == 201) values["{watch}"] = Parse(r)["id"];
    ++replayed;
  }
  EXPECT_GE(replayed, 10);
}

// The read cache (response_cache.h) never answers from before the last commit: an ingest
// through the server, and one by another process, change the story list and the story page
// that the next read returns, and every read is the CLI's document of the moment.
TEST(ServerCacheTest, CachedReadsFollowEveryIngest) {
  const std::string db = DbAt(FreshDir("server_cache") / "c.db");
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

// Ingests over HTTP leave the digests to the background refresher (digest_refresher.h): once
// the ingests pause, the story's digest is in the store, and the answer is the same before.
TEST(ServerDigestTest, DigestsAreStoredOnceTheIngestsPause) {
  const std::string db = DbAt(FreshDir("server_digest") / "api.db");
  RunningServer server(db, ServerOptions{});
  auto posted = Parse(server.Client().Post("/api/articles", SeedsJsonl(), "application/x-ndjson"));
  ASSERT_TRUE(posted.is_object());
  const std::string story = posted["inserted"][0]["story_id"];
  const std::string before = server.Client().Get("/api/stories/" + story)->body;
  // Through the store's own connection, on either backend (a fresh one each time: a reader's
  // snapshot would not see the refresher's commit).
  auto stored = [&]() -> int64_t {
    auto opened = store::Database::Open(db, store::OpenMode::kReadOnly);
    if (!opened.ok()) return -1;
    auto st = store::Statement::Prepare(opened->get(),
                                        "SELECT COUNT(*) FROM story_digests WHERE story_id = ?1");
    if (!st.ok()) return -1;
    st->BindText(1, story);
    auto row = st->Step();
    return row.ok() && *row ? st->ColumnInt64(0) : -1;
  };
  int64_t rows = 0;
  for (int i = 0; i < 200 && (rows = stored()) != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(rows, 1) << "the seeds story's digest was not stored within 10 s";
  auto metrics = server.Client().Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("\ndepeche_digest_refreshes_total 1\n"), std::string::npos)
      << metrics->body;
  EXPECT_EQ(server.Client().Get("/api/stories/" + story)->body, before);
}

// With a read replica (ServerOptions::read_db), reads are answered from it and writes go to
// the database. Two separate databases stand for the pair, so that where each answer comes from
// shows: a replica that replays the primary would hold the same rows.
TEST(ServerReplicaTest, ReadsComeFromTheReplicaAndWritesGoToTheDatabase) {
  const std::filesystem::path dir = FreshDir("server_replica");
  const std::string primary = DbAt(dir / "primary.db");
  const std::string replica = DbAt(dir / "replica.db");
  ServerOptions options;
  options.read_db = replica;
  if (primary.rfind("postgres", 0) != 0) {
    // SQLite has no replicas: refused, naming the option's value.
    EngineConfig config;
    config.db_path = primary;
    auto server = HttpServer::Create(config, options, Limits{});
    ASSERT_FALSE(server.ok());
    EXPECT_EQ(server.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(server.status().message().find(replica), std::string::npos)
        << server.status().ToString();
    return;
  }
  std::string on_replica;
  {
    RunningServer writer(replica, ServerOptions{});
    for (const char* text : {"Heavy rain flooded the valley of the Loire on Sunday.",
                             "A storm closed the port of Brest on Monday."}) {
      nlohmann::json a = {{"text", text}};
      auto posted = Parse(writer.Client().Post("/api/articles", a.dump(), "application/json"));
      ASSERT_EQ(posted["inserted"].size(), 1u) << posted.dump();
      on_replica = posted["inserted"][0]["id"];
    }
  }
  RunningServer server(primary, options);
  auto posted = Parse(server.Client().Post(
      "/api/articles", "{\"text\":\"The harvest in Burgundy began early this year.\"}",
      "application/json"));
  ASSERT_EQ(posted["inserted"].size(), 1u) << posted.dump();
  const std::string on_primary = posted["inserted"][0]["id"];
  EXPECT_EQ(Parse(server.Client().Get("/health"))["articles"], 2);
  EXPECT_EQ(server.Client().Get("/api/articles/" + on_replica)->status, 200);
  EXPECT_EQ(server.Client().Get("/api/articles/" + on_primary)->status, 404);
  // The write is in the database.
  auto stored = Depeche("--db '" + primary + "' show --json " + on_primary, "", false);
  EXPECT_EQ(stored.code, 0) << stored.out;
  EXPECT_NE(stored.out.find(on_primary), std::string::npos) << stored.out;
}

TEST(ServerSecurityTest, WritesNeedTheTokenWhenOneIsSet) {
  ServerOptions options;
  options.token = "s3cret";
  RunningServer server(DbAt(FreshDir("server_token") / "t.db"), options);
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

// GET /api/entities?q=: word prefixes of names and aliases, accents and case ignored.
TEST_F(ServerTest, EntitiesQueryFiltersByNameOrAlias) {
  auto all = Parse(Client().Get("/api/entities?limit=1000"));
  ASSERT_TRUE(all.is_array());
  auto names = [&](const std::string& path) {
    auto r = Client().Get(path);
    EXPECT_TRUE(r && r->status == 200) << path;
    std::vector<std::string> out;
    nlohmann::json j = Parse(r);
    for (const auto& e : j.is_array() ? j : nlohmann::json::array()) out.push_back(e["name"]);
    return out;
  };
  EXPECT_EQ(names("/api/entities?q=blin"), std::vector<std::string>{"Antony Blinken"});
  EXPECT_EQ(names("/api/entities?q=BL%C3%8DNKEN"), std::vector<std::string>{"Antony Blinken"});
  EXPECT_EQ(names("/api/entities?q=anthony%20bli"), std::vector<std::string>{"Antony Blinken"});
  EXPECT_TRUE(names("/api/entities?q=inken").empty());
  EXPECT_TRUE(names("/api/entities?q=blin&type=place").empty());
  EXPECT_EQ(names("/api/entities?q=mosc"), std::vector<std::string>{"Moscou"});
  EXPECT_LT(names("/api/entities?q=a").size(), all.size());
  // The same document as the CLI's.
  EXPECT_EQ(Client().Get("/api/entities?q=blin")->body, Cli("entities --json --name blin"));
}

// A server of its own, with a token, and articles posted one second apart: what a watch calls
// new is what was ingested at or after its creation (UTC seconds).
class WatchServerTest : public ::testing::Test {
 protected:
  WatchServerTest() : db_(DbAt(FreshDir("server_watch") / "w.db")) {
    ServerOptions options;
    options.token = "s3cret";
    server_ = std::make_unique<RunningServer>(db_, options);
  }
  httplib::Result Post(const std::string& path, const std::string& body) {
    return server_->Client().Post(path, auth_, body, "application/json");
  }
  void PostArticle(const std::string& url, const std::string& title, const std::string& text) {
    auto r = Post("/api/articles",
                  nlohmann::json{{"url", url}, {"title", title}, {"text", text}}.dump());
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    ASSERT_EQ(Parse(r)["inserted"].size(), 1u) << r->body;
  }
  static void WaitForNextSecond() {
    const int64_t now = core::NowUtcSeconds();
    while (core::NowUtcSeconds() == now) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string Cli(const std::string& args) {
    auto run = Depeche("--db '" + db_ + "' " + args, "", false);
    EXPECT_EQ(run.code, 0) << args << ": " << run.out;
    return run.out;
  }

  std::string db_;
  std::unique_ptr<RunningServer> server_;
  httplib::Headers auth_ = {{"Authorization", "Bearer s3cret"}};
};

TEST_F(WatchServerTest, MatchesAreArticlesIngestedAfterTheWatchNotBefore) {
  PostArticle("https://example.org/gas-1", "Gas prices climb",
              "Gas prices climbed across Europe on Monday as supplies tightened.");
  WaitForNextSecond();
  auto added = Post("/api/watches", R"({"query":"gas","name":"Gas"})");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201) << added->body;
  const nlohmann::json watch = Parse(added);
  const std::string id = watch["id"];
  EXPECT_EQ(watch["query"], "gas");
  EXPECT_EQ(watch["name"], "Gas");
  EXPECT_TRUE(watch["entity"].is_null());
  WaitForNextSecond();
  PostArticle("https://example.org/gas-2", "Gas prices fall",
              "Gas prices fell sharply in Asia on Friday after new supplies arrived by ship.");
  PostArticle("https://example.org/floods", "Floods",
              "Heavy rain flooded the valley overnight and roads were closed.");

  auto r = server_->Client().Get("/api/watches/" + id + "/matches");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  nlohmann::json m = Parse(r);
  EXPECT_EQ(m["watch"], watch);
  EXPECT_EQ(m["since"], watch["created_at"]);
  ASSERT_EQ(m["articles"].size(), 1u) << r->body;
  EXPECT_EQ(m["articles"][0]["title"], "Gas prices fall");
  EXPECT_GE(m["articles"][0]["ingested_at"].get<std::string>(),
            watch["created_at"].get<std::string>());
  ASSERT_EQ(m["stories"].size(), 1u);
  EXPECT_EQ(m["stories"][0]["id"], m["articles"][0]["story_id"]);
  EXPECT_EQ(m["stories"][0]["matching_articles"], 1);
  // The CLI prints the same document.
  EXPECT_EQ(r->body, Cli("watch matches --json " + id));

  // Since an earlier time: the article before the watch too, never the floods.
  auto earlier = Parse(server_->Client().Get("/api/watches/" + id + "/matches?since=2000-01-01"));
  ASSERT_EQ(earlier["articles"].size(), 2u) << earlier.dump();
  for (const auto& a : earlier["articles"]) EXPECT_NE(a["title"], "Floods");
  auto one = Parse(server_->Client().Get("/api/watches/" + id + "/matches?since=2000-01&limit=1"));
  EXPECT_EQ(one["articles"].size(), 1u);

  // Listed, newest first; removed.
  WaitForNextSecond();
  auto second = Parse(Post("/api/watches", R"({"query":"floods OR rain","lang":"en"})"));
  auto list = Parse(server_->Client().Get("/api/watches"));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0], second);
  EXPECT_EQ(list[1], watch);
  EXPECT_EQ(server_->Client().Get("/api/watches")->body, Cli("watch list --json"));
  EXPECT_EQ(Parse(server_->Client().Get("/api/watches/" + id.substr(0, 6))), watch);
  auto deleted = server_->Client().Delete("/api/watches/" + id, auth_);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 204);
  EXPECT_TRUE(deleted->body.empty());
  EXPECT_EQ(server_->Client().Get("/api/watches/" + id)->status, 404);
  EXPECT_EQ(Parse(server_->Client().Get("/api/watches")).size(), 1u);
}

TEST_F(WatchServerTest, ErrorsAndTheToken) {
  // Writes need the token: POST and DELETE alike; reads do not.
  auto none = server_->Client().Post("/api/watches", R"({"query":"gas"})", "application/json");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(ErrorCode(none), "unauthenticated");
  auto added = Post("/api/watches", R"({"query":"gas"})");
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 201);
  const std::string id = Parse(added)["id"];
  auto unauthorised = server_->Client().Delete("/api/watches/" + id);
  ASSERT_TRUE(unauthorised);
  EXPECT_EQ(unauthorised->status, 401);
  httplib::Headers wrong = {{"Authorization", "Bearer s3creT"}};
  EXPECT_EQ(server_->Client().Delete("/api/watches/" + id, wrong)->status, 401);
  EXPECT_EQ(server_->Client().Get("/api/watches/" + id)->status, 200);  // still there

  struct Case {
    std::string method, path, body;
    int status;
    std::string code;
  };
  const std::vector<Case> cases = {
      {"POST", "/api/watches", R"({"query":"   "})", 400, "invalid_argument"},
      {"POST", "/api/watches", R"({"query":"-gas"})", 400, "invalid_argument"},
      {"POST", "/api/watches", R"({"lang":"en"})", 400, "invalid_argument"},
      {"POST", "/api/watches", R"({"query":7})", 400, "invalid_argument"},
      {"POST", "/api/watches", R"({"query":"gas","extra":"x"})", 400, "invalid_argument"},
      {"POST", "/api/watches", R"({"query":{"nested":"gas"}})", 400, "invalid_argument"},
      {"POST", "/api/watches", "[\"gas\"]", 400, "invalid_argument"},
      {"POST", "/api/watches", "not json", 400, "invalid_argument"},
      {"GET", "/api/watches/ffffffffffffffff", "", 404, "not_found"},
      {"GET", "/api/watches/ffffffffffffffff/matches", "", 404, "not_found"},
      {"GET", "/api/watches/" + id + "/matches?since=soon", "", 400, "invalid_argument"},
      {"GET", "/api/watches/" + id + "/matches?since=2022-13-45", "", 400, "invalid_argument"},
      {"GET", "/api/watches/" + id + "/matches?limit=0", "", 400, "invalid_argument"},
      {"GET", "/api/watches/" + id + "/matches?limit=1001", "", 400, "invalid_argument"},
      {"DELETE", "/api/watches/ffffffffffffffff", "", 404, "not_found"},
  };
  for (const Case& c : cases) {
    httplib::Result r = c.method == "POST"     ? Post(c.path, c.body)
                        : c.method == "DELETE" ? server_->Client().Delete(c.path, auth_)
                                               : server_->Client().Get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.method << " " << c.path << " " << c.body << ": " << r->body;
    EXPECT_EQ(ErrorCode(r), c.code) << c.path << ": " << r->body;
  }
  // A refused query is not stored.
  EXPECT_EQ(Parse(server_->Client().Get("/api/watches")).size(), 1u);
}

// GET /api/stories?q=: only the stories with an article matching the search text.
TEST_F(WatchServerTest, StoriesQueryKeepsStoriesWithAMatchingArticle) {
  PostArticle("https://example.org/gas", "Gas prices climb",
              "Gas prices climbed across Europe on Monday as supplies tightened.");
  PostArticle("https://example.org/floods", "Floods",
              "Heavy rain flooded the valley overnight and roads were closed.");
  PostArticle("https://example.org/vote", "Budget vote",
              "Parliament approved the national budget after a long debate among lawmakers in "
              "the capital.");
  auto titles = [&](const std::string& path) {
    auto r = server_->Client().Get(path);
    EXPECT_TRUE(r && r->status == 200) << path << ": " << (r ? r->body : "");
    std::set<std::string> out;
    nlohmann::json j = Parse(r);
    for (const auto& s : j.is_array() ? j : nlohmann::json::array()) out.insert(s["title"]);
    return out;
  };
  EXPECT_EQ(titles("/api/stories?sort=activity").size(), 3u);
  EXPECT_EQ(titles("/api/stories?sort=activity&q=flooding"), std::set<std::string>{"Floods"});
  EXPECT_EQ(titles("/api/stories?q=flooding"), std::set<std::string>{"Floods"});  // top
  EXPECT_EQ(titles("/api/stories?sort=size&q=gas%20OR%20parliament"),
            (std::set<std::string>{"Gas prices climb", "Budget vote"}));
  EXPECT_TRUE(titles("/api/stories?sort=activity&q=volcano").empty());
  EXPECT_EQ(server_->Client().Get("/api/stories?sort=activity&q=flooding")->body,
            Cli("stories --json --sort activity --query flooding"));
}

TEST(ServerSecurityTest, NoPublicAddressWithoutAToken) {
  EngineConfig config;
  config.db_path = DbAt(FreshDir("server_public") / "p.db");
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
  RunningServer server(DbAt(FreshDir("server_large") / "l.db"), ServerOptions{}, limits);
  const std::string body = "{\"title\":\"Big\",\"text\":\"" + std::string(4096, 'a') + "\"}";
  auto r = server.Client().Post("/api/articles", body, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(ErrorCode(r), "too_large") << r->body;
}

}  // namespace
}  // namespace depeche::server
