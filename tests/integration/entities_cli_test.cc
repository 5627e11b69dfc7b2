// depeche entities, entity, and the entities of story, show and search --entity, on a
// database whose entities are recorded through the store's API (entity_seed.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "entity_seed.h"
#include "test_util.h"

namespace depeche {
namespace {

namespace fs = std::filesystem;
using extract::EntityType;
using testing_util::CliRun;
using testing_util::DbAt;
using testing_util::FreshDir;
using testing_util::SeedEntities;

constexpr uint64_t kBlinken = 0x1a2b3c4d5e6f7081;
constexpr uint64_t kBlinkin = 0x1a2b3c4d5e000000;  // the same prefix for 10 digits
constexpr uint64_t kUkraine = 0x2b3c4d5e6f708192;
constexpr uint64_t kLavrov = 0x3c4d5e6f708192a3;

class EntitiesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("entities_cli");
    db_path_ = DbAt(dir_ / "d.db");
    std::ofstream feed(dir_ / "feed.jsonl");
    auto record = [&](nlohmann::json j) { feed << j.dump() << "\n"; };
    record({{"id", "f1"},
            {"source", "Agence A"},
            {"title", "Blinken à Kyiv"},
            {"published", "2022-01-19"},
            {"lang", "fr"},
            {"text",
             "Le secrétaire d'État Antony Blinken est arrivé mercredi en Ukraine. M. Blinken "
             "doit rencontrer le président ukrainien avant de voir Sergueï Lavrov à Genève."}});
    record({{"id", "f2"},
            {"source", "Wire B"},
            {"title", "Blinkin meets Lavrov"},
            {"published", "2022-01-21"},
            {"lang", "en"},
            {"text",
             "Secretary of State Blinkin met Sergei Lavrov in Geneva on Friday to discuss "
             "Ukraine, where tensions remain high."}});
    record({{"id", "f3"},
            {"source", "Wire B"},
            {"published", "2022-01-22"},
            {"text", "The wheat harvest in the north was late this year because of the rain."}});
    feed.close();
    CliRun ingest = Run("ingest --no-entities '" + (dir_ / "feed.jsonl").string() + "'");
    ASSERT_EQ(ingest.code, 0) << ingest.out;
    SeedEntities(
        db_path_, "f1",
        {{kBlinken, EntityType::kPerson, "Antony Blinken", {"Blinken", "M. Blinken"}, 0.9f, {}},
         {kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.5f, {}},
         {kLavrov, EntityType::kPerson, "Sergueï Lavrov", {"Sergueï Lavrov"}, 0.3f, {}}});
    SeedEntities(
        db_path_, "f2",
        {{kBlinkin, EntityType::kPerson, "Blinkin", {"Blinkin"}, 0.9f, {}},
         {kLavrov, EntityType::kPerson, "Sergueï Lavrov", {"Lavrov", "Sergei Lavrov"}, 0.8f, {}},
         {kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.2f, {}}});
  }

  CliRun Run(const std::string& args, bool with_stderr = true) {
    return testing_util::Depeche("--db '" + db_path_ + "' " + args, "", with_stderr);
  }
  nlohmann::json Json(const std::string& args) { return testing_util::DepecheJson(db_path_, args); }

  fs::path dir_;
  std::string db_path_;
};

// entities --name: every word starts a word of the name or an alias; accents and case ignored.
TEST_F(EntitiesCliTest, NameFilterMatchesWordPrefixesOfNamesAndAliases) {
  auto names = [&](const std::string& args) {
    std::vector<std::string> out;
    for (const auto& e : Json("entities " + args)) out.push_back(e["name"]);
    return out;
  };
  EXPECT_EQ(names("--name blink"), (std::vector<std::string>{"Antony Blinken", "Blinkin"}));
  EXPECT_EQ(names("--name BLINKE"), std::vector<std::string>{"Antony Blinken"});
  EXPECT_EQ(names("--name 'm. blinken'"), std::vector<std::string>{"Antony Blinken"});  // alias
  EXPECT_EQ(names("--name serguei"), std::vector<std::string>{"Sergueï Lavrov"});       // folded
  EXPECT_EQ(names("--name 'sergei lav'"), std::vector<std::string>{"Sergueï Lavrov"});
  EXPECT_TRUE(names("--name avrov").empty());  // not the start of a word
  EXPECT_TRUE(names("--name blink --type place").empty());
  EXPECT_EQ(names("--name blink --since 2022-01-20"), std::vector<std::string>{"Blinkin"});
  CliRun table = Run("entities --name ukr");
  EXPECT_NE(table.out.find("1 entity (sorted by articles)"), std::string::npos) << table.out;
  EXPECT_EQ(Run("entities --name ' - '").code, 2);
}

