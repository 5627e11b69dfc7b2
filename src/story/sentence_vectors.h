// Sentence vectors for the story's extractive stages (the summary, the timeline): a sentence
// read as the stems of its folded content words (stop words, one-letter words and numbers left
// out), weighted by TF-IDF over the sentences at hand and scaled to unit length, so that the
// dot product of two vectors is their cosine.
//
// A SentenceTokenizer holds the term ids and the stemmers of one computation: not thread-safe,
// one per call (Summarizer::Summarize, TimelineBuilder::Build).
#ifndef DEPECHE_STORY_SENTENCE_VECTORS_H_
#define DEPECHE_STORY_SENTENCE_VECTORS_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/stemmer.h"
#include "text/stopwords.h"

namespace depeche::story {

struct SentenceTokens {
  size_t words = 0;             // every word of the sentence, stop words included
  std::string first;            // its first word, folded ("" when none)
  std::vector<uint32_t> terms;  // term ids of its content words' stems, sorted, repeated
};

// (term id, weight), sorted by term id.
using TermVector = std::vector<std::pair<uint32_t, double>>;

class SentenceTokenizer {
 public:
  // `stop_words` by language (ISO 639-1), not owned: must outlive the tokenizer.
  explicit SentenceTokenizer(const std::map<std::string, text::StopWords, std::less<>>& stop_words);

  // `sentence` as words, stemmed with `lang`'s Snowball stemmer (unstemmed when it has none;
  // only the first two letters of `lang` count). Term ids count from 0 in order of first use.
  SentenceTokens Read(std::string_view sentence, std::string_view lang);

  size_t term_count() const { return term_ids_.size(); }

 private:
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  struct Language {
    std::unique_ptr<text::Stemmer> stemmer;           // null: none for the language
    const text::StopWords* stop = nullptr;            // its words are folded, as the words read
    std::unordered_map<std::string, uint32_t> words;  // folded word -> term id or kNoTerm
  };
  Language& For(std::string_view lang);

  const std::map<std::string, text::StopWords, std::less<>>& stop_words_;
  std::map<std::string, Language, std::less<>> languages_;
  std::unordered_map<std::string, uint32_t> term_ids_;
};

// Unit TF-IDF vectors of `bags` (term ids < term_count, sorted, repeated): term frequency times
// log(1 + n / document frequency) over the n bags. An empty bag gives an empty vector.
std::vector<TermVector> TfIdfVectors(const std::vector<std::vector<uint32_t>>& bags,
                                     size_t term_count);

// The dot product of two vectors (their cosine when both have unit length).
double Dot(const TermVector& a, const TermVector& b);

}  // namespace depeche::story

#endif  // DEPECHE_STORY_SENTENCE_VECTORS_H_
