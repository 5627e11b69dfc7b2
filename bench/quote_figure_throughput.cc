// depeche_bench_quotes_figures: quotation and figure extraction throughput on Reuters-21578
// (issue 12's speed target: quotes + figures at 2,000 articles per CPU second). Reads the corpus
// with eval::ReadReutersCorpus, then times what the analyzer runs at ingest: the quotes of the
// text with its wrapped lines read as paragraphs (extract::SoftWrapsAsSpaces,
// QuoteExtractor::Extract with the English lexicon, extract::ArticleQuotes) and its figures
// (FigureExtractor::Extract(text, "en"), extract::ArticleFigures), on each article's title +
// "\n" + body (the text is built before the clock starts), on one thread. CPU time is the process's
// user + system time; the fastest of --repeat passes is reported, with the quotes and figures
// found.
//
//   depeche_bench_quotes_figures [--data DIR] [--limit N] [--repeat N]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "eval/reuters_reader.h"
#include "extract/article_facts.h"
#include "extract/figures.h"
#include "extract/quotes.h"
#include "reuters_bench_args.h"

int main(int argc, char** argv) {
  depeche::bench::ReutersBenchArgs args;
  if (!depeche::bench::ParseReutersBenchArgs(argc, argv, args)) return 2;
  const std::string& data = args.data;
  const long limit = args.limit;
  const int repeat = args.repeat;
  auto quotes = depeche::extract::QuoteExtractor::Create(DEPECHE_SOURCE_DIR "/data", "en");
  if (!quotes.ok()) {
    std::fprintf(stderr, "depeche_bench_quotes_figures: %s\n", quotes.status().ToString().c_str());
    return 1;
  }
  auto figures = depeche::extract::FigureExtractor::Create(DEPECHE_SOURCE_DIR "/data");
  if (!figures.ok()) {
    std::fprintf(stderr, "depeche_bench_quotes_figures: %s\n", figures.status().ToString().c_str());
    return 1;
  }
  auto articles = depeche::eval::ReadReutersCorpus(data);
  if (!articles.ok()) {
    std::fprintf(stderr, "depeche_bench_quotes_figures: %s\n",
                 articles.status().ToString().c_str());
    return 1;
  }
  if (limit > 0 && static_cast<size_t>(limit) < articles->size()) articles->resize(limit);
  std::vector<std::string> texts;
  texts.reserve(articles->size());
  size_t bytes = 0;
  for (const auto& a : *articles) {
    texts.push_back(a.title + "\n" + a.body);
    bytes += texts.back().size();
  }
  double best = 0;
  double best_quotes = 0;
  double best_figures = 0;
  size_t quote_count = 0;
  size_t direct_count = 0;
  size_t figure_count = 0;
  for (int r = 0; r < repeat; ++r) {
    quote_count = 0;
    direct_count = 0;
    figure_count = 0;
    // Two passes over the articles (quotes, then figures) so that each extractor's share is
    // known without reading the clock around every article.
    const double start = depeche::core::ProcessCpuSeconds();
    for (const std::string& text : texts) {
      const std::vector<depeche::Quote> found = depeche::extract::ArticleQuotes(
          text, (*quotes)->Extract(depeche::extract::SoftWrapsAsSpaces(text)), {});
      quote_count += found.size();
      for (const depeche::Quote& q : found) {
        if (q.kind == "direct") ++direct_count;
      }
    }
    const double middle = depeche::core::ProcessCpuSeconds();
    for (const std::string& text : texts) {
      figure_count += depeche::extract::ArticleFigures((*figures)->Extract(text, "en"), {}).size();
    }
    const double quote_seconds = middle - start;
    const double figure_seconds = depeche::core::ProcessCpuSeconds() - middle;
    const double seconds = quote_seconds + figure_seconds;
    if (r == 0 || seconds < best) {
      best = seconds;
      best_quotes = quote_seconds;
      best_figures = figure_seconds;
    }
  }
  std::printf(
      "{\"articles\": %zu, \"bytes\": %zu, \"quotes\": %zu, \"direct_quotes\": %zu, "
      "\"figures\": %zu, \"cpu_seconds\": %.3f, \"quote_cpu_seconds\": %.3f, "
      "\"figure_cpu_seconds\": %.3f, \"articles_per_cpu_second\": %.0f, "
      "\"mb_per_cpu_second\": %.2f}\n",
      articles->size(), bytes, quote_count, direct_count, figure_count, best, best_quotes,
      best_figures, best > 0 ? articles->size() / best : 0.0, best > 0 ? bytes / best / 1e6 : 0.0);
  return 0;
}
