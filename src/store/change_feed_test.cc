#include "store/change_feed.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/test_util.h"

namespace depeche::store {
namespace {

// A writer connection changes the history tables; a read-only one watches.
class ChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = Database::Open(path_.path());
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    writer_ = std::move(writer).value();
    auto watcher = Database::Open(path_.path(), OpenMode::kReadOnly);
    ASSERT_TRUE(watcher.ok()) << watcher.status().ToString();
    watcher_ = std::move(watcher).value();
  }
  void Write(const std::string& sql) { ASSERT_TRUE(writer_->Exec(sql).ok()) << sql; }
  StoreChanges Poll() {
    auto changes = ChangesSince(*watcher_, mark_);
    EXPECT_TRUE(changes.ok()) << changes.status().ToString();
    return changes.ok() ? *changes : StoreChanges{};
  }

  testing_util::TempDbPath path_;
  std::unique_ptr<Database> writer_;
  std::unique_ptr<Database> watcher_;
  StoreMark mark_;
};

TEST_F(ChangeFeedTest, NamesTheStoriesEachCommitTouches) {
  StoreChanges first = Poll();
  EXPECT_TRUE(first.changed);
  EXPECT_TRUE(first.everything);
  EXPECT_FALSE(Poll().changed);

  Write(
      "INSERT INTO article_story (article_id, story_id, dup_group) VALUES ('a1', 's1', 'a1'),"
      " ('a2', 's2', 'a2')");
  StoreChanges added = Poll();
  EXPECT_TRUE(added.changed);
  EXPECT_FALSE(added.everything);
  EXPECT_EQ(added.stories, (std::vector<std::string>{"s1", "s2"}));
  EXPECT_FALSE(Poll().changed);

  Write(
      "INSERT INTO story_moves (article_id, from_id, to_id, at_article_id, similarity) VALUES "
      "('a2', 's2', 's3', 'a9', 0.5)");
  Write(
      "INSERT INTO story_merges (from_id, into_id, at_article_id, similarity) VALUES ('s4', 's5', "
      "'a9', 0.5)");
  Write(
      "INSERT INTO story_splits (from_id, new_id, opened_by, at_article_id, article_count, "
      "similarity) VALUES ('s6', 's7', 'a8', 'a9', 3, 0.5)");
  EXPECT_EQ(Poll().stories, (std::vector<std::string>{"s2", "s3", "s4", "s5", "s6", "s7"}));

  // A commit that touches no story (e.g. a digest cached) changes lists only.
  Write("CREATE TABLE scratch(x INTEGER); INSERT INTO scratch VALUES (1)");
  StoreChanges other = Poll();
  EXPECT_TRUE(other.changed);
  EXPECT_FALSE(other.everything);
  EXPECT_TRUE(other.stories.empty());

  Write(
      "INSERT INTO entity_merges (from_id, into_id, at_article_id, merged_at) VALUES (1, 2, 'a9', "
      "0)");
  EXPECT_TRUE(Poll().everything);
}

TEST_F(ChangeFeedTest, PlacementIsTheArticlesStoryAndGroup) {
  Write("INSERT INTO article_story (article_id, story_id, dup_group) VALUES ('a1', 's1', 'g1')");
  auto placed = PlacementOf(*watcher_, "a1");
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(placed->first, "s1");
  EXPECT_EQ(placed->second, "g1");
  auto unknown = PlacementOf(*watcher_, "zz");
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(unknown->first.empty());
}

}  // namespace
}  // namespace depeche::store
