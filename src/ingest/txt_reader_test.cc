#include "ingest/txt_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace depeche::ingest {
namespace {

std::unordered_set<std::string> Starters() {
  return {"le", "la", "les", "l'", "un", "une", "des", "the", "a", "el", "il", "cette", "ce"};
}

TEST(TxtReaderTest, HeadlineFollowedByBlankLine) {
  RawArticle a = ParseTextArticle("Contexte explosif\n\nLe texte suit ici. Et encore.\n", {});
  EXPECT_EQ(a.title, "Contexte explosif");
  EXPECT_EQ(a.title_origin, "headline");
  EXPECT_EQ(a.text, "Le texte suit ici. Et encore.");
}

TEST(TxtReaderTest, FirstSentenceIsNotAHeadline) {
  RawArticle a = ParseTextArticle(
      "Le ministre a déclaré mardi que les négociations reprendraient à Genève la semaine "
      "prochaine, selon un communiqué publié par son cabinet dans la soirée.\nSuite.\n",
      {});
  EXPECT_EQ(a.title, "");
  EXPECT_TRUE(a.text.starts_with("Le ministre"));
}

TEST(TxtReaderTest, DateMarkerIsReadAndRemoved) {
  RawArticle a = ParseTextArticle(" date 2022-01 Titre court\n\nCorps du texte.", {});
  EXPECT_EQ(a.published, "2022-01");
  EXPECT_EQ(a.title, "Titre court");
  EXPECT_EQ(a.text, "Corps du texte.");
  RawArticle b = ParseTextArticle("date 2021-12-03\nUn titre sans point\nLe texte.", {});
  EXPECT_EQ(b.published, "2021-12-03");
  EXPECT_EQ(b.title, "Un titre sans point");
}

TEST(TxtReaderTest, RunInHeadlineIsCutWhereTheParagraphStarts) {
  auto starters = Starters();
  TextReaderOptions options{&starters};
  RawArticle a = ParseTextArticle(
      "Crise au Sahel – les ministres se retrouvent à Dakar jeudi Le ministre des Affaires "
      "étrangères et son homologue malien tenteront de trouver un accord sur la sécurité.\n\n"
      "Deuxième paragraphe.",
      options);
  EXPECT_EQ(a.title, "Crise au Sahel – les ministres se retrouvent à Dakar jeudi");
  EXPECT_TRUE(a.text.starts_with("Le ministre des Affaires")) << a.text;
  EXPECT_NE(a.text.find("Deuxième paragraphe."), std::string::npos);
}

TEST(TxtReaderTest, RunInDetectionNeedsAFunctionWord) {
  auto starters = Starters();
  TextReaderOptions options{&starters};
  RawArticle a = ParseTextArticle(
      "Le président a rencontré hier Emmanuel Macron et Olaf Scholz pour discuter des sanctions "
      "contre Moscou, avant un sommet prévu la semaine prochaine à Bruxelles avec les alliés.\n",
      options);
  EXPECT_EQ(a.title, "");
}

TEST(TxtReaderTest, CrLfAndBomAreNormalised) {
  RawArticle a = ParseTextArticle("\xEF\xBB\xBFTitre\r\n\r\nLigne un.\r\nLigne deux.\r\n", {});
  EXPECT_EQ(a.title, "Titre");
  EXPECT_EQ(a.text, "Ligne un.\nLigne deux.");
}

TEST(TxtReaderTest, SingleLineTextKeepsItsText) {
  RawArticle a = ParseTextArticle("Une seule ligne sans titre.", {});
  EXPECT_EQ(a.title, "");
  EXPECT_EQ(a.text, "Une seule ligne sans titre.");
}

TEST(TxtReaderTest, SeedWithRunInHeadline) {
  namespace fs = std::filesystem;
  fs::path seeds = fs::path(DEPECHE_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "seeds not available at " << seeds;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (!entry.path().filename().string().starts_with("001_")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::unordered_set<std::string> starters = {"le", "la", "les", "un", "une", "des"};
    RawArticle a = ParseTextArticle(ss.str(), TextReaderOptions{&starters});
    EXPECT_EQ(a.published, "2022-01");
    EXPECT_EQ(a.title,
              "Situation en Ukraine – Blinken et Lavrov se rencontreront à Genève vendredi");
    EXPECT_TRUE(a.text.starts_with("Le chef de la diplomatie")) << a.text.substr(0, 80);
    return;
  }
  FAIL() << "seed 001_* not found";
}

}  // namespace
}  // namespace depeche::ingest
