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
  // Page d carries a JSON-LD date but its gold entry gives none: its date is not scored.
  std::ofstream(dir / "html" / "d.html") << page;
  std::ofstream(dir / "ground-truth.json")
      << "{\"a\": {\"articleBody\": \"" << para << "\\n\\n"
      << para2
      << "\", \"url\": \"https://x.test/a\", \"datePublished\": \"2021-03-09T10:00:00+01:00\"}, "
         "\"b\": {\"articleBody\": \""
      << para << " " << para2
      << "\", \"datePublished\": \"2020-01-02\"}, \"c\": {\"articleBody\": \"none\"}, "
         "\"d\": {\"articleBody\": \""
      << para << " " << para2 << "\"}}";
  Result<ExtractEvalReport> report = EvaluateExtraction(dir.string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pages, 3u);
  EXPECT_EQ(report->missing_html, 1u);
  EXPECT_EQ(report->format, "zyte");
  EXPECT_EQ(report->metric, "shingles");
  EXPECT_EQ(report->rejected, 0u);
  EXPECT_EQ(report->items[0].id, "a");
  EXPECT_DOUBLE_EQ(report->items[0].scores.f1, 1.0);
  EXPECT_TRUE(report->items[0].exact);
  EXPECT_EQ(report->items[0].gold_date, "2021-03-09");
  EXPECT_EQ(report->items[0].predicted_date, "2021-03-09");
  EXPECT_EQ(report->items[1].gold_date, "2020-01-02");
  EXPECT_EQ(report->items[1].predicted_date, "");
  EXPECT_LT(report->items[1].scores.recall, 0.6);  // page b lacks the second paragraph
  EXPECT_DOUBLE_EQ(report->items[1].scores.precision, 1.0);
  EXPECT_EQ(report->items[2].id, "d");
  EXPECT_EQ(report->items[2].predicted_date, "2021-03-09");
  EXPECT_EQ(report->items[2].gold_date, "");  // the page's own JSON-LD is no reference
  EXPECT_EQ(report->date_pages, 2u);
  EXPECT_DOUBLE_EQ(report->date_accuracy, 0.5);
  // Without its JSON-LD, page a has no other date.
  EXPECT_EQ(report->items[0].fallback_date, "");
  EXPECT_DOUBLE_EQ(report->date_accuracy_without_json_ld, 0.0);
  EXPECT_GT(report->pages_per_second, 0.0);
  // The halves split the pages between them, the same way every time.
  ExtractEvalOptions dev, test;
  dev.split = "dev";
  test.split = "test";
  Result<ExtractEvalReport> dev_report = EvaluateExtraction(dir.string(), dev);
  Result<ExtractEvalReport> test_report = EvaluateExtraction(dir.string(), test);
  ASSERT_TRUE(dev_report.ok() && test_report.ok());
  EXPECT_EQ(dev_report->pages + test_report->pages, 3u);
  for (const auto& item : dev_report->items) EXPECT_TRUE(InExtractSplit(item.id, "dev"));
  for (const auto& item : test_report->items) EXPECT_FALSE(InExtractSplit(item.id, "dev"));
  fs::remove_all(dir);
}

