// Features of the NER tagger. Every feature is a 64-bit hash (XXH3 of the feature's text,
// seeded by its template), independent of the label: the model holds one weight row per
// feature, one weight per label (ner_model.h). Templates, for word i of a sentence:
//   bias; the folded word (text::Fold); the word as written; its short shape ("Xx", "XX.",
//   "dd-dd"); folded prefixes and suffixes of 1 to 4 characters; case/digit/hyphen/period
//   flags; the shape at sentence start; folded words at -2..+2 and the shapes at -1 and +1;
//   the bigrams (w-1, w) and (w, w+1); the shape trigram; (w-1, shape); document features;
//   gazetteer bits when a hook is given.
// Document features: for each folded word, how the document writes it away from a sentence
// start (lowercase, capitalised, all capitals). An all-caps headline word or a sentence-initial
// capital learns from the rest of the document whether it is written as a name elsewhere
// ("PARIS" -> "Paris" mid-sentence; "The" -> "the").
// The previous label is not a feature here: it is the first-order transition weight the
// Viterbi decoder (ner_decode.h) scores.
#ifndef DEPECHE_EXTRACT_NER_FEATURES_H_
#define DEPECHE_EXTRACT_NER_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace depeche::extract {

// Optional gazetteer evidence (src/extract/ner_gazetteer.h implements it over the gazetteers
// of src/extract/gazetteer.h). For each word of a sentence, Match sets up to 32 bits, each an
// indicator whose meaning the hook defines ("inside a country name", "first name followed by a
// capitalised word"...); every set bit becomes a feature, alone and with the word's case. A
// model records the Name() of the hook it was trained with (absent: none); a hook's Name must
// change whenever the meaning of its bits does, so that a model never reads another hook's bits
// (NerTagger::Load refuses a mismatch).
// Thread safety: Match is called concurrently from tagging threads; it must be const-safe.
class NerGazetteerHook {
 public:
  virtual ~NerGazetteerHook() = default;
  virtual std::string_view Name() const = 0;
  // `words` as written, `folded` their text::Fold; `bits` comes in sized words.size() and
  // zeroed.
  virtual void Match(const std::vector<std::string_view>& words,
                     const std::vector<std::string_view>& folded,
                     std::vector<uint32_t>& bits) const = 0;
};

// The feature hashes of each word of one sentence.
struct NerSentenceFeatures {
  std::vector<uint32_t> offsets;  // word i has hashes[offsets[i], offsets[i + 1])
  std::vector<uint64_t> hashes;

  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const uint64_t> Word(size_t i) const {
    return {hashes.data() + offsets[i], hashes.data() + offsets[i + 1]};
  }
};

// The short shape of a word: upper letters X, other letters x, digits d, ASCII punctuation as
// itself, anything else '#', runs of the same class collapsed ("McDonald's" -> "XxXx'x",
// "2,5" -> "d,d", "ÉTATS-UNIS" -> "X-X").
std::string WordShape(std::string_view word);

// The features of every word of a document given as sentences of words (valid UTF-8; words
// may be any tokens, punctuation included). Document features use all sentences together, so
// pass one article (title first) or one gold document at a time. `gazetteer` may be null.
// Pure; thread-safe.
std::vector<NerSentenceFeatures> ExtractNerFeatures(
    const std::vector<std::vector<std::string_view>>& sentences, const NerGazetteerHook* gazetteer);

// Second-stage features (stacking; Ratinov and Roth 2009's "prediction history"): appends to
// each word's features the first stage's labels of the word and its neighbours, and, for a
// capitalised word, the entity types the first stage gave the word's other occurrences in the
// document (up to 8), so that "PARIS" in a headline and "Paris" in the text agree.
// `first_stage` holds one label per word of `sentences`. Pure; thread-safe.
void AddPredictionFeatures(const std::vector<std::vector<std::string_view>>& sentences,
                           const std::vector<std::vector<uint8_t>>& first_stage,
                           std::vector<NerSentenceFeatures>& features);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_FEATURES_H_
