#include "eval/rouge.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace depeche::eval {
namespace {

// Perl's \s of ROUGE-1.5.5's days (no vertical tab).
bool IsPerlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// split(/\s+/, s) in Perl: a leading separator gives an empty first field, trailing empty fields
// are dropped. ROUGE counts these fields as the line's words for -l.
std::vector<std::string> PerlSplit(const std::string& s) {
  std::vector<std::string> fields;
  size_t i = 0;
  const size_t n = s.size();
  if (n > 0 && IsPerlSpace(s[0])) {
    while (i < n && IsPerlSpace(s[i])) ++i;
    if (i == n) return fields;  // only spaces: no field
    fields.emplace_back();
  }
  while (i < n) {
    const size_t start = i;
    while (i < n && !IsPerlSpace(s[i])) ++i;
    fields.emplace_back(s.substr(start, i - start));
    while (i < n && IsPerlSpace(s[i])) ++i;
  }
  return fields;
}

void Add(RougeGrams& grams, const std::string& gram) {
  ++grams.counts[gram];
  ++grams.total;
}

RougePrf Prf(int hits, int model_total, int peer_total, const RougeOptions& options) {
  RougePrf s;
  s.recall = model_total > 0 ? static_cast<double>(hits) / model_total : 0.0;
  s.precision = peer_total > 0 ? static_cast<double>(hits) / peer_total : 0.0;
  if (options.round_scores) {
    s.recall = RoundRouge(s.recall);
    s.precision = RoundRouge(s.precision);
  }
  const double denominator = (1 - options.alpha) * s.precision + options.alpha * s.recall;
  s.f = denominator > 0 ? s.precision * s.recall / denominator : 0.0;
  if (options.round_scores) s.f = RoundRouge(s.f);
  return s;
}

void Accumulate(RougePrf& sum, const RougePrf& s) {
  sum.recall += s.recall;
  sum.precision += s.precision;
  sum.f += s.f;
}

void Divide(RougePrf& sum, double n) {
  sum.recall /= n;
  sum.precision /= n;
  sum.f /= n;
}

}  // namespace

double RoundRouge(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%.5f", value);
  return std::strtod(buffer, nullptr);
}

std::vector<std::string> RougeTruncate(const std::vector<std::string>& lines, int word_limit) {
  std::vector<std::string> kept;
  size_t total = 0;
  const size_t limit = word_limit > 0 ? static_cast<size_t>(word_limit) : 0;
  for (const std::string& line : lines) {
    if (line.empty()) continue;  // ROUGE skips empty lines (a line of spaces is kept)
    std::string lower = line;
    std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
    if (limit == 0) {
      kept.push_back(std::move(lower));
      continue;
    }
    const std::vector<std::string> words = PerlSplit(lower);
    if (total + words.size() < limit) {
      total += words.size();
      kept.push_back(std::move(lower));
      continue;
    }
    std::string cut;
    for (size_t i = 0; i < limit - total && i < words.size(); ++i) {
      if (i > 0) cut += ' ';
      cut += words[i];
    }
    kept.push_back(std::move(cut));
    break;
  }
  return kept;
}

std::vector<std::string> RougeTokens(const std::vector<std::string>& lines,
                                     const RougeOptions& options, RougeStemmer& stemmer) {
  std::vector<std::string> tokens;
  for (const std::string& line : RougeTruncate(lines, options.word_limit)) {
    size_t i = 0;
    while (i < line.size()) {
      if (!IsAlnum(line[i])) {
        ++i;
        continue;
      }
      const size_t start = i;
      while (i < line.size() && IsAlnum(line[i])) ++i;
      std::string token = line.substr(start, i - start);
      tokens.push_back(options.stem ? stemmer.Stem(token) : std::move(token));
    }
  }
  return tokens;
}

