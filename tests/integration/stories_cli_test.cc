// depeche stories / story / dups as a user runs them.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "test_util.h"

namespace depeche {
namespace {

using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::Depeche;
using testing_util::FreshDir;
using testing_util::SeedsDir;

TEST(StoriesCliTest, StoriesStoryDups) {
  if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
  const std::string db = "--db '" + DbAt(FreshDir("stories_cli") / "d.db") + "' ";
  ASSERT_EQ(Depeche(db + "ingest '" + SeedsDir().string() + "'").code, 0);

  CliRun stories = Depeche(db + "stories --json");
  ASSERT_EQ(stories.code, 0) << stories.out;
  auto list = nlohmann::json::parse(stories.out, nullptr, false);
  ASSERT_TRUE(list.is_array()) << stories.out;
  ASSERT_FALSE(list.empty());
  int64_t total = 0;
  for (const auto& s : list) total += s.at("article_count").get<int64_t>();
  EXPECT_EQ(total, 5);
  const std::string id = list[0].at("id").get<std::string>();

  CliRun story = Depeche(db + "story " + id.substr(0, 8) + " --json");
  ASSERT_EQ(story.code, 0) << story.out;
  auto detail = nlohmann::json::parse(story.out, nullptr, false);
  ASSERT_TRUE(detail.is_object()) << story.out;
  EXPECT_EQ(detail.at("id"), id);
  EXPECT_EQ(detail.at("articles").size(), list[0].at("article_count").get<size_t>());
  EXPECT_FALSE(detail.at("top_names").empty());
  EXPECT_FALSE(detail.at("top_terms").empty());

  CliRun table = Depeche(db + "story " + id);
  EXPECT_EQ(table.code, 0);
  EXPECT_NE(table.out.find(id), std::string::npos);

  CliRun dups = Depeche(db + "dups --json");
  ASSERT_EQ(dups.code, 0) << dups.out;
  EXPECT_TRUE(nlohmann::json::parse(dups.out, nullptr, false).is_array()) << dups.out;
  // The seeds are rewrites, not copies: the table says so instead of printing a bare header.
  CliRun no_dups = Depeche(db + "dups -n 5");
  EXPECT_EQ(no_dups.code, 0);
  EXPECT_NE(no_dups.out.find("no near-duplicate groups"), std::string::npos) << no_dups.out;
  EXPECT_NE(Depeche(db + "dups -n 0").code, 0);

  CliRun big = Depeche(db + "stories --min-articles 5 --json");
  ASSERT_EQ(big.code, 0) << big.out;
  auto big_list = nlohmann::json::parse(big.out, nullptr, false);
  ASSERT_EQ(big_list.size(), 1u) << big.out;  // the Geneva story, all five seeds
  EXPECT_EQ(big_list[0].at("article_count"), 5);
  CliRun bigger = Depeche(db + "stories --min-articles 6 --json");
  ASSERT_EQ(bigger.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(bigger.out, nullptr, false).empty()) << bigger.out;

  EXPECT_NE(Depeche(db + "story 0123456789abcdef").code, 0);
  EXPECT_NE(Depeche(db + "stories --since not-a-date").code, 0);
  CliRun none = Depeche(db + "stories --lang en --json");
  ASSERT_EQ(none.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(none.out, nullptr, false).empty());
}

// The listing orders, the window and the line that says the list was cut, on the bundled
// Global Voices sample (265 articles, 2011-2017).
TEST(StoriesCliTest, SortWindowAndCut) {
  const std::string db = "--db '" + DbAt(FreshDir("stories_sort") / "d.db") + "' ";
  ASSERT_EQ(Depeche(db + "ingest '" DEPECHE_SOURCE_DIR "/data/samples/globalvoices'").code, 0);

  CliRun all = Depeche(db + "stories --sort activity -n 100000 --json");
  ASSERT_EQ(all.code, 0) << all.out;
  const auto every = nlohmann::json::parse(all.out, nullptr, false);
  ASSERT_GT(every.size(), 3u);

  CliRun cut = Depeche(db + "stories --sort size -n 3");
  ASSERT_EQ(cut.code, 0) << cut.out;
  EXPECT_NE(
      cut.out.find("3 of " + std::to_string(every.size()) + " stories shown (sorted by size)"),
      std::string::npos)
      << cut.out;
  // --json keeps its array shape, cut at -n.
  CliRun cut_json = Depeche(db + "stories --sort size -n 3 --json");
  const auto three = nlohmann::json::parse(cut_json.out, nullptr, false);
  ASSERT_EQ(three.size(), 3u) << cut_json.out;
  EXPECT_GE(three[0].at("article_count"), three[2].at("article_count"));

  // The default (top) window: the 7 days up to the newest article (2017-08-01).
  CliRun top = Depeche(db + "stories");
  ASSERT_EQ(top.code, 0) << top.out;
  EXPECT_NE(top.out.find("active 2017-07-25 to 2017-08-01"), std::string::npos) << top.out;

  CliRun window = Depeche(db + "stories --sort activity --since 2016-01-01 --until 2016-12 --json");
  ASSERT_EQ(window.code, 0) << window.out;
  const auto in_2016 = nlohmann::json::parse(window.out, nullptr, false);
  ASSERT_FALSE(in_2016.empty()) << window.out;
  for (const auto& s : in_2016) {
    EXPECT_GE(s.at("last_published").get<std::string>(), "2016-01-01");
    EXPECT_LE(s.at("first_published").get<std::string>(), "2016-12-31T23:59:59Z");
  }
  EXPECT_NE(Depeche(db + "stories --sort bogus").code, 0);
  EXPECT_NE(Depeche(db + "stories --until 2016-13-01").code, 0);
}

// `ingest --threads N` stores the same articles, stories and duplicate groups whatever N.
TEST(StoriesCliTest, IngestThreadsSamePartition) {
  const std::filesystem::path input =
      std::filesystem::path(DEPECHE_SHARED_DIR) / "data" / "reuters21578" / "reut2-000.sgm.gz";
  if (!std::filesystem::exists(input)) GTEST_SKIP() << "no Reuters-21578";
  const auto dir = FreshDir("ingest_threads");
  std::map<std::string, std::pair<std::string, std::string>> first;
  for (const std::string threads : {"1", "3"}) {
    const std::string db = "--db '" + DbAt(dir / (threads + ".db")) + "' ";
    CliRun ingest = Depeche(db + "ingest --threads " + threads + " '" + input.string() + "'");
    ASSERT_EQ(ingest.code, 0) << ingest.out;
    CliRun articles = Depeche(db + "articles --json -n 100000", "", /*with_stderr=*/false);
    ASSERT_EQ(articles.code, 0) << articles.out;
    const auto list = nlohmann::json::parse(articles.out, nullptr, false);
    ASSERT_TRUE(list.is_array()) << articles.out;
    std::map<std::string, std::pair<std::string, std::string>> partition;
    for (const auto& a : list) {
      partition[a.at("id").get<std::string>()] = {a.at("story_id").get<std::string>(),
                                                  a.at("group_id").get<std::string>()};
    }
    ASSERT_GT(partition.size(), 900u);
    if (first.empty()) {
      first = partition;
    } else {
      EXPECT_TRUE(partition == first) << "threads " << threads;
    }
  }
  EXPECT_EQ(
      Depeche("--db '" + DbAt(dir / "x.db") + "' ingest --threads -1 '" + input.string() + "'")
          .code,
      2);
}

}  // namespace
}  // namespace depeche
