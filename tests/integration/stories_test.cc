// The story stage end to end on the seeds: one story, stable ids across databases and
// restarts, no new assignment on re-ingest, near-duplicates grouped.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;
using testing_util::SeedsDir;

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(SeedsDir())) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::unique_ptr<Engine> OpenAt(const std::filesystem::path& db) {
  EngineConfig config;
  config.db_path = DbAt(db);
  auto engine = Engine::Open(config);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

// Seed file name prefix ("000") -> story id, and article id -> story id.
struct Assignments {
  std::map<std::string, std::string> by_seed;
  std::map<std::string, std::string> by_article;
  std::vector<StorySummary> stories;
};

Assignments Collect(Engine& engine) {
  Assignments out;
  StoryQuery q;
  q.sort = StorySort::kActivity;  // every story
  q.limit = 1000;
  auto stories = engine.Stories(q);
  EXPECT_TRUE(stories.ok()) << stories.status().ToString();
  if (!stories.ok()) return out;
  out.stories = *stories;
  for (const StorySummary& s : *stories) {
    auto detail = engine.GetStory(s.id);
    EXPECT_TRUE(detail.ok()) << detail.status().ToString();
    if (!detail.ok()) continue;
    EXPECT_EQ(detail->summary.id, s.id);
    EXPECT_EQ(static_cast<int64_t>(detail->articles.size()), s.article_count);
    for (const StoryArticle& a : detail->articles) {
      EXPECT_EQ(out.by_article.count(a.id), 0u) << a.id << " is in two stories";
      out.by_article[a.id] = s.id;
    }
  }
  ArticleQuery all;
  all.limit = 1000;
  auto articles = engine.Articles(all);
  EXPECT_TRUE(articles.ok());
  if (!articles.ok()) return out;
  for (const ArticleSummary& a : *articles) {
    std::string name = std::filesystem::path(a.path).filename().string();
    if (name.size() >= 3 && out.by_article.count(a.id))
      out.by_seed[name.substr(0, 3)] = out.by_article[a.id];
  }
  return out;
}

class StoriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds at " << SeedsDir();
    files_ = SeedFiles();
    ASSERT_GE(files_.size(), 5u);
  }
  std::vector<std::string> files_;
};

