// Stories do not depend on interruption: an ingest stopped after a commit and run again gives
// exactly the stories of one uninterrupted run (same partition, same story ids).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;

std::vector<std::string> SampleLines() {
  std::vector<std::string> lines;
  for (const char* lang : {"fr", "es", "it"}) {
    std::ifstream in(std::string(DEPECHE_SOURCE_DIR) + "/data/samples/globalvoices/" + lang +
                     ".jsonl");
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) lines.push_back(line);
    }
  }
  return lines;
}

std::string Join(const std::vector<std::string>& lines, size_t n) {
  std::string out;
  for (size_t i = 0; i < n && i < lines.size(); ++i) out += lines[i] + "\n";
  return out;
}

std::unique_ptr<Engine> Open(const std::filesystem::path& db) {
  EngineConfig config;
  config.db_path = DbAt(db);
  config.batch_size = 16;  // several commits, so that the resumed run restarts mid-stream
  auto engine = Engine::Open(config);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

TEST(ResumeTest, AResumedIngestGivesTheStoriesOfAnUninterruptedOne) {
  const std::vector<std::string> lines = SampleLines();
  ASSERT_GT(lines.size(), 200u);
  const std::string all = Join(lines, lines.size());
  auto dir = FreshDir("resume");

  auto whole = Open(dir / "whole.db");
  ASSERT_TRUE(whole);
  ASSERT_TRUE(whole->IngestJsonl("sample", all, {}).ok());
  const auto expected = testing_util::ArticleStories(*whole);
  ASSERT_GT(expected.size(), 200u);

  for (size_t cut : {size_t{40}, size_t{137}}) {
    const auto db = dir / ("resumed_" + std::to_string(cut) + ".db");
    {
      auto first = Open(db);
      ASSERT_TRUE(first);
      ASSERT_TRUE(first->IngestJsonl("sample", Join(lines, cut), {}).ok());
    }
    // A new process: the story state comes back from the store.
    auto resumed = Open(db);
    ASSERT_TRUE(resumed);
    auto r = resumed->IngestJsonl("sample", all, {});
    ASSERT_TRUE(r.ok());
    EXPECT_GT(r->already_stored, 0);
    EXPECT_EQ(testing_util::ArticleStories(*resumed), expected)
        << "resumed after " << cut << " records";
  }
}

TEST(ResumeTest, TwoEnginesOnOneDatabaseGiveTheStoriesOfOneSequentialRun) {
  const std::vector<std::string> lines = SampleLines();
  // Interleaved halves: the second continues the first one's stories.
  std::vector<std::string> first, second;
  for (size_t i = 0; i < lines.size(); ++i) (i % 2 == 0 ? first : second).push_back(lines[i]);
  auto dir = FreshDir("two_writers");

  auto sequential = Open(dir / "sequential.db");
  ASSERT_TRUE(sequential);
  ASSERT_TRUE(sequential->IngestJsonl("a", Join(first, first.size()), {}).ok());
  ASSERT_TRUE(sequential->IngestJsonl("b", Join(second, second.size()), {}).ok());
  const auto expected = testing_util::ArticleStories(*sequential);

  // Both open before either writes: the second must not continue from the story state it
  // loaded at open, which the first one's commits made stale.
  auto a = Open(dir / "shared.db");
  auto b = Open(dir / "shared.db");
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(a->IngestJsonl("a", Join(first, first.size()), {}).ok());
  auto r = b->IngestJsonl("b", Join(second, second.size()), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(testing_util::ArticleStories(*b), expected);
}

}  // namespace
}  // namespace depeche
