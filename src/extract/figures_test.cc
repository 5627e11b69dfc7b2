#include "extract/figures.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace depeche::extract {
namespace {

const FigureExtractor& Extractor() {
  static const FigureExtractor* extractor = [] {
    auto made = FigureExtractor::Create(DEPECHE_SOURCE_DIR "/data");
    EXPECT_TRUE(made.ok()) << made.status().message();
    return made.ok() ? made->release() : new FigureExtractor({});
  }();
  return *extractor;
}

std::string Text(std::string_view text, Span s) {
  return std::string(text.substr(s.begin, s.end - s.begin));
}

TEST(FiguresTest, FrenchTroopsApproximateAndLowerBound) {
  const std::string text =
      "La Russie a massé environ 100 000 soldats à la frontière. En février, ils étaient plus "
      "de 150\u202f000 soldats.";
  std::vector<Figure> f = Extractor().Extract(text, "fr");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 100000);
  EXPECT_EQ(f[0].unit, "soldat");
  EXPECT_TRUE(f[0].counted);
  EXPECT_EQ(f[0].bound, FigureBound::kApproximate);
  EXPECT_EQ(Text(text, f[0].span), "environ 100 000 soldats");
  EXPECT_EQ(Text(text, f[0].number), "100 000");
  EXPECT_EQ(Text(text, f[0].sentence), "La Russie a massé environ 100 000 soldats à la frontière.");
  EXPECT_DOUBLE_EQ(f[1].value, 150000);
  EXPECT_EQ(f[1].unit, "soldat");
  EXPECT_EQ(f[1].bound, FigureBound::kLower);
  EXPECT_EQ(Text(text, f[1].span), "plus de 150\u202f000 soldats");
  EXPECT_EQ(Text(text, f[1].sentence), "En février, ils étaient plus de 150\u202f000 soldats.");
}

TEST(FiguresTest, FrenchMoneyWithScaleAndLink) {
  const std::string text = "Washington a promis 200 millions de dollars d'aide.";
  std::vector<Figure> f = Extractor().Extract(text, "fr");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 200e6);
  EXPECT_EQ(f[0].unit, "dollar");
  EXPECT_FALSE(f[0].counted);
  EXPECT_EQ(Text(text, f[0].span), "200 millions de dollars");

  const std::string euros = "Un budget de 2,5 milliards d'euros et 1.500 emplois.";
  f = Extractor().Extract(euros, "fr");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 2.5e9);
  EXPECT_EQ(f[0].unit, "euro");
  EXPECT_DOUBLE_EQ(f[1].value, 1500);
  EXPECT_EQ(f[1].unit, "emploi");
}

TEST(FiguresTest, FrenchNumberWords) {
  std::vector<Figure> f = Extractor().Extract("La réunion a duré deux heures.", "fr");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 2);
  EXPECT_EQ(f[0].unit, "heure");

  f = Extractor().Extract("Il y a quatre-vingt-dix-neuf navires et vingt et un avions.", "fr");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 99);
  EXPECT_EQ(f[0].unit, "navire");
  EXPECT_DOUBLE_EQ(f[1].value, 21);
  EXPECT_EQ(f[1].unit, "avion");

  // "un" alone is an article; "un million" is a number.
  f = Extractor().Extract("Un soldat a vu un million de personnes.", "fr");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 1e6);
  EXPECT_EQ(f[0].unit, "personne");
  EXPECT_EQ(f[0].bound, FigureBound::kExact);

  f = Extractor().Extract("Plus de 14 000 personnes ont été tuées.", "fr");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 14000);
  EXPECT_EQ(f[0].unit, "personne");
  EXPECT_EQ(f[0].bound, FigureBound::kLower);
}

