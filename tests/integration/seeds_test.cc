// The five French seed articles, end to end: ingest, titles, dates, language, search, dedup.
#include <gtest/gtest.h>

#include <algorithm>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::FreshDir;
using testing_util::SeedsDir;

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds at " << SeedsDir();
    EngineConfig config;
    config.db_path = DbAt(FreshDir("seeds") / "depeche.db");
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
    auto report = engine_->Ingest({SeedsDir().string()}, {});
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    report_ = *report;
  }

  Article BySeedPrefix(const std::string& prefix) {
    auto list = engine_->Articles({});
    EXPECT_TRUE(list.ok());
    for (const auto& a : *list) {
      if (a.path.find("/" + prefix) != std::string::npos) {
        auto full = engine_->GetArticle(a.id);
        EXPECT_TRUE(full.ok());
        return *full;
      }
    }
    ADD_FAILURE() << "no article from seed " << prefix;
    return {};
  }

  std::unique_ptr<Engine> engine_;
  IngestReport report_;
};

TEST_F(SeedsTest, StoresFiveFrenchArticles) {
  EXPECT_EQ(report_.files, 5);
  EXPECT_EQ(report_.inserted, 5);
  EXPECT_EQ(report_.failed, 0);
  auto stats = engine_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5);
  EXPECT_EQ(stats->by_lang.at("fr"), 5);
  auto list = engine_->Articles({});
  ASSERT_TRUE(list.ok());
  for (const auto& a : *list) {
    EXPECT_EQ(a.lang, "fr") << a.path;
    EXPECT_FALSE(a.title.empty()) << a.path;
    EXPECT_LE(a.title.size(), 200u) << a.path;
    EXPECT_TRUE(a.path.starts_with("seeds/")) << a.path;
  }
}

TEST_F(SeedsTest, DateHintAndRunInHeadline) {
  Article a = BySeedPrefix("001_");
  EXPECT_EQ(a.published.iso, "2022-01");
  EXPECT_EQ(a.published.precision, DatePrecision::kMonth);
  EXPECT_EQ(a.title, "Situation en Ukraine – Blinken et Lavrov se rencontreront à Genève vendredi");
  EXPECT_EQ(a.text.find("date 2022-01"), std::string::npos);
  EXPECT_TRUE(a.text.starts_with("Le chef de la diplomatie")) << a.text.substr(0, 60);
}

TEST_F(SeedsTest, TitlesWithoutHeadlineComeFromTheFirstSentence) {
  for (const char* seed : {"000_", "002_", "003_", "004_"}) {
    Article a = BySeedPrefix(seed);
    ASSERT_FALSE(a.sentences.empty()) << seed;
    std::string first =
        a.text.substr(a.sentences[0].begin, a.sentences[0].end - a.sentences[0].begin);
    std::string stem = a.title;
    if (stem.ends_with("…")) stem.resize(stem.size() - std::string("…").size());
    EXPECT_TRUE(first.starts_with(stem))
        << seed << ": title '" << a.title << "' first '" << first << "'";
    EXPECT_FALSE(a.published.known()) << seed;
  }
}

TEST_F(SeedsTest, SentencesCoverTheText) {
  Article a = BySeedPrefix("002_");
  EXPECT_GT(a.sentences.size(), 30u);
  for (const Span& s : a.sentences) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, a.text.size());
    std::string sentence = a.text.substr(s.begin, s.end - s.begin);
    EXPECT_FALSE(sentence.ends_with(" M.")) << sentence;
    EXPECT_FALSE(sentence == "»") << "lone closing guillemet";
  }
}

TEST_F(SeedsTest, BoilerplateStaysStoredButLeavesTheAnalysis) {
  Article a = BySeedPrefix("002_");
  ASSERT_FALSE(a.boilerplate.empty());
  size_t call_to_action = a.text.find("Soutenez-nous");
  ASSERT_NE(call_to_action, std::string::npos) << "the original text is stored whole";
  bool covered = false;
  for (const BoilerplateSpan& b : a.boilerplate) {
    covered |= b.span.begin <= call_to_action && call_to_action < b.span.end;
  }
  EXPECT_TRUE(covered);
  for (const Span& s : a.sentences) {
    std::string sentence = a.text.substr(s.begin, s.end - s.begin);
    EXPECT_EQ(sentence.find("Soutenez-nous"), std::string::npos) << sentence;
    EXPECT_EQ(sentence.find("pic.twitter.com"), std::string::npos) << sentence;
  }
}

