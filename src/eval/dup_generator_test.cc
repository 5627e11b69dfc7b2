#include "eval/dup_generator.h"

#include <map>

#include "eval/reuters_reader.h"
#include "gtest/gtest.h"

namespace depeche::eval {
namespace {

std::vector<DupSource> Sources() {
  auto corpus = ReadReutersFile(DEPECHE_SHARED_DIR "/data/reuters21578/reut2-000.sgm.gz");
  EXPECT_TRUE(corpus.ok());
  std::vector<DupSource> sources;
  if (!corpus.ok()) return sources;
  for (const ReutersArticle& a : *corpus) sources.push_back({a.id, a.title, a.body});
  return sources;
}

TEST(DupGeneratorTest, CopiesFollowTheirSourceAndAreEdited) {
  const std::vector<DupSource> sources = FilterDistinctSources(Sources(), 60);
  ASSERT_GT(sources.size(), 100u);
  DupGeneratorOptions options;
  options.copies = 200;
  const std::vector<DupDocument> docs = GenerateNearDuplicates(sources, options);
  ASSERT_EQ(docs.size(), sources.size() + 200);
  std::map<std::string, size_t> position;
  size_t copies = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    position[docs[i].id] = i;
    if (docs[i].id == docs[i].source_id) continue;
    ++copies;
    ASSERT_TRUE(position.count(docs[i].source_id)) << docs[i].id;  // source came first
    EXPECT_GE(docs[i].edits.size(), 3u);                           // headline + 2 edits
    EXPECT_NE(docs[i].text, sources.front().text);
  }
  EXPECT_EQ(copies, 200u);
  // Same seed, same corpus.
  const std::vector<DupDocument> again = GenerateNearDuplicates(sources, options);
  ASSERT_EQ(again.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) EXPECT_EQ(again[i].text, docs[i].text);
}

TEST(DupGeneratorTest, IndexFindsCopiesWithHighPrecision) {
  const std::vector<DupSource> sources = FilterDistinctSources(Sources(), 60);
  DupGeneratorOptions options;
  options.copies = 200;
  auto scores =
      EvaluateGeneratedDuplicates(GenerateNearDuplicates(sources, options), story::DedupOptions{});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->gold, 200u);
  EXPECT_GT(scores->precision, 0.95);
  EXPECT_GT(scores->recall, 0.85);
}

TEST(DupGeneratorTest, RealDuplicatesAreScored) {
  auto scores = EvaluateRealDuplicates(Sources(), story::DedupOptions{}, 0.8);
  ASSERT_TRUE(scores.ok());
  EXPECT_GT(scores->gold, 0u);
  EXPECT_GT(scores->recall, 0.9);
}

}  // namespace
}  // namespace depeche::eval
