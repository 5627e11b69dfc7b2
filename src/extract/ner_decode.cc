#include "extract/ner_decode.h"

#include <limits>

namespace depeche::extract {

void ViterbiDecode(std::span<const float> emissions, std::span<const float> transitions,
                   std::vector<NerLabel>& labels) {
  const size_t n = emissions.size() / kNerLabels;
  labels.assign(n, kOutside);
  if (n == 0) return;
  constexpr float kImpossible = -std::numeric_limits<float>::infinity();
  std::vector<float> score(n * kNerLabels, kImpossible);
  std::vector<NerLabel> back(n * kNerLabels, kOutside);
  for (int l = 0; l < kNerLabels; ++l) {
    if (AllowedTransition(-1, static_cast<NerLabel>(l))) {
      score[l] = emissions[l] + transitions[kNerLabels * kNerLabels + l];
    }
  }
  for (size_t i = 1; i < n; ++i) {
    const float* prev = &score[(i - 1) * kNerLabels];
    for (int l = 0; l < kNerLabels; ++l) {
      float best = kImpossible;
      int arg = 0;
      for (int p = 0; p < kNerLabels; ++p) {
        if (prev[p] == kImpossible || !AllowedTransition(p, static_cast<NerLabel>(l))) continue;
        const float s = prev[p] + transitions[p * kNerLabels + l];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      if (best == kImpossible) continue;
      score[i * kNerLabels + l] = best + emissions[i * kNerLabels + l];
      back[i * kNerLabels + l] = static_cast<NerLabel>(arg);
    }
  }
  int best = 0;
  const float* last = &score[(n - 1) * kNerLabels];
  for (int l = 1; l < kNerLabels; ++l) {
    if (last[l] > last[best]) best = l;
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = static_cast<NerLabel>(best);
    best = back[i * kNerLabels + best];
  }
}

}  // namespace depeche::extract
