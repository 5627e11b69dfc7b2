// First-order Viterbi decoding over the BIO labels with the constraint of AllowedTransition
// (an I-X never starts a sentence nor follows O or another type), shared by training and
// tagging so both search the same space.
#ifndef DEPECHE_EXTRACT_NER_DECODE_H_
#define DEPECHE_EXTRACT_NER_DECODE_H_

#include <span>
#include <vector>

#include "extract/ner_labels.h"

namespace depeche::extract {

// Transition weights: (kNerLabels + 1) rows of kNerLabels; row p < kNerLabels scores
// p -> label, row kNerLabels scores the sentence start -> label.
inline constexpr int kTransitionRows = kNerLabels + 1;

// The best-scoring valid label sequence for `emissions` (n * kNerLabels scores, word-major)
// into `labels` (resized to n). Ties go to the lower label id (deterministic). Pure.
void ViterbiDecode(std::span<const float> emissions, std::span<const float> transitions,
                   std::vector<NerLabel>& labels);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_DECODE_H_
