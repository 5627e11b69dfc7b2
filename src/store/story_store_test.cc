#include "store/story_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/store_test_fixture.h"

namespace depeche::store {
namespace {

using testing_util::StoreTest;

// Gives the helpers below StoreTest's article maker.
struct Maker : StoreTest {
  using StoreTest::Make;
};

story::StoryPipelineOptions Options() {
  story::StoryPipelineOptions options;
  options.features.data_dir = DEPECHE_SOURCE_DIR "/data";
  return options;
}

// Synthetic articles on three topics; the last repeats the first with one word changed.
std::vector<Article> Corpus() {
  const char* texts[][2] = {
      {"Harbour strike halts Rotterdam shipping",
       "Dock workers in Rotterdam walked out on Monday over pay, halting container shipping at "
       "the largest port in Europe. The union said the strike would last until the operators "
       "improved their offer. Hundreds of ships waited at anchor outside the harbour."},
      {"Volcano erupts near Reykjavik",
       "A volcano on the Reykjanes peninsula erupted overnight, sending lava towards the town of "
       "Grindavik. Icelandic authorities evacuated residents and closed the Blue Lagoon. "
       "Scientists said the eruption could continue for weeks."},
      {"Rotterdam port strike enters second day",
       "The strike by Rotterdam dock workers entered its second day as container ships queued "
       "outside the harbour. Operators said they would return to talks with the union over pay. "
       "Shipping companies warned of delays across Europe."},
      {"Lava reaches Grindavik defences",
       "Lava from the Reykjanes eruption reached the earth barriers built to protect Grindavik. "
       "Icelandic authorities said the evacuated residents could not return home. Scientists "
       "measured the flow from the volcano during the night."},
      {"Chess champion wins in Tata Steel tournament",
       "The world chess champion won the Tata Steel tournament in Wijk aan Zee after a final "
       "round draw. Grandmasters from twelve countries played thirteen rounds over two weeks. "
       "The champion praised the young challengers at the closing ceremony."},
      {"Rotterdam dock strike ends with pay deal",
       "Dock workers in Rotterdam ended their strike after the union accepted a pay deal from the "
       "port operators. Container shipping resumed in the harbour on Wednesday and the ships "
       "waiting at anchor began to unload."},
      {"Harbour strike halts Rotterdam shipping",
       "Dock workers in Rotterdam walked out on Monday over wages, halting container shipping at "
       "the largest port in Europe. The union said the strike would last until the operators "
       "improved their offer. Hundreds of ships waited at anchor outside the harbour."},
  };
  std::vector<Article> out;
  int64_t day = 1700000000;
  for (const auto& t : texts) {
    Article a = Maker::Make(
        "en", t[0], t[1], std::string("https://example.com/") + t[0] + std::to_string(out.size()));
    a.published = {DatePrecision::kDay, day, ""};
    day += 3600;
    out.push_back(a);
  }
  return out;
}

class StoryStoreTest : public StoreTest {
 protected:
  void OpenStories() {
    auto s = StoryStore::Create(db_.get());
    ASSERT_TRUE(s.ok());
    stories_ = std::move(s).value();
  }
  // Feeds articles [begin, end) through `pipeline`, storing everything and saving the state.
  std::vector<std::string> Feed(story::StoryPipeline& pipeline, const std::vector<Article>& all,
                                size_t begin, size_t end) {
    std::vector<std::string> ids;
    EXPECT_TRUE(db_->Begin().ok());
    for (size_t i = begin; i < end; ++i) {
      Add(all[i]);
      auto result = pipeline.Process(all[i]);
      EXPECT_TRUE(stories_->Record(all[i].id, result).ok());
      ids.push_back(result.assignment.story_id);
    }
    Status saved = stories_->Save(pipeline.TakeChanges());
    EXPECT_TRUE(saved.ok()) << saved.ToString();
    EXPECT_TRUE(db_->Commit().ok());
    return ids;
  }
  // Rebuilds a pipeline from the saved state, as StoryStage::Reload does.
  Result<story::StoryPipeline> Restored(const story::StoryPipelineOptions& options = Options()) {
    auto saved = stories_->Load();
    if (!saved.ok()) return saved.status();
    DEPECHE_ASSIGN_OR_RETURN(story::StoryPipeline p,
                             story::StoryPipeline::Create(options, saved->clusterer));
    for (const auto& e : saved->dedup) DEPECHE_RETURN_IF_ERROR(p.dedup().Restore(e));
    for (const auto& [article, story] : saved->recent) p.RestoreRecent(article, story);
    return p;
  }
  std::unique_ptr<StoryStore> stories_;
};

TEST_F(StoryStoreTest, RestartContinuesIdentically) {
  const std::vector<Article> all = Corpus();
  // Reference: one continuous run, in memory only.
  auto reference = story::StoryPipeline::Create(Options());
  ASSERT_TRUE(reference.ok());
  std::vector<std::string> expected;
  for (const Article& a : all) expected.push_back(reference->Process(a).assignment.story_id);

  OpenStories();
  auto first = story::StoryPipeline::Create(Options());
  ASSERT_TRUE(first.ok());
  std::vector<std::string> got = Feed(*first, all, 0, 4);
  story::ClustererState before = first->clusterer().ExportState();

  stories_.reset();
  Reopen();
  OpenStories();
  auto loaded = stories_->Load();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->clusterer.next_seq, before.next_seq);
  EXPECT_EQ(loaded->clusterer.clock, before.clock);
  ASSERT_EQ(loaded->clusterer.stories.size(), before.stories.size());
  for (size_t i = 0; i < before.stories.size(); ++i) {
    EXPECT_EQ(loaded->clusterer.stories[i].id, before.stories[i].id);
    EXPECT_EQ(loaded->clusterer.stories[i].centroid, before.stories[i].centroid);
    EXPECT_EQ(loaded->clusterer.stories[i].norm2, before.stories[i].norm2);
    // The articles' vectors the re-check needs come back too.
    const auto& got_members = loaded->clusterer.stories[i].members;
    const auto& want_members = before.stories[i].members;
    ASSERT_EQ(got_members.size(), want_members.size());
    EXPECT_FALSE(want_members.empty());
    for (size_t k = 0; k < want_members.size(); ++k) {
      EXPECT_EQ(got_members[k].article_id, want_members[k].article_id);
      EXPECT_EQ(got_members[k].seq, want_members[k].seq);
      EXPECT_EQ(got_members[k].time, want_members[k].time);
      EXPECT_EQ(got_members[k].dated, want_members[k].dated);
      EXPECT_EQ(got_members[k].vec, want_members[k].vec);
    }
  }
  ASSERT_EQ(loaded->clusterer.df.size(), before.df.size());
  EXPECT_EQ(loaded->clusterer.df[0].df, before.df[0].df);
  EXPECT_EQ(loaded->dedup.size(), first->dedup().size());

