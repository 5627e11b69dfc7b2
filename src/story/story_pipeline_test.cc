#include "story/story_pipeline.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace depeche::story {
namespace {

// The prefix followed by the number (GCC 12 warns on "literal" + std::string at -O2).
template <typename N>
std::string IdOf(const char* prefix, N n) {
  std::string id = prefix;
  id += std::to_string(n);
  return id;
}

std::vector<std::string> ReadSeeds() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(DEPECHE_SHARED_DIR "/seeds")) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    texts.push_back(buffer.str());
  }
  return texts;
}

StoryPipelineOptions Options() {
  StoryPipelineOptions options;
  options.features.data_dir = DEPECHE_SOURCE_DIR "/data";
  return options;
}

TEST(StoryPipelineTest, SeedsFormOneStory) {
  const std::vector<std::string> seeds = ReadSeeds();
  ASSERT_GE(seeds.size(), 5u);
  auto pipeline = StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  std::vector<ArticleStoryResult> results;
  results.reserve(seeds.size());  // (GCC 12 sees a null dereference in the reallocation)
  for (size_t i = 0; i < seeds.size(); ++i) {
    results.push_back(pipeline->Process(IdOf("seed", i), "fr", "", seeds[i], std::nullopt));
  }
  EXPECT_TRUE(results[0].assignment.new_story);
  for (size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(results[i].assignment.story_id, results[0].assignment.story_id) << i;
  }
  // The follow-up a month later joins the story or is linked to it.
  const Assignment& last = results[4].assignment;
  EXPECT_TRUE(last.story_id == results[0].assignment.story_id ||
              last.linked_story_id == results[0].assignment.story_id);
  EXPECT_FALSE(results[0].top_names.empty());
}

TEST(StoryPipelineTest, DuplicateJoinsItsOriginalsStory) {
  const std::vector<std::string> seeds = ReadSeeds();
  ASSERT_GE(seeds.size(), 5u);
  auto pipeline = StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  const ArticleStoryResult original = pipeline->Process("a", "fr", "", seeds[4], int64_t{1000});
  const ArticleStoryResult other = pipeline->Process("b", "fr", "", seeds[0], int64_t{2000});
  const ArticleStoryResult copy = pipeline->Process(
      "c", "fr", "Nouveau titre", seeds[4] + "\n\nLire aussi : nos articles.", int64_t{3000});
  EXPECT_FALSE(original.dedup.duplicate);
  EXPECT_FALSE(other.dedup.duplicate);
  EXPECT_TRUE(copy.dedup.duplicate);
  EXPECT_EQ(copy.dedup.original_id, "a");
  EXPECT_EQ(copy.assignment.story_id, original.assignment.story_id);
  EXPECT_GT(pipeline->MemoryBytes(), 0u);
}

TEST(StoryPipelineTest, RestoredRecentStoriesGuideDuplicates) {
  const std::vector<std::string> seeds = ReadSeeds();
  ASSERT_GE(seeds.size(), 5u);
  auto first = StoryPipeline::Create(Options());
  ASSERT_TRUE(first.ok());
  const ArticleStoryResult a = first->Process("a", "fr", "", seeds[4], int64_t{1000});
  const ArticleStoryResult b = first->Process(
      "b", "en", "Harbour strike halts Rotterdam shipping",
      "Dock workers in Rotterdam walked out on Monday over pay, halting container shipping at the "
      "largest port in Europe. The union said the strike would last until the operators improved "
      "their offer. Hundreds of ships waited at anchor outside the harbour.",
      int64_t{2000});
  ASSERT_NE(a.assignment.story_id, b.assignment.story_id);

  // A restarted pipeline: the clusterer state and the dedup entries, then the given stories of
  // the recent articles.
  auto restart = [&](const std::vector<std::pair<std::string, std::string>>& recent) {
    auto p = StoryPipeline::Create(Options(), first->clusterer().ExportState());
    EXPECT_TRUE(p.ok());
    for (const DedupEntry& e : first->dedup().Entries()) EXPECT_TRUE(p->dedup().Restore(e).ok());
    for (const auto& [article, story] : recent) p->RestoreRecent(article, story);
    return std::move(p).value();
  };
  // A copy of "a" a day and a half later (within the two days in which a copy still joins its
  // original's story): the time decay alone keeps it out of a's story.
  const std::string copy = seeds[4] + "\n\nLire aussi : nos articles.";
  const int64_t later = 1000 + 36 * 3600;

  const ArticleStoryResult unguided = restart({}).Process("c", "fr", "Nouveau titre", copy, later);
  EXPECT_TRUE(unguided.dedup.duplicate);
  EXPECT_EQ(unguided.dedup.original_id, "a");
  EXPECT_NE(unguided.assignment.story_id, a.assignment.story_id);

  const ArticleStoryResult guided =
      restart({{"a", a.assignment.story_id}, {"b", b.assignment.story_id}})
          .Process("c", "fr", "Nouveau titre", copy, later);
  EXPECT_TRUE(guided.dedup.duplicate);
  EXPECT_EQ(guided.assignment.story_id, a.assignment.story_id);
  EXPECT_FALSE(guided.assignment.new_story);

  // The restored story is authoritative (e.g. the story a's story was merged into).
  const ArticleStoryResult renamed =
      restart({{"a", b.assignment.story_id}}).Process("c", "fr", "Nouveau titre", copy, later);
  EXPECT_EQ(renamed.assignment.story_id, b.assignment.story_id);

  // The same text ten days later is a re-run, not a wire copy: no forced join, even guided.
  const ArticleStoryResult rerun =
      restart({{"a", a.assignment.story_id}})
          .Process("c", "fr", "Nouveau titre", copy, int64_t{1000} + 10 * 86400);
  EXPECT_TRUE(rerun.dedup.duplicate);
  EXPECT_NE(rerun.assignment.story_id, a.assignment.story_id);
}

