#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include "extract/test_gazetteer.h"

namespace depeche::extract {
namespace {

using testing::DataGazetteer;

std::string RefOf(const Gazetteer& g, std::string_view phrase, bool* demonym = nullptr) {
  auto hits = g.Lookup(Gazetteer::Key(phrase));
  if (hits.empty()) return "";
  if (demonym) *demonym = hits[0].demonym;
  return g.entry(hits[0].entry).ref;
}

TEST(GazetteerTest, CountriesInFiveLanguagesAndAlternateSpellings) {
  const Gazetteer& g = DataGazetteer();
  ASSERT_GT(g.size(), 20000u);
  for (const char* name : {"Russie", "Russia", "Rusia", "Russland", "Russian Federation"}) {
    EXPECT_EQ(RefOf(g, name), "iso3166:RU") << name;
  }
  EXPECT_EQ(RefOf(g, "Biélorussie"), "iso3166:BY");
  EXPECT_EQ(RefOf(g, "Bélarus"), "iso3166:BY");
  EXPECT_EQ(RefOf(g, "États-Unis"), "iso3166:US");
  EXPECT_EQ(RefOf(g, "etats-unis"), "iso3166:US");  // keys are folded
  EXPECT_EQ(RefOf(g, "Corée du Nord"), "iso3166:KP");
  EXPECT_EQ(RefOf(g, "Europe"), "m49:150");  // a region, no country code
  EXPECT_EQ(RefOf(g, "Amérique du Sud"), "m49:005");
}

TEST(GazetteerTest, DemonymsPointToTheirCountry) {
  const Gazetteer& g = DataGazetteer();
  for (const char* form : {"russe", "russes", "Russes", "Russian"}) {
    bool demonym = false;
    EXPECT_EQ(RefOf(g, form, &demonym), "iso3166:RU") << form;
    EXPECT_TRUE(demonym) << form;
  }
  for (const char* form : {"américain", "américaine", "américaines", "Americans"}) {
    EXPECT_EQ(RefOf(g, form), "iso3166:US") << form;  // not the Northern Mariana Islands
  }
  for (const char* form : {"ukrainien", "ukrainienne", "ukrainiennes", "ukrainiens"}) {
    EXPECT_EQ(RefOf(g, form), "iso3166:UA") << form;
  }
  EXPECT_EQ(RefOf(g, "français"), "iso3166:FR");
}

TEST(GazetteerTest, CitiesWithTranslationsCoordinatesAndPopulation) {
  const Gazetteer& g = DataGazetteer();
  EXPECT_EQ(RefOf(g, "Genève"), "geonames:2660646");  // Geneva CH (183,981) before Geneva US
  EXPECT_EQ(RefOf(g, "Geneva"), "geonames:2660646");
  EXPECT_EQ(RefOf(g, "Moscou"), "geonames:524901");
  EXPECT_EQ(RefOf(g, "Kiev"), "geonames:703448");  // tzdata's former spelling of Kyiv
  auto hits = g.Lookup(Gazetteer::Key("Moscou"));
  ASSERT_FALSE(hits.empty());
  const GazetteerEntry& moscow = g.entry(hits[0].entry);
  EXPECT_EQ(moscow.country_code, "RU");
  ASSERT_TRUE(moscow.latitude.has_value());
  EXPECT_NEAR(*moscow.latitude, 55.75, 0.01);
  EXPECT_GT(moscow.population, 10000000u);
  EXPECT_EQ(g.DisplayName(hits[0].entry, "fr"), "Moscou");
  EXPECT_EQ(g.DisplayName(hits[0].entry, "en"), "Moscow");
}

TEST(GazetteerTest, NamesTitlesAndCommonWords) {
  const Gazetteer& g = DataGazetteer();
  EXPECT_TRUE(g.IsFirstName("antony"));
  EXPECT_TRUE(g.IsFirstName("vladimir"));
  EXPECT_TRUE(g.IsFirstName("sergei"));  // by skeleton of "sergueï"
  EXPECT_FALSE(g.IsFirstName("ukraine"));
  EXPECT_TRUE(g.IsSurname("poutine"));
  EXPECT_TRUE(g.IsHonorific("M.", "fr"));
  EXPECT_TRUE(g.IsHonorific("Mme", "fr"));
  EXPECT_TRUE(g.IsHonorific("Mr", "en"));
  EXPECT_FALSE(g.IsHonorific("Me", "en"));  // "Maître" only in French
  EXPECT_TRUE(g.IsTitle(Gazetteer::Key("président")));
  EXPECT_TRUE(g.IsTitle(Gazetteer::Key("secrétaire d'État")));
  EXPECT_TRUE(g.IsCommonWord("mardi"));
  EXPECT_TRUE(g.IsCommonWord("le"));
  EXPECT_TRUE(g.Lookup(Gazetteer::Key("Mardi")).empty());
}

TEST(GazetteerTest, MalformedRowsAreDataLossWithFileAndLine) {
  Gazetteer::Sources s;
  s.countries = "# header\nRU\t60\t100\tRussia\nXYZ\t1\t2\tBad\n";
  auto g = Gazetteer::FromSources(s);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(g.status().message().find("countries.tsv:3"), std::string::npos);
  s.countries = "RU\t60\t100\tRussia\n";
  s.cities = "1\tRU\tnot-a-number\t1\t5\tTown\n";
  g = Gazetteer::FromSources(s);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("cities.tsv:1"), std::string::npos);
}

TEST(GazetteerTest, LoadNamesTheMissingFile) {
  auto g = Gazetteer::Load("/nonexistent-depeche-dir");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), StatusCode::kNotFound);
  EXPECT_NE(g.status().message().find("countries.tsv"), std::string::npos);
}

}  // namespace
}  // namespace depeche::extract
