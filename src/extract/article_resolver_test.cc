#include "extract/article_resolver.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "extract/gazetteer_matcher.h"
#include "extract/test_gazetteer.h"

namespace depeche::extract {
namespace {

using testing::DataGazetteer;
using testing::Fr;

const ArticleEntity* Named(const ArticleEntities& r, std::string_view name) {
  for (const ArticleEntity& e : r.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(ArticleResolverTest, SurnamesTyposAndDemonymsJoinTheirEntity) {
  Article a =
      Fr("Le secrétaire d'État Antony Blinken rencontrera Sergueï Lavrov à Genève. M. Blinken a "
         "parlé des troupes russes et de la Russie. Lavrov a répondu. Blinkin a dit que l'Ukraine "
         "et les Ukrainiens...",
         "Blinken et Lavrov à Genève");
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
  const ArticleEntity* blinken = Named(r, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->type, EntityType::kPerson);
  EXPECT_EQ(blinken->aliases, (std::vector<std::string>{"Blinken", "Antony Blinken", "Blinkin"}));
  EXPECT_EQ(blinken->mentions.size(), 4u);
  const ArticleEntity* russia = Named(r, "Russie");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->gazetteer_ref, "iso3166:RU");
  EXPECT_EQ(russia->aliases, (std::vector<std::string>{"russes", "Russie"}));
  const ArticleEntity* ukraine = Named(r, "Ukraine");
  ASSERT_NE(ukraine, nullptr);
  EXPECT_EQ(ukraine->mentions.size(), 2u);
  const ArticleEntity* geneva = Named(r, "Genève");
  ASSERT_NE(geneva, nullptr);
  EXPECT_EQ(geneva->country_code, "CH");
  ASSERT_TRUE(geneva->latitude.has_value());
  EXPECT_NEAR(*geneva->latitude, 46.2, 0.01);
  // Every mention belongs to exactly one entity.
  std::vector<int> owner(r.mentions.size(), 0);
  for (const ArticleEntity& e : r.entities) {
    for (uint32_t m : e.mentions) ++owner[m];
  }
  for (int n : owner) EXPECT_EQ(n, 1);
}

TEST(ArticleResolverTest, SalienceFavoursTheHeadlineAndLead) {
  Article a = Fr("Joe Biden parle. Rien. Rien. Encore. Plus tard, la Chine, la Chine et la Chine.",
                 "Biden");
  a.sentences = {{0, 16}, {17, 22}, {23, 28}, {29, 36}, {37, 83}};
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
  ASSERT_EQ(r.entities.size(), 2u);
  EXPECT_EQ(r.entities[0].name, "Joe Biden");  // 3 (title) + 2 (lead) > 3 x 1
  EXPECT_FLOAT_EQ(r.entities[0].salience, 1.0f);
  EXPECT_EQ(r.entities[1].name, "Chine");
  EXPECT_FLOAT_EQ(r.entities[1].salience, 3.0f / 5.0f);
}

TEST(ArticleResolverTest, HonorificsAndTitlesAreStrippedFromTaggerSpans) {
  Article a = Fr("Selon M. Blinken et le président Poutine, rien.");
  Mention m1;
  m1.span = {6, 16};  // "M. Blinken"
  m1.type = EntityType::kPerson;
  m1.surface = "M. Blinken";
  Mention m2;
  m2.span = {20, 41};  // "le président Poutine"
  m2.type = EntityType::kPerson;
  m2.surface = a.text.substr(20, 21);
  ASSERT_EQ(m2.surface, "le président Poutine");
  Mention m3;  // only an honorific: dropped
  m3.span = {6, 8};
  m3.type = EntityType::kPerson;
  m3.surface = "M.";
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, {m2, m1, m3});
  ASSERT_EQ(r.mentions.size(), 2u);
  EXPECT_EQ(r.mentions[0].surface, "Blinken");
  EXPECT_EQ(r.mentions[0].span.begin, 9u);
  EXPECT_EQ(r.mentions[1].surface, "Poutine");
  EXPECT_EQ(a.text.substr(r.mentions[1].span.begin, 8), "Poutine,");
}

TEST(ArticleResolverTest, DifferentPeopleWithTheSameSurnameStayApart) {
  Article a = Fr("Boris Johnson et Joe Johnson. Hier, Boris Johnson a parlé.");
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
  int people = 0;
  for (const ArticleEntity& e : r.entities) people += e.type == EntityType::kPerson;
  EXPECT_EQ(people, 2);
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

TEST(ArticleResolverTest, RolesBindToTheNameTheyPrecede) {
  Article a =
      Fr("La ministre britannique des Affaires étrangères, Liz Truss, parlera. Plus tard, la "
         "ministre britannique des Affaires étrangères a écrit au président russe.");
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
  const ArticleEntity* truss = Named(r, "Liz Truss");
  ASSERT_NE(truss, nullptr);
  EXPECT_EQ(truss->mentions.size(), 2u);  // the name and the role alone
  EXPECT_NE(std::find(truss->aliases.begin(), truss->aliases.end(),
                      "ministre britannique des Affaires étrangères"),
            truss->aliases.end());
  // An unbound role stays an entity of its own, named by the role.
  const ArticleEntity* president = Named(r, "président russe");
  ASSERT_NE(president, nullptr);
  EXPECT_EQ(president->type, EntityType::kPerson);
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

TEST(ArticleResolverTest, EnglishRolesNamesAndPlaces) {
  Article a;
  a.lang = "en";
  a.text =
      "US Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in "
      "Geneva on Friday. The US Secretary of State said Mr Lavrov agreed.";
  ArticleEntities r = ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
  const ArticleEntity* blinken = Named(r, "Antony Blinken");
  ASSERT_NE(blinken, nullptr);
  EXPECT_EQ(blinken->mentions.size(), 2u);  // the name and "US Secretary of State" alone
  const ArticleEntity* lavrov = Named(r, "Sergei Lavrov");
  ASSERT_NE(lavrov, nullptr);
  EXPECT_EQ(lavrov->mentions.size(), 2u);  // "Sergei Lavrov", "Mr Lavrov"
  const ArticleEntity* russia = Named(r, "Russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->aliases, (std::vector<std::string>{"Russian"}));
  EXPECT_NE(Named(r, "Geneva"), nullptr);
  EXPECT_EQ(Named(r, "Friday"), nullptr);
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

// A statistical tagger types a surname alone as a place; the full name in the article says
// whose surname it is.
TEST(ArticleResolverTest, TaggerSurnameTypedAsPlaceJoinsThePerson) {
  Article a = Fr("Le président Vladimir Poutine a parlé. Poutine est venu à Moscou.");
  auto mention = [&](std::string_view surface, EntityType type) {
    Mention m;
    m.span.begin = static_cast<uint32_t>(a.text.find(surface));
    m.span.end = m.span.begin + static_cast<uint32_t>(surface.size());
    m.surface = std::string(surface);
    m.type = type;
    return m;
  };
  Mention second = mention("Poutine", EntityType::kPlace);
  second.span.begin = static_cast<uint32_t>(a.text.find("Poutine est"));
  second.span.end = second.span.begin + 7;
  ArticleEntities r = ResolveArticle(DataGazetteer(), a,
                                     {mention("Vladimir Poutine", EntityType::kPerson), second,
                                      mention("Moscou", EntityType::kPlace)});
  const ArticleEntity* putin = Named(r, "Vladimir Poutine");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->mentions.size(), 2u);
  EXPECT_EQ(Named(r, "Poutine"), nullptr);
  const ArticleEntity* moscow = Named(r, "Moscou");
  ASSERT_NE(moscow, nullptr);
  EXPECT_EQ(moscow->type, EntityType::kPlace);
}

}  // namespace
}  // namespace depeche::extract
