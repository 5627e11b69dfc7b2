// The seeds' publication days and event dates through the engine (issue 11, document dates):
// four seeds state no date and 001 only "2022-01"; each must be dated, inferred, on the day the
// hand-checked gold gives (tests/fixtures/seeds_timex.tsv, '#day' lines), whatever the order
// the seeds arrive in, and their story must mention 2022-01-21 most.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;
using testing_util::SeedsDir;

// file name -> gold day ("2022-01-18")
std::map<std::string, std::string> GoldDays() {
  std::map<std::string, std::string> out;
  for (const std::vector<std::string>& f : testing_util::FixtureRows("seeds_timex.tsv")) {
    if (f.size() == 3 && f[0] == "#day") out[f[1]] = f[2];
  }
  return out;
}

std::vector<std::string> SeedFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(SeedsDir())) {
    if (e.path().extension() == ".txt") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Ingests the seeds one file at a time in `order`; returns file name -> stored article.
std::map<std::string, Article> IngestInOrder(Engine& engine,
                                             const std::vector<std::string>& order) {
  for (const std::string& file : order) {
    auto report = engine.Ingest({file}, {});
    EXPECT_TRUE(report.ok() && report->inserted == 1) << file;
  }
  std::map<std::string, Article> out;
  auto list = engine.Articles({});
  EXPECT_TRUE(list.ok());
  for (const ArticleSummary& s : *list) {
    auto a = engine.GetArticle(s.id);
    EXPECT_TRUE(a.ok());
    out[std::filesystem::path(s.path).filename().string()] = *a;
  }
  return out;
}

std::unique_ptr<Engine> OpenFresh(const std::string& name) {
  EngineConfig config;
  config.db_path = DbAt(FreshDir(name) / "depeche.db");
  auto engine = Engine::Open(config);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine).value() : nullptr;
}

TEST(SeedsDatesTest, EachSeedIsDatedOnItsGoldDayAndTheStoryMentionsTheMeetingMost) {
  if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
  const std::map<std::string, std::string> gold = GoldDays();
  ASSERT_EQ(gold.size(), 5u);
  auto engine = OpenFresh("seeds-dates");
  ASSERT_NE(engine, nullptr);
  std::map<std::string, Article> articles = IngestInOrder(*engine, SeedFiles());
  ASSERT_EQ(articles.size(), 5u);
  for (const auto& [file, day] : gold) {
    const Article& a = articles.at(file);
    EXPECT_EQ(a.date.date.iso, day) << file;
    EXPECT_EQ(a.date.provenance, "inferred") << file;
    EXPECT_FALSE(a.date.evidence.empty()) << file;
    // Resolved against that day: no relative value left on a weekday.
    for (const TemporalExpression& t : a.timexes) {
      EXPECT_EQ(t.value.rfind("UNDEF-WEEKDAY", 0), std::string::npos) << file << " " << t.value;
    }
  }
  // The stated month stays what 001 stated.
  EXPECT_EQ(articles.at("001_abfe26ca1329c67e.txt").published.iso, "2022-01");
  EXPECT_EQ(articles.at("001_abfe26ca1329c67e.txt").published_source, "metadata");

  auto story = engine->GetStory(articles.begin()->second.id);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  ASSERT_EQ(story->articles.size(), 5u);
  EXPECT_EQ(story->summary.first_seen, "2022-01-18");
  EXPECT_EQ(story->summary.last_seen, "2022-02-17");
  ASSERT_FALSE(story->event_dates.empty());
  EXPECT_EQ(story->event_dates[0].day, "2022-01-21");
  EXPECT_GE(story->event_dates[0].article_count, 4);
  bool feb17 = false;
  for (const StoryEventDate& d : story->event_dates) feb17 |= d.day == "2022-02-17";
  EXPECT_TRUE(feb17);

  // The stories' window reads the best dates: the story spans 18 January - 17 February.
  auto count = [&](std::optional<std::string> since, std::optional<std::string> until) {
    StoryQuery q;
    q.sort = StorySort::kActivity;
    q.since = std::move(since);
    q.until = std::move(until);
    auto stories = engine->Stories(q);
    EXPECT_TRUE(stories.ok()) << stories.status().ToString();
    return stories.ok() ? stories->size() : 0u;
  };
  EXPECT_EQ(count("2022-02-10", std::nullopt), 1u);
  EXPECT_EQ(count(std::nullopt, "2022-01-17"), 0u);
  EXPECT_EQ(count("2022-02-18", std::nullopt), 0u);
  EXPECT_EQ(count("2022-01-18", "2022-01-18"), 1u);
}

TEST(SeedsDatesTest, TheDatesDoNotDependOnTheOrderTheSeedsArriveIn) {
  if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
  std::vector<std::string> files = SeedFiles();
  std::map<std::string, std::string> first;
  for (int run = 0; run < 3; ++run) {
    if (run == 1) std::reverse(files.begin(), files.end());
    if (run == 2) std::rotate(files.begin(), files.begin() + 2, files.end());
    auto engine = OpenFresh("seeds-dates-order");
    ASSERT_NE(engine, nullptr);
    std::map<std::string, std::string> days;
    for (const auto& [file, a] : IngestInOrder(*engine, files)) days[file] = a.date.date.iso;
    if (run == 0) {
      first = days;
    } else {
      EXPECT_EQ(days, first) << "run " << run;
    }
  }
}

}  // namespace
}  // namespace depeche
