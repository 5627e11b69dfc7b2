#include "story/story_pipeline.h"

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

}  // namespace
}  // namespace depeche::story
