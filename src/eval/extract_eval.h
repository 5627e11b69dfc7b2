// Scoring article-body extraction the way the Zyte article-extraction-benchmark does
// (scrapinghub/article-extraction-benchmark, evaluate.py) or, for sets whose gold is phrases,
// the way trafilatura's evaluation does; plus pages refused and publication-date accuracy.
#ifndef DEPECHE_EVAL_EXTRACT_EVAL_H_
#define DEPECHE_EVAL_EXTRACT_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "eval/extract_datasets.h"

namespace depeche::eval {

// The benchmark's tokens: maximal runs of Python-`\w` characters (Unicode letters, characters
// with a numeric value, and '_'). Thread-safe.
std::vector<std::string> BenchmarkTokens(std::string_view text);

// TP/FP/FN over multisets of `n`-token shingles (a text with fewer than n tokens is one
// shingle), normalised to sum 1 when any is non-zero.
struct ShingleCounts {
  double tp = 0, fp = 0, fn = 0;
};
ShingleCounts MatchShingles(std::string_view truth, std::string_view prediction, int n = 4);

// Precision = mean over pages with tp+fp > 0, recall = mean over pages with tp+fn > 0 (a page
// with fp == fn == 0 scores 1), F1 from the two means. Zeros when no page qualifies.
struct PrfScores {
  double precision = 0, recall = 0, f1 = 0;
};
PrfScores ScoresFromCounts(const std::vector<ShingleCounts>& pages);

// Phrase scoring (trafilatura's evaluation): a "with" phrase found in the body is a true
// positive, one missing a false negative; a "without" phrase found is a false positive, one
// absent a true negative. Both sides are whitespace-collapsed before the substring test.
struct PhraseCounts {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
};
PhraseCounts MatchPhrases(std::string_view body, const std::vector<std::string>& with,
                          const std::vector<std::string>& without);
// Precision tp/(tp+fp) and recall tp/(tp+fn) over the summed counts, F1 from the two.
PrfScores ScoresFromPhrases(const PhraseCounts& total);

struct ExtractEvalOptions {
  ExtractFormat format = ExtractFormat::kZyte;
  std::string split = "all";  // all | dev | test (see InExtractSplit)
};

struct ExtractEvalItem {
  std::string id;              // file or folder name without extension
  std::string url;             // from the ground truth, may be empty
  ShingleCounts counts;        // against the gold text (sets with a gold text)
  PhraseCounts phrases;        // against the gold phrases (trafilatura)
  PrfScores scores;            // this page alone, on the set's metric
  bool exact = false;          // token sequences identical (the benchmark's "accuracy")
  bool rejected = false;       // ingest would refuse the page (then it scores as empty)
  bool article = true;         // the gold data holds the page for an article
  std::string error;           // why it was refused: extraction error or "no article" reason
  std::string gold_date;       // reference publication day "YYYY-MM-DD" (UTC), empty if none
  std::string predicted_date;  // extracted publication day, empty if none
  std::string date_source;     // where the extractor found it ("json-ld", "meta", ...)
  std::string fallback_date;   // the day found when the page's JSON-LD is ignored
  size_t html_bytes = 0;
  size_t text_chars = 0;  // code points of the extracted body
};

struct ExtractEvalReport {
  std::string format;                  // "zyte", "readability", "trafilatura"
  std::string split;                   // "all", "dev", "test"
  std::string metric;                  // "shingles" or "phrases"
  std::vector<ExtractEvalItem> items;  // sorted by id
  PrfScores overall;
  double accuracy = 0;  // share of pages whose token sequence matches exactly (shingle sets)
  size_t rejected = 0;  // pages ingest would refuse (extraction error or no article found)
  size_t articles = 0;  // pages the gold data holds for articles (ExtractCase::article)
  size_t rejected_articles = 0;  // of those, the pages refused
  // Publication days are scored only where the gold data gives one: the page's own markup is
  // never taken as the reference.
  double date_accuracy = 0;  // share of pages with a gold day whose extracted day matches
  size_t date_pages = 0;     // pages with a gold day
  // The same share when the extractor ignores JSON-LD (meta, <time>, URL, dateline only).
  double date_accuracy_without_json_ld = 0;
  size_t pages = 0;
  size_t missing_html = 0;     // ground-truth entries without an html file
  double extract_seconds = 0;  // time spent in ExtractHtmlArticle only
  double pages_per_second = 0;
  double mb_per_second = 0;  // uncompressed HTML bytes
};

// Runs depeche's HTML extractor (the call ingest makes) on every page of the set in `data_dir`
// (layouts in extract_datasets.h) that belongs to `options.split`, and scores the body with the
// set's metric: 4-token shingles against the gold text (zyte, readability) or phrases
// (trafilatura). A page the ingest path would refuse counts as rejected and scores as an empty
// body. Pages are processed one after the other on the calling thread.
// Errors: those of ReadExtractDataset; DataLoss when a gzip page is corrupt; Unavailable on
// read failures.
Result<ExtractEvalReport> EvaluateExtraction(const std::string& data_dir,
                                             const ExtractEvalOptions& options = {});

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_EXTRACT_EVAL_H_
