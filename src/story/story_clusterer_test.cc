#include "story/story_clusterer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "story/features.h"

namespace depeche::story {
namespace {

// The prefix followed by the number (GCC 12 warns on "literal" + std::string at -O2).
template <typename N>
std::string IdOf(const char* prefix, N n) {
  std::string id = prefix;
  id += std::to_string(n);
  return id;
}

struct Doc {
  std::string id;
  std::string title;
  std::string text;
};

// Two events of the same kind (earthquakes) and one of another kind: the clusterer must tell
// the earthquakes apart by their places, names, numbers and dates.
std::vector<Doc> Docs() {
  return {
      {"q1a", "Powerful earthquake strikes Valparaiso",
       "A magnitude 8.8 earthquake struck near Valparaiso on Saturday, killing at least 214 "
       "people. President Michelle Bachelet declared a state of catastrophe. Rescue teams "
       "searched collapsed buildings in Concepcion."},
      {"q2a", "Earthquake devastates Kathmandu valley",
       "A magnitude 7.8 earthquake hit Nepal on Saturday, killing more than 1,800 people in "
       "Kathmandu. Prime Minister Sushil Koirala appealed for international help as rescue "
       "teams searched collapsed temples in Bhaktapur."},
      {"s1", "Lakers beat Celtics in overtime",
       "Kobe Bryant scored 41 points as the Lakers beat the Celtics 112-104 in overtime at the "
       "Staples Center on Sunday night."},
      {"q1b", "Death toll rises after Valparaiso quake",
       "The death toll from the 8.8 earthquake near Valparaiso rose to 300 as rescue teams "
       "reached Concepcion. Michelle Bachelet sent troops to stop looting."},
      {"q2b", "Nepal quake toll passes 2,500",
       "The toll from the 7.8 earthquake in Nepal passed 2,500 as rescuers dug through rubble "
       "in Kathmandu and Bhaktapur. Sushil Koirala said the government was overwhelmed."},
      {"s2", "Bryant leads Lakers past Celtics",
       "Kobe Bryant had 41 points and the Lakers won 112-104 in overtime against the Celtics "
       "at Staples Center."},
      {"q1c", "Chile rebuilds after the 8.8 quake",
       "Bachelet toured Concepcion and Valparaiso, where the 8.8 earthquake destroyed homes, "
       "and promised reconstruction funds."},
      {"q2c", "Aid reaches Kathmandu after quake",
       "International aid reached Kathmandu days after the 7.8 earthquake; Koirala said "
       "Bhaktapur and Gorkha were the worst hit."},
  };
}

std::map<std::string, std::string> RunDocs(const ClusterOptions& options) {
  FeatureOptions feature_options;
  feature_options.data_dir = DEPECHE_SOURCE_DIR "/data";
  FeatureExtractor extractor(feature_options);
  auto clusterer = StoryClusterer::Create(options);
  EXPECT_TRUE(clusterer.ok());
  std::map<std::string, std::string> story_of;
  for (const Doc& doc : Docs()) {
    const Assignment a =
        clusterer->Add(doc.id, "en", std::nullopt, extractor.Extract("en", doc.title, doc.text));
    story_of[doc.id] = a.story_id;
    for (const StoryMerge& m : a.merges) {
      for (auto& [id, story] : story_of) {
        if (story == m.from_id) story = m.into_id;
      }
    }
  }
  return story_of;
}

TEST(StoryClustererTest, SeparatesSimilarEventsAndGroupsSameEvent) {
  const auto story_of = RunDocs(ClusterOptions{});
  EXPECT_EQ(story_of.at("q1a"), story_of.at("q1b"));
  EXPECT_EQ(story_of.at("q1a"), story_of.at("q1c"));
  EXPECT_EQ(story_of.at("q2a"), story_of.at("q2b"));
  EXPECT_EQ(story_of.at("q2a"), story_of.at("q2c"));
  EXPECT_EQ(story_of.at("s1"), story_of.at("s2"));
  EXPECT_NE(story_of.at("q1a"), story_of.at("q2a"));
  EXPECT_NE(story_of.at("q1a"), story_of.at("s1"));
  EXPECT_NE(story_of.at("q2a"), story_of.at("s1"));
}

TEST(StoryClustererTest, IdsAreDeterministicAndStateRoundTrips) {
  const auto first = RunDocs(ClusterOptions{});
  const auto second = RunDocs(ClusterOptions{});
  EXPECT_EQ(first, second);

  FeatureExtractor extractor(FeatureOptions{});
  auto a = StoryClusterer::Create(ClusterOptions{});
  ASSERT_TRUE(a.ok());
  const std::vector<Doc> docs = Docs();
  for (size_t i = 0; i < 4; ++i) {
    (void)a->Add(docs[i].id, "en", std::nullopt,
                 extractor.Extract("en", docs[i].title, docs[i].text));
  }
  auto b = StoryClusterer::Create(ClusterOptions{}, a->ExportState());
  ASSERT_TRUE(b.ok());
  for (size_t i = 4; i < docs.size(); ++i) {
    const ArticleFeatures f = extractor.Extract("en", docs[i].title, docs[i].text);
    const Assignment x = a->Add(docs[i].id, "en", std::nullopt, f);
    const Assignment y = b->Add(docs[i].id, "en", std::nullopt, f);
    EXPECT_EQ(x.story_id, y.story_id);
    EXPECT_EQ(x.new_story, y.new_story);
  }
}

TEST(StoryClustererTest, WindowEvictionBoundsMemoryAndDecayOpensNewStory) {
  ClusterOptions options;
  options.window_seconds = 5 * 86400;
  FeatureExtractor extractor(FeatureOptions{});
  auto clusterer = StoryClusterer::Create(options);
  ASSERT_TRUE(clusterer.ok());
  const std::vector<Doc> docs = Docs();
  size_t peak = 0;
  for (int day = 0; day < 200; ++day) {
    const Doc& doc = docs[static_cast<size_t>(day) % docs.size()];
    // A different number per day makes each day's article a little different.
    (void)clusterer->Add(IdOf("d", day), "en", int64_t{day} * 86400,
                         extractor.Extract("en", doc.title, doc.text + IdOf(" ", 1000 + day)));
    EXPECT_LE(clusterer->active_stories(), 6u * 3u);
    peak = std::max(peak, clusterer->MemoryBytes());
  }
  EXPECT_GT(peak, 0u);
  // A story idle for longer than the window is gone; the same text opens a new story, linked
  // to nothing because the old one has left memory.
  const Assignment late = clusterer->Add("late", "en", int64_t{400} * 86400,
                                         extractor.Extract("en", docs[0].title, docs[0].text));
  EXPECT_TRUE(late.new_story);
  EXPECT_EQ(clusterer->active_stories(), 1u);
}

TEST(StoryClustererTest, UndatedStoriesAreNotEvictedByTheFirstDatedArticle) {
  FeatureExtractor extractor(FeatureOptions{});
  auto clusterer = StoryClusterer::Create(ClusterOptions{});
  ASSERT_TRUE(clusterer.ok());
  const std::vector<Doc> docs = Docs();
  // An undated text first (the clock is not set), then a dated version of the same event:
  // the undated story arrived with it, not in 1970, and must still be there to join.
  const Assignment undated = clusterer->Add("undated", "en", std::nullopt,
                                            extractor.Extract("en", docs[0].title, docs[0].text));
  const Assignment dated = clusterer->Add("dated", "en", int64_t{1642700000},
                                          extractor.Extract("en", docs[0].title, docs[0].text));
  EXPECT_EQ(dated.story_id, undated.story_id);
  EXPECT_FALSE(dated.new_story);
}

TEST(StoryClustererTest, ARestoredClustererContinuesExactlyLikeTheLiveOne) {
  // Few candidates and a short window, so that candidate choice, evictions and reused slots
  // all play a part: the restored clusterer must still decide exactly as the live one.
  ClusterOptions options;
  options.max_candidates = 2;
  options.query_features = 3;
  options.window_seconds = 3 * 86400;
  FeatureExtractor extractor(FeatureOptions{});
  const std::vector<Doc> docs = Docs();
  auto live = StoryClusterer::Create(options);
  ASSERT_TRUE(live.ok());
  std::optional<StoryClusterer> restored;
  for (int i = 0; i < 240; ++i) {
    const Doc& doc = docs[static_cast<size_t>(i * 7) % docs.size()];
    const ArticleFeatures f =
        extractor.Extract("en", doc.title, doc.text + IdOf(" figure ", i % 9) + IdOf(" ", i % 4));
    const int64_t time = int64_t{i / 6} * 43200 + (i % 5) * 3600;
    const Assignment x = live->Add(IdOf("a", i), "en", time, f);
    if (restored.has_value()) {
      const Assignment y = restored->Add(IdOf("a", i), "en", time, f);
      ASSERT_EQ(x.story_id, y.story_id) << "article " << i;
      ASSERT_EQ(x.merges.size(), y.merges.size()) << "article " << i;
    }
    if (i == 97) {
      auto b = StoryClusterer::Create(options, live->ExportState());
      ASSERT_TRUE(b.ok());
      restored.emplace(std::move(b).value());
    }
  }
}

TEST(StoryClustererTest, RecheckMergesStoriesThatArrivedInPieces) {
  ClusterOptions options;
  options.threshold = 1.0;        // nothing joins online
  options.merge_threshold = 1.0;  // nor merges online
  options.recheck_every = 2;
  FeatureExtractor extractor(FeatureOptions{});
  const std::vector<Doc> docs = Docs();
  for (const bool recheck : {false, true}) {
    options.recheck_merge_threshold = recheck ? 0.5 : 1.0;
    auto clusterer = StoryClusterer::Create(options);
    ASSERT_TRUE(clusterer.ok());
    const Assignment a = clusterer->Add("a", "en", std::nullopt,
                                        extractor.Extract("en", docs[0].title, docs[0].text));
    const Assignment b = clusterer->Add(
        "b", "en", std::nullopt,
        extractor.Extract("en", docs[0].title, docs[0].text + " Officials said 1234 more."));
    EXPECT_TRUE(b.new_story);
    if (!recheck) {
      EXPECT_TRUE(b.merges.empty());
      EXPECT_EQ(clusterer->active_stories(), 2u);
      continue;
    }
    // The second article's arrival is a re-check point: the two pieces become the older story.
    ASSERT_EQ(b.merges.size(), 1u);
    EXPECT_EQ(b.merges[0].into_id, a.story_id);
    EXPECT_EQ(b.story_id, a.story_id);
    EXPECT_EQ(clusterer->active_stories(), 1u);
  }
}

TEST(StoryClustererTest, RecheckSplitsAStoryThatArrivedAsAMixedBlob) {
  // Every article is forced into the first one's story (as a wrong near-duplicate hint would):
  // the re-check at the eighth article finds three events in it and splits them apart.
  FeatureOptions feature_options;
  feature_options.data_dir = DEPECHE_SOURCE_DIR "/data";
  FeatureExtractor extractor(feature_options);
  for (const bool reassign : {false, true}) {
    ClusterOptions options;
    options.recheck_every = 8;
    options.recheck_reassign = reassign;
    auto clusterer = StoryClusterer::Create(options);
    ASSERT_TRUE(clusterer.ok());
    std::map<std::string, std::string> story_of;
    std::string blob;
    Assignment last;
    for (const Doc& doc : Docs()) {
      // Long texts (headline-only items are not revisited): a sentence more on each event.
      const char* more =
          doc.id[0] == 's'   ? " Coach Phil Jackson praised Pau Gasol, Lamar Odom and Derek Fisher "
                               "after the Los Angeles team clinched the championship series."
          : doc.id[1] == '1' ? " Chilean officials in Santiago counted damaged bridges, roads, "
                               "hospitals and schools across the Maule and Biobio regions."
                             : " Nepalese officials counted damaged temples, villages, "
                               "monasteries and roads across the Gorkha and Sindhupalchok "
                               "districts near Everest.";
      last = clusterer->Add(doc.id, "en", std::nullopt,
                            extractor.Extract("en", doc.title, doc.text + more), blob);
      if (blob.empty()) blob = last.story_id;
      story_of[doc.id] = last.story_id;
    }
    for (const StoryMove& move : last.moves) story_of[move.article_id] = move.to_id;
    if (!reassign) {
      EXPECT_TRUE(last.splits.empty());
      EXPECT_EQ(clusterer->active_stories(), 1u);
      continue;
    }
    ASSERT_EQ(last.splits.size(), 2u);
    EXPECT_EQ(clusterer->active_stories(), 3u);
    // The larger part (Chile and Nepal have three articles each: the one with the first
    // article) keeps the id; the others get new ids and are recorded, with their articles.
    EXPECT_EQ(story_of["q1a"], blob);
    EXPECT_EQ(story_of["q1b"], blob);
    EXPECT_EQ(story_of["q1c"], blob);
    EXPECT_NE(story_of["q2a"], blob);
    EXPECT_EQ(story_of["q2a"], story_of["q2b"]);
    EXPECT_EQ(story_of["q2a"], story_of["q2c"]);
    EXPECT_NE(story_of["s1"], blob);
    EXPECT_NE(story_of["s1"], story_of["q2a"]);
    EXPECT_EQ(story_of["s1"], story_of["s2"]);
    for (const StorySplit& split : last.splits) {
      EXPECT_EQ(split.from_id, blob);
      EXPECT_EQ(split.at_article_id, "q2c");
      ASSERT_NE(clusterer->Find(split.new_id), nullptr);
      EXPECT_EQ(clusterer->Find(split.new_id)->article_count, split.article_count);
    }
    EXPECT_EQ(last.moves.size(), 5u);
    EXPECT_EQ(clusterer->Find(blob)->article_count, 3u);
    EXPECT_EQ(last.story_id, story_of["q2c"]);  // the arriving article's story after the split
  }
}

TEST(StoryClustererTest, RecheckMovesAnArticleToTheStoryItBelongsTo) {
  // A Nepal article forced into the Chile story moves to the Nepal story at the re-check.
  FeatureOptions feature_options;
  feature_options.data_dir = DEPECHE_SOURCE_DIR "/data";
  FeatureExtractor extractor(feature_options);
  ClusterOptions options;
  options.recheck_every = 7;
  auto clusterer = StoryClusterer::Create(options);
  ASSERT_TRUE(clusterer.ok());
  const std::vector<Doc> docs = Docs();
  std::map<std::string, std::string> story_of;
  Assignment a;
  for (const char* id : {"q1a", "q1b", "q2a", "q2b", "q2c", "q1c"}) {
    const Doc& doc =
        *std::find_if(docs.begin(), docs.end(), [&](const Doc& d) { return d.id == id; });
    a = clusterer->Add(id, "en", std::nullopt, extractor.Extract("en", doc.title, doc.text));
    story_of[id] = a.story_id;
  }
  ASSERT_NE(story_of["q1a"], story_of["q2a"]);
  const Doc& stray = docs[1];  // q2a again, under another id, forced into Chile
  a = clusterer->Add("stray", "en", std::nullopt, extractor.Extract("en", stray.title, stray.text),
                     story_of["q1a"]);
  ASSERT_EQ(a.moves.size(), 1u);
  EXPECT_EQ(a.moves[0].article_id, "stray");
  EXPECT_EQ(a.moves[0].from_id, story_of["q1a"]);
  EXPECT_EQ(a.moves[0].to_id, story_of["q2a"]);
  EXPECT_EQ(a.story_id, story_of["q2a"]);
  EXPECT_TRUE(a.splits.empty());
  EXPECT_EQ(clusterer->Find(story_of["q1a"])->article_count, 3u);
  EXPECT_EQ(clusterer->Find(story_of["q2a"])->article_count, 4u);
}

TEST(StoryClustererTest, ARestoredClustererMovesAndSplitsExactlyLikeTheLiveOne) {
  // Every fifth article is forced into an unrelated story and the re-check runs every 16:
  // moves and splits happen, and a clusterer restored from the exported state (its stories'
  // member vectors included) must make exactly the same ones.
  // With a margin no article can beat, nothing is re-assigned and the mixed stories split.
  for (const double margin : {0.05, 2.0}) {
    ClusterOptions options;
    options.recheck_every = 16;
    options.window_seconds = 3 * 86400;
    options.reassign_margin = margin;
    FeatureExtractor extractor(FeatureOptions{});
    const std::vector<Doc> docs = Docs();
    auto live = StoryClusterer::Create(options);
    ASSERT_TRUE(live.ok());
    std::optional<StoryClusterer> restored;
    size_t moves = 0, splits = 0;
    std::vector<std::string> recent;
    for (int i = 0; i < 240; ++i) {
      const Doc& doc = docs[static_cast<size_t>(i * 7) % docs.size()];
      const ArticleFeatures f =
          extractor.Extract("en", doc.title, doc.text + IdOf(" figure ", i % 9) + IdOf(" ", i % 4));
      const int64_t time = int64_t{i / 6} * 43200 + (i % 5) * 3600;
      const std::string hint =
          i % 5 == 4 && !recent.empty() ? recent[static_cast<size_t>(i) % recent.size()] : "";
      const Assignment x = live->Add(IdOf("a", i), "en", time, f, hint);
      recent.push_back(x.story_id);
      if (recent.size() > 6) recent.erase(recent.begin());
      moves += x.moves.size();
      splits += x.splits.size();
      if (restored.has_value()) {
        const Assignment y = restored->Add(IdOf("a", i), "en", time, f, hint);
        ASSERT_EQ(x.story_id, y.story_id) << "article " << i;
        ASSERT_EQ(x.merges.size(), y.merges.size()) << "article " << i;
        ASSERT_EQ(x.moves.size(), y.moves.size()) << "article " << i;
        for (size_t k = 0; k < x.moves.size(); ++k) {
          EXPECT_EQ(x.moves[k].article_id, y.moves[k].article_id);
          EXPECT_EQ(x.moves[k].to_id, y.moves[k].to_id);
        }
        ASSERT_EQ(x.splits.size(), y.splits.size()) << "article " << i;
        for (size_t k = 0; k < x.splits.size(); ++k)
          EXPECT_EQ(x.splits[k].new_id, y.splits[k].new_id);
      }
      if (i == 97) {
        auto b = StoryClusterer::Create(options, live->ExportState());
        ASSERT_TRUE(b.ok());
        restored.emplace(std::move(b).value());
        moves = splits = 0;  // those after the restore point count
      }
    }
    EXPECT_GT(margin < 1.0 ? moves : splits, 0u) << margin;
  }
}

TEST(StoryClustererTest, DecayedSimilarityLinksContinuation) {
  ClusterOptions options;
  options.decay_days = 2.0;
  options.grace_days = 1.0;
  FeatureExtractor extractor(FeatureOptions{});
  auto clusterer = StoryClusterer::Create(options);
  ASSERT_TRUE(clusterer.ok());
  const std::vector<Doc> docs = Docs();
  const Assignment first =
      clusterer->Add("q1a", "en", int64_t{0}, extractor.Extract("en", docs[0].title, docs[0].text));
  const Assignment later = clusterer->Add("q1b", "en", int64_t{30} * 86400,
                                          extractor.Extract("en", docs[3].title, docs[3].text));
  EXPECT_TRUE(later.new_story);
  EXPECT_EQ(later.linked_story_id, first.story_id);
}

TEST(StoryClustererTest, SameArticleIdTwiceGetsDistinctStories) {
  FeatureExtractor extractor(FeatureOptions{});
  auto clusterer = StoryClusterer::Create(ClusterOptions{});
  ASSERT_TRUE(clusterer.ok());
  const std::vector<Doc> docs = Docs();
  const Assignment a = clusterer->Add("same", "en", std::nullopt,
                                      extractor.Extract("en", docs[0].title, docs[0].text));
  const Assignment b = clusterer->Add("same", "en", std::nullopt,
                                      extractor.Extract("en", docs[2].title, docs[2].text));
  EXPECT_TRUE(a.new_story);
  EXPECT_TRUE(b.new_story);
  EXPECT_NE(a.story_id, b.story_id);
  EXPECT_EQ(clusterer->active_stories(), 2u);
}

TEST(StoryClustererTest, ObservedDocumentsWarmTheTermWeights) {
  FeatureExtractor extractor(FeatureOptions{});
  const ArticleFeatures common = extractor.Extract("en", "", "quarterly earnings report season");
  const ArticleFeatures a =
      extractor.Extract("en", "", "quarterly earnings report season Acme widgets");
  const ArticleFeatures b =
      extractor.Extract("en", "", "quarterly earnings report season Zenith gadgets");
  auto run = [&](int observed) {
    auto clusterer = StoryClusterer::Create(ClusterOptions{});
    EXPECT_TRUE(clusterer.ok());
    for (int i = 0; i < observed; ++i) clusterer->ObserveDocument("en", common);
    (void)clusterer->Add("a", "en", std::nullopt, a);
    const Assignment second = clusterer->Add("b", "en", std::nullopt, b);
    const ClustererState state = clusterer->ExportState();
    EXPECT_EQ(state.df.size(), 1u);
    EXPECT_EQ(state.df.front().docs, observed + 2);
    EXPECT_EQ(clusterer->active_stories(), second.new_story ? 2u : 1u);
    return second;
  };
  const Assignment cold = run(0);
  const Assignment warm = run(200);
  // Cold, the shared words look rare and join the two; warm, they are known to be common.
  EXPECT_FALSE(cold.new_story);
  EXPECT_LT(warm.similarity, cold.similarity);
}

TEST(StoryClustererTest, ChangeTrackingCanBeTurnedOff) {
  FeatureExtractor extractor(FeatureOptions{});
  const std::vector<Doc> docs = Docs();
  for (bool track : {true, false}) {
    ClusterOptions options;
    options.track_changes = track;
    options.window_seconds = 86400;
    auto clusterer = StoryClusterer::Create(options);
    ASSERT_TRUE(clusterer.ok());
    // One article a week: each story leaves memory before the next arrives.
    for (int week = 0; week < 20; ++week) {
      const Doc& doc = docs[static_cast<size_t>(week) % docs.size()];
      (void)clusterer->Add(IdOf("w", week), "en", int64_t{week} * 7 * 86400,
                           extractor.Extract("en", doc.title, doc.text));
    }
    const StateDelta delta = clusterer->TakeChanges();
    EXPECT_EQ(delta.changed.size(), track ? 1u : 0u);
    EXPECT_EQ(delta.removed.size(), track ? 19u : 0u);
    EXPECT_EQ(delta.df.size(), 1u);  // the document frequencies are always there
  }
}

TEST(StoryClustererTest, RejectsBadOptions) {
  ClusterOptions options;
  options.threshold = 1.5;
  EXPECT_FALSE(StoryClusterer::Create(options).ok());
  options = ClusterOptions{};
  options.window_seconds = 0;
  EXPECT_FALSE(StoryClusterer::Create(options).ok());
}

}  // namespace
}  // namespace depeche::story