TEST_F(SeedsTest, AccentInsensitiveStemmedSearch) {
  auto hits = engine_->Search("negociations geneve", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_FALSE(hits->empty());
  // The order is bm25's on SQLite; PostgreSQL ranks with ts_rank (docs/ARCHITECTURE.md, "Store
  // backends"), whose top hit may be another article holding both words: there, the article is
  // among the hits.
  bool found = false;
  for (const auto& hit : *hits) {
    found |= hit.article.path.find("/003_") != std::string::npos &&
             hit.snippet.find("[") != std::string::npos;
  }
  EXPECT_TRUE(found);
  if (!store::testing_util::TestsOnPostgres()) {
    EXPECT_NE((*hits)[0].article.path.find("/003_"), std::string::npos) << (*hits)[0].article.path;
    EXPECT_NE((*hits)[0].snippet.find("["), std::string::npos);
  }
  auto none = engine_->Search("tremblement de terre au japon", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(SeedsTest, ReingestStoresNothingNew) {
  auto again = engine_->Ingest({SeedsDir().string()}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->inserted, 0);
  EXPECT_EQ(again->already_stored, 5);
  EXPECT_EQ(again->copies, 0);
  auto stats = engine_->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 5);
}

TEST_F(SeedsTest, IdsAreStableAcrossDatabases) {
  EngineConfig other;
  other.db_path = DbAt(FreshDir("seeds_again") / "depeche.db");
  auto engine = Engine::Open(other);
  ASSERT_TRUE(engine.ok());
  auto report = (*engine)->Ingest({SeedsDir().string()}, {});
  ASSERT_TRUE(report.ok());
  std::vector<std::string> a = report_.inserted_ids, b = report->inserted_ids;
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  EXPECT_EQ(a, b);
}

}  // namespace
}  // namespace depeche

namespace depeche {
namespace {

// Issue 10's reader check: the seeds' people and places, as extraction at ingest resolves them
// (with the build's NER models, or the gazetteers alone when none was trained).
TEST_F(SeedsTest, EntitiesMergeTheSeedsAliases) {
  EXPECT_TRUE(report_.entities) << report_.entities_note;
  EntityQuery query;
  query.limit = 1000;
  query.max_aliases = 100;
  auto entities = engine_->Entities(query);
  ASSERT_TRUE(entities.ok()) << entities.status().ToString();
  // One entity of `type` carries every form (as its name or an alias), and no other entity
  // carries any of them.
  auto names_of = [](const EntitySummary& e) {
    std::vector<std::string> names = {e.name};
    for (const EntityAlias& a : e.aliases) names.push_back(a.name);
    return names;
  };
  auto has = [&](const EntitySummary& e, const std::string& form) {
    const std::vector<std::string> names = names_of(e);
    return std::find(names.begin(), names.end(), form) != names.end();
  };
  auto expect_one = [&](const std::string& type, const std::vector<std::string>& forms) {
    const EntitySummary* found = nullptr;
    for (const EntitySummary& e : *entities) {
      if (has(e, forms[0])) found = &e;
    }
    ASSERT_NE(found, nullptr) << forms[0];
    EXPECT_EQ(found->type, type) << forms[0];
    for (const std::string& form : forms) {
      EXPECT_TRUE(has(*found, form)) << found->name << " lacks " << form;
      for (const EntitySummary& other : *entities) {
        if (&other == found) continue;
        EXPECT_FALSE(has(other, form)) << form << " is also " << other.name;
      }
    }
  };
  expect_one("person", {"Antony Blinken", "Anthony Blinken", "Blinken"});
  expect_one("person", {"Sergueï Lavrov", "Sergei Lavrov", "Lavrov"});
  expect_one("person", {"Joe Biden"});
  expect_one("place", {"Ukraine", "ukrainien", "ukrainienne"});
  expect_one("place", {"Russie", "russe"});
  expect_one("place", {"Genève"});
  expect_one("place", {"Bélarus", "Biélorussie"});
  // Months, weekdays and the words of institutions are not names on their own.
  for (const EntitySummary& e : *entities) {
    EXPECT_NE(e.name, "Affaires");
    EXPECT_NE(e.name, "vendredi");
    EXPECT_NE(e.name, "Vendredi");
    EXPECT_NE(e.name, "janvier");
  }
}

// The story's names are its resolved entities: one Antony Blinken, no "Affaires".
TEST_F(SeedsTest, TheStoryNamesItsParticipantsOnce) {
  auto seed = BySeedPrefix("001");
  auto story = engine_->GetStory(seed.id);
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  const std::vector<std::string>& names = story->top_names;
  auto count = [&](const std::string& name) {
    return std::count(names.begin(), names.end(), name);
  };
  EXPECT_EQ(count("Antony Blinken"), 1);
  EXPECT_EQ(count("Sergueï Lavrov"), 1);
  EXPECT_EQ(count("Anthony Blinken"), 0);
  EXPECT_EQ(count("Sergei Lavrov"), 0);
  EXPECT_EQ(count("Affaires"), 0);
}

}  // namespace
}  // namespace depeche
