// WatchStore, and the search pieces watch queries use: SearchQuery::ingested_since and
// ArticleStore::MatchingStories.
#include "store/watch_store.h"

#include <gtest/gtest.h>

#include <set>

#include "store/store_test_fixture.h"

namespace depeche::store {
namespace {

using testing_util::StoreTest;

class WatchStoreTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto watches = WatchStore::Create(db_.get());
    ASSERT_TRUE(watches.ok());
    watches_ = std::move(watches).value();
  }
  std::unique_ptr<WatchStore> watches_;
};

TEST_F(WatchStoreTest, AddListGetRemove) {
  WatchSpec spec;
  spec.query = "gas prices";
  spec.lang = "en";
  spec.name = "Gas";
  auto first = watches_->Add(spec, 1700000000);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->id.size(), 16u);
  EXPECT_EQ(first->query, "gas prices");
  EXPECT_EQ(first->lang, "en");
  EXPECT_EQ(first->entity, "");
  EXPECT_EQ(first->name, "Gas");
  // The same watch again, in the same second: another id.
  auto again = watches_->Add(spec, 1700000000);
  ASSERT_TRUE(again.ok());
  EXPECT_NE(again->id, first->id);
  WatchSpec later;
  later.query = "Blinken";
  later.entity = "Antony Blinken";
  auto third = watches_->Add(later, 1700000100);
  ASSERT_TRUE(third.ok());

  auto list = watches_->List();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3u);
  EXPECT_EQ((*list)[0].id, third->id);  // newest first
  EXPECT_EQ((*list)[0].entity, "Antony Blinken");
  EXPECT_EQ((*list)[0].created_at, 1700000100);

  // Reopened: stored.
  watches_.reset();
  Reopen();
  watches_ = std::move(WatchStore::Create(db_.get())).value();
  auto got = watches_->Get(first->id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->query, "gas prices");
  EXPECT_EQ(got->created_at, 1700000000);
  auto by_prefix = watches_->Get(third->id.substr(0, 6));
  ASSERT_TRUE(by_prefix.ok());
  EXPECT_EQ(by_prefix->id, third->id);
  EXPECT_EQ(watches_->Get("ffffffffffffffff").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(watches_->Get("not hex").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(watches_->Get("ab").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(watches_->Get("").status().code(), StatusCode::kInvalidArgument);

  auto removed = watches_->Remove(first->id);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(watches_->Get(first->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(watches_->Remove(first->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(watches_->List()->size(), 2u);
  EXPECT_EQ(watches_->Add(WatchSpec{}, 1).status().code(), StatusCode::kInvalidArgument);
}

// Articles ingested at 1000, 2000 and 3000 (seconds), two of them about gas.
class IngestedSinceTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Article old_gas = Make("en", "Gas old", "Gas prices rose in the old days.");
    old_gas.ingested_at = 1000;
    Add(old_gas);
    Article other = Make("en", "Other", "Nothing about fuel here.");
    other.ingested_at = 2000;
    Add(other);
    Article new_gas = Make("en", "Gas new", "Gas prices fell again this week.");
    new_gas.ingested_at = 3000;
    Add(new_gas);
  }
  std::set<std::string> Titles(const std::string& since) {
    SearchQuery q;
    q.text = "gas";
    q.limit = 10;
    if (!since.empty()) q.ingested_since = since;
    auto hits = store_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().ToString();
    std::set<std::string> out;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) out.insert(h.article.title);
    }
    return out;
  }
};

TEST_F(IngestedSinceTest, SearchKeepsArticlesIngestedAtOrAfter) {
  EXPECT_EQ(Titles(""), (std::set<std::string>{"Gas old", "Gas new"}));
  EXPECT_EQ(Titles("1970-01-01T00:16:40Z"), (std::set<std::string>{"Gas old", "Gas new"}));
  EXPECT_EQ(Titles("1970-01-01T00:16:41Z"), (std::set<std::string>{"Gas new"}));
  EXPECT_EQ(Titles("1970-01-01T00:50:00Z"), (std::set<std::string>{"Gas new"}));  // 3000: at
  EXPECT_TRUE(Titles("1970-01-01T00:50:01Z").empty());                            // nothing since
  SearchQuery q;
  q.text = "gas";
  auto hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  for (const SearchHit& h : *hits) {
    EXPECT_EQ(h.article.ingested_at, h.article.title == "Gas old" ? 1000 : 3000);
  }
  q.ingested_since = "not a date";
  EXPECT_EQ(store_->Search(q).status().code(), StatusCode::kInvalidArgument);
}

// Ingest times need not grow with the rows (an article may be stored with an older time): the
// rowid bound only narrows the scan, the time itself decides.
TEST_F(IngestedSinceTest, AnOlderIngestTimeStoredLaterIsNotNew) {
  Article late = Make("en", "Gas late", "Gas prices, an old dispatch stored late.");
  late.ingested_at = 1500;
  Add(late);
  EXPECT_EQ(Titles("1970-01-01T00:40:00Z"), (std::set<std::string>{"Gas new"}));  // 2400
  EXPECT_EQ(Titles("1970-01-01T00:25:00Z"), (std::set<std::string>{"Gas new", "Gas late"}));
}

TEST_F(IngestedSinceTest, MatchingStoriesCountsMatchesPerStory) {
  // Story "s1" holds both gas articles, "s2" the other one.
  Status made = db_->Exec("INSERT INTO stories(id, opened_by) VALUES ('s1', 'x'), ('s2', 'y')");
  ASSERT_TRUE(made.ok()) << made.ToString();
  auto ids = store_->List(ArticleQuery{});
  ASSERT_TRUE(ids.ok());
  int seq = 0;
  for (const ArticleSummary& a : *ids) {
    const std::string story = a.title == "Other" ? "s2" : "s1";
    Status s =
        db_->Exec("INSERT INTO article_story(article_id, story_id, seq, dup_group) VALUES ('" +
                  a.id + "', '" + story + "', " + std::to_string(++seq) + ", '" + a.id + "')");
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  SearchQuery q;
  q.text = "gas";
  auto all = store_->MatchingStories(q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0].first, "s1");
  EXPECT_EQ((*all)[0].second, 2);
  q.ingested_since = "1970-01-01T00:20:00Z";
  auto recent = store_->MatchingStories(q);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].second, 1);
  q.text = "nothing";
  q.ingested_since.reset();
  auto other = store_->MatchingStories(q);
  ASSERT_TRUE(other.ok());
  ASSERT_EQ(other->size(), 1u);
  EXPECT_EQ((*other)[0].first, "s2");
  q.text = "   ";  // nothing to find
  EXPECT_EQ(store_->MatchingStories(q).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche::store
