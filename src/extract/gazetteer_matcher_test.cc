#include "extract/gazetteer_matcher.h"

#include <gtest/gtest.h>

#include "extract/test_gazetteer.h"

namespace depeche::extract {
namespace {

using testing::DataGazetteer;
using testing::Fr;

std::vector<std::string> Surfaces(const std::vector<Mention>& ms, EntityType type) {
  std::vector<std::string> out;
  for (const Mention& m : ms) {
    if (m.type == type) out.push_back(m.surface);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(GazetteerMatcherTest, PeoplePlacesAndDemonyms) {
  Article a = Fr(
      "Le secrétaire d'État Antony Blinken rencontrera le ministre russe Sergei Lavrov à Genève. "
      "M. Blinken a parlé aux troupes russes. Les États-Unis et la Russie discutent. Blinkin a "
      "dit.");
  std::vector<Mention> ms = MatchGazetteer(DataGazetteer(), a);
  EXPECT_EQ(Surfaces(ms, EntityType::kPerson),
            (Strings{"Antony Blinken", "Sergei Lavrov", "Blinken", "Blinkin"}));
  EXPECT_EQ(Surfaces(ms, EntityType::kPlace),
            (Strings{"russe", "Genève", "russes", "États-Unis", "Russie"}));
  for (const Mention& m : ms) {
    EXPECT_EQ(a.text.substr(m.span.begin, m.span.end - m.span.begin), m.surface);
    EXPECT_FALSE(m.in_title);
  }
}

TEST(GazetteerMatcherTest, FirstNamesAreNotCities) {
  // Antony (FR) and Vladimir (RU) are cities of GeoNames.
  Article a = Fr("Hier, Antony Blinken a vu le président (russe) (Vladimir) Poutine à Moscou.");
  std::vector<Mention> ms = MatchGazetteer(DataGazetteer(), a);
  EXPECT_EQ(Surfaces(ms, EntityType::kPerson), (Strings{"Antony Blinken", "Poutine"}));
  EXPECT_EQ(Surfaces(ms, EntityType::kPlace), (Strings{"russe", "Moscou"}));
}

TEST(GazetteerMatcherTest, CalendarWordsHonorificsAndSentenceStartsAreNoNames) {
  Article a = Fr("Mardi, M. le ministre a parlé. Mises à jour en direct. Affaires étrangères.");
  std::vector<Mention> ms = MatchGazetteer(DataGazetteer(), a);
  EXPECT_TRUE(ms.empty()) << ms.front().surface;
}

TEST(GazetteerMatcherTest, TitleMentionsComeFirstWithTheirFlag) {
  Article a = Fr("Le président Joe Biden a parlé.", "Biden et l'Ukraine");
  std::vector<Mention> ms = MatchGazetteer(DataGazetteer(), a);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_TRUE(ms[0].in_title);
  EXPECT_EQ(ms[0].surface, "Biden");  // found through the body's "Joe Biden"
  EXPECT_EQ(ms[1].surface, "Ukraine");
  EXPECT_EQ(ms[2].surface, "Joe Biden");
  EXPECT_FALSE(ms[2].in_title);
}

TEST(GazetteerMatcherTest, CombineKeepsLongerSpansAndPreferredTies) {
  auto mention = [](uint32_t b, uint32_t e, EntityType t) {
    Mention m;
    m.span = {b, e};
    m.type = t;
    return m;
  };
  std::vector<Mention> ner = {mention(0, 5, EntityType::kOrganization),
                              mention(10, 14, EntityType::kPerson)};
  std::vector<Mention> gaz = {mention(0, 5, EntityType::kPlace),
                              mention(8, 14, EntityType::kPerson),
                              mention(20, 25, EntityType::kPlace)};
  std::vector<Mention> out = CombineMentions(ner, gaz);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].type, EntityType::kOrganization);  // tie: the preferred list's
  EXPECT_EQ(out[1].span.begin, 8u);                   // longer span wins
  EXPECT_EQ(out[2].span.begin, 20u);
}

}  // namespace
}  // namespace depeche::extract