TEST(StoryPipelineTest, RestoredRecentStoriesAreTrimmedToTheDedupIndex) {
  const std::vector<std::string> seeds = ReadSeeds();
  ASSERT_GE(seeds.size(), 5u);
  auto first = StoryPipeline::Create(Options());
  ASSERT_TRUE(first.ok());
  const ArticleStoryResult a = first->Process("a", "fr", "", seeds[4], int64_t{1000});
  auto p = StoryPipeline::Create(Options(), first->clusterer().ExportState());
  ASSERT_TRUE(p.ok());
  for (const DedupEntry& e : first->dedup().Entries()) ASSERT_TRUE(p->dedup().Restore(e).ok());
  ASSERT_EQ(p->dedup().size(), 1u);
  // Oldest first: with one indexed article only the last pair stays.
  p->RestoreRecent("a", a.assignment.story_id);
  p->RestoreRecent("a", "0000000000000000");
  p->RestoreRecent("z", "ffffffffffffffff");
  const ArticleStoryResult copy =
      p->Process("c", "fr", "Nouveau titre", seeds[4] + "\n\nLire aussi.", 1000 + 3 * 86400);
  EXPECT_TRUE(copy.dedup.duplicate);
  EXPECT_NE(copy.assignment.story_id, a.assignment.story_id);
  EXPECT_NE(copy.assignment.story_id, "0000000000000000");
}

TEST(StoryPipelineTest, TopTermsAreDistinctiveContentWords) {
  auto pipeline = StoryPipeline::Create(Options());
  ASSERT_TRUE(pipeline.ok());
  // "report" is in every article, "volcano" only in the last: with the stream's document
  // frequencies the rare word ranks first. Capitalised names are not terms to show.
  for (int i = 0; i < 20; ++i) {
    (void)pipeline->Process(IdOf("a", i), "en", "",
                            IdOf("The report was published and the report was read ", i),
                            std::nullopt);
  }
  const ArticleStoryResult r = pipeline->Process(
      "v", "en", "", "The report says the volcano erupted. Mount Etna erupted again.",
      std::nullopt);
  ASSERT_GE(r.top_terms.size(), 2u);
  EXPECT_TRUE(r.top_terms.front() == "volcano" || r.top_terms.front() == "erupted")
      << r.top_terms.front();
  const auto report = std::find(r.top_terms.begin(), r.top_terms.end(), "report");
  ASSERT_NE(report, r.top_terms.end());
  EXPECT_EQ(report + 1, r.top_terms.end());  // the common word comes last
  EXPECT_EQ(std::find(r.top_terms.begin(), r.top_terms.end(), "etna"), r.top_terms.end());
  EXPECT_EQ(std::find(r.top_terms.begin(), r.top_terms.end(), "mount"), r.top_terms.end());
}

}  // namespace
}  // namespace depeche::story
