#include "eval/extract_eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <unordered_map>
#include <utility>

#include "ingest/html_article.h"

namespace depeche::eval {
namespace {

// Python's str.isalnum() (which is what `\w` tests, with '_'): letters (L*) and characters
// with a Numeric_Type (digits, numerals, fractions).
bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return u_isalpha(c) || u_getNumericValue(c) != U_NO_NUMERIC_VALUE;
}

// Python's re.sub(r"\s+", " ", text).strip() on a str: Unicode white space (no-break space
// included) collapsed to one space.
std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  bool space = false;
  for (int32_t i = 0; i < length;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.append(text.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
  }
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

double PrecisionOf(const ShingleCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1;
  if (c.tp == 0 && c.fp == 0) return 0;
  return c.tp / (c.tp + c.fp);
}

double RecallOf(const ShingleCounts& c) {
  if (c.fp == 0 && c.fn == 0) return 1;
  if (c.tp == 0 && c.fn == 0) return 0;
  return c.tp / (c.tp + c.fn);
}

}  // namespace

std::vector<std::string> BenchmarkTokens(std::string_view text) {
  std::vector<std::string> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t start = -1;
  while (i < length) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    bool word = c >= 0 && IsWordChar(c);
    if (word && start < 0) start = at;
    if (!word && start >= 0) {
      tokens.emplace_back(text.substr(static_cast<size_t>(start), static_cast<size_t>(at - start)));
      start = -1;
    }
  }
  if (start >= 0) tokens.emplace_back(text.substr(static_cast<size_t>(start)));
  return tokens;
}