TEST_F(EntitiesCliTest, ListsByArticlesWithAliasesTotalsAndFilters) {
  CliRun all = Run("entities");
  ASSERT_EQ(all.code, 0) << all.out;
  // Ukraine and Lavrov: 2 articles each, by name; then the two Blinkens, 1 each.
  const size_t lavrov = all.out.find("Sergueï Lavrov");
  const size_t ukraine = all.out.find("  Ukraine\n");
  const size_t antony = all.out.find("Antony Blinken");
  ASSERT_NE(lavrov, std::string::npos) << all.out;
  ASSERT_NE(ukraine, std::string::npos) << all.out;
  ASSERT_NE(antony, std::string::npos) << all.out;
  EXPECT_LT(lavrov, ukraine);
  EXPECT_LT(ukraine, antony);
  EXPECT_NE(all.out.find("Sergei Lavrov (1)"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("4 entities (sorted by articles)"), std::string::npos) << all.out;

  CliRun two = Run("entities -n 2");
  EXPECT_NE(two.out.find("2 of 4 entities shown (sorted by articles); -n N shows more"),
            std::string::npos)
      << two.out;

  nlohmann::json people = Json("entities --type person");
  ASSERT_EQ(people.size(), 3u);
  for (const auto& e : people) EXPECT_EQ(e["type"], "person");
  EXPECT_EQ(people[0]["name"], "Sergueï Lavrov");
  EXPECT_EQ(people[0]["article_count"], 2);
  EXPECT_EQ(people[0]["mention_count"], 3);

  nlohmann::json recent = Json("entities --since 2022-01-20");
  ASSERT_EQ(recent.size(), 3u);  // Antony Blinken only in the article of the 19th
  for (const auto& e : recent) {
    EXPECT_NE(e["name"], "Antony Blinken");
    EXPECT_EQ(e["article_count"], 1);
  }

  // The story of f1: its entities, counted within it.
  nlohmann::json shown = Json("show f1");
  ASSERT_EQ(shown["entities"].size(), 3u);
  nlohmann::json story = Json("story f1");
  nlohmann::json in_story = Json("entities --story " + story["id"].get<std::string>().substr(0, 8));
  ASSERT_FALSE(in_story.empty());
  for (const auto& e : in_story) {
    EXPECT_LE(e["article_count"].get<int>(), story["article_count"].get<int>());
  }

  CliRun bad = Run("entities --type planet");
  EXPECT_EQ(bad.code, 2) << bad.out;
  CliRun bad_date = Run("entities --since yesterday");
  EXPECT_EQ(bad_date.code, 2) << bad_date.out;
  EXPECT_NE(bad_date.out.find("yesterday"), std::string::npos) << bad_date.out;
}

TEST_F(EntitiesCliTest, EntityByIdPrefixOrNameWithArticlesAndStories) {
  nlohmann::json by_name = Json("entity 'sergei lavrov'");  // an alias, case ignored
  EXPECT_EQ(by_name["id"], "3c4d5e6f708192a3");
  EXPECT_EQ(by_name["name"], "Sergueï Lavrov");
  EXPECT_EQ(by_name["article_count"], 2);
  ASSERT_EQ(by_name["articles"].size(), 2u);
  EXPECT_EQ(by_name["articles"][0]["published"], "2022-01-21");  // newest first
  EXPECT_GE(by_name["story_count"].get<int>(), 1);
  EXPECT_EQ(by_name["stories"].size(), by_name["story_count"].get<size_t>());

  nlohmann::json by_prefix = Json("entity 3C4D5E");
  EXPECT_EQ(by_prefix["id"], "3c4d5e6f708192a3");

  CliRun ambiguous = Run("entity 1a2b3c4d5e");
  EXPECT_EQ(ambiguous.code, 2) << ambiguous.out;
  EXPECT_NE(ambiguous.out.find("ambiguous"), std::string::npos) << ambiguous.out;
  EXPECT_NE(ambiguous.out.find("Blinkin"), std::string::npos) << ambiguous.out;

  CliRun readable = Run("entity Ukraine");
  ASSERT_EQ(readable.code, 0) << readable.out;
  EXPECT_NE(readable.out.find("2b3c4d5e6f708192"), std::string::npos) << readable.out;
  EXPECT_NE(readable.out.find("Articles (2 of 2, newest first)"), std::string::npos)
      << readable.out;

  CliRun missing = Run("entity Nobody");
  EXPECT_EQ(missing.code, 2) << missing.out;
  EXPECT_NE(missing.out.find("no entity \"Nobody\""), std::string::npos) << missing.out;
}

TEST_F(EntitiesCliTest, MergedEntityAnswersWithTheOlderId) {
  // A third article brings the evidence that Blinkin is Antony Blinken.
  std::ofstream(dir_ / "more.jsonl")
      << R"({"id":"f4","title":"Blinken again","published":"2022-01-23",)"
      << R"("text":"Antony Blinken, whom some spelled Blinkin, flew home."})"
      << "\n";
  ASSERT_EQ(Run("ingest --no-entities '" + (dir_ / "more.jsonl").string() + "'").code, 0);
  SeedEntities(db_path_, "f4",
               {{kBlinken,
                 EntityType::kPerson,
                 "Antony Blinken",
                 {"Antony Blinken", "Blinkin"},
                 1.0f,
                 {kBlinkin}}});
  nlohmann::json merged = Json("entity 1a2b3c4d5e000000");
  EXPECT_EQ(merged["id"], "1a2b3c4d5e6f7081");
  EXPECT_EQ(merged["article_count"], 3);
  EXPECT_EQ(merged["merged_from"], nlohmann::json::array({"1a2b3c4d5e000000"}));
  bool blinkin_alias = false;
  for (const auto& a : merged["aliases"]) blinkin_alias = blinkin_alias || a["name"] == "Blinkin";
  EXPECT_TRUE(blinkin_alias) << merged.dump();
  // The prefix is no longer ambiguous: both ids are one entity now.
  EXPECT_EQ(Json("entity 1a2b3c4d5e")["id"], "1a2b3c4d5e6f7081");
  nlohmann::json list = Json("entities --type person");
  EXPECT_EQ(list.size(), 2u);
  // The article of f2 now names the survivor.
  nlohmann::json f2 = Json("show f2");
  bool survivor = false;
  for (const auto& e : f2["entities"]) survivor = survivor || e["id"] == "1a2b3c4d5e6f7081";
  EXPECT_TRUE(survivor) << f2["entities"].dump();
}

TEST_F(EntitiesCliTest, StoryShowAndSearchUseTheEntities) {
  CliRun show = Run("show f1");
  ASSERT_EQ(show.code, 0) << show.out;
  EXPECT_NE(show.out.find("entity     Antony Blinken [person, 0.90, 2 mentions] 1a2b3c4d5e6f7081"),
            std::string::npos)
      << show.out;
  CliRun story = Run("story f2");
  ASSERT_EQ(story.code, 0) << story.out;
  EXPECT_NE(story.out.find("entities"), std::string::npos) << story.out;
  EXPECT_NE(story.out.find("Sergueï Lavrov (person, "), std::string::npos) << story.out;
  nlohmann::json story_json = Json("story f2");
  ASSERT_FALSE(story_json["entities"].empty());
  double last = 1e9;
  for (const auto& e : story_json["entities"]) {  // by summed salience
    EXPECT_LE(e["salience"].get<double>(), last);
    last = e["salience"];
  }

  // search --entity keeps the articles naming it, by id, prefix or name.
  nlohmann::json all = Json("search Geneva OR Genève OR wheat");
  EXPECT_EQ(all.size(), 3u);
  for (const char* key : {"'Sergueï Lavrov'", "3c4d5e6f708192a3", "3c4d5e6f"}) {
    nlohmann::json hits = Json(std::string("search Geneva OR Genève OR wheat --entity ") + key);
    EXPECT_EQ(hits.size(), 2u) << key;
  }
  nlohmann::json blinkin = Json("search Geneva OR Genève --entity Blinkin");
  ASSERT_EQ(blinkin.size(), 1u);
  CliRun unknown = Run("search wheat --entity Nobody");
  EXPECT_EQ(unknown.code, 2) << unknown.out;
}

TEST_F(EntitiesCliTest, TyposAndCompletionKnowTheCommands) {
  CliRun typo = Run("entitys");
  EXPECT_EQ(typo.code, 2);
  EXPECT_NE(typo.out.find("unknown command entitys; did you mean entities?"), std::string::npos)
      << typo.out;
  CliRun option = Run("entities --typ person");
  EXPECT_NE(option.out.find("did you mean --type?"), std::string::npos) << option.out;
  CliRun help = Run("entities --help");
  EXPECT_NE(help.out.find("=50"), std::string::npos) << help.out;  // the default -n
  CliRun bash = testing_util::Depeche("completion bash");
  EXPECT_NE(bash.out.find("entities"), std::string::npos);
  EXPECT_NE(bash.out.find("--entity"), std::string::npos);
}

}  // namespace
}  // namespace depeche
