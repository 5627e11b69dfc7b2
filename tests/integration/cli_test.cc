// The depeche command as a user runs it: exit codes, --json outputs, stdin.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace depeche {
namespace {

using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::Depeche;
using testing_util::FreshDir;
using testing_util::SeedsDir;

TEST(CliTest, IngestSearchShowStatsWithJson) {
  if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
  std::string db = DbAt(FreshDir("cli") / "d.db");
  CliRun ingest = Depeche("ingest '" + SeedsDir().string() + "' --db '" + db + "' --json");
  ASSERT_EQ(ingest.code, 0) << ingest.out;
  auto report = nlohmann::json::parse(ingest.out);
  EXPECT_EQ(report["inserted"], 5);

  CliRun again = Depeche("ingest '" + SeedsDir().string() + "' --db '" + db + "'");
  ASSERT_EQ(again.code, 0) << again.out;
  EXPECT_NE(again.out.find("already stored: 5"), std::string::npos) << again.out;

  CliRun search = Depeche("--db '" + db + "' search negociations geneve --json");
  ASSERT_EQ(search.code, 0) << search.out;
  auto hits = nlohmann::json::parse(search.out);
  ASSERT_TRUE(hits.is_array());
  ASSERT_FALSE(hits.empty());
  // The top hit on SQLite (bm25); PostgreSQL's ts_rank may put another article first
  // (docs/ARCHITECTURE.md, "Store backends"), so the article is looked up among the hits.
  std::string id = hits[0]["id"];
  for (const auto& hit : hits) {
    if (hit["path"].get<std::string>().find("seeds/003_") != std::string::npos) {
      if (store::testing_util::TestsOnPostgres()) id = hit["id"];
      break;
    }
  }

  CliRun show = Depeche("show " + id.substr(0, 8) + " --db '" + db + "' --json");
  ASSERT_EQ(show.code, 0) << show.out;
  auto article = nlohmann::json::parse(show.out);
  EXPECT_EQ(article["id"], id);
  EXPECT_EQ(article["lang"], "fr");
  EXPECT_NE(article["path"].get<std::string>().find("seeds/003_"), std::string::npos);

  CliRun stats = Depeche("stats --db '" + db + "' --json");
  ASSERT_EQ(stats.code, 0) << stats.out;
  EXPECT_EQ(nlohmann::json::parse(stats.out)["article_count"], 5);

  CliRun list = Depeche("articles --db '" + db + "'");
  ASSERT_EQ(list.code, 0);
  EXPECT_NE(list.out.find("seeds/001_"), std::string::npos) << list.out;

  CliRun missing = Depeche("show ffffffffffff --db '" + db + "'");
  EXPECT_NE(missing.code, 0);
}

TEST(CliTest, BadInputGivesNonZeroExitAndNamesFileAndLine) {
  auto dir = FreshDir("cli_bad");
  std::ofstream(dir / "feed.jsonl")
      << "{\"text\":\"The harvest was late this year in the north.\"}\n"
      << "{oops\n";
  CliRun run =
      Depeche("ingest '" + (dir / "feed.jsonl").string() + "' --db '" + DbAt(dir / "d.db") + "'");
  EXPECT_EQ(run.code, 1) << run.out;
  EXPECT_NE(run.out.find("feed.jsonl:2: error: not valid JSON"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("new: 1"), std::string::npos) << run.out;
}

TEST(CliTest, StdinJsonlAndLanguageLines) {
  auto dir = FreshDir("cli_stdin");
  std::ofstream(dir / "in.jsonl") << "{\"url\":\"u1\",\"text\":\"Der Bundestag hat am Donnerstag "
                                     "ein neues Gesetz zur Energiepolitik beschlossen.\"}\n";
  CliRun ingest =
      Depeche("ingest - --json --db '" + DbAt(dir / "d.db") + "'", (dir / "in.jsonl").string());
  ASSERT_EQ(ingest.code, 0) << ingest.out;
  EXPECT_EQ(nlohmann::json::parse(ingest.out)["inserted"], 1);

  std::ofstream(dir / "lines.txt") << "Le président a quitté Paris ce matin.\n"
                                   << "The president left London this morning.\n"
                                   << "El presidente salió de Madrid esta mañana.\n";
  CliRun lang = Depeche("lang", (dir / "lines.txt").string());
  ASSERT_EQ(lang.code, 0) << lang.out;
  EXPECT_EQ(lang.out, "fr\nen\nes\n");
}

}  // namespace
}  // namespace depeche
