// Language identification scoring (see langid_eval.h).
#include "eval/langid_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace depeche::eval {

Result<std::vector<LangIdExample>> ParseLangIdTsv(std::string_view content) {
  std::vector<LangIdExample> examples;
  size_t line_number = 0;
  while (!content.empty()) {
    ++line_number;
    const size_t end = content.find('\n');
    std::string_view line = content.substr(0, end);
    content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size()) {
      return InvalidArgumentError(fmt::format("line {}: expected 'lang<TAB>text', got '{}'",
                                              line_number,
                                              line.substr(0, std::min<size_t>(line.size(), 60))));
    }
    examples.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
  }
  return examples;
}

Result<std::vector<LangIdExample>> ReadLangIdTsv(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return NotFoundError("no such file: " + path);
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError("cannot read " + path);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return UnavailableError("error reading " + path);
  auto parsed = ParseLangIdTsv(content.str());
  if (!parsed.ok()) return parsed.status().WithContext(path);
  return parsed;
}

LangIdScore ScoreLangId(const text::LanguageIdentifier& identifier,
                        const std::vector<LangIdExample>& examples, std::string_view hint) {
  LangIdScore score;
  std::map<std::string, LangIdLanguageScore> per_language;
  std::map<std::pair<std::string, std::string>, size_t> confusions;
  identifier.Warm();  // what loads on first use is not part of the timing
  std::vector<text::LangGuess> guesses;
  guesses.reserve(examples.size());
  auto start = std::chrono::steady_clock::now();
  for (const auto& example : examples) guesses.push_back(identifier.Identify(example.text, hint));
  const double first_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (first_seconds > 0) {
    score.first_pass_texts_per_second = static_cast<double>(examples.size()) / first_seconds;
  }
  // The reported speed is the steady state: a second pass, with the model's pages in memory
  // and the identifier's caches filled, as in a long ingest.
  start = std::chrono::steady_clock::now();
  for (const auto& example : examples) (void)identifier.Identify(example.text, hint);
  const std::chrono::steady_clock::duration elapsed = std::chrono::steady_clock::now() - start;
  for (size_t i = 0; i < examples.size(); ++i) {
    const LangIdExample& example = examples[i];
    const text::LangGuess& guess = guesses[i];
    const bool ok = guess.code == example.lang;
    auto& lang = per_language[example.lang];
    lang.lang = example.lang;
    ++lang.total;
    ++score.total;
    score.bytes += example.text.size();
    if (guess.reliable) {
      ++score.reliable;
      if (ok) ++score.reliable_correct;
    }
    if (ok) {
      ++lang.correct;
      ++score.correct;
    } else {
      ++confusions[{example.lang, guess.code}];
    }
  }
  for (auto& [code, lang] : per_language) {
    lang.accuracy = static_cast<double>(lang.correct) / static_cast<double>(lang.total);
    score.per_language.push_back(lang);
  }
  for (const auto& [pair, count] : confusions) {
    score.confusions.push_back({pair.first, pair.second, count});
  }
  std::stable_sort(score.confusions.begin(), score.confusions.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  if (score.total > 0) {
    score.accuracy = static_cast<double>(score.correct) / static_cast<double>(score.total);
  }
  if (score.reliable > 0) {
    score.reliable_precision =
        static_cast<double>(score.reliable_correct) / static_cast<double>(score.reliable);
  }
  score.seconds = std::chrono::duration<double>(elapsed).count();
  if (score.seconds > 0) {
    score.texts_per_second = static_cast<double>(score.total) / score.seconds;
    score.bytes_per_second = static_cast<double>(score.bytes) / score.seconds;
  }
  return score;
}

std::string FormatLangIdReport(const LangIdScore& score, size_t max_confusions) {
  std::string out =
      fmt::format("accuracy {:.4f} ({} / {})\n", score.accuracy, score.correct, score.total);
  out += fmt::format("reliable {} of {}, precision {:.4f}\n", score.reliable, score.total,
                     score.reliable_precision);
  out += "lang  total  correct  accuracy\n";
  for (const auto& lang : score.per_language) {
    out += fmt::format("{:<5} {:>5}  {:>7}  {:>8.4f}\n", lang.lang, lang.total, lang.correct,
                       lang.accuracy);
  }
  if (!score.confusions.empty()) {
    out += "confusions (gold -> predicted):";
    const size_t n = std::min(max_confusions, score.confusions.size());
    for (size_t i = 0; i < n; ++i) {
      const auto& c = score.confusions[i];
      out += fmt::format(" {}->{} {}{}", c.gold, c.predicted, c.count, i + 1 < n ? "," : "");
    }
    out += '\n';
  }
  out += fmt::format("speed {:.0f} texts/s, {:.2f} MB/s ({:.3f} s); first pass {:.0f} texts/s\n",
                     score.texts_per_second, score.bytes_per_second / 1e6, score.seconds,
                     score.first_pass_texts_per_second);
  return out;
}

std::string LangIdScoreToJson(const LangIdScore& score, std::string_view data) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& lang : score.per_language) {
    items.push_back({{"lang", lang.lang},
                     {"total", lang.total},
                     {"correct", lang.correct},
                     {"accuracy", lang.accuracy}});
  }
  nlohmann::json confusions = nlohmann::json::array();
  for (const auto& c : score.confusions) {
    confusions.push_back({{"gold", c.gold}, {"predicted", c.predicted}, {"count", c.count}});
  }
  const nlohmann::json out = {
      {"task", "lang"},
      {"data", std::string(data)},
      {"overall", {{"accuracy", score.accuracy}, {"reliable_precision", score.reliable_precision}}},
      {"total", score.total},
      {"items", std::move(items)},
      {"confusions", std::move(confusions)},
      {"speed",
       {{"texts_per_second", score.texts_per_second},
        {"bytes_per_second", score.bytes_per_second},
        {"seconds", score.seconds},
        {"first_pass_texts_per_second", score.first_pass_texts_per_second}}},
  };
  // Texts may hold invalid UTF-8 only in labels; replace rather than throw.
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace depeche::eval
