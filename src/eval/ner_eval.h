// NER scoring the CoNLL way: strict span + type, micro-averaged precision, recall and F1 over
// the whole data set, overall and per type. NerScorer reproduces conlleval.pl (CoNLL-2000/
// 2003, version 2004-01-26) chunk for chunk: its startOfChunk/endOfChunk rules on B/I/O
// prefixes and types, with a boundary (read as "O O") between sentences. ner_eval_test.cc
// checks it against conlleval.pl's own output on a fixture (docs/QUALITY.md says how).
#ifndef DEPECHE_EVAL_NER_EVAL_H_
#define DEPECHE_EVAL_NER_EVAL_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/ner_datasets.h"
#include "extract/entity.h"
#include "extract/ner_labels.h"
#include "extract/ner_tagger.h"

namespace depeche::eval {

struct NerCounts {
  size_t correct = 0;  // chunks with the gold span and type
  size_t guessed = 0;  // chunks predicted
  size_t gold = 0;     // chunks in the gold data
  double Precision() const { return guessed == 0 ? 0.0 : static_cast<double>(correct) / guessed; }
  double Recall() const { return gold == 0 ? 0.0 : static_cast<double>(correct) / gold; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
  NerCounts& operator+=(const NerCounts& o) {
    correct += o.correct;
    guessed += o.guessed;
    gold += o.gold;
    return *this;
  }
};

// Bit (1 << EntityType) set: the types scored. Labels of other types count as O on both
// sides (HIPE has no MISC in our sense: score it with PER, ORG and LOC only).
inline constexpr uint8_t kAllNerTypes = 0x0F;
// "PER,ORG,LOC" (names ParseEntityType accepts) -> mask; InvalidArgument otherwise.
Result<uint8_t> ParseNerTypes(std::string_view list);

class NerScorer {
 public:
  explicit NerScorer(uint8_t types = kAllNerTypes) : types_(types) {}

  // Adds one sentence: gold and guessed labels, one per word (sizes must match; extra
  // guessed labels are ignored, missing ones read as O).
  void AddSentence(const std::vector<extract::NerLabel>& gold,
                   const std::vector<extract::NerLabel>& guessed);

  NerCounts Overall() const;
  const NerCounts& PerType(extract::EntityType type) const {
    return per_type_[static_cast<size_t>(type)];
  }
  size_t words() const { return words_; }
  // conlleval's "accuracy": words whose guessed label equals the gold one.
  size_t correct_labels() const { return correct_labels_; }

 private:
  // One conlleval step. prefix 'B', 'I' or 'O'; type -1 for none.
  void Step(char gold_prefix, int gold_type, char guess_prefix, int guess_type);
  void Label(extract::NerLabel label, char& prefix, int& type) const;

  uint8_t types_;
  std::array<NerCounts, extract::kEntityTypes> per_type_{};
  size_t words_ = 0, correct_labels_ = 0;
  bool in_correct_ = false;
  char last_gold_ = 'O', last_guess_ = 'O';
  int last_gold_type_ = -1, last_guess_type_ = -1;
};

struct NerFileScore {
  std::string id;
  size_t sentences = 0, words = 0;
  NerCounts counts;
};

struct NerEvalReport {
  NerCounts overall;
  std::array<NerCounts, extract::kEntityTypes> per_type{};
  uint8_t types = kAllNerTypes;
  size_t documents = 0, sentences = 0, words = 0, correct_labels = 0;
  double tag_seconds = 0;           // CPU time spent in the tagger (features + decoding)
  std::vector<NerFileScore> items;  // one per document
};

// Tags each document of `documents` with `tagger` (gold words, one document at a time so
// document features see it whole) and scores against the gold labels.
NerEvalReport EvaluateNer(const extract::NerTagger& tagger,
                          const std::vector<NerGoldDocument>& documents,
                          uint8_t types = kAllNerTypes);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_NER_EVAL_H_