TEST(FiguresTest, FrenchUpperBoundAndPercent) {
  std::vector<Figure> f =
      Extractor().Extract("Jusqu'à 30 % des électeurs et moins de 5 000 votants.", "fr");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 30);
  EXPECT_EQ(f[0].unit, "percent");
  EXPECT_EQ(f[0].bound, FigureBound::kUpper);
  EXPECT_DOUBLE_EQ(f[1].value, 5000);
  EXPECT_EQ(f[1].bound, FigureBound::kUpper);
  EXPECT_EQ(f[1].unit, "votant");
}

TEST(FiguresTest, EnglishMoneyAndPercent) {
  const std::string text = "The company raised $1.5 billion and its shares rose 3.2%.";
  std::vector<Figure> f = Extractor().Extract(text, "en");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 1.5e9);
  EXPECT_EQ(f[0].unit, "dollar");
  EXPECT_EQ(Text(text, f[0].span), "$1.5 billion");
  EXPECT_DOUBLE_EQ(f[1].value, 3.2);
  EXPECT_EQ(f[1].unit, "percent");
  EXPECT_EQ(Text(text, f[1].span), "3.2%");
}

TEST(FiguresTest, UnitsPerSomething) {
  const std::string text = "Crude was at US $58.24 per barrel; rent is $3,500 a month at 60 km/h.";
  std::vector<Figure> f = Extractor().Extract(text, "en");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].unit, "dollar per barrel");
  EXPECT_EQ(Text(text, f[0].span), "US $58.24 per barrel");
  EXPECT_DOUBLE_EQ(f[1].value, 3500);
  EXPECT_EQ(f[1].unit, "dollar per month");
  EXPECT_EQ(f[2].unit, "kilometre per hour");
  // A range keeps the denominator of its second end.
  f = Extractor().Extract("People earning between $48,000 and $90,000 a year.", "en");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 48000);
  EXPECT_DOUBLE_EQ(*f[0].high, 90000);
  EXPECT_EQ(f[0].unit, "dollar per year");
}

TEST(FiguresTest, EnglishSeparatorsAndBounds) {
  std::vector<Figure> f = Extractor().Extract(
      "About 1,500 soldiers, more than 100\u00a0000 people and up to 450 million dollars.", "en");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_DOUBLE_EQ(f[0].value, 1500);
  EXPECT_EQ(f[0].unit, "soldier");
  EXPECT_EQ(f[0].bound, FigureBound::kApproximate);
  EXPECT_DOUBLE_EQ(f[1].value, 100000);
  EXPECT_EQ(f[1].unit, "people");
  EXPECT_EQ(f[1].bound, FigureBound::kLower);
  EXPECT_DOUBLE_EQ(f[2].value, 450e6);
  EXPECT_EQ(f[2].unit, "dollar");
  EXPECT_EQ(f[2].bound, FigureBound::kUpper);

  f = Extractor().Extract("At least twenty-five companies left.", "en");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 25);
  EXPECT_EQ(f[0].unit, "company");
  EXPECT_EQ(f[0].bound, FigureBound::kLower);
}

TEST(FiguresTest, Ranges) {
  std::vector<Figure> f =
      Extractor().Extract("Temperatures dropped by 1 to 1.5 degrees, between $62 and $68.", "en");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 1);
  ASSERT_TRUE(f[0].high.has_value());
  EXPECT_DOUBLE_EQ(*f[0].high, 1.5);
  EXPECT_EQ(f[0].unit, "degree");
  EXPECT_DOUBLE_EQ(f[1].value, 62);
  ASSERT_TRUE(f[1].high.has_value());
  EXPECT_DOUBLE_EQ(*f[1].high, 68);
  EXPECT_EQ(f[1].unit, "dollar");

  // A change then a level is two figures.
  f = Extractor().Extract("The deficit increased by $43.6 billion to $419.2 billion.", "en");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_FALSE(f[0].high.has_value());
  EXPECT_DOUBLE_EQ(f[1].value, 419.2e9);

  f = Extractor().Extract("There are four to five thousand people.", "en");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_DOUBLE_EQ(f[0].value, 4000);
  EXPECT_DOUBLE_EQ(*f[0].high, 5000);
}

