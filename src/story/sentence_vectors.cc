#include "story/sentence_vectors.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche::story {

SentenceTokenizer::SentenceTokenizer(
    const std::map<std::string, text::StopWords, std::less<>>& stop_words)
    : stop_words_(stop_words) {}

SentenceTokenizer::Language& SentenceTokenizer::For(std::string_view lang) {
  auto it = languages_.find(lang);
  if (it != languages_.end()) return it->second;
  Language l;
  if (text::Stemmer::Supports(lang)) {
    auto made = text::Stemmer::Create(lang);
    if (made.ok()) l.stemmer = std::move(made).value();
  }
  auto stop = stop_words_.find(lang);
  if (stop != stop_words_.end()) l.stop = &stop->second;
  return languages_.emplace(std::string(lang), std::move(l)).first->second;
}

SentenceTokens SentenceTokenizer::Read(std::string_view sentence, std::string_view lang) {
  Language& language = For(lang.substr(0, 2));
  const std::string folded = text::Fold(sentence);
  SentenceTokens out;
  std::string key;
  for (text::WordRun run = text::NextWord(folded, 0); run.end != 0;
       run = text::NextWord(folded, run.end)) {
    const std::string_view word(folded.data() + run.begin, run.end - run.begin);
    if (out.words++ == 0) out.first = std::string(word);
    if (word.size() < 2 || std::isdigit(static_cast<unsigned char>(word[0]))) continue;
    // Words repeat: each is looked up in the stop words and stemmed once per language.
    key.assign(word);
    auto [known, added] = language.words.try_emplace(key, kNoTerm);
    if (added) {
      if (language.stop != nullptr && language.stop->words().count(key) > 0) continue;
      std::string stem(language.stemmer != nullptr ? language.stemmer->Stem(word) : word);
      known->second =
          term_ids_.emplace(std::move(stem), static_cast<uint32_t>(term_ids_.size())).first->second;
    }
    if (known->second != kNoTerm) out.terms.push_back(known->second);
  }
  std::sort(out.terms.begin(), out.terms.end());
  return out;
}

std::vector<TermVector> TfIdfVectors(const std::vector<std::vector<uint32_t>>& bags,
                                     size_t term_count) {
  std::vector<double> df(term_count, 0);
  for (const std::vector<uint32_t>& bag : bags) {
    for (size_t i = 0; i < bag.size(); ++i) {
      if (i == 0 || bag[i] != bag[i - 1]) df[bag[i]] += 1;
    }
  }
  const double n = static_cast<double>(bags.size());
  std::vector<TermVector> vectors(bags.size());
  for (size_t i = 0; i < bags.size(); ++i) {
    const std::vector<uint32_t>& bag = bags[i];
    TermVector& v = vectors[i];
    double norm = 0;
    for (size_t k = 0; k < bag.size();) {
      size_t e = k;
      while (e < bag.size() && bag[e] == bag[k]) ++e;
      const double w = static_cast<double>(e - k) * std::log(1.0 + n / df[bag[k]]);
      v.emplace_back(bag[k], w);
      norm += w * w;
      k = e;
    }
    norm = std::sqrt(norm);
    for (auto& t : v) t.second = norm > 0 ? t.second / norm : 0;
  }
  return vectors;
}

double Dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

}  // namespace depeche::story
