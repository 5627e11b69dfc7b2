// The story summary rows (migration 5): incremental maintenance against a from-scratch
// aggregate, the display title as stories grow, and each listing order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/statement.h"
#include "store/store_test_fixture.h"
#include "store/story_store.h"

namespace depeche::store {
namespace {

using testing_util::StoreTest;

constexpr int64_t kDay = 86400;
constexpr int64_t kT0 = 1700000000 - 1700000000 % kDay;  // midnight UTC

class StorySummaryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    auto s = StoryStore::Create(db_.get());
    ASSERT_TRUE(s.ok());
    stories_ = std::move(s).value();
  }

  // Stores an article and records it in `story` (opening it when new), with `merges`.
  void Put(const std::string& story, const std::string& title, const std::string& origin,
           const std::string& source, std::optional<int64_t> ts, const std::string& lang = "en",
           std::vector<std::string> terms = {}, std::vector<story::StoryMerge> merges = {}) {
    Article a =
        Make(lang, title, "text " + std::to_string(n_), "https://e.com/" + std::to_string(n_));
    ++n_;
    a.title_origin = origin;
    a.source = source;
    if (ts) a.published = {DatePrecision::kSecond, *ts, core::FormatUtc(*ts)};
    Add(a);
    story::ArticleStoryResult r;
    r.assignment.story_id = story;
    r.assignment.new_story = opened_.insert(story).second;
    r.assignment.merges = std::move(merges);
    r.top_terms = std::move(terms);
    Status st = stories_->Record(a.id, r);
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  std::vector<StorySummary> List(StoryQuery q, StoryListInfo* info = nullptr) {
    q.info = info;
    auto list = stories_->Stories(q);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? *list : std::vector<StorySummary>{};
  }

  std::vector<std::string> Ids(const std::vector<StorySummary>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
  }

  std::string Title(const std::string& story) {
    auto d = stories_->GetStory(story);
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    return d.ok() ? d->summary.title : "";
  }

  int n_ = 0;
  std::set<std::string> opened_;
  std::unique_ptr<StoryStore> stories_;
};

TEST_F(StorySummaryTest, TitleIsTheRealHeadlineAndFollowsTheStory) {
  Put("s1", "Bassel Khartabil. Foto de Joi Ito via Wikimedia (CC BY 2.0).", "given", "gv", kT0,
      "es", {"Khartabil"});
  EXPECT_EQ(Title("s1"), "Bassel Khartabil. Foto de Joi Ito via Wikimedia (CC BY 2.0).");
  Put("s1", "Syrian authorities confirm that Bassel Khartabil was executed in 2015", "derived", "x",
      kT0 + 60, "en", {"Khartabil"});
  EXPECT_EQ(Title("s1"), "Bassel Khartabil. Foto de Joi Ito via Wikimedia (CC BY 2.0).");
  Put("s1", "Syria executed Bassel Khartabil, his wife says", "html", "y", kT0 + 120, "en",
      {"Khartabil", "executed"});
  EXPECT_EQ(Title("s1"), "Syria executed Bassel Khartabil, his wife says");
  // The story grows: the headline three outlets carry takes over.
  for (const char* source : {"a", "b", "c"}) {
    Put("s1", "Open-source developer Khartabil executed in Syrian prison", "html", source,
        kT0 + 180, "en", {"Khartabil", "executed", "prison"});
  }
  EXPECT_EQ(Title("s1"), "Open-source developer Khartabil executed in Syrian prison");
}

TEST_F(StorySummaryTest, SummaryEqualsFromScratchAggregateAfterMerges) {
  std::mt19937 rng(7);
  const std::vector<std::string> sources = {"", "afp", "reuters", "bbc", "lemonde"};
  const std::vector<std::string> langs = {"en", "fr", "de"};
  std::vector<std::string> live;  // stories not merged away
  for (int i = 0; i < 300; ++i) {
    std::string story;
    if (live.empty() || rng() % 5 == 0) {
      story = "story" + std::to_string(i);
      live.push_back(story);
    } else {
      story = live[rng() % live.size()];
    }
    std::vector<story::StoryMerge> merges;
    if (live.size() > 2 && rng() % 12 == 0) {
      // The article's story absorbs another live one (the younger id is folded into story).
      std::string from = live[rng() % live.size()];
      if (from != story) {
        merges.push_back({from, story, "", 0.5});
        live.erase(std::find(live.begin(), live.end(), from));
      }
    }
    std::optional<int64_t> ts;
    if (rng() % 4 != 0) ts = kT0 + static_cast<int64_t>(rng() % (20 * kDay));
    const std::string origin = rng() % 3 == 0 ? "derived" : "html";
    Put(story, "Headline number " + std::to_string(rng() % 40) + " about things", origin,
        sources[rng() % sources.size()], ts, langs[rng() % langs.size()], {"things", "number"},
        merges);
  }
  // From scratch, independently of the store's SQL: every article's facts by story.
  struct Agg {
    int64_t articles = 0;
    std::set<std::string> sources, langs;
    std::optional<int64_t> first, last;
  };
  std::map<std::string, Agg> expected;
  {
    auto st = Statement::Prepare(db_.get(),
                                 "SELECT s.story_id, a.source, a.lang, a.published_ts FROM "
                                 "article_story s JOIN articles a ON a.id = s.article_id");
    ASSERT_TRUE(st.ok());
    while (*st->Step()) {
      Agg& g = expected[std::string(st->ColumnText(0))];
      ++g.articles;
      if (!st->ColumnText(1).empty()) g.sources.insert(std::string(st->ColumnText(1)));
      g.langs.insert(std::string(st->ColumnText(2)));
      if (!st->ColumnIsNull(3)) {
        int64_t t = st->ColumnInt64(3);
        g.first = std::min(g.first.value_or(t), t);
        g.last = std::max(g.last.value_or(t), t);
      }
    }
  }
  StoryQuery all;
  all.sort = StorySort::kSize;
  all.limit = 100000;
  StoryListInfo info;
  const std::vector<StorySummary> incremental = List(all, &info);
  ASSERT_EQ(incremental.size(), expected.size());
  EXPECT_EQ(info.total, static_cast<int64_t>(expected.size()));
  EXPECT_EQ(expected.size(), live.size());
  for (const StorySummary& s : incremental) {
    SCOPED_TRACE(s.id);
    const Agg& g = expected.at(s.id);
    EXPECT_EQ(s.article_count, g.articles);
    EXPECT_EQ(s.source_count, static_cast<int64_t>(g.sources.size()));
    EXPECT_EQ(s.languages, std::vector<std::string>(g.langs.begin(), g.langs.end()));
    EXPECT_EQ(s.first_seen, g.first ? core::FormatUtc(*g.first) : "");
    EXPECT_EQ(s.last_seen, g.last ? core::FormatUtc(*g.last) : "");
  }
  // The same rows (titles included) rebuilt from the articles.
  for (const StorySummary& s : incremental) ASSERT_TRUE(stories_->RebuildSummary(s.id).ok());
  const std::vector<StorySummary> rebuilt = List(all);
  ASSERT_EQ(rebuilt.size(), incremental.size());
  for (size_t i = 0; i < rebuilt.size(); ++i) {
    EXPECT_EQ(rebuilt[i].id, incremental[i].id);
    EXPECT_EQ(rebuilt[i].title, incremental[i].title) << rebuilt[i].id;
    EXPECT_EQ(rebuilt[i].first_seen, incremental[i].first_seen);
    EXPECT_EQ(rebuilt[i].last_seen, incremental[i].last_seen);
    EXPECT_EQ(rebuilt[i].source_count, incremental[i].source_count);
  }
  // Moving every article of one story to another and rebuilding both leaves no row behind.
  const std::string from = rebuilt[0].id, into = rebuilt[1].id;
  ASSERT_TRUE(db_->Exec("UPDATE article_story SET story_id = '" + into + "' WHERE story_id = '" +
                        from + "'")
                  .ok());
  ASSERT_TRUE(stories_->RebuildSummary(from).ok());
  ASSERT_TRUE(stories_->RebuildSummary(into).ok());
  StoryListInfo after;
  const std::vector<StorySummary> moved = List(all, &after);
  EXPECT_EQ(after.total, static_cast<int64_t>(rebuilt.size()) - 1);
  EXPECT_EQ(moved[0].id, into);
  EXPECT_EQ(moved[0].article_count, rebuilt[0].article_count + rebuilt[1].article_count);
  EXPECT_EQ(stories_->GetStory(from).status().code(), StatusCode::kNotFound);
}

// Deferred title choice (SetDeferTitles, what ingest uses) stores, at every Save, the same
// titles, tiers and title_at as choosing at every article: stories cross 64 articles (where
// the deferred choice must be made as of the previous article), get better kinds of titles
// late, and merge.
TEST_F(StorySummaryTest, DeferredTitlesEqualTitlesChosenAtEveryArticle) {
  auto snapshot = [&](char prefix) {
    std::vector<std::string> rows;
    auto st = Statement::Prepare(db_.get(),
                                 "SELECT substr(story_id, 2), title, title_tier, title_at FROM "
                                 "story_summary WHERE story_id LIKE ?1 ORDER BY story_id");
    EXPECT_TRUE(st.ok());
    std::string pattern(1, prefix);
    pattern.push_back('%');
    st->BindText(1, pattern);
    while (*st->Step()) {
      rows.push_back(std::string(st->ColumnText(0)) + "|" + std::string(st->ColumnText(1)) + "|" +
                     std::to_string(st->ColumnInt64(2)) + "|" + std::to_string(st->ColumnInt64(3)));
    }
    return rows;
  };
  auto run = [&](char prefix, bool defer) {
    stories_->SetDeferTitles(defer);
    std::mt19937 rng(11);
    std::vector<std::vector<std::string>> snapshots;
    std::vector<std::string> live;
    const std::vector<std::string> origins = {"derived", "html", "given", "first_line"};
    EXPECT_TRUE(db_->Begin().ok());
    for (int i = 0; i < 400; ++i) {
      std::string story;
      if (live.empty() || rng() % 9 == 0) {
        // Appended, not `prefix + to_string(i)`: GCC 12 reports a false -Wrestrict there.
        story.assign(1, prefix);
        story.append(std::to_string(i));
        live.push_back(story);
      } else {
        // Mostly the first stories: they grow past 64 articles.
        story = live[rng() % std::min<size_t>(live.size(), rng() % 2 == 0 ? 2 : live.size())];
      }
      std::vector<story::StoryMerge> merges;
      if (live.size() > 3 && rng() % 40 == 0) {
        const std::string from = live.back();
        if (from != story) {
          merges.push_back({from, story, "", 0.6});
          live.pop_back();
        }
      }
      // Later articles bring better kinds of titles.
      const std::string origin = origins[std::min<size_t>(3, (rng() % 4 + i / 150) % 4)];
      // Built by appending (GCC 12 warns on "literal" + std::string at -O2).
      std::string headline = "Headline ";
      headline.append(std::to_string(rng() % 30)).append(" on the matter");
      std::string word = "w";
      word.append(std::to_string(rng() % 5));
      Put(story, headline, origin, "src", kT0 + i * 60, "en", {"matter", word}, merges);
      if (i % 37 == 36) {
        EXPECT_TRUE(stories_->Save(story::PipelineChanges{}).ok());
        EXPECT_TRUE(db_->Commit().ok());
        snapshots.push_back(snapshot(prefix));
        EXPECT_TRUE(db_->Begin().ok());
      }
    }
    EXPECT_TRUE(stories_->Save(story::PipelineChanges{}).ok());
    EXPECT_TRUE(db_->Commit().ok());
    snapshots.push_back(snapshot(prefix));
    return snapshots;
  };
  const auto every_article = run('a', false);
  const auto deferred = run('b', true);
  ASSERT_EQ(deferred.size(), every_article.size());
  for (size_t i = 0; i < deferred.size(); ++i) EXPECT_EQ(deferred[i], every_article[i]) << i;
  // Some story grew past 64 articles.
  auto st = Statement::Prepare(db_.get(), "SELECT max(article_count) FROM story_summary");
  ASSERT_TRUE(st.ok() && *st->Step());
  EXPECT_GT(st->ColumnInt64(0), 64);
}

TEST_F(StorySummaryTest, MigrationBackfillsADatabaseOfVersion4) {
  DEPECHE_SKIP_ON_POSTGRES("the downgrade drops columns the SQLite way");
  Put("s1", "Photo: the harbour at dawn", "html", "afp", kT0, "en", {"strike"});
  Put("s1", "Rotterdam dock strike ends with pay deal", "html", "reuters", kT0 + 60, "fr",
      {"strike"});
  Put("s2", "Volcano erupts near Reykjavik", "html", "", std::nullopt, "en");
  StoryQuery all;
  all.sort = StorySort::kSize;
  const std::vector<StorySummary> before = List(all);
  ASSERT_EQ(before.size(), 2u);
  EXPECT_EQ(before[0].title, "Rotterdam dock strike ends with pay deal");
  // Back to version 4: no summary tables (nor the entity tables of the later migration).
  stories_.reset();
  std::string back =
      "DROP TABLE story_summary; DROP TABLE story_sources; "
      "DROP TABLE entities; DROP TABLE entity_aliases; "
      "DROP TABLE article_entities; DROP TABLE entity_mentions; "
      "DROP TABLE entity_merges; DROP TABLE story_splits; DROP TABLE story_moves; "
      "DROP TABLE article_timexes; ";
  back += testing_util::kDropMigration8Columns;
  back += "DELETE FROM schema_version WHERE version >= 5";
  ASSERT_TRUE(db_->Exec(back).ok());
  Reopen();
  ASSERT_EQ(db_->schema_version(), kSchemaVersion);
  auto s = StoryStore::Create(db_.get());
  ASSERT_TRUE(s.ok());
  stories_ = std::move(s).value();
  std::vector<StorySummary> migrated = List(all);
  ASSERT_EQ(migrated.size(), 2u);
  for (size_t i = 0; i < migrated.size(); ++i) {
    EXPECT_EQ(migrated[i].id, before[i].id);
    EXPECT_EQ(migrated[i].article_count, before[i].article_count);
    EXPECT_EQ(migrated[i].source_count, before[i].source_count);
    EXPECT_EQ(migrated[i].first_seen, before[i].first_seen);
    EXPECT_EQ(migrated[i].last_seen, before[i].last_seen);
    EXPECT_EQ(migrated[i].languages, before[i].languages);
  }
  // The first article's title until the next save chooses.
  EXPECT_EQ(migrated[0].title, "Photo: the harbour at dawn");
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(stories_->Save({}).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(List(all)[0].title, "Rotterdam dock strike ends with pay deal");
}

TEST_F(StorySummaryTest, EachSortOrderAndTheCut) {
  // big: 5 articles, 1 source, old. wide: 3 sources, a week old. fresh: 2 new sources today.
  // late: 1 article, newest.
  for (int i = 0; i < 5; ++i) Put("big", "Big story", "html", "afp", kT0 + i * 60);
  for (const char* s : {"a", "b", "c"}) Put("wide", "Wide story", "html", s, kT0 + 8 * kDay);
  Put("fresh", "Fresh story", "html", "old", kT0 + 2 * kDay);
  Put("fresh", "Fresh story", "html", "x", kT0 + 14 * kDay);
  Put("fresh", "Fresh story", "html", "y", kT0 + 14 * kDay + 60);
  Put("late", "Late story", "html", "z", kT0 + 15 * kDay);
  Put("undated", "Undated story", "html", "u", std::nullopt);

  StoryQuery q;
  q.sort = StorySort::kActivity;
  EXPECT_EQ(Ids(List(q)), (std::vector<std::string>{"late", "fresh", "wide", "big", "undated"}));
  q.sort = StorySort::kSize;
  // Ties (fresh and wide: 3 articles, 3 sources) go to the latest activity.
  EXPECT_EQ(Ids(List(q)), (std::vector<std::string>{"big", "fresh", "wide", "late", "undated"}));
  q.sort = StorySort::kSources;
  EXPECT_EQ(Ids(List(q)), (std::vector<std::string>{"fresh", "wide", "late", "big", "undated"}));
  // Top, default window: the 7 days up to the newest article (day 15): fresh has 2 sources
  // about a day old (0.5 + 0.5^(1 - 60 s / 1 day); its day-2 source is out of the window),
  // late 1 source of today (1), wide 3 sources 7 days old (3 x 0.5^7), big is out; the undated
  // story follows.
  q.sort = StorySort::kTop;
  StoryListInfo info;
  auto top = List(q, &info);
  EXPECT_EQ(Ids(top), (std::vector<std::string>{"fresh", "late", "wide", "undated"}));
  EXPECT_EQ(info.total, 4);
  EXPECT_EQ(info.until, core::FormatUtc(kT0 + 15 * kDay));
  EXPECT_EQ(info.since, core::FormatUtc(kT0 + 8 * kDay));
  EXPECT_NEAR(top[0].score, 0.5 + std::pow(0.5, (kDay - 60) / double(kDay)), 1e-9);
  EXPECT_NEAR(top[2].score, 3 * std::pow(0.5, 7), 1e-9);
  // Growth: sources that joined in the last 2 days: fresh 2, late 1, wide 0.
  q.sort = StorySort::kGrowth;
  auto growth = List(q);
  EXPECT_EQ(Ids(growth), (std::vector<std::string>{"fresh", "late", "wide", "undated"}));
  EXPECT_EQ(growth[0].new_sources, 2);
  // An explicit window: no undated tail; until is the end of its day.
  q.sort = StorySort::kTop;
  q.since = core::FormatUtc(kT0).substr(0, 10);
  q.until = core::FormatUtc(kT0 + 2 * kDay).substr(0, 10);
  EXPECT_EQ(Ids(List(q, &info)), (std::vector<std::string>{"fresh", "big"}));
  EXPECT_EQ(info.until, core::FormatUtc(kT0 + 3 * kDay - 1));
  q.sort = StorySort::kActivity;
  EXPECT_EQ(Ids(List(q)), (std::vector<std::string>{"fresh", "big"}));
  // The cut: 2 of 5 shown.
  StoryQuery cut;
  cut.sort = StorySort::kActivity;
  cut.limit = 2;
  EXPECT_EQ(List(cut, &info).size(), 2u);
  EXPECT_EQ(info.total, 5);
  cut.lang = "fr";
  EXPECT_TRUE(List(cut, &info).empty());
  EXPECT_EQ(info.total, 0);
  cut.lang.reset();
  cut.until = "2023-99-01";
  EXPECT_FALSE(stories_->Stories(cut).ok());
}

}  // namespace
}  // namespace depeche::store
