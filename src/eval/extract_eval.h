// Scoring article-body extraction the way the Zyte article-extraction-benchmark does
// (scrapinghub/article-extraction-benchmark, evaluate.py), plus publication-date accuracy.
#ifndef DEPECHE_EVAL_EXTRACT_EVAL_H_
#define DEPECHE_EVAL_EXTRACT_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

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

struct ExtractEvalItem {
  std::string id;   // file name without .html[.gz]
  std::string url;  // from the ground truth, may be empty
  ShingleCounts counts;
  PrfScores scores;            // this page alone
  bool exact = false;          // token sequences identical (the benchmark's "accuracy")
  std::string error;           // extraction error, if any (the page then scores as empty)
  std::string gold_date;       // reference publication day "YYYY-MM-DD" (UTC), empty if none
  std::string predicted_date;  // extracted publication day, empty if none
  std::string date_source;     // where the extractor found it ("json-ld", "meta", ...)
  std::string fallback_date;   // the day found when the page's JSON-LD is ignored
  size_t html_bytes = 0;
};

struct ExtractEvalReport {
  std::vector<ExtractEvalItem> items;  // sorted by id
  PrfScores overall;
  double accuracy = 0;       // share of pages whose token sequence matches exactly
  double date_accuracy = 0;  // share of dated pages whose extracted day matches
  size_t date_pages = 0;     // pages with a reference date
  // The same share when the extractor ignores JSON-LD (meta, <time>, URL, dateline only): the
  // reference is often JSON-LD itself, so this says how well the rest of the chain does.
  double date_accuracy_without_json_ld = 0;
  size_t pages = 0;
  size_t missing_html = 0;     // ground-truth entries without an html file
  double extract_seconds = 0;  // time spent in ExtractHtmlArticle only
  double pages_per_second = 0;
  double mb_per_second = 0;  // uncompressed HTML bytes
};

// Runs depeche's HTML extractor on every `html/<id>.html.gz` (or `.html`) of `data_dir` that
// `ground-truth.json` (an object id -> {"articleBody", "url"?, "datePublished"?}) lists, and
// scores it. The reference date of a page is the ground truth's datePublished (or "date") when
// given, else the page's own JSON-LD datePublished, compared as UTC days. Pages are processed
// one after the other on the calling thread.
// Errors: NotFound when the folder, html/ or ground-truth.json is missing; DataLoss when the
// ground truth is not a JSON object or a gzip file is corrupt; Unavailable on read failures.
Result<ExtractEvalReport> EvaluateExtraction(const std::string& data_dir);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_EXTRACT_EVAL_H_