RougeGrams RougeNGrams(const std::vector<std::string>& tokens, int n) {
  RougeGrams grams;
  if (n <= 0) return grams;
  const size_t size = static_cast<size_t>(n);
  for (size_t i = 0; i + size <= tokens.size(); ++i) {
    std::string gram = tokens[i];
    for (size_t j = i + 1; j < i + size; ++j) {
      gram += ' ';
      gram += tokens[j];
    }
    Add(grams, gram);
  }
  return grams;
}

RougeGrams RougeSkipBigrams(const std::vector<std::string>& tokens, int skip_distance,
                            bool with_unigrams) {
  RougeGrams grams;
  // As ROUGE-1.5.5: the outer loop stops before the last token, so its unigram is not counted.
  for (size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (with_unigrams) Add(grams, tokens[i]);
    for (size_t j = i + 1; j < tokens.size(); ++j) {
      if (skip_distance >= 0 && j > i + static_cast<size_t>(skip_distance) + 1) break;
      Add(grams, tokens[i] + ' ' + tokens[j]);
    }
  }
  return grams;
}

RougeSummary AnalyzeRougeSummary(const std::vector<std::string>& lines, const RougeOptions& options,
                                 RougeStemmer& stemmer) {
  RougeSummary summary;
  summary.tokens = RougeTokens(lines, options, stemmer);
  summary.unigrams = RougeNGrams(summary.tokens, 1);
  summary.bigrams = RougeNGrams(summary.tokens, 2);
  summary.skip_bigrams =
      RougeSkipBigrams(summary.tokens, options.skip_distance, options.skip_unigrams);
  return summary;
}

int RougeHits(const RougeGrams& peer, const RougeGrams& model) {
  const RougeGrams& small = peer.counts.size() < model.counts.size() ? peer : model;
  const RougeGrams& large = &small == &peer ? model : peer;
  int hits = 0;
  for (const auto& [gram, count] : small.counts) {
    auto other = large.counts.find(gram);
    if (other != large.counts.end()) hits += std::min(count, other->second);
  }
  return hits;
}

RougeScores ScoreRouge(const RougeSummary& peer, const std::vector<const RougeSummary*>& models,
                       const RougeOptions& options) {
  int hits[3] = {0, 0, 0};
  int model_totals[3] = {0, 0, 0};
  int peer_totals[3] = {0, 0, 0};
  const RougeGrams RougeSummary::*kinds[3] = {&RougeSummary::unigrams, &RougeSummary::bigrams,
                                              &RougeSummary::skip_bigrams};
  for (const RougeSummary* model : models) {
    for (int k = 0; k < 3; ++k) {
      hits[k] += RougeHits(peer.*kinds[k], model->*kinds[k]);
      model_totals[k] += (model->*kinds[k]).total;
      peer_totals[k] += (peer.*kinds[k]).total;
    }
  }
  RougeScores scores;
  scores.rouge1 = Prf(hits[0], model_totals[0], peer_totals[0], options);
  scores.rouge2 = Prf(hits[1], model_totals[1], peer_totals[1], options);
  scores.su4 = Prf(hits[2], model_totals[2], peer_totals[2], options);
  return scores;
}

RougeScores JackknifeRouge(const RougeSummary& peer, const std::vector<const RougeSummary*>& models,
                           const RougeOptions& options) {
  if (models.size() < 2) return ScoreRouge(peer, models, options);
  RougeScores sum;
  std::vector<const RougeSummary*> subset;
  for (size_t left_out = 0; left_out < models.size(); ++left_out) {
    subset.clear();
    for (size_t m = 0; m < models.size(); ++m) {
      if (m != left_out) subset.push_back(models[m]);
    }
    const RougeScores s = ScoreRouge(peer, subset, options);
    Accumulate(sum.rouge1, s.rouge1);
    Accumulate(sum.rouge2, s.rouge2);
    Accumulate(sum.su4, s.su4);
  }
  const double n = static_cast<double>(models.size());
  Divide(sum.rouge1, n);
  Divide(sum.rouge2, n);
  Divide(sum.su4, n);
  return sum;
}

}  // namespace depeche::eval
