// depeche stories / story / dups as a user runs them.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace depeche {
namespace {

using testing_util::CliRun;
using testing_util::Depeche;
using testing_util::FreshDir;
using testing_util::SeedsDir;

TEST(StoriesCliTest, StoriesStoryDups) {
  if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
  const std::string db = "--db '" + (FreshDir("stories_cli") / "d.db").string() + "' ";
  ASSERT_EQ(Depeche(db + "ingest '" + SeedsDir().string() + "'").code, 0);

  CliRun stories = Depeche(db + "stories --json");
  ASSERT_EQ(stories.code, 0) << stories.out;
  auto list = nlohmann::json::parse(stories.out, nullptr, false);
  ASSERT_TRUE(list.is_array()) << stories.out;
  ASSERT_FALSE(list.empty());
  int64_t total = 0;
  for (const auto& s : list) total += s.at("articles").get<int64_t>();
  EXPECT_EQ(total, 5);
  const std::string id = list[0].at("id").get<std::string>();

  CliRun story = Depeche(db + "story " + id.substr(0, 8) + " --json");
  ASSERT_EQ(story.code, 0) << story.out;
  auto detail = nlohmann::json::parse(story.out, nullptr, false);
  ASSERT_TRUE(detail.is_object()) << story.out;
  EXPECT_EQ(detail.at("id"), id);
  EXPECT_EQ(detail.at("articles").size(), list[0].at("articles").get<size_t>());
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
  EXPECT_EQ(big_list[0].at("articles"), 5);
  CliRun bigger = Depeche(db + "stories --min-articles 6 --json");
  ASSERT_EQ(bigger.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(bigger.out, nullptr, false).empty()) << bigger.out;

  EXPECT_NE(Depeche(db + "story 0123456789abcdef").code, 0);
  EXPECT_NE(Depeche(db + "stories --since not-a-date").code, 0);
  CliRun none = Depeche(db + "stories --lang en --json");
  ASSERT_EQ(none.code, 0);
  EXPECT_TRUE(nlohmann::json::parse(none.out, nullptr, false).empty());
}

}  // namespace
}  // namespace depeche
