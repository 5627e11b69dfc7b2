// CLI conventions: read commands never create or write a database, typos get suggestions,
// messages carry no status codes, defaults show in --help, articles are found by id, prefix,
// URL or feed id, and shell completion is generated.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.h"

namespace depeche {
namespace {

namespace fs = std::filesystem;
using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::Depeche;
using testing_util::FreshDir;

std::string Quoted(const fs::path& p) {
  std::string out = "'";
  out += p.string();
  out += '\'';
  return out;
}

// A folder with d.db holding two JSONL articles (with URL and feed id).
fs::path MakeDb(const std::string& name) {
  fs::path dir = FreshDir(name);
  std::ofstream(dir / "feed.jsonl")
      << R"({"id":"feed-17","url":"https://example.org/harvest","source":"Example",)"
      << R"("title":"Harvest","text":"The wheat harvest was late this year in the north."})"
      << "\n"
      << R"({"id":"feed-18","url":"https://example.org/rain","source":"Example",)"
      << R"("title":"Rain","text":"Heavy rain flooded the valley roads on Monday."})"
      << "\n";
  CliRun run =
      Depeche("ingest " + Quoted(dir / "feed.jsonl") + " --db " + Quoted(DbAt(dir / "d.db")));
  EXPECT_EQ(run.code, 0) << run.out;
  return dir;
}

int CountEntries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(CliConventionsTest, ReadCommandsNeverCreateADatabase) {
  fs::path dir = FreshDir("cli_nodb");
  const fs::path db = dir / "typo.db";
  for (const char* command :
       {"stats", "search wheat", "articles", "show 0123456789abcdef", "stories",
        "story 0123456789abcdef", "dups", "entities", "entity 0123456789abcdef"}) {
    CliRun run = Depeche("--db " + Quoted(db) + " " + command);
    EXPECT_EQ(run.code, 2) << command << ": " << run.out;
    EXPECT_NE(run.out.find(db.string()), std::string::npos) << command << ": " << run.out;
    EXPECT_FALSE(fs::exists(db)) << command;
    EXPECT_EQ(CountEntries(dir), 0) << command;
  }
}

TEST(CliConventionsTest, ReadCommandsLeaveNoFilesAndWorkInAReadOnlyFolder) {
  DEPECHE_SKIP_ON_POSTGRES("database files in a read-only folder");
  fs::path dir = MakeDb("cli_ro");
  fs::remove(dir / "feed.jsonl");
  ASSERT_EQ(CountEntries(dir), 1);  // d.db, no -wal or -shm after the ingest closed
  const std::string db = DbAt(dir / "d.db");
  ::chmod(db.c_str(), 0444);
  ::chmod(dir.c_str(), 0555);
  for (const char* command :
       {"stats", "search wheat", "articles", "show feed-17", "stories", "dups", "entities"}) {
    CliRun run = Depeche("--db '" + db + "' " + command);
    EXPECT_EQ(run.code, 0) << command << ": " << run.out;
    EXPECT_EQ(CountEntries(dir), 1) << command;
  }
  ::chmod(dir.c_str(), 0755);
  ::chmod(db.c_str(), 0644);
  // The owner can still write: nothing the readers did is in the way.
  std::ofstream(dir / "more.jsonl") << R"({"text":"A third article about the wheat market."})"
                                    << "\n";
  CliRun ingest = Depeche("ingest " + Quoted(dir / "more.jsonl") + " --db '" + db + "'");
  EXPECT_EQ(ingest.code, 0) << ingest.out;
}

TEST(CliConventionsTest, TyposGetSuggestions) {
  CliRun run = Depeche("storys");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("unknown command storys; did you mean stories?"), std::string::npos)
      << run.out;
  run = Depeche("serch wheat");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("did you mean search?"), std::string::npos) << run.out;
  run = Depeche("search wheat --limt 3");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("unknown option --limt; did you mean --limit?"), std::string::npos)
      << run.out;
  run = Depeche("eval clustr --data x");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("did you mean cluster?"), std::string::npos) << run.out;
  run = Depeche("");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.out.find("give a command"), std::string::npos) << run.out;
}

TEST(CliConventionsTest, MessagesCarryNoStatusCodes) {
  fs::path dir = MakeDb("cli_msgs");
  const std::string db = " --db " + Quoted(DbAt(dir / "d.db"));
  std::ofstream(dir / "garbage.db") << "this is not an SQLite database, not at all\n";
  const std::string garbage = " --db " + Quoted(dir / "garbage.db");
  for (const std::string& command :
       {"show 0123" + db, "show ffffffffff" + db, "search '\"'" + db,
        "search wheat --since yesterday" + db, "story ffffffff" + db,
        "search wheat --story ffffffff" + db, "stories --since yesterday" + db, "stats" + garbage,
        "articles" + garbage}) {
    CliRun run = Depeche(command);
    EXPECT_NE(run.code, 0) << command;
    for (const char* code : {"INVALID_ARGUMENT", "NOT_FOUND", "FAILED_PRECONDITION", "INTERNAL",
                             "UNAVAILABLE", "DATA_LOSS"}) {
      EXPECT_EQ(run.out.find(code), std::string::npos) << command << ": " << run.out;
    }
  }
}