TEST_F(StoriesTest, SeedsFormOneStory) {
  auto engine = OpenAt(FreshDir("stories") / "depeche.db");
  ASSERT_NE(engine, nullptr);
  auto report = engine->Ingest({SeedsDir().string()}, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  Assignments a = Collect(*engine);
  ASSERT_EQ(a.by_article.size(), files_.size());  // every stored article has a story
  const std::string first = a.by_seed["000"];
  ASSERT_FALSE(first.empty());
  for (const char* seed : {"001", "002", "003"}) EXPECT_EQ(a.by_seed[seed], first) << seed;
  const std::string last = a.by_seed["004"];
  if (last != first) {
    auto detail = engine->GetStory(last);
    ASSERT_TRUE(detail.ok());
    EXPECT_EQ(detail->summary.linked_story_id, first);
  }
  auto story = engine->GetStory(first.substr(0, 8));
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_EQ(story->summary.languages, std::vector<std::string>{"fr"});
  EXPECT_FALSE(story->summary.title.empty());
  EXPECT_FALSE(story->top_names.empty());
  EXPECT_FALSE(story->top_terms.empty());
  EXPECT_EQ(engine->GetStory("0123456789abcdef").status().code(), StatusCode::kNotFound);
  StoryQuery en;
  en.lang = "en";
  auto none = engine->Stories(en);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(StoriesTest, SeedsFormOneStoryWhateverTheirOrder) {
  // The reverse order and two others formed two stories before the engine counted its
  // background corpus into a fresh database's document frequencies.
  const std::vector<std::vector<int>> orders = {{4, 3, 2, 1, 0}, {3, 4, 0, 2, 1}, {1, 3, 0, 4, 2}};
  for (const auto& order : orders) {
    auto engine = OpenAt(FreshDir("seed_order") / "depeche.db");
    ASSERT_NE(engine, nullptr);
    // One ingest per article, as a feed delivers them.
    for (int i : order) ASSERT_TRUE(engine->Ingest({files_[static_cast<size_t>(i)]}, {}).ok());
    Assignments a = Collect(*engine);
    const std::string first = a.by_seed["000"];
    ASSERT_FALSE(first.empty());
    for (const char* seed : {"001", "002", "003"}) {
      EXPECT_EQ(a.by_seed[seed], first)
          << seed << " in order " << order[0] << order[1] << order[2] << order[3] << order[4];
    }
  }
}

TEST_F(StoriesTest, IdsAreStableAcrossDatabasesAndRestarts) {
  auto one = OpenAt(FreshDir("stories_a") / "depeche.db");
  auto two = OpenAt(FreshDir("stories_b") / "depeche.db");
  ASSERT_NE(one, nullptr);
  ASSERT_NE(two, nullptr);
  ASSERT_TRUE(one->Ingest(files_, {}).ok());
  ASSERT_TRUE(two->Ingest(files_, {}).ok());
  const Assignments a = Collect(*one);
  const Assignments b = Collect(*two);
  EXPECT_EQ(a.by_article, b.by_article);

  // Three seeds, close, reopen, the rest: the same stories as one run.
  const auto db = FreshDir("stories_c") / "depeche.db";
  {
    auto engine = OpenAt(db);
    ASSERT_NE(engine, nullptr);
    ASSERT_TRUE(engine->Ingest({files_[0], files_[1], files_[2]}, {}).ok());
  }
  auto reopened = OpenAt(db);
  ASSERT_NE(reopened, nullptr);
  ASSERT_TRUE(reopened->Ingest({files_.begin() + 3, files_.end()}, {}).ok());
  const Assignments c = Collect(*reopened);
  EXPECT_EQ(c.by_article, a.by_article);
}

TEST_F(StoriesTest, ReingestAddsNoAssignment) {
  auto engine = OpenAt(FreshDir("stories_re") / "depeche.db");
  ASSERT_NE(engine, nullptr);
  ASSERT_TRUE(engine->Ingest({SeedsDir().string()}, {}).ok());
  const Assignments before = Collect(*engine);
  auto again = engine->Ingest({SeedsDir().string()}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  const Assignments after = Collect(*engine);
  EXPECT_EQ(after.by_article, before.by_article);
  ASSERT_EQ(after.stories.size(), before.stories.size());
  for (size_t i = 0; i < after.stories.size(); ++i) {
    EXPECT_EQ(after.stories[i].article_count, before.stories[i].article_count);
  }
}

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

TEST_F(StoriesTest, NearDuplicatesAreGrouped) {
  std::ifstream in(files_[4]);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::string jsonl =
      "{\"url\":\"https://a.example/1\",\"source\":\"A\",\"lang\":\"fr\",\"text\":" +
      JsonString(text) + "}\n{\"url\":\"https://b.example/2\",\"source\":\"B\",\"lang\":\"fr\"," +
      "\"text\":" +
      JsonString(text +
                 "\n\nMise à jour : selon un diplomate présent sur place, la rencontre a duré deux "
                 "heures et une nouvelle réunion est prévue la semaine prochaine.") +
      "}\n";
  auto engine = OpenAt(FreshDir("stories_dup") / "depeche.db");
  ASSERT_NE(engine, nullptr);
  auto report = engine->IngestJsonl("dups.jsonl", jsonl, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->inserted, 2);
  auto groups = engine->Duplicates(50);
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 1u);
  ASSERT_EQ(groups->front().articles.size(), 2u);
  EXPECT_EQ(groups->front().group_id, report->inserted_ids[0]);
  EXPECT_EQ(groups->front().articles[1].original_id, report->inserted_ids[0]);
  const Assignments a = Collect(*engine);
  EXPECT_EQ(a.by_article.at(report->inserted_ids[0]), a.by_article.at(report->inserted_ids[1]));
  ASSERT_EQ(a.stories.size(), 1u);
  EXPECT_EQ(a.stories[0].source_count, 2);
}

TEST_F(StoriesTest, NearDuplicateAfterRestartJoinsItsOriginalsStory) {
  std::ifstream in(files_[4]);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  // The copy comes a day later (a copy joins its original's story within two days): the time
  // decay alone would open a new story for it (the decayed similarity with the original's story
  // is below the threshold), so only the remembered story of the original puts it there.
  const std::string original =
      "{\"url\":\"https://a.example/1\",\"source\":\"A\",\"lang\":\"fr\","
      "\"published\":\"2024-03-01\",\"text\":" +
      JsonString(text) + "}\n";
  const std::string copy =
      "{\"url\":\"https://b.example/2\",\"source\":\"B\",\"lang\":\"fr\","
      "\"published\":\"2024-03-02\",\"text\":" +
      JsonString(text +
                 "\n\nMise à jour : selon un diplomate présent sur place, la rencontre a duré "
                 "deux heures et une nouvelle réunion est prévue la semaine prochaine.") +
      "}\n";
  const auto db = FreshDir("stories_dup_restart") / "depeche.db";
  std::string original_id;
  {
    auto engine = OpenAt(db);
    ASSERT_NE(engine, nullptr);
    auto report = engine->IngestJsonl("a.jsonl", original, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->inserted, 1);
    original_id = report->inserted_ids[0];
  }
  auto engine = OpenAt(db);
  ASSERT_NE(engine, nullptr);
  auto report = engine->IngestJsonl("b.jsonl", copy, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->inserted, 1);
  auto groups = engine->Duplicates(50);
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups->size(), 1u);
  ASSERT_EQ(groups->front().articles.size(), 2u);
  EXPECT_EQ(groups->front().articles[1].original_id, original_id);
  const Assignments a = Collect(*engine);
  EXPECT_EQ(a.by_article.at(report->inserted_ids[0]), a.by_article.at(original_id));
  EXPECT_EQ(a.stories.size(), 1u);
}

}  // namespace
}  // namespace depeche
