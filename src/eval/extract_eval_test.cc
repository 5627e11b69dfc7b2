#include "eval/extract_eval.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace depeche::eval {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;

TEST(BenchmarkTokensTest, WordRunsAreUnicodeAware) {
  EXPECT_THAT(BenchmarkTokens("caf\xC3\xA9_1 na\xC3\xAFve\xE2\x80\x94x, it's"),
              ElementsAre("caf\xC3\xA9_1", "na\xC3\xAFve", "x", "it", "s"));
  // Greek letters are \w; the superscript two is numeric (No), so it is \w in Python too.
  EXPECT_THAT(BenchmarkTokens("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1 x\xC2\xB2!"),
              ElementsAre("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1", "x\xC2\xB2"));
  EXPECT_TRUE(BenchmarkTokens(" -- ... ").empty());
}

TEST(MatchShinglesTest, IdenticalTextsAreAllTruePositives) {
  ShingleCounts c = MatchShingles("a b c d e", "a b c d e");
  EXPECT_DOUBLE_EQ(c.tp, 1.0);
  EXPECT_DOUBLE_EQ(c.fp, 0.0);
  EXPECT_DOUBLE_EQ(c.fn, 0.0);
}

TEST(MatchShinglesTest, MissingTailIsFalseNegative) {
  // truth shingles {abcd, bcde}, prediction {abcd}: tp 1, fn 1 -> normalised 0.5 / 0.5.
  ShingleCounts c = MatchShingles("a b c d e", "a b c d");
  EXPECT_DOUBLE_EQ(c.tp, 0.5);
  EXPECT_DOUBLE_EQ(c.fn, 0.5);
  EXPECT_DOUBLE_EQ(c.fp, 0.0);
}

TEST(MatchShinglesTest, ExtraTextIsFalsePositiveAndCountsAreMultisets) {
  // truth {abcd} x1, prediction {abcd, bcda, cdab, dabc, abcd}: tp 1, fp 4.
  ShingleCounts c = MatchShingles("a b c d", "a b c d a b c d");
  EXPECT_DOUBLE_EQ(c.tp, 0.2);
  EXPECT_DOUBLE_EQ(c.fp, 0.8);
  EXPECT_DOUBLE_EQ(c.fn, 0.0);
}

TEST(MatchShinglesTest, ShortTextsAreOneShingle) {
  ShingleCounts same = MatchShingles("hello world", "Hello: world");
  EXPECT_DOUBLE_EQ(same.tp, 0.0);  // case matters, as in the benchmark
  EXPECT_DOUBLE_EQ(same.fp, 0.5);
  ShingleCounts empty = MatchShingles("hello world", "");
  EXPECT_DOUBLE_EQ(empty.fn, 1.0);
  ShingleCounts none = MatchShingles("", "");
  EXPECT_DOUBLE_EQ(none.tp + none.fp + none.fn, 0.0);
}

TEST(ScoresFromCountsTest, MeansOverQualifyingPagesThenF1) {
  std::vector<ShingleCounts> pages = {{1, 0, 0}, {0.5, 0, 0.5}, {0, 0, 1}};
  PrfScores s = ScoresFromCounts(pages);
  // Precision skips the third page (tp + fp == 0): (1 + 1) / 2.
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, (1.0 + 0.5 + 0.0) / 3);
  EXPECT_DOUBLE_EQ(s.f1, 2 * s.precision * s.recall / (s.precision + s.recall));
  EXPECT_DOUBLE_EQ(ScoresFromCounts({}).f1, 0.0);
}

void WriteGzip(const fs::path& path, const std::string& text) {
  gzFile f = gzopen(path.string().c_str(), "wb");
  ASSERT_NE(f, nullptr);
  ASSERT_EQ(gzwrite(f, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  gzclose(f);
}

TEST(EvaluateExtractionTest, ScoresAFolderOfPages) {
  fs::path dir =
      fs::path(testing::TempDir()) /
      ("extract_eval_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::create_directories(dir / "html");
  std::string para =
      "The council voted on Tuesday to extend the harbour, a project that has divided the town "
      "for a decade, after a debate that lasted well into the night.";
  std::string para2 =
      "Opponents said the works would damage the beach, while supporters argued that the "
      "fishing fleet, which employs hundreds, could not survive without deeper berths.";
  std::string page =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2021-03-09T08:00:00Z\"}</script></head><body>"
      "<nav><a href=/>Home</a> <a href=/a>World</a></nav><article><h1>Harbour</h1><p>" +
      para + "</p><p>" + para2 + "</p></article><footer>Copyright</footer></body></html>";
  WriteGzip(dir / "html" / "a.html.gz", page);
  std::ofstream(dir / "html" / "b.html") << "<html><body><p>" << para << "</p></body></html>";
  std::ofstream(dir / "ground-truth.json")
      << "{\"a\": {\"articleBody\": \"" << para << "\\n\\n"
      << para2 << "\", \"url\": \"https://x.test/a\"}, \"b\": {\"articleBody\": \"" << para << " "
      << para2 << "\", \"datePublished\": \"2020-01-02\"}, \"c\": {\"articleBody\": \"none\"}}";
  Result<ExtractEvalReport> report = EvaluateExtraction(dir.string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pages, 2u);
  EXPECT_EQ(report->missing_html, 1u);
  EXPECT_EQ(report->items[0].id, "a");
  EXPECT_DOUBLE_EQ(report->items[0].scores.f1, 1.0);
  EXPECT_TRUE(report->items[0].exact);
  EXPECT_EQ(report->items[0].gold_date, "2021-03-09");
  EXPECT_EQ(report->items[0].predicted_date, "2021-03-09");
  EXPECT_EQ(report->items[1].gold_date, "2020-01-02");
  EXPECT_EQ(report->items[1].predicted_date, "");
  EXPECT_LT(report->items[1].scores.recall, 0.6);  // page b lacks the second paragraph
  EXPECT_DOUBLE_EQ(report->items[1].scores.precision, 1.0);
  EXPECT_EQ(report->date_pages, 2u);
  EXPECT_DOUBLE_EQ(report->date_accuracy, 0.5);
  // Without its JSON-LD, page a has no other date.
  EXPECT_EQ(report->items[0].fallback_date, "");
  EXPECT_DOUBLE_EQ(report->date_accuracy_without_json_ld, 0.0);
  EXPECT_GT(report->pages_per_second, 0.0);
  fs::remove_all(dir);
}

TEST(EvaluateExtractionTest, MissingFolderIsNotFound) {
  Result<ExtractEvalReport> report = EvaluateExtraction("/nonexistent/extract-eval-data");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace depeche::eval