TEST(FiguresTest, NotFigures) {
  // Years, days next to months, clock times, ordinals, phone numbers, codes, labels.
  const char* texts[] = {
      "It happened in 2019.",
      "On February 11 the talks resumed.",
      "Le 24 février 2022, l'invasion a commencé.",
      "The meeting starts at 10:30 or at 5pm.",
      "Rendez-vous à 10h30.",
      "The 22nd amendment and the 3e arrondissement.",
      "Call 555-123-4567 or 01 23 45 67 89.",
      "The Airbus A320 and COVID-19 and the iPhone 14 Pro.",
      "Dak Prescott (4) scored.",
  };
  for (const char* t : texts) {
    EXPECT_TRUE(Extractor()
                    .Extract(t, std::string_view(t).find("Le ") == 0 ||
                                        std::string_view(t).find("Rendez") == 0
                                    ? "fr"
                                    : "en")
                    .empty())
        << t;
  }
  // A year with a unit is a figure.
  std::vector<Figure> f = Extractor().Extract("The plant employs 2000 workers.", "en");
  ASSERT_EQ(f.size(), 0u) << "a bare year-like number with a counted noun stays a year";
  f = Extractor().Extract("They paid $2019 for it.", "en");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].unit, "dollar");
}

TEST(FiguresTest, NegativeAndGluedUnits) {
  std::vector<Figure> f = Extractor().Extract("The index fell -1.3% to minus 5 degrees.", "en");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, -1.3);
  EXPECT_EQ(f[1].value, -5);
  f = Extractor().Extract("A 15kHz tone and a PS8.1bn deal and USD10m.", "en");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 15);
  EXPECT_EQ(f[0].unit, "kilohertz");
  EXPECT_DOUBLE_EQ(f[1].value, 10e6);
  EXPECT_EQ(f[1].unit, "dollar");
}

TEST(FiguresTest, UnknownLanguageReadsAsEnglish) {
  EXPECT_TRUE(Extractor().Supports("fr"));
  EXPECT_TRUE(Extractor().Supports("en"));
  std::vector<Figure> f = Extractor().Extract("Wzrost o 3.2% i $5.", "pl");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_DOUBLE_EQ(f[0].value, 3.2);
}

std::string FreshDir(const std::string& name) {
  auto dir = std::filesystem::path(::testing::TempDir()) /
             (name + "_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
              std::to_string(reinterpret_cast<uintptr_t>(&name)));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

TEST(FiguresTest, FrenchVagueCountsAfterAnyDeterminerAndVerbsCountNothing) {
  const std::string text =
      "Les alliés s'inquiètent pour les dizaines de milliers de troupes russes. Les quatre "
      "étaient présents, avec plusieurs milliers de personnes.";
  std::vector<Figure> f = Extractor().Extract(text, "fr");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(Text(text, f[0].span), "les dizaines de milliers de troupes");
  EXPECT_DOUBLE_EQ(f[0].value, 20000);
  EXPECT_EQ(f[0].unit, "troupe");
  EXPECT_EQ(Text(text, f[1].span), "quatre");  // "étaient" (a stop word once folded) counts nothing
  EXPECT_EQ(f[1].unit, "");
  EXPECT_EQ(f[2].unit, "personne");
  EXPECT_DOUBLE_EQ(f[2].value, 2000);
}

TEST(FigureLexiconTest, ErrorsNameFileAndLine) {
  const std::string dir = FreshDir("figures_lexicon");
  std::filesystem::create_directories(dir + "/xx");
  {
    std::ofstream out(dir + "/xx/figures.txt");
    out << "# comment\nnumber\tdeux\t2\nmodifier\tvers\tsomewhere\n";
  }
  auto made = FigureExtractor::Create(dir);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("figures.txt:3"), std::string::npos)
      << made.status().message();
  auto none = FigureExtractor::Create(dir + "/xx");
  EXPECT_FALSE(none.ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace depeche::extract