TEST(CliConventionsTest, HelpShowsDefaults) {
  CliRun run = Depeche("search --help");
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("=10"), std::string::npos) << run.out;
  run = Depeche("articles --help");
  EXPECT_NE(run.out.find("=50"), std::string::npos) << run.out;
}

TEST(CliConventionsTest, ShowTakesIdPrefixUrlAndFeedId) {
  fs::path dir = MakeDb("cli_show");
  const std::string db = " --db " + Quoted(DbAt(dir / "d.db")) + " --json";
  CliRun by_url = Depeche("show https://example.org/harvest" + db);
  ASSERT_EQ(by_url.code, 0) << by_url.out;
  auto article = nlohmann::json::parse(by_url.out);
  EXPECT_EQ(article["title"], "Harvest");
  const std::string id = article["id"];
  for (const std::string& key : {id, id.substr(0, 8), std::string("feed-17")}) {
    CliRun run = Depeche("show " + key + db);
    ASSERT_EQ(run.code, 0) << key << ": " << run.out;
    EXPECT_EQ(nlohmann::json::parse(run.out)["id"], id) << key;
  }
  CliRun missing = Depeche("show https://example.org/none" + db);
  EXPECT_EQ(missing.code, 2) << missing.out;
}

TEST(CliConventionsTest, StoryTakesItsIdOrAnArticlesIdUrlOrFeedId) {
  fs::path dir = MakeDb("cli_story");
  const std::string db = " --db " + Quoted(DbAt(dir / "d.db")) + " --json";
  CliRun show = Depeche("show feed-18" + db);
  ASSERT_EQ(show.code, 0) << show.out;
  const std::string article_id = nlohmann::json::parse(show.out)["id"];
  CliRun by_url = Depeche("story https://example.org/rain" + db);
  ASSERT_EQ(by_url.code, 0) << by_url.out;
  auto story = nlohmann::json::parse(by_url.out);
  const std::string story_id = story["id"];
  bool found = false;
  for (const auto& a : story["articles"]) found = found || a["id"] == article_id;
  EXPECT_TRUE(found) << by_url.out;
  for (const std::string& key :
       {story_id, story_id.substr(0, 8), article_id, std::string("feed-18")}) {
    CliRun run = Depeche("story " + key + db);
    ASSERT_EQ(run.code, 0) << key << ": " << run.out;
    EXPECT_EQ(nlohmann::json::parse(run.out)["id"], story_id) << key;
  }
}

TEST(CliConventionsTest, CompletionScriptsComeFromTheCommandLine) {
  fs::path dir = FreshDir("cli_completion");
  CliRun bash = Depeche("completion bash");
  ASSERT_EQ(bash.code, 0) << bash.out;
  for (const char* word : {"stories", "search", "--limit", "--since", "cluster", "--db"}) {
    EXPECT_NE(bash.out.find(word), std::string::npos) << word;
  }
  std::ofstream(dir / "depeche.bash") << bash.out;
  // The script loads, and completes "depeche sto" to the commands starting with "sto".
  std::ofstream(dir / "check.sh")
      << "source '" << (dir / "depeche.bash").string() << "'\n"
      << "COMP_WORDS=(depeche sto); COMP_CWORD=1; _depeche; echo \"${COMPREPLY[*]}\"\n"
      << "COMP_WORDS=(depeche search oil --li); COMP_CWORD=3; _depeche; "
         "echo \"${COMPREPLY[*]}\"\n"
      << "COMP_WORDS=(depeche eval cl); COMP_CWORD=2; _depeche; echo \"${COMPREPLY[*]}\"\n";
  std::string cmd = "bash '" + (dir / "check.sh").string() + "' 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  EXPECT_EQ(pclose(p), 0) << out;
  EXPECT_EQ(out, "stories story\n--limit\ncluster\n");

  CliRun zsh = Depeche("completion zsh");
  ASSERT_EQ(zsh.code, 0) << zsh.out;
  EXPECT_EQ(zsh.out.rfind("#compdef depeche", 0), 0u);
  for (const char* word : {"stories", "--limit", "_depeche_eval_cluster"}) {
    EXPECT_NE(zsh.out.find(word), std::string::npos) << word;
  }
  if (std::system("command -v zsh > /dev/null 2>&1") == 0) {
    std::ofstream(dir / "_depeche") << zsh.out;
    EXPECT_EQ(std::system(("zsh -n '" + (dir / "_depeche").string() + "'").c_str()), 0);
  }
  EXPECT_EQ(Depeche("completion fish").code, 2);
}

}  // namespace
}  // namespace depeche
