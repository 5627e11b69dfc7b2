// The seeds' story through the engine (issue 12): its quotations grouped by speaker, the named
// speakers linked to their canonical entities, and the Russian troops counted across sources
// from about 100 000 (002, January) to more than 150 000 (004, February), each figure with its
// article and date.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "depeche/engine.h"
#include "test_util.h"

namespace depeche {
namespace {

class SeedsStoryFactsTest : public testing_util::SeedsStoryTest {
 protected:
  void SetUp() override {
    SeedsStoryTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // The sanitizer build trains no NER model: the gazetteers alone find fewer people.
    ner_models_ = std::find(report_.ner_languages.begin(), report_.ner_languages.end(), "fr") !=
                  report_.ner_languages.end();
  }

  const SpeakerQuotes* Speaker(const std::string& name) const {
    for (const SpeakerQuotes& s : story_.quotes) {
      if (s.speaker == name) return &s;
    }
    return nullptr;
  }

  bool ner_models_ = false;
};

TEST_F(SeedsStoryFactsTest, QuotesAreGroupedByTheirSpeakersEntity) {
  std::vector<std::string> names = {"Antony Blinken", "Joe Biden", "Sergueï Lavrov"};
  if (ner_models_) names.push_back("Ned Price");  // in no gazetteer
  for (const std::string& name : names) {
    const SpeakerQuotes* s = Speaker(name);
    ASSERT_NE(s, nullptr) << name;
    EXPECT_EQ(s->speaker_kind, "entity") << name;
    EXPECT_FALSE(s->entity_id.empty()) << name;
    EXPECT_FALSE(s->quotes.empty()) << name;
  }
  // Blinken's quotes are in 002, among them his words on convincing the world.
  bool convince = false;
  const SpeakerQuotes* blinken = Speaker("Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  for (const StoryQuote& q : blinken->quotes) {
    convince = convince || q.text.find("actions et les actes, pas les mots") != std::string::npos;
  }
  EXPECT_TRUE(convince);
  // The unnamed State Department official of 000 and 001 is recorded as described, not named.
  int unnamed_officials = 0;
  for (const SpeakerQuotes& s : story_.quotes) {
    if (s.speaker_kind != "description") continue;
    EXPECT_TRUE(s.entity_id.empty());
    if (s.speaker.find("responsable") != std::string::npos ||
        s.speaker.find("fonctionnaire") != std::string::npos) {
      ++unnamed_officials;
    }
  }
  EXPECT_GE(unnamed_officials, 2);
  // Every source names an article of the story and the bytes of its quote's words.
  std::set<std::string> ids;
  for (const StoryArticle& a : story_.articles) ids.insert(a.id);
  for (const SpeakerQuotes& s : story_.quotes) {
    for (const StoryQuote& q : s.quotes) {
      ASSERT_FALSE(q.sources.empty());
      for (const FactSource& src : q.sources) {
        EXPECT_TRUE(ids.count(src.article_id)) << src.article_id;
        auto a = engine_->GetArticle(src.article_id);
        ASSERT_TRUE(a.ok());
        ASSERT_FALSE(src.spans.empty());
        const Span first = src.spans.front();
        ASSERT_LE(first.end, a->text.size());
        std::string words = a->text.substr(first.begin, first.end - first.begin);
        // The text is trimmed of the spaces (no-break ones too) inside the marks.
        const size_t from = words.find_first_not_of(" \n\t\xc2\xa0\xe2\x80\xaf");
        ASSERT_NE(from, std::string::npos);
        EXPECT_EQ(q.text.find(words.substr(from, 12)), 0u) << words;
      }
    }
  }
}

TEST_F(SeedsStoryFactsTest, TheTroopsAreCountedAcrossSourcesInDateOrder) {
  ASSERT_FALSE(story_.figures.empty());
  const FigureGroup& troops = story_.figures.front();  // read in the most articles
  EXPECT_EQ(troops.object, "soldat");
  EXPECT_EQ(troops.entity_name, "Russie");  // "soldats russes", "troupes russes"
  EXPECT_EQ(troops.article_count, 5);       // troupes, militaires, soldats: one object
  const StoryFigure* about_100k = nullptr;
  const StoryFigure* over_150k = nullptr;
  for (size_t i = 0; i < troops.figures.size(); ++i) {
    const StoryFigure& f = troops.figures[i];
    if (i > 0) {
      EXPECT_LE(troops.figures[i - 1].source.date, f.source.date);
    }
    if (f.value == 100000) about_100k = &f;
    if (f.value == 150000) over_150k = &f;
  }
  ASSERT_NE(about_100k, nullptr);
  ASSERT_NE(over_150k, nullptr);
  EXPECT_EQ(about_100k->bound, "approximate");
  EXPECT_EQ(about_100k->source.date, "2022-01-21");
  EXPECT_EQ(about_100k->text, "environ 100 000 soldats");
  EXPECT_EQ(over_150k->bound, "lower");
  EXPECT_EQ(over_150k->source.date, "2022-02-17");
  EXPECT_NE(over_150k->sentence.find("La Russie"), std::string::npos);
  EXPECT_LT(about_100k, over_150k);

  // The security aid of 003: 200 and 450 million dollars.
  const FigureGroup* dollars = nullptr;
  for (const FigureGroup& g : story_.figures) {
    if (g.object == "dollar") dollars = &g;
  }
  ASSERT_NE(dollars, nullptr);
  std::set<double> values;
  for (const StoryFigure& f : dollars->figures) values.insert(f.value);
  EXPECT_TRUE(values.count(2e8));
  EXPECT_TRUE(values.count(4.5e8));
}

}  // namespace
}  // namespace depeche

