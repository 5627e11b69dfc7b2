// `depeche search` as a user types it: exclusions, OR, phrases, prefixes, filters, --json.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "test_util.h"

namespace depeche {
namespace {

namespace fs = std::filesystem;
using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::Depeche;
using testing_util::FreshDir;

class SearchCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(FreshDir("search_cli"));
    std::ofstream feed(*dir_ / "feed.jsonl");
    feed << R"({"url":"u1","source":"Wire","lang":"en","published":"2014-02-28",)"
         << R"("title":"Mt Gox files for bankruptcy","text":"Mt Gox filed for bankruptcy )"
         << R"(protection in Tokyo after losing customer bitcoins."})"
         << "\n"
         << R"({"url":"u2","source":"Daily","lang":"en","published":"2014-03-10",)"
         << R"("title":"Mt Gox customers wait","text":"Customers of Mt Gox are still waiting )"
         << R"(for news from the exchange in Tokyo."})"
         << "\n"
         << R"({"url":"u3","source":"Wire","lang":"en","published":"2014-04-02",)"
         << R"("title":"Icahn buys Apple shares","text":"Carl Icahn said he bought more )"
         << R"(Apple shares and called the stock cheap."})"
         << "\n";
    feed.close();
    CliRun run = Depeche("ingest '" + (*dir_ / "feed.jsonl").string() + "' --db " + Db());
    ASSERT_EQ(run.code, 0) << run.out;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string Db() {
    std::string out = "'";
    out += DbAt(*dir_ / "d.db");
    out += '\'';
    return out;
  }

  // The titles `search ARGS --json` returns.
  static std::set<std::string> Titles(const std::string& args) {
    CliRun run = Depeche("--db " + Db() + " search " + args + " --json");
    EXPECT_EQ(run.code, 0) << args << ": " << run.out;
    std::set<std::string> titles;
    if (run.code != 0) return titles;
    auto hits = nlohmann::json::parse(run.out);
    EXPECT_TRUE(hits.is_array());
    for (const auto& hit : hits) titles.insert(hit["title"].get<std::string>());
    return titles;
  }

  static fs::path* dir_;
};

fs::path* SearchCliTest::dir_ = nullptr;

TEST_F(SearchCliTest, ExclusionsWithDashOrNot) {
  const std::set<std::string> waiting = {"Mt Gox customers wait"};
  EXPECT_EQ(Titles("gox -bankruptcy"), waiting);
  EXPECT_EQ(Titles("gox NOT bankruptcy"), waiting);
  EXPECT_EQ(Titles("'gox -bankruptcy'"), waiting);
  EXPECT_EQ(Titles("tokyo -'filed for'"), waiting);
}

TEST_F(SearchCliTest, OrPhrasesAndPrefixes) {
  EXPECT_EQ(Titles("'gox OR icahn'").size(), 3u);
  EXPECT_EQ(Titles("gox OR icahn").size(), 3u);
  EXPECT_EQ(Titles("'\"gox files\"'"), std::set<std::string>{"Mt Gox files for bankruptcy"});
  EXPECT_EQ(Titles("'bankr*'"), std::set<std::string>{"Mt Gox files for bankruptcy"});
}

TEST_F(SearchCliTest, Filters) {
  EXPECT_EQ(Titles("gox OR icahn --source Wire").size(), 2u);
  EXPECT_EQ(Titles("gox OR icahn --since 2014-03").size(), 2u);
  EXPECT_EQ(Titles("gox OR icahn --until 2014-03-10").size(), 2u);
  EXPECT_EQ(Titles("gox OR icahn --since 2014-03 --until 2014-03").size(), 1u);
  EXPECT_TRUE(Titles("gox --lang fr").empty());
}

TEST_F(SearchCliTest, RepeatedWordsAreFoldedOnce) {
  std::string query = "'";
  for (int i = 0; i < 2500; ++i) query += "gox ";
  EXPECT_EQ(Titles(query + "'").size(), 2u);
}

TEST_F(SearchCliTest, JsonHasTheFieldsOfArticlesPlusSnippetScoreCopies) {
  CliRun articles = Depeche("--db " + Db() + " articles --json");
  ASSERT_EQ(articles.code, 0) << articles.out;
  const nlohmann::json listed = nlohmann::json::parse(articles.out);
  ASSERT_FALSE(listed.empty());
  std::set<std::string> expected;
  for (const auto& [key, value] : listed[0].items()) expected.insert(key);
  expected.insert({"snippet", "score", "copies"});
  CliRun search = Depeche("--db " + Db() + " search icahn --json");
  ASSERT_EQ(search.code, 0) << search.out;
  auto hits = nlohmann::json::parse(search.out);
  ASSERT_EQ(hits.size(), 1u);
  std::set<std::string> keys;
  for (const auto& [key, value] : hits[0].items()) keys.insert(key);
  EXPECT_EQ(keys, expected);
  EXPECT_EQ(hits[0]["copies"], 0);
  EXPECT_NE(hits[0]["snippet"].get<std::string>().find("[Icahn]"), std::string::npos);
}

}  // namespace
}  // namespace depeche