fs::path UniqueDir(const std::string& name) {
  fs::path dir = fs::path(testing::TempDir()) /
                 (name + "_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A folder of Readability's test-page shape: one folder per page with source.html,
// expected.html and expected-metadata.json.
TEST(EvaluateExtractionTest, ReadsReadabilityTestPages) {
  fs::path dir = UniqueDir("readability_pages");
  std::string para =
      "Residents of the valley woke to find the river had risen two metres overnight, and the "
      "mayor ordered the lower streets evacuated before noon.";
  std::string para2 =
      "Engineers said the old levee, built in 1952, held, but warned that more rain was expected "
      "by the weekend, when the crest should pass the town.";
  fs::create_directories(dir / "flood");
  std::ofstream(dir / "flood" / "source.html")
      << "<html><head><title>Flood</title></head><body><nav><a href=/>Home</a> <a href=/n>News</a>"
         "</nav><div class=\"story\"><h1>River rises</h1><p>"
      << para << "</p><p>" << para2 << "</p></div><footer>About us</footer></body></html>";
  std::ofstream(dir / "flood" / "expected.html")
      << "<div id=\"readability-page-1\" class=\"page\"><div><p>" << para << "</p><p>" << para2
      << "</p></div></div>";
  std::ofstream(dir / "flood" / "expected-metadata.json")
      << "{\"title\": \"River rises\", \"publishedTime\": \"2019-05-04T08:00:00Z\", "
         "\"readerable\": true}";
  // A page whose extraction finds only a part of the gold text.
  fs::create_directories(dir / "partial");
  std::ofstream(dir / "partial" / "source.html")
      << "<html><body><p>" << para << "</p></body></html>";
  std::ofstream(dir / "partial" / "expected.html") << "<p>" << para << "</p><p>" << para2 << "</p>";
  std::ofstream(dir / "partial" / "expected-metadata.json") << "{\"publishedTime\": null}";
  fs::create_directories(dir / "not-a-page");  // no expected.html: skipped
  ExtractEvalOptions options;
  options.format = ExtractFormat::kReadability;
  Result<ExtractEvalReport> report = EvaluateExtraction(dir.string(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pages, 2u);
  EXPECT_EQ(report->format, "readability");
  EXPECT_EQ(report->items[0].id, "flood");
  EXPECT_DOUBLE_EQ(report->items[0].scores.f1, 1.0);
  EXPECT_EQ(report->items[0].gold_date, "2019-05-04");
  EXPECT_EQ(report->items[1].id, "partial");
  EXPECT_DOUBLE_EQ(report->items[1].scores.precision, 1.0);
  EXPECT_LT(report->items[1].scores.recall, 0.6);
  EXPECT_EQ(report->items[1].gold_date, "");
  EXPECT_EQ(report->date_pages, 1u);
  EXPECT_EQ(report->rejected, 0u);
  EXPECT_LT(report->overall.recall, 0.9);
  fs::remove_all(dir);
  Result<ExtractEvalReport> none = EvaluateExtraction(dir.string(), options);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

TEST(EvaluateExtractionTest, ScoresPhrasesAndCountsRejectedPages) {
  fs::path dir = UniqueDir("trafilatura_pages");
  fs::create_directories(dir / "eval");
  fs::create_directories(dir / "cache");
  std::ofstream(dir / "eval" / "kept.html")
      << "<html><body><nav><a href=/>Impressum</a></nav><article><p>Der Gemeinderat hat am "
         "Dienstag beschlossen, den Hafen zu erweitern, nach einer langen Debatte.</p>"
         "<p>Die Gegner warnen vor Schäden am Strand.</p></article></body></html>";
  std::ofstream(dir / "cache" / "empty.html") << "<html><body><img src=a.png></body></html>";
  std::ofstream(dir / "evaldata.json")
      << "{\"https://x.test/kept\": {\"file\": \"kept.html\", \"with\": [\"den Hafen  zu "
         "erweitern\", \"Schäden am Strand\", \"nicht im Text\"], \"without\": [\"Impressum\"], "
         "\"date\": \"2020-02-03\"}, \"https://x.test/empty\": {\"file\": \"empty.html\", "
         "\"with\": [\"etwas\"], \"without\": [\"Menü\"]}, \"https://x.test/gone\": {\"file\": "
         "\"gone.html\", \"with\": [\"x\"], \"without\": [\"y\"]}}";
  ExtractEvalOptions options;
  options.format = ExtractFormat::kTrafilatura;
  Result<ExtractEvalReport> report = EvaluateExtraction(dir.string(), options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->pages, 2u);
  EXPECT_EQ(report->missing_html, 1u);
  EXPECT_EQ(report->metric, "phrases");
  EXPECT_EQ(report->items[0].id, "empty");
  EXPECT_TRUE(report->items[0].rejected);
  EXPECT_FALSE(report->items[0].error.empty());
  EXPECT_EQ(report->rejected, 1u);
  const PhraseCounts& kept = report->items[1].phrases;
  EXPECT_EQ(kept.tp, 2u);  // white space inside a phrase does not matter
  EXPECT_EQ(kept.fn, 1u);
  EXPECT_EQ(kept.fp, 0u);
  EXPECT_EQ(kept.tn, 1u);
  // Summed: tp 2, fp 0, fn 1 + 1 (the rejected page's phrase).
  EXPECT_DOUBLE_EQ(report->overall.precision, 1.0);
  EXPECT_DOUBLE_EQ(report->overall.recall, 0.5);
  EXPECT_EQ(report->date_pages, 1u);
  fs::remove_all(dir);
}

TEST(MatchPhrasesTest, CollapsesUnicodeSpace) {
  PhraseCounts c = MatchPhrases(
      "a\xC2\xA0"
      "b c\n\nd",
      {"a b c d", "b  c"}, {"x"});
  EXPECT_EQ(c.tp, 2u);
  EXPECT_EQ(c.tn, 1u);
  PhraseCounts none = MatchPhrases("", {"a"}, {"b"});
  EXPECT_EQ(none.fn, 1u);
  EXPECT_EQ(none.tn, 1u);
}

TEST(ParseExtractFormatTest, KnownNames) {
  EXPECT_EQ(*ParseExtractFormat("readability"), ExtractFormat::kReadability);
  EXPECT_EQ(*ParseExtractFormat(""), ExtractFormat::kZyte);
  EXPECT_FALSE(ParseExtractFormat("cleaneval").ok());
  EXPECT_FALSE(ReadExtractDataset(ExtractFormat::kZyte, "/nonexistent", "half").ok());
}

TEST(EvaluateExtractionTest, MissingFolderIsNotFound) {
  Result<ExtractEvalReport> report = EvaluateExtraction("/nonexistent/extract-eval-data");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace depeche::eval
