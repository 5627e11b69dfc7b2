#include "text/stopwords.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "text/normalize.h"

namespace depeche::text {
namespace {

const char kDataDir[] = DEPECHE_SOURCE_DIR "/data";

TEST(StopWordsTest, FrenchList) {
  auto loaded = StopWords::Load(kDataDir, "fr");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const StopWords& fr = *loaded;
  EXPECT_GT(fr.size(), 500u);
  for (const char* word :
       {"le", "de", "Le", "DE", "les", "après", "apres", "APRÈS", "aujourd'hui", "aujourd’hui"}) {
    EXPECT_TRUE(fr.Contains(word)) << word;
  }
  for (const char* word : {"Ukraine", "Russie", "négociation", "", "le le"}) {
    EXPECT_FALSE(fr.Contains(word)) << word;
  }
}

TEST(StopWordsTest, MainLanguagesLoad) {
  for (const char* lang : {"fr", "en", "es", "de", "it", "pt", "nl"}) {
    auto loaded = StopWords::Load(kDataDir, lang);
    ASSERT_TRUE(loaded.ok()) << lang << ": " << loaded.status().ToString();
    EXPECT_GT(loaded->size(), 100u) << lang;
  }
  EXPECT_TRUE(StopWords::Load(kDataDir, "en")->Contains("The"));
  EXPECT_TRUE(StopWords::Load(kDataDir, "de")->Contains("und"));
  EXPECT_TRUE(StopWords::Load(std::string(kDataDir) + "/", "es")->Contains("el"));
}

// The files are written by scripts/gen-stopwords.sh, which folds in node: every entry must
// already be what text::Fold gives, sorted and unique, or lookups would silently miss.
TEST(StopWordsTest, FilesAreFoldedSortedUnique) {
  for (const char* lang : {"fr", "en", "es", "de", "it", "pt", "nl", "ru", "el"}) {
    std::ifstream in(std::string(kDataDir) + "/" + lang + "/stopwords.txt");
    ASSERT_TRUE(in) << lang;
    std::string previous;
    size_t words = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      ++words;
      EXPECT_EQ(Fold(line), line) << lang;
      EXPECT_LT(previous, line) << lang;
      previous = line;
    }
    EXPECT_GT(words, 100u) << lang;
  }
}

TEST(StopWordsTest, Errors) {
  auto missing = StopWords::Load(kDataDir, "xx");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto bad = StopWords::Load(kDataDir, "../fr");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  StopWords empty;
  EXPECT_FALSE(empty.Contains("le"));
  EXPECT_EQ(empty.size(), 0u);
}

TEST(StopWordsTest, ParsesWordLists) {
  const std::vector<std::string_view> words =
      ParseWordList("# header\n  le \n\n\tDE\r\n# comment\nÉté");
  EXPECT_EQ(words, (std::vector<std::string_view>{"le", "DE", "Été"}));
  const StopWords list = StopWords::FromText("# x\nÉté\nLE\n");
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(list.Contains("ete"));
  EXPECT_TRUE(list.Contains("le"));
}

}  // namespace
}  // namespace depeche::text
