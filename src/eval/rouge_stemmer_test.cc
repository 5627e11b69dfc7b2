#include "eval/rouge_stemmer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace depeche::eval {
namespace {

TEST(RougePorterStemTest, StemsAsPorterDoes) {
  EXPECT_EQ(RougePorterStem("caresses"), "caress");
  EXPECT_EQ(RougePorterStem("ponies"), "poni");
  EXPECT_EQ(RougePorterStem("cats"), "cat");
  EXPECT_EQ(RougePorterStem("feed"), "feed");
  EXPECT_EQ(RougePorterStem("agreed"), "agre");
  EXPECT_EQ(RougePorterStem("plastered"), "plaster");
  EXPECT_EQ(RougePorterStem("motoring"), "motor");
  EXPECT_EQ(RougePorterStem("sing"), "sing");
  EXPECT_EQ(RougePorterStem("hopping"), "hop");
  EXPECT_EQ(RougePorterStem("falling"), "fall");
  EXPECT_EQ(RougePorterStem("filing"), "file");
  EXPECT_EQ(RougePorterStem("happy"), "happi");
  EXPECT_EQ(RougePorterStem("relational"), "relat");
  EXPECT_EQ(RougePorterStem("generalization"), "gener");
  EXPECT_EQ(RougePorterStem("hopeful"), "hope");
  EXPECT_EQ(RougePorterStem("adjustable"), "adjust");
  EXPECT_EQ(RougePorterStem("controlling"), "control");
  EXPECT_EQ(RougePorterStem("adoption"), "adopt");
  EXPECT_EQ(RougePorterStem("rate"), "rate");
  EXPECT_EQ(RougePorterStem("cease"), "ceas");
  EXPECT_EQ(RougePorterStem("running"), "run");
  EXPECT_EQ(RougePorterStem("at"), "at");
}

// Where ROUGE-1.5.5's stemmer departs from the published algorithm (and from Snowball's porter).
TEST(RougePorterStemTest, KeepsRougeDepartures) {
  // Step 4 tries -ement, then -ment, then -ent on what is left: the paper keeps "agreement".
  EXPECT_EQ(RougePorterStem("agreement"), "agreem");
  EXPECT_EQ(RougePorterStem("government"), "govern");
  // -logi -> -log and -bli -> -ble (the paper has neither / -abli).
  EXPECT_EQ(RougePorterStem("analogies"), "analog");
  EXPECT_EQ(RougePorterStem("possibly"), "possibl");
  // A leading y is a consonant.
  EXPECT_EQ(RougePorterStem("yelling"), "yell");
  EXPECT_EQ(RougePorterStem("youth"), "youth");
}

TEST(RougeStemmerTest, StemsLongTokensOnlyAndUsesExceptions) {
  RougeStemmer plain;
  EXPECT_EQ(plain.Stem("ties"), "ti");
  EXPECT_EQ(plain.Stem("was"), "was");  // 3 characters: kept
  EXPECT_EQ(plain.Stem("bed"), "bed");
  EXPECT_EQ(plain.Stem("children"), "children");
  RougeStemmer wordnet({{"children", "child"}, {"was", "be"}});
  EXPECT_EQ(wordnet.Stem("children"), "child");
  EXPECT_EQ(wordnet.Stem("was"), "was");  // too short to be looked up
  EXPECT_EQ(wordnet.Stem("houses"), "hous");
}

TEST(RougeStemmerTest, ReadsWordNetExceptionLists) {
  std::random_device rd;
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("rouge_wn_" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  EXPECT_FALSE(ReadWordNetExceptions(dir).ok());
  {
    std::ofstream(dir / "noun.exc") << "children child\nmice mouse\n\nbad\n";
    std::ofstream(dir / "verb.exc") << "went go\nmice verbmouse\nlay lie lay\n";
  }
  auto exceptions = ReadWordNetExceptions(dir);
  ASSERT_TRUE(exceptions.ok()) << exceptions.status().ToString();
  EXPECT_EQ(exceptions->size(), 4u);
  EXPECT_EQ(exceptions->at("children"), "child");
  EXPECT_EQ(exceptions->at("mice"), "verbmouse");  // verb.exc is read after noun.exc
  EXPECT_EQ(exceptions->at("lay"), "lie");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace depeche::eval