namespace depeche {
namespace {

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string LastWordOf(const std::string& name) {
  const size_t space = name.find_last_of(' ');
  return LowerAscii(space == std::string::npos ? name : name.substr(space + 1));
}

// The gold's named speakers (tests/fixtures/seeds_quotes.tsv, "unnamed: ..." left out) against
// the entity each found quotation's speaker is linked to when the article is read: linked to an
// entity whose name ends with the gold name's last word ("Blinken", "Lavrov", "Kremlin").
TEST_F(SeedsStoryFactsTest, NamedSpeakersAreLinkedToTheirEntities) {
  std::map<std::string, Article> by_file;
  auto list = engine_->Articles({});
  ASSERT_TRUE(list.ok());
  for (const ArticleSummary& s : *list) {
    auto a = engine_->GetArticle(s.id);
    ASSERT_TRUE(a.ok());
    by_file[std::filesystem::path(s.path).filename().string()] = *a;
  }
  int named = 0, found = 0, linked = 0;
  for (const std::vector<std::string>& row : testing_util::FixtureRows("seeds_quotes.tsv")) {
    if (row.size() < 5 || row[0][0] == '#' || row[4].rfind("unnamed", 0) == 0) continue;
    ++named;
    const Article& a = by_file.at(row[0]);
    // The gold's words (its offsets into the seed file), located in the stored text by their
    // first letters inside the marks.
    const std::string seed = testing_util::ReadSeed(row[0]);
    const size_t begin = std::stoul(row[1]), end = std::stoul(row[2]);
    ASSERT_LE(end, seed.size()) << row[0];
    const std::string words = seed.substr(begin, end - begin);
    const size_t from = words.find_first_not_of(" \"«»“”'\xc2\xa0\xe2\x80\xaf");
    if (from == std::string::npos) continue;
    const size_t at = a.text.find(words.substr(from, 24));
    if (at == std::string::npos) continue;
    const Quote* match = nullptr;
    for (const Quote& q : a.quotes) {
      for (const Span& c : q.content) {
        if (c.begin <= at + 4 && at < c.end) match = &q;
      }
    }
    if (match == nullptr) continue;
    ++found;
    if (!match->speaker_entity_name.empty() &&
        LastWordOf(match->speaker_entity_name) == LastWordOf(row[4])) {
      ++linked;
    } else if (std::getenv("DEPECHE_TEST_VERBOSE") != nullptr) {
      std::printf(
          "  %s %s: %s [%s] -> \"%s\"\n", row[0].substr(0, 3).c_str(), row[4].c_str(),
          match->speaker_kind.c_str(),
          a.text.substr(match->speaker.begin, match->speaker.end - match->speaker.begin).c_str(),
          match->speaker_entity_name.c_str());
    }
  }
  std::printf("seeds named speakers: %d gold, %d of them found, %d linked to their entity\n", named,
              found, linked);
  EXPECT_EQ(named, 57);
  // Floors: today's figures (docs/QUALITY.md, "Quotations"). Left: the ministry and a
  // communiqué of the State Department (no entity mention covers them), "Vous direz" (a
  // translation error for Liz Truss), one "il" taken as Ned Price for Joe Biden.
  EXPECT_GE(found, 54);
  // Without NER models (the sanitizer build) Ned Price, Josep Borrell and the Kremlin are no
  // entities: 41.
  EXPECT_GE(linked, ner_models_ ? 47 : 41);
}

}  // namespace
}  // namespace depeche
