#include "engine/story_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/article_resolver.h"
#include "extract/gazetteer_matcher.h"
#include "extract/test_gazetteer.h"
#include "story/story_input.h"

namespace depeche::engine {
namespace {

using extract::testing::DataGazetteer;

Article Make(std::string lang, std::string text, std::string title = "") {
  Article a;
  a.lang = std::move(lang);
  a.text = std::move(text);
  a.title = std::move(title);
  return a;
}

std::vector<story::NameFeature> NamesOf(const Article& a) {
  const extract::Gazetteer& g = DataGazetteer();
  return StoryNamesOf(g, a, extract::ResolveArticle(g, a, extract::MatchGazetteer(g, a)));
}

const story::NameFeature* Displayed(const std::vector<story::NameFeature>& names,
                                    std::string_view display) {
  for (const story::NameFeature& n : names) {
    if (n.display == display) return &n;
  }
  return nullptr;
}

TEST(StoryNamesTest, SpellingsAndLanguagesOfOneEntityShareAKey) {
  const auto fr = NamesOf(Make("fr",
                               "Antony Blinken a rencontré son homologue à Genève. La Russie "
                               "masse des troupes. M. Blinken a parlé."));
  const auto en = NamesOf(Make("en",
                               "Anthony Blinken met his counterpart. Russia is massing "
                               "troops, Blinken said."));
  const story::NameFeature* blinken_fr = Displayed(fr, "Antony Blinken");
  const story::NameFeature* blinken_en = Displayed(en, "Anthony Blinken");
  ASSERT_NE(blinken_fr, nullptr);
  ASSERT_NE(blinken_en, nullptr);
  EXPECT_EQ(blinken_fr->key, "person:blinken");
  EXPECT_EQ(blinken_fr->key, blinken_en->key);
  EXPECT_EQ(blinken_fr->mentions.size(), 2u);  // "M. Blinken" is the same person
  const story::NameFeature* russia_fr = Displayed(fr, "Russie");
  const story::NameFeature* russia_en = Displayed(en, "Russia");
  ASSERT_NE(russia_fr, nullptr);
  ASSERT_NE(russia_en, nullptr);
  EXPECT_EQ(russia_fr->key, "ref:iso3166:RU");
  EXPECT_EQ(russia_fr->key, russia_en->key);
}

TEST(StoryNamesTest, MentionsAreMappedToTheStoryInputAndBoilerplateIsLeftOut) {
  const std::string credit = "Photo : Antony Blinken à Genève, par un photographe.";
  Article a = Make("fr", "La Russie et l'Ukraine.\n\n" + credit + "\n\nSergueï Lavrov a parlé.");
  const uint32_t begin = static_cast<uint32_t>(a.text.find("Photo"));
  a.boilerplate.push_back({{begin, begin + static_cast<uint32_t>(credit.size())}, "credit"});
  const auto names = NamesOf(a);
  EXPECT_EQ(Displayed(names, "Antony Blinken"), nullptr);  // only in the credit
  EXPECT_EQ(Displayed(names, "Genève"), nullptr);
  const story::NameFeature* lavrov = Displayed(names, "Sergueï Lavrov");
  ASSERT_NE(lavrov, nullptr);
  ASSERT_EQ(lavrov->mentions.size(), 1u);
  const story::StoryInput input = story::StoryInputOf(a);
  const story::NameMention& m = lavrov->mentions[0];
  EXPECT_FALSE(m.in_title);
  EXPECT_EQ(input.text.substr(m.begin, m.end - m.begin), "Sergueï Lavrov");
}

TEST(StoryNamesTest, ATitleThatOpensTheTextIsNotCountedTwice) {
  const auto separate = NamesOf(Make("fr", "Sergueï Lavrov a parlé à Genève.", "Lavrov à Genève"));
  const auto opening = NamesOf(Make("fr", "Sergueï Lavrov a parlé à Genève. Il a dit non.",
                                    "Sergueï Lavrov a parlé à Genève."));
  const story::NameFeature* with_title = Displayed(separate, "Sergueï Lavrov");
  const story::NameFeature* without = Displayed(opening, "Sergueï Lavrov");
  ASSERT_NE(with_title, nullptr);
  ASSERT_NE(without, nullptr);
  EXPECT_EQ(with_title->mentions.size(), 2u);
  ASSERT_EQ(without->mentions.size(), 1u);
  EXPECT_FALSE(without->mentions[0].in_title);
}

}  // namespace
}  // namespace depeche::engine
