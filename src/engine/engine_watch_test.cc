// Engine watch queries (AddWatch .. WatchMatches) and the text filter of Stories.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/time.h"
#include "depeche/engine.h"
#include "store/test_util.h"

namespace depeche {
namespace {

// A fresh writable engine on a database removed afterwards.
class WatchEngineTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = testing::TempDir() + "/depeche_engine_watch_" + std::to_string(getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    Remove();
    config_.db_path = store::testing_util::TestDbLocation(path_);
    auto engine = Engine::Open(config_);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
  }
  void TearDown() override {
    engine_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", ".lock"})
      std::filesystem::remove(path_ + suffix);
  }
  void Ingest(const std::string& url, const std::string& title, const std::string& text) {
    IngestOptions options;
    options.entities = false;
    auto r = engine_->IngestJsonl(
        "mem", "{\"url\":\"" + url + "\",\"title\":\"" + title + "\",\"text\":\"" + text + "\"}\n",
        options);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->inserted, 1);
  }
  // ingested_at and created_at are UTC seconds: what is "after" needs the clock to move on.
  static void WaitForNextSecond() {
    const int64_t now = core::NowUtcSeconds();
    while (core::NowUtcSeconds() == now) usleep(20000);
  }

  std::string path_;
  EngineConfig config_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(WatchEngineTest, AddChecksTheQueryAndListsNewestFirst) {
  WatchSpec bad;
  bad.query = "   ";
  EXPECT_EQ(engine_->AddWatch(bad).status().code(), StatusCode::kInvalidArgument);
  auto none = engine_->ListWatches();
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());  // a refused query is not stored

  WatchSpec spec;
  spec.query = "\"gas prices\" -diesel";
  spec.lang = "en";
  spec.entity = "Nobody Yet";  // kept as written: nothing is resolved when added
  auto first = engine_->AddWatch(spec);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->entity, "Nobody Yet");
  EXPECT_LE(first->created_at, core::NowUtcSeconds());
  EXPECT_GT(first->created_at, core::NowUtcSeconds() - 60);
  WaitForNextSecond();
  spec.entity.reset();
  auto second = engine_->AddWatch(spec);
  ASSERT_TRUE(second.ok());
  auto list = engine_->ListWatches();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, second->id);
  EXPECT_EQ((*list)[1].id, first->id);
  auto got = engine_->GetWatch(first->id.substr(0, 8));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->query, spec.query);
  // An entity that names nothing stored: no matches, no error.
  auto matches = engine_->WatchMatches(first->id, "2000-01-01", 10);
  ASSERT_TRUE(matches.ok()) << matches.status().ToString();
  EXPECT_TRUE(matches->articles.empty());

  auto removed = engine_->RemoveWatch(first->id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(engine_->GetWatch(first->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(engine_->RemoveWatch(first->id).status().code(), StatusCode::kNotFound);

  // A read-only engine reads watches but does not write them.
  engine_.reset();
  EngineConfig read_only = config_;
  read_only.read_only = true;
  auto reader = Engine::Open(read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ((*reader)->ListWatches()->size(), 1u);
  EXPECT_EQ((*reader)->AddWatch(spec).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*reader)->RemoveWatch(second->id).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(WatchEngineTest, MatchesAreArticlesIngestedSinceTheWatchWasCreated) {
  Ingest("https://example.org/before", "Gas prices before",
         "Gas prices climbed across Europe on Monday as supplies tightened.");
  Ingest("https://example.org/other", "Floods",
         "Heavy rain flooded the valley overnight and roads were closed.");
  WaitForNextSecond();
  WatchSpec spec;
  spec.query = "gas";
  auto watch = engine_->AddWatch(spec);
  ASSERT_TRUE(watch.ok()) << watch.status().ToString();
  WaitForNextSecond();
  Ingest("https://example.org/after", "Gas prices after",
         "Gas prices fell sharply in Asia on Friday after new supplies arrived by ship.");

  auto matches = engine_->WatchMatches(watch->id, "", 10);
  ASSERT_TRUE(matches.ok()) << matches.status().ToString();
  EXPECT_EQ(matches->since, watch->created_at);
  ASSERT_EQ(matches->articles.size(), 1u);
  EXPECT_EQ(matches->articles[0].article.title, "Gas prices after");
  EXPECT_GE(matches->articles[0].article.ingested_at, watch->created_at);
  ASSERT_EQ(matches->stories.size(), 1u);
  EXPECT_EQ(matches->stories[0].story.id, matches->articles[0].article.story_id);
  EXPECT_EQ(matches->stories[0].matching_articles, 1);

  // From an earlier time: both gas articles, never the floods.
  auto all = engine_->WatchMatches(watch->id, "2000-01-01", 10);
  ASSERT_TRUE(all.ok());
  std::set<std::string> titles;
  for (const SearchHit& h : all->articles) titles.insert(h.article.title);
  EXPECT_EQ(titles, (std::set<std::string>{"Gas prices before", "Gas prices after"}));
  int64_t counted = 0;
  for (const WatchStory& s : all->stories) counted += s.matching_articles;
  EXPECT_EQ(counted, 2);
  auto one = engine_->WatchMatches(watch->id, "2000-01-01", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->articles.size(), 1u);

  EXPECT_EQ(engine_->WatchMatches(watch->id, "yesterday", 10).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->WatchMatches(watch->id, "", 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->WatchMatches("0000000000000000", "", 10).status().code(),
            StatusCode::kNotFound);
}

TEST_F(WatchEngineTest, StoriesTextFilterKeepsStoriesWithAMatchingArticle) {
  Ingest("https://example.org/gas", "Gas prices",
         "Gas prices climbed across Europe on Monday as supplies tightened.");
  Ingest("https://example.org/floods", "Floods",
         "Heavy rain flooded the valley overnight and roads were closed.");
  StoryQuery q;
  q.sort = StorySort::kActivity;
  auto all = engine_->Stories(q);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  StoryListInfo info;
  q.info = &info;
  q.text = "flooding";  // stemmed, as search
  auto floods = engine_->Stories(q);
  ASSERT_TRUE(floods.ok()) << floods.status().ToString();
  ASSERT_EQ(floods->size(), 1u);
  EXPECT_EQ((*floods)[0].title, "Floods");
  EXPECT_EQ(info.total, 1);
  q.sort = StorySort::kTop;  // the ranked orders filter too
  auto top = engine_->Stories(q);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 1u);
  EXPECT_EQ((*top)[0].title, "Floods");
  q.text = "volcano";
  auto none = engine_->Stories(q);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  EXPECT_EQ(info.total, 0);
  q.text = "  ";
  EXPECT_EQ(engine_->Stories(q).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche
