#include "depeche/engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/database.h"
#include "store/test_util.h"

namespace depeche {
namespace {

std::string TempPath(const std::string& name) {
  return testing::TempDir() + "/depeche_engine_" + std::to_string(getpid()) + "_" + name;
}

TEST(EngineTest, RejectsBadConfig) {
  EngineConfig config;
  config.db_path = ":memory:";
  config.batch_size = 0;
  EXPECT_EQ(Engine::Open(config).status().code(), StatusCode::kInvalidArgument);
}

TEST(EngineTest, CorruptDatabaseIsReportedNotCrashed) {
  DEPECHE_SKIP_ON_POSTGRES("a corrupt database file");
  std::string path = TempPath("garbage.db");
  std::ofstream(path, std::ios::binary) << std::string(8192, 'x');
  EngineConfig config;
  config.db_path = path;
  auto engine = Engine::Open(config);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), StatusCode::kDataLoss) << engine.status().ToString();
  std::filesystem::remove(path);
}

TEST(EngineTest, DataSurvivesReopen) {
  std::string path = store::testing_util::TestDbLocation(TempPath("reopen.db"));
  std::filesystem::remove(path);
  EngineConfig config;
  config.db_path = path;
  {
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    auto r = (*engine)->IngestJsonl(
        "mem",
        "{\"url\":\"https://example.org/x\",\"title\":\"Floods\",\"text\":\"Heavy rain "
        "flooded the valley overnight and roads were closed.\"}\n",
        {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->inserted, 1);
  }
  auto engine = Engine::Open(config);
  ASSERT_TRUE(engine.ok());
  auto hits = (*engine)->Search("flooding", 5);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->at(0).article.title, "Floods");
  std::filesystem::remove(path);
}

TEST(EngineTest, ReadOnlyEngineNeverCreatesOrWrites) {
  DEPECHE_SKIP_ON_POSTGRES("checks the database file and its WAL files");
  std::string path = TempPath("read_only.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  EngineConfig config;
  config.db_path = path;
  config.read_only = true;
  auto missing = Engine::Open(config);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(path));

  config.read_only = false;
  {
    auto writer = Engine::Open(config);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    auto r = (*writer)->IngestJsonl(
        "mem",
        "{\"id\":\"f1\",\"url\":\"https://example.org/a\",\"title\":\"Floods\",\"text\":\"Heavy "
        "rain flooded the valley overnight and roads were closed.\"}\n",
        {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->inserted, 1);
  }
  config.read_only = true;
  auto reader = Engine::Open(config);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  Engine& engine = **reader;
  EXPECT_EQ(engine.IngestJsonl("mem", "{\"text\":\"More rain.\"}\n", {}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  // Articles and stories by id, URL and feed id; search within the article's story.
  auto by_url = engine.GetArticle("https://example.org/a");
  ASSERT_TRUE(by_url.ok()) << by_url.status().ToString();
  auto by_feed_id = engine.GetArticle("f1");
  ASSERT_TRUE(by_feed_id.ok()) << by_feed_id.status().ToString();
  EXPECT_EQ(by_feed_id->id, by_url->id);
  auto story = engine.GetStory("f1");
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  SearchQuery q;
  q.text = "flood";
  q.story = story->summary.id.substr(0, 8);
  auto hits = engine.Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 1u);
  q.story = "https://example.org/a";
  hits = engine.Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 1u);
  q.story = "no-such-story";
  EXPECT_EQ(engine.Search(q).status().code(), StatusCode::kNotFound);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// One record of a story about floods: the same event in other words.
std::string FloodRecord(int n, const std::string& text) {
  return "{\"url\":\"https://example.org/flood" + std::to_string(n) +
         "\",\"published\":\"2023-05-0" + std::to_string(n) +
         "T08:00:00Z\",\"title\":\"Floods close valley roads\",\"lang\":\"en\",\"text\":\"" + text +
         "\"}\n";
}

TEST(EngineTest, StoryDigestIsCachedUntilTheStoryChanges) {
  std::string path = store::testing_util::TestDbLocation(TempPath("digest.db"));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  EngineConfig config;
  config.db_path = path;
  auto writer = Engine::Open(config);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  const std::string flood =
      "Heavy rain flooded the Aare valley overnight and the police closed the main roads to "
      "Thun. Rescue teams evacuated two hundred residents from the lower villages on Monday. "
      "The regional government said the water would not recede before Wednesday.";
  auto r = (*writer)->IngestJsonl("mem", FloodRecord(1, flood) + FloodRecord(2, flood), {});
  ASSERT_TRUE(r.ok() && r->inserted == 2);
  auto story = (*writer)->GetStory("https://example.org/flood1");
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  ASSERT_FALSE(story->headlines.empty());
  ASSERT_FALSE(story->summary_lines.empty());
  EXPECT_TRUE(story->since.empty());
  // The second record is a copy: a source of every line.
  EXPECT_EQ(story->summary_lines[0].also.size(), 1u);
  // Marked in the cached row: a read-only engine answers with it.
  {
    auto db = store::Database::Open(path);
    ASSERT_TRUE(db.ok());
    const bool pg = (*db)->backend() == store::Backend::kPostgres;
    Status marked =
        (*db)->Exec(pg ? "UPDATE story_digests SET digest = CAST(jsonb_set(CAST(digest AS jsonb), "
                         "'{headlines,0,title}', '\"from the cache\"') AS TEXT)"
                       : "UPDATE story_digests SET digest = json_set(digest, "
                         "'$.headlines[0].title', 'from the cache')");
    ASSERT_TRUE(marked.ok()) << marked.ToString();
  }
  config.read_only = true;
  {
    auto reader = Engine::Open(config);
    ASSERT_TRUE(reader.ok());
    auto cached = (*reader)->GetStory("https://example.org/flood1");
    ASSERT_TRUE(cached.ok());
    ASSERT_FALSE(cached->headlines.empty());
    EXPECT_EQ(cached->headlines[0].title, "from the cache");
    // What is new is computed, never cached.
    StoryOptions since;
    since.since = "2023-05-02";
    auto update = (*reader)->GetStory("https://example.org/flood1", since);
    ASSERT_TRUE(update.ok());
    EXPECT_EQ(update->since, "2023-05-02");
    since.since = "May 2nd";
    EXPECT_EQ((*reader)->GetStory("https://example.org/flood1", since).status().code(),
              StatusCode::kInvalidArgument);
  }
  // A new article changes the story: its digest is computed again.
  r = (*writer)->IngestJsonl(
      "mem",
      FloodRecord(3, flood + " The water began to recede on Wednesday evening, the regional "
                             "government said."),
      {});
  ASSERT_TRUE(r.ok() && r->inserted == 1);
  auto changed = (*writer)->GetStory("https://example.org/flood1");
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->articles.size(), 3u);
  ASSERT_FALSE(changed->headlines.empty());
  EXPECT_EQ(changed->headlines[0].title, "Floods close valley roads");
  writer->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace depeche