  auto second = Restored();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  for (const std::string& id : Feed(*second, all, 4, all.size())) got.push_back(id);
  EXPECT_EQ(got, expected);
}

TEST_F(StoryStoreTest, QueriesStoriesAndDuplicates) {
  const std::vector<Article> all = Corpus();
  OpenStories();
  auto pipeline = story::StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  std::vector<std::string> ids = Feed(*pipeline, all, 0, all.size());
  EXPECT_EQ(ids[0], ids[2]);  // the strike
  EXPECT_EQ(ids[1], ids[3]);  // the eruption
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_EQ(ids[6], ids[0]);  // the near-duplicate joins its original's story

  auto list = stories_->Stories({});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_FALSE(list->empty());
  // Newest activity first: the strike story holds the latest article.
  EXPECT_EQ(list->front().id, ids[6]);
  EXPECT_EQ(list->front().title, all[0].title);
  EXPECT_GE(list->front().article_count, 3);
  EXPECT_EQ(list->front().languages, std::vector<std::string>{"en"});
  int64_t total = 0;
  for (const auto& s : *list) total += s.article_count;
  EXPECT_EQ(total, static_cast<int64_t>(all.size()));

  StoryQuery none;
  none.lang = "fr";
  auto fr = stories_->Stories(none);
  ASSERT_TRUE(fr.ok());
  EXPECT_TRUE(fr->empty());

  auto detail = stories_->GetStory(ids[1].substr(0, 8));
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  EXPECT_EQ(detail->summary.id, ids[1]);
  ASSERT_GE(detail->articles.size(), 2u);
  EXPECT_EQ(detail->articles[0].id, all[1].id);
  EXPECT_FALSE(stories_->GetStory("ffffffffffffffff").ok());

  auto dups = stories_->Duplicates(50);
  ASSERT_TRUE(dups.ok()) << dups.status().ToString();
  ASSERT_EQ(dups->size(), 1u);
  EXPECT_EQ(dups->front().group_id, all[0].id);
  ASSERT_EQ(dups->front().articles.size(), 2u);
  EXPECT_EQ(dups->front().articles[1].original_id, all[0].id);
}

// Everything ExportState holds, field by field.
void ExpectSameState(const story::ClustererState& got, const story::ClustererState& want) {
  EXPECT_EQ(got.next_seq, want.next_seq);
  EXPECT_EQ(got.clock, want.clock);
  EXPECT_EQ(got.clock_set, want.clock_set);
  ASSERT_EQ(got.stories.size(), want.stories.size());
  for (size_t i = 0; i < want.stories.size(); ++i) {
    const story::StoryState& g = got.stories[i];
    const story::StoryState& w = want.stories[i];
    EXPECT_EQ(g.id, w.id);
    EXPECT_EQ(g.created_seq, w.created_seq) << w.id;
    EXPECT_EQ(g.last_seq, w.last_seq) << w.id;
    EXPECT_EQ(g.first_time, w.first_time) << w.id;
    EXPECT_EQ(g.last_time, w.last_time) << w.id;
    EXPECT_EQ(g.touched_clock, w.touched_clock) << w.id;
    EXPECT_EQ(g.dated, w.dated) << w.id;
    EXPECT_EQ(g.article_count, w.article_count) << w.id;
    EXPECT_EQ(g.lang, w.lang) << w.id;
    EXPECT_EQ(g.centroid, w.centroid) << w.id;
    EXPECT_EQ(g.norm2, w.norm2) << w.id;
  }
  ASSERT_EQ(got.df.size(), want.df.size());
  for (size_t i = 0; i < want.df.size(); ++i) {
    EXPECT_EQ(got.df[i].lang, want.df[i].lang);
    EXPECT_EQ(got.df[i].docs, want.df[i].docs) << want.df[i].lang;
    EXPECT_EQ(got.df[i].df, want.df[i].df) << want.df[i].lang;
  }
}

TEST_F(StoryStoreTest, LoadReturnsRecentStoriesFollowingMerges) {
  const std::vector<Article> all = Corpus();
  OpenStories();
  auto pipeline = story::StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  std::vector<std::string> ids = Feed(*pipeline, all, 0, all.size());
  ASSERT_NE(ids[0], ids[1]);
  // The eruption story is merged into the strike story at a later article.
  story::ArticleStoryResult merge;
  merge.assignment.story_id = ids[0];
  merge.assignment.merges.push_back({ids[1], ids[0], "later", 0.9});
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(stories_->Record("later", merge).ok());
  ASSERT_TRUE(db_->Commit().ok());

  auto saved = stories_->Load();
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  ASSERT_EQ(saved->dedup.size(), all.size());
  std::vector<std::pair<std::string, std::string>> want;
  for (size_t i = 0; i < all.size(); ++i) {
    want.emplace_back(all[i].id, ids[i] == ids[1] ? ids[0] : ids[i]);
  }
  EXPECT_EQ(saved->recent, want);
  for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(saved->dedup[i].article_id, all[i].id);
}

TEST_F(StoryStoreTest, RecordMovesArticlesOfSplitsAndReassignments) {
  const std::vector<Article> all = Corpus();
  OpenStories();
  auto pipeline = story::StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  std::vector<std::string> ids = Feed(*pipeline, all, 0, 5);
  ASSERT_EQ(ids[0], ids[2]);  // the strike
  ASSERT_EQ(ids[1], ids[3]);  // the eruption
  ASSERT_NE(ids[0], ids[4]);  // chess
  // A re-check at a later article: the strike story splits (article 2 opens "part"), then
  // article 4 is re-assigned to the eruption story, then the eruption story is merged into
  // the strike story (so article 4 ends there, the merge applying after the move).
  Article later = Maker::Make("en", "Later", "Something else entirely happened later on.",
                              "https://example.com/later");
  ASSERT_TRUE(db_->Begin().ok());
  Add(later);
  story::ArticleStoryResult result;
  result.assignment.story_id = ids[4];
  result.assignment.splits.push_back({ids[0], "part", all[2].id, later.id, 1, 0.1});
  result.assignment.moves.push_back({all[2].id, ids[0], "part", 0.1});
  result.assignment.moves.push_back({all[4].id, ids[4], ids[1], 0.4});
  ASSERT_TRUE(stories_->Record(later.id, result).ok());
  ASSERT_TRUE(db_->Commit().ok());
  auto count = [&](const std::string& sql) -> int64_t {
    auto st = Statement::Prepare(db_.get(), sql);
    EXPECT_TRUE(st.ok());
    if (!st.ok()) return -1;
    auto row = st->Step();
    return row.ok() && *row ? st->ColumnInt64(0) : -1;
  };
  auto story_of = [&](const std::string& id) {
    auto s = stories_->StoryOfArticle(id);
    EXPECT_TRUE(s.ok());
    return s.ok() ? *s : std::string();
  };
  EXPECT_EQ(story_of(all[0].id), ids[0]);
  EXPECT_EQ(story_of(all[2].id), "part");
  EXPECT_EQ(story_of(all[4].id), ids[1]);
  EXPECT_EQ(story_of(later.id), ids[4]);
  EXPECT_EQ(count("SELECT count(*) FROM story_splits WHERE from_id = '" + ids[0] +
                  "' AND new_id = 'part' AND article_count = 1"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM story_moves"), 2);
  // The summaries follow: the split-off part is a story of one article, the eruption has three.
  auto part = stories_->GetStory("part");
  ASSERT_TRUE(part.ok()) << part.status().ToString();
  EXPECT_EQ(part->summary.article_count, 1);
  EXPECT_EQ(part->split_from, ids[0]);
  auto strike = stories_->GetStory(ids[0]);
  ASSERT_TRUE(strike.ok());
  EXPECT_EQ(strike->split_off, std::vector<std::string>{"part"});
  EXPECT_TRUE(strike->split_from.empty());
  auto eruption = stories_->GetStory(ids[1]);
  ASSERT_TRUE(eruption.ok());
  EXPECT_EQ(eruption->summary.article_count, 3);

  // Then a merge recorded with a move: the moved article follows the merge.
  story::ArticleStoryResult merge;
  merge.assignment.story_id = ids[0];
  merge.assignment.moves.push_back({all[3].id, ids[1], "part", 0.3});
  merge.assignment.merges.push_back({"part", ids[0], "later2", 0.6});
  Article later2 = Maker::Make("en", "Later 2", "Another unrelated thing happened afterwards.",
                               "https://example.com/later2");
  ASSERT_TRUE(db_->Begin().ok());
  Add(later2);
  ASSERT_TRUE(stories_->Record(later2.id, merge).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(story_of(all[2].id), ids[0]);
  EXPECT_EQ(story_of(all[3].id), ids[0]);
  EXPECT_EQ(story_of(all[1].id), ids[1]);
  EXPECT_EQ(count("SELECT count(*) FROM story_summary WHERE story_id = 'part'"), 0);
  EXPECT_EQ(count("SELECT article_count FROM story_summary WHERE story_id = '" + ids[1] + "'"), 2);
}

TEST_F(StoryStoreTest, IncrementalSavesReproduceTheLiveState) {
  // The corpus three times over (English, then tagged French and German, so that each save
  // changes only some languages), an hour apart; a short window and few active stories force
  // evictions, and low merge thresholds force merges.
  std::vector<Article> all;
  int64_t time = 1700000000;
  for (const char* lang : {"en", "fr", "de"}) {
    for (const Article& a : Corpus()) {
      Article b = Maker::Make(lang, a.title, a.text + " (" + lang + ")", a.url + "/" + lang);
      b.published = {DatePrecision::kDay, time, ""};
      time += 3600;
      all.push_back(b);
    }
  }
  // Languages interleaved in runs of two.
  std::vector<Article> stream;
  for (size_t i = 0; i < 7; i += 2) {
    for (size_t lang = 0; lang < 3; ++lang) {
      for (size_t k = i; k < std::min<size_t>(i + 2, 7); ++k) stream.push_back(all[lang * 7 + k]);
    }
  }
  for (size_t i = 0; i < stream.size(); ++i)
    stream[i].published.utc_seconds = 1700000000 + 3600 * static_cast<int64_t>(i);
  story::StoryPipelineOptions options = Options();
  options.cluster.window_seconds = 4 * 3600;
  options.cluster.max_active_stories = 4;
  options.cluster.merge_probe = 0.02;
  options.cluster.merge_threshold = 0.05;
  options.cluster.short_merge_threshold = 0.05;

  OpenStories();
  auto created = story::StoryPipeline::Create(options);
  ASSERT_TRUE(created.ok());
  std::optional<story::StoryPipeline> pipeline(std::move(created).value());
  size_t merges = 0;
  size_t evictions = 0;
  const size_t chunks[] = {3, 1, 4, 2, 5, 3, 3};
  size_t begin = 0;
  for (size_t cycle = 0; begin < stream.size(); ++cycle) {
    const size_t end = std::min(stream.size(), begin + chunks[cycle % std::size(chunks)]);
    std::set<std::string> before;
    for (const auto& st : pipeline->clusterer().ExportState().stories) before.insert(st.id);
    std::set<std::string> merged_away;
    ASSERT_TRUE(db_->Begin().ok());
    for (size_t i = begin; i < end; ++i) {
      Add(stream[i]);
      auto result = pipeline->Process(stream[i]);
      ASSERT_TRUE(stories_->Record(stream[i].id, result).ok());
      for (const auto& m : result.assignment.merges) merged_away.insert(m.from_id);
      merges += result.assignment.merges.size();
    }
    if (cycle == 2) {
      // A rolled-back batch: the pipeline is rebuilt from the database and goes on from there.
      ASSERT_TRUE(stories_->Save(pipeline->TakeChanges()).ok());
      ASSERT_TRUE(db_->Rollback().ok());
      auto restored = Restored(options);
      ASSERT_TRUE(restored.ok()) << restored.status().ToString();
      pipeline.emplace(std::move(restored).value());
      story::StateDelta fresh = pipeline->clusterer().TakeChanges();
      EXPECT_TRUE(fresh.changed.empty());
      EXPECT_TRUE(fresh.removed.empty());
      EXPECT_TRUE(fresh.df.empty());
      stream.erase(stream.begin() + static_cast<std::ptrdiff_t>(begin),
                   stream.begin() + static_cast<std::ptrdiff_t>(end));
      continue;
    }
    Status saved = stories_->Save(pipeline->TakeChanges());
    ASSERT_TRUE(saved.ok()) << saved.ToString();
    ASSERT_TRUE(db_->Commit().ok());
    begin = end;

    const story::ClustererState live = pipeline->clusterer().ExportState();
    for (const auto& st : live.stories) before.erase(st.id);
    for (const std::string& id : before) evictions += merged_away.count(id) == 0 ? 1 : 0;
    auto loaded = stories_->Load();
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    SCOPED_TRACE("cycle " + std::to_string(cycle));
    ExpectSameState(loaded->clusterer, live);
  }
  EXPECT_GT(merges, 0u);
  EXPECT_GT(evictions, 0u);
  // A restart continues from exactly that state.
  stories_.reset();
  Reopen();
  OpenStories();
  auto restarted = Restored(options);
  ASSERT_TRUE(restarted.ok()) << restarted.status().ToString();
  ExpectSameState(restarted->clusterer().ExportState(), pipeline->clusterer().ExportState());
}

}  // namespace
}  // namespace depeche::store