ShingleCounts MatchShingles(std::string_view truth, std::string_view prediction, int n) {
  auto shingles = [n](std::string_view text) {
    std::vector<std::string> tokens = BenchmarkTokens(text);
    std::unordered_map<std::string, double> counts;
    size_t count = tokens.size() >= static_cast<size_t>(n) ? tokens.size() - n + 1 : 1;
    for (size_t i = 0; i < count && !tokens.empty(); ++i) {
      std::string key;
      for (size_t k = i; k < i + static_cast<size_t>(n) && k < tokens.size(); ++k) {
        key += tokens[k];
        key.push_back('\x1f');
      }
      counts[key] += 1;
    }
    return counts;
  };
  std::unordered_map<std::string, double> t = shingles(truth);
  std::unordered_map<std::string, double> p = shingles(prediction);
  ShingleCounts c;
  for (const auto& [key, tc] : t) {
    auto it = p.find(key);
    double pc = it == p.end() ? 0 : it->second;
    c.tp += std::min(tc, pc);
    c.fn += std::max(0.0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    auto it = t.find(key);
    c.fp += std::max(0.0, pc - (it == t.end() ? 0 : it->second));
  }
  double sum = c.tp + c.fp + c.fn;
  if (sum > 0) {
    c.tp /= sum;
    c.fp /= sum;
    c.fn /= sum;
  }
  return c;
}

PrfScores ScoresFromCounts(const std::vector<ShingleCounts>& pages) {
  double p_sum = 0, r_sum = 0;
  size_t p_n = 0, r_n = 0;
  for (const ShingleCounts& c : pages) {
    if (c.tp + c.fp > 0) {
      p_sum += PrecisionOf(c);
      ++p_n;
    }
    if (c.tp + c.fn > 0) {
      r_sum += RecallOf(c);
      ++r_n;
    }
  }
  PrfScores s;
  s.precision = p_n > 0 ? p_sum / static_cast<double>(p_n) : 0;
  s.recall = r_n > 0 ? r_sum / static_cast<double>(r_n) : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

PhraseCounts MatchPhrases(std::string_view body, const std::vector<std::string>& with,
                          const std::vector<std::string>& without) {
  std::string text = CollapseWhitespace(body);
  PhraseCounts c;
  for (const std::string& w : with) {
    bool found = !text.empty() && text.find(CollapseWhitespace(w)) != std::string::npos;
    ++(found ? c.tp : c.fn);
  }
  for (const std::string& w : without) {
    bool found = !text.empty() && text.find(CollapseWhitespace(w)) != std::string::npos;
    ++(found ? c.fp : c.tn);
  }
  return c;
}

PrfScores ScoresFromPhrases(const PhraseCounts& total) {
  PrfScores s;
  double tp = static_cast<double>(total.tp);
  if (total.tp + total.fp > 0) s.precision = tp / static_cast<double>(total.tp + total.fp);
  if (total.tp + total.fn > 0) s.recall = tp / static_cast<double>(total.tp + total.fn);
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

Result<ExtractEvalReport> EvaluateExtraction(const std::string& data_dir,
                                             const ExtractEvalOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(ExtractDataset set,
                           ReadExtractDataset(options.format, data_dir, options.split));
  ExtractEvalReport report;
  report.format = ExtractFormatName(options.format);
  report.split = options.split;
  report.metric = options.format == ExtractFormat::kTrafilatura ? "phrases" : "shingles";
  report.missing_html = set.missing_html;
  std::vector<ShingleCounts> all;
  PhraseCounts phrases;
  size_t exact = 0, dates_right = 0, fallback_right = 0;
  double bytes_total = 0;
  for (ExtractCase& gold : set.cases) {
    DEPECHE_ASSIGN_OR_RETURN(std::string html, ReadMaybeGzip(gold.html_path));
    ExtractEvalItem item;
    item.id = gold.id;
    item.url = gold.url;
    item.html_bytes = html.size();
    ingest::HtmlExtractOptions extract_options;
    extract_options.url = item.url;
    auto start = std::chrono::steady_clock::now();
    Result<ingest::HtmlArticle> article = ingest::ExtractHtmlArticle(html, extract_options);
    report.extract_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes_total += static_cast<double>(html.size());
    std::string predicted;
    if (!article.ok()) {
      item.rejected = true;
      item.error = article.status().ToString();
    } else if (!article->no_article.empty()) {
      item.rejected = true;  // ingest stores nothing for this page
      item.error = article->no_article;
    } else {
      predicted = std::move(article->text);
    }
    if (article.ok()) {
      if (article->metadata.published.precision >= DatePrecision::kDay) {
        item.predicted_date = article->metadata.published.iso.substr(0, 10);
      }
      item.date_source = article->metadata.published_source;
      const PublicationDate& fallback = article->metadata.published_without_json_ld;
      if (fallback.precision >= DatePrecision::kDay)
        item.fallback_date = fallback.iso.substr(0, 10);
    }
    report.rejected += item.rejected;
    item.article = gold.article;
    report.articles += gold.article;
    report.rejected_articles += gold.article && item.rejected;
    item.text_chars = CodePoints(predicted);
    if (gold.has_gold_text) {
      item.counts = MatchShingles(gold.gold_text, predicted);
      item.scores = ScoresFromCounts({item.counts});
      item.exact = BenchmarkTokens(gold.gold_text) == BenchmarkTokens(predicted);
      exact += item.exact;
      all.push_back(item.counts);
    } else {
      item.phrases = MatchPhrases(predicted, gold.with, gold.without);
      item.scores = ScoresFromPhrases(item.phrases);
      phrases.tp += item.phrases.tp;
      phrases.fp += item.phrases.fp;
      phrases.fn += item.phrases.fn;
      phrases.tn += item.phrases.tn;
    }
    // Only a date the gold data states is a reference: never the page's own markup.
    item.gold_date = gold.gold_date;
    if (!item.gold_date.empty()) {
      ++report.date_pages;
      dates_right += item.gold_date == item.predicted_date;
      fallback_right += item.gold_date == item.fallback_date;
    }
    report.items.push_back(std::move(item));
  }
  report.pages = report.items.size();
  report.overall = report.metric == "phrases" ? ScoresFromPhrases(phrases) : ScoresFromCounts(all);
  if (report.pages > 0 && report.metric == "shingles") {
    report.accuracy = static_cast<double>(exact) / static_cast<double>(report.pages);
  }
  if (report.date_pages > 0) {
    report.date_accuracy =
        static_cast<double>(dates_right) / static_cast<double>(report.date_pages);
    report.date_accuracy_without_json_ld =
        static_cast<double>(fallback_right) / static_cast<double>(report.date_pages);
  }
  if (report.extract_seconds > 0) {
    report.pages_per_second = static_cast<double>(report.pages) / report.extract_seconds;
    report.mb_per_second = bytes_total / 1e6 / report.extract_seconds;
  }
  return report;
}

}  // namespace depeche::eval
