// Stories on a real wire do not depend on interruption: the first 8,192 articles of
// Reuters-21578 in publication order (four weeks of the wire, thousands of stories), ingested in
// one run and resumed after the commit at 4,096 articles, give the same stories. The whole corpus
// adds minutes and no case this prefix lacks. Slow (two ingests): labelled `slow`, left out of
// the sanitizer run.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "depeche/engine.h"
#include "eval/reuters_reader.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;

TEST(ReutersResumeTest, ResumedAfterTheFirstCommitGivesTheUninterruptedStories) {
  const std::string dir = std::string(DEPECHE_SHARED_DIR) + "/data/reuters21578";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no Reuters corpus at " << dir;
  auto corpus = eval::ReadReutersCorpus(dir);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  std::vector<eval::ReutersArticle> articles = std::move(corpus).value();
  std::stable_sort(articles.begin(), articles.end(),
                   [](const auto& a, const auto& b) { return a.date_iso < b.date_iso; });
  constexpr size_t kArticles = 8192;
  ASSERT_GT(articles.size(), kArticles);
  std::string all, head;
  for (size_t i = 0; i < kArticles; ++i) {
    const std::string line = eval::ToJsonl(articles[i]) + "\n";
    all += line;
    if (i < 4096) head += line;
  }
  auto work = FreshDir("reuters_resume");
  auto open = [&](const std::string& name) {
    EngineConfig config;
    config.db_path = DbAt(work / name);
    auto engine = Engine::Open(config);
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    return engine.ok() ? std::move(engine).value() : nullptr;
  };
  auto whole = open("whole.db");
  ASSERT_TRUE(whole);
  ASSERT_TRUE(whole->IngestJsonl("reuters", all, {}).ok());
  const auto expected = testing_util::ArticleStories(*whole);
  ASSERT_EQ(expected.size(), kArticles);
  whole.reset();

  {
    auto first = open("resumed.db");
    ASSERT_TRUE(first);
    ASSERT_TRUE(first->IngestJsonl("reuters", head, {}).ok());
  }
  auto resumed = open("resumed.db");
  ASSERT_TRUE(resumed);
  ASSERT_TRUE(resumed->IngestJsonl("reuters", all, {}).ok());
  const auto got = testing_util::ArticleStories(*resumed);
  ASSERT_EQ(got.size(), expected.size());
  size_t differ = 0;
  for (const auto& [article, story] : expected) differ += got.at(article) != story;
  EXPECT_EQ(differ, 0u) << "articles whose story differs after the resume";
}

}  // namespace
}  // namespace depeche
