#include "eval/langid_eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace depeche::eval {
namespace {

// Answers the first word of the text: a deterministic stand-in for a real detector.
class FirstWordIdentifier : public text::LanguageIdentifier {
 public:
  text::LangGuess Identify(std::string_view text, std::string_view hint) const override {
    const std::string word(text.substr(0, text.find(' ')));
    return {word.empty() ? std::string(hint) : word, 1.0f, true};
  }
  bool has_fasttext() const override { return false; }
};

TEST(LangIdEvalTest, ParsesTsv) {
  auto examples = ParseLangIdTsv("fr\tBonjour\r\n\n# comment\nen\tHello world\nde\tA\tB");
  ASSERT_TRUE(examples.ok()) << examples.status().ToString();
  ASSERT_EQ(examples->size(), 3u);
  EXPECT_EQ((*examples)[0].lang, "fr");
  EXPECT_EQ((*examples)[0].text, "Bonjour");
  EXPECT_EQ((*examples)[1].text, "Hello world");
  EXPECT_EQ((*examples)[2].text, "A\tB");  // only the first tab separates
}

TEST(LangIdEvalTest, RejectsMalformedLinesWithTheirNumber) {
  for (const char* bad : {"fr\tok\nno tab here\n", "fr\tok\n\tno label\n", "fr\tok\nfr\t\n"}) {
    auto examples = ParseLangIdTsv(bad);
    ASSERT_FALSE(examples.ok()) << bad;
    EXPECT_EQ(examples.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(examples.status().message().find("line 2"), std::string::npos)
        << examples.status().message();
  }
}

TEST(LangIdEvalTest, ReadsFiles) {
  EXPECT_EQ(ReadLangIdTsv("/nonexistent/langid.tsv").status().code(), StatusCode::kNotFound);
  const std::string path =
      testing::TempDir() + "/langid_eval_test_" + std::to_string(::getpid()) + ".tsv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "fr\tUn texte\nit\tUn testo\n";
  }
  auto examples = ReadLangIdTsv(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(examples.ok()) << examples.status().ToString();
  EXPECT_EQ(examples->size(), 2u);
}

TEST(LangIdEvalTest, ScoresAccuracyPerLanguageAndConfusions) {
  const std::vector<LangIdExample> examples = {
      {"fr", "fr a"}, {"fr", "fr b"}, {"fr", "en c"}, {"en", "en d"},
      {"de", "nl e"}, {"de", "nl f"}, {"de", "en g"}, {"de", "de h"},
  };
  FirstWordIdentifier id;
  const LangIdScore score = ScoreLangId(id, examples);
  EXPECT_EQ(score.total, 8u);
  EXPECT_EQ(score.correct, 4u);
  EXPECT_DOUBLE_EQ(score.accuracy, 0.5);
  ASSERT_EQ(score.per_language.size(), 3u);
  EXPECT_EQ(score.per_language[0].lang, "de");
  EXPECT_DOUBLE_EQ(score.per_language[0].accuracy, 0.25);
  EXPECT_EQ(score.per_language[1].lang, "en");
  EXPECT_DOUBLE_EQ(score.per_language[1].accuracy, 1.0);
  EXPECT_EQ(score.per_language[2].lang, "fr");
  EXPECT_NEAR(score.per_language[2].accuracy, 2.0 / 3.0, 1e-12);
  ASSERT_EQ(score.confusions.size(), 3u);
  EXPECT_EQ(score.confusions[0].gold, "de");
  EXPECT_EQ(score.confusions[0].predicted, "nl");
  EXPECT_EQ(score.confusions[0].count, 2u);
  EXPECT_EQ(score.confusions[1].count, 1u);  // de->en before fr->en: ordered by gold
  EXPECT_EQ(score.confusions[1].gold, "de");
  EXPECT_EQ(score.confusions[2].gold, "fr");
  EXPECT_EQ(score.bytes, 8u * 4u);
  EXPECT_EQ(score.reliable, 8u);  // the stand-in calls everything reliable
  EXPECT_DOUBLE_EQ(score.reliable_precision, 0.5);

  const std::string report = FormatLangIdReport(score);
  EXPECT_NE(report.find("accuracy 0.5000 (4 / 8)"), std::string::npos) << report;
  EXPECT_NE(report.find("de->nl 2"), std::string::npos) << report;

  const auto json = nlohmann::json::parse(LangIdScoreToJson(score, "x.tsv"));
  EXPECT_EQ(json["task"], "lang");
  EXPECT_EQ(json["data"], "x.tsv");
  EXPECT_DOUBLE_EQ(json["overall"]["accuracy"].get<double>(), 0.5);
  EXPECT_EQ(json["items"].size(), 3u);
  EXPECT_EQ(json["confusions"][0]["predicted"], "nl");
}

TEST(LangIdEvalTest, EmptySetAndHint) {
  FirstWordIdentifier id;
  const LangIdScore empty = ScoreLangId(id, {});
  EXPECT_EQ(empty.total, 0u);
  EXPECT_EQ(empty.accuracy, 0.0);
  const LangIdScore hinted = ScoreLangId(id, {{"it", ""}}, "it");
  EXPECT_EQ(hinted.correct, 1u);
}

// Opt-in measurement on the generated test set (docs/LANGID.md):
//   DEPECHE_LANGID_DATA=build-langid/langid-testset (in the environment), then
//   build-langid/src/eval/eval_test --gtest_filter='LangIdEvalTest.TestSetReport'
// Prints CLD2 alone, fastText alone and the combination on both halves, plus document speed on
// the seeds; checks that the combination is not worse than either detector alone.
TEST(LangIdEvalTest, TestSetReport) {
  const char* dir = std::getenv("DEPECHE_LANGID_DATA");
  if (dir == nullptr) GTEST_SKIP() << "set DEPECHE_LANGID_DATA to the langid test set folder";
  const std::string model = DEPECHE_SOURCE_DIR
      "/third_party/npm/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz";
  const std::pair<const char*, text::LangIdMethod> methods[] = {
      {"cld2", text::LangIdMethod::kCld2},
      {"fasttext", text::LangIdMethod::kFastText},
      {"combined", text::LangIdMethod::kCombined},
  };
  for (const char* half : {"dev", "test"}) {
    auto examples = ReadLangIdTsv(std::string(dir) + "/" + half + ".tsv");
    ASSERT_TRUE(examples.ok()) << examples.status().ToString();
    double best_single = 0;
    for (const auto& [name, method] : methods) {
      text::LangIdOptions options;
      options.fasttext_model = model;
      options.method = method;
      auto id = text::LanguageIdentifier::Create(options);
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      const LangIdScore score = ScoreLangId(**id, *examples);
      std::cout << "== " << half << " " << name << "\n" << FormatLangIdReport(score, 12);
      if (method != text::LangIdMethod::kCombined) {
        best_single = std::max(best_single, score.accuracy);
        continue;
      }
      EXPECT_GE(score.accuracy, best_single) << half;
      // The hint as a prior: every text hinted with its own language, then every non-English
      // text hinted "en" (a wrong feed declaration).
      std::map<std::string, std::vector<LangIdExample>> by_lang;
      std::vector<LangIdExample> not_english;
      for (const auto& e : *examples) {
        by_lang[e.lang].push_back(e);
        if (e.lang != "en") not_english.push_back(e);
      }
      size_t right = 0;
      for (const auto& [lang, subset] : by_lang) right += ScoreLangId(**id, subset, lang).correct;
      const LangIdScore wrong = ScoreLangId(**id, not_english, "en");
      std::cout << "right hint: accuracy " << static_cast<double>(right) / score.total
                << "; wrong hint 'en' on the others: accuracy " << wrong.accuracy << " (without "
                << ScoreLangId(**id, not_english).accuracy << ")\n";
    }
  }
  // Whole documents: the seeds, each identified 200 times.
  std::vector<std::string> seeds;
  for (const auto& entry : std::filesystem::directory_iterator(DEPECHE_SHARED_DIR "/seeds")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    seeds.push_back(content.str());
  }
  for (const auto& [name, method] : methods) {
    text::LangIdOptions options;
    options.fasttext_model = model;
    options.method = method;
    auto id = text::LanguageIdentifier::Create(options);
    ASSERT_TRUE(id.ok());
    size_t docs = 0;
    size_t bytes = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < 200; ++round) {
      for (const auto& seed : seeds) {
        EXPECT_EQ((*id)->Identify(seed).code, "fr");
        ++docs;
        bytes += seed.size();
      }
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "== seeds " << name << ": " << static_cast<int>(docs / s) << " docs/s, "
              << bytes / s / 1e6 << " MB/s (" << bytes / docs << " bytes/doc)\n";
  }
}

// Opt-in tuning on the dev halves only (docs/LANGID.md): the dictionary vote's weight and margin,
// scored on dev.tsv (24 languages) and confusable-dev.tsv
// (Serbian and Bosnian, which the 24 lack). DEPECHE_LANGID_DATA as above, then
// --gtest_filter='LangIdEvalTest.DevLexiconGrid'.
TEST(LangIdEvalTest, DevLexiconGrid) {
  const char* dir = std::getenv("DEPECHE_LANGID_DATA");
  if (dir == nullptr) GTEST_SKIP() << "set DEPECHE_LANGID_DATA to the langid test set folder";
  auto examples = ReadLangIdTsv(std::string(dir) + "/dev.tsv");
  ASSERT_TRUE(examples.ok()) << examples.status().ToString();
  auto confusable = ReadLangIdTsv(std::string(dir) + "/confusable-dev.tsv");
  ASSERT_TRUE(confusable.ok()) << confusable.status().ToString();
  const std::string model = DEPECHE_SOURCE_DIR
      "/third_party/npm/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz";
  for (double weight : {0.0, 1.0, 2.0, 4.0}) {
    for (double margin : {0.5, 1.0, 2.0, 6.0}) {
      {
        if (weight == 0.0 && margin != 0.5) continue;
        text::LangIdOptions options;
        options.fasttext_model = model;
        options.lexicon_weight = weight;
        options.lexicon_margin = margin;
        auto id = text::LanguageIdentifier::Create(options);
        ASSERT_TRUE(id.ok()) << id.status().ToString();
        const LangIdScore score = ScoreLangId(**id, *examples);
        const LangIdScore extra = ScoreLangId(**id, *confusable);
        std::cout << "weight " << weight << " margin " << margin << ": dev " << score.correct
                  << " / " << score.total << ", sr+bs " << extra.correct << " / " << extra.total
                  << ", " << static_cast<int>(score.texts_per_second) << " texts/s;";
        for (const auto* s : {&score, &extra}) {
          for (const auto& c : s->confusions) {
            if (c.count > 1) std::cout << " " << c.gold << "->" << c.predicted << " " << c.count;
          }
          std::cout << " |";
        }
        std::cout << "\n";
      }
    }
  }
}

}  // namespace
}  // namespace depeche::eval
