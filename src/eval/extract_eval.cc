#include "eval/extract_eval.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "core/time.h"
#include "ingest/html_article.h"
#include "nlohmann/json.hpp"

namespace depeche::eval {
namespace {

namespace fs = std::filesystem;

// Python's str.isalnum() (which is what `\w` tests, with '_'): letters (L*) and characters
// with a Numeric_Type (digits, numerals, fractions).
bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return u_isalpha(c) || u_getNumericValue(c) != U_NO_NUMERIC_VALUE;
}

Result<std::string> ReadMaybeGzip(const fs::path& path) {
  gzFile file = gzopen(path.string().c_str(), "rb");
  if (file == nullptr) return UnavailableError("cannot open " + path.string());
  std::string out;
  char buf[1 << 16];
  while (true) {
    int n = gzread(file, buf, sizeof(buf));
    if (n < 0) {
      gzclose(file);
      return DataLossError("corrupt gzip file " + path.string());
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  gzclose(file);
  return out;
}

std::string DayOf(const std::string& text) {
  Result<PublicationDate> d = core::ParseIsoDate(text);
  if (!d.ok() || d->precision < DatePrecision::kDay) return "";
  // Placeholders such as "0001-01-01" are not a date the page gives.
  if (d->iso.compare(0, 4, "1900") < 0) return "";
  return d->iso.substr(0, 10);
}

// The page's own JSON-LD datePublished, found lexically (independently of the extractor's
// JSON-LD reader) in the first ld+json script that has one.
std::string JsonLdDay(const std::string& html) {
  size_t pos = 0;
  while ((pos = html.find("\"datePublished\"", pos)) != std::string::npos) {
    size_t colon = html.find_first_not_of(" \t\r\n", pos + 15);
    pos += 15;
    if (colon == std::string::npos || html[colon] != ':') continue;
    size_t open = html.find_first_not_of(" \t\r\n", colon + 1);
    if (open == std::string::npos || html[open] != '"') continue;
    size_t close = html.find('"', open + 1);
    if (close == std::string::npos || close - open > 64) continue;
    std::string day = DayOf(html.substr(open + 1, close - open - 1));
    if (!day.empty()) return day;
  }
  return "";
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

Result<ExtractEvalReport> EvaluateExtraction(const std::string& data_dir) {
  fs::path dir(data_dir);
  fs::path truth_path = dir / "ground-truth.json";
  fs::path html_dir = dir / "html";
  std::error_code ec;
  if (!fs::is_regular_file(truth_path, ec)) return NotFoundError("no " + truth_path.string());
  if (!fs::is_directory(html_dir, ec)) return NotFoundError("no folder " + html_dir.string());
  std::ifstream in(truth_path, std::ios::binary);
  if (!in) return UnavailableError("cannot read " + truth_path.string());
  std::stringstream raw;
  raw << in.rdbuf();
  nlohmann::json truth = nlohmann::json::parse(raw.str(), nullptr, false);
  if (truth.is_discarded() || !truth.is_object()) {
    return DataLossError(truth_path.string() + " is not a JSON object");
  }
  ExtractEvalReport report;
  std::vector<ShingleCounts> all;
  size_t exact = 0, dates_right = 0, fallback_right = 0;
  double bytes_total = 0;
  for (const auto& [id, entry] : truth.items()) {
    fs::path path = html_dir / (id + ".html.gz");
    if (!fs::exists(path, ec)) path = html_dir / (id + ".html");
    if (!fs::exists(path, ec)) {
      ++report.missing_html;
      continue;
    }
    DEPECHE_ASSIGN_OR_RETURN(std::string html, ReadMaybeGzip(path));
    auto field = [&](const char* key) {
      auto it = entry.find(key);
      return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    ExtractEvalItem item;
    item.id = id;
    item.url = field("url");
    item.html_bytes = html.size();
    ingest::HtmlExtractOptions options;
    options.url = item.url;
    auto start = std::chrono::steady_clock::now();
    Result<ingest::HtmlArticle> article = ingest::ExtractHtmlArticle(html, options);
    report.extract_seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes_total += static_cast<double>(html.size());
    std::string predicted;
    if (article.ok()) {
      predicted = article->text;
      if (article->metadata.published.precision >= DatePrecision::kDay) {
        item.predicted_date = article->metadata.published.iso.substr(0, 10);
      }
      item.date_source = article->metadata.published_source;
      const PublicationDate& fallback = article->metadata.published_without_json_ld;
      if (fallback.precision >= DatePrecision::kDay)
        item.fallback_date = fallback.iso.substr(0, 10);
    } else {
      item.error = article.status().ToString();
    }
    std::string gold = field("articleBody");
    item.counts = MatchShingles(gold, predicted);
    item.scores = ScoresFromCounts({item.counts});
    item.exact = BenchmarkTokens(gold) == BenchmarkTokens(predicted);
    exact += item.exact;
    std::string gold_date = field("datePublished");
    if (gold_date.empty()) gold_date = field("date");
    item.gold_date = gold_date.empty() ? JsonLdDay(html) : DayOf(gold_date);
    if (!item.gold_date.empty()) {
      ++report.date_pages;
      dates_right += item.gold_date == item.predicted_date;
      fallback_right += item.gold_date == item.fallback_date;
    }
    all.push_back(item.counts);
    report.items.push_back(std::move(item));
  }
  std::sort(report.items.begin(), report.items.end(),
            [](const ExtractEvalItem& a, const ExtractEvalItem& b) { return a.id < b.id; });
  report.pages = report.items.size();
  report.overall = ScoresFromCounts(all);
  if (report.pages > 0) report.accuracy = static_cast<double>(exact) / report.pages;
  if (report.date_pages > 0) {
    report.date_accuracy = static_cast<double>(dates_right) / report.date_pages;
    report.date_accuracy_without_json_ld = static_cast<double>(fallback_right) / report.date_pages;
  }
  if (report.extract_seconds > 0) {
    report.pages_per_second = report.pages / report.extract_seconds;
    report.mb_per_second = bytes_total / 1e6 / report.extract_seconds;
  }
  return report;
}

}  // namespace depeche::eval
