// Coreference (entity clustering) metrics the CoNLL-2012 way: MUC (Vilain et al. 1995), B-cubed
// (Bagga & Baldwin 1998), CEAF-e (Luo 2005, entity similarity phi4) and the CoNLL F1, their
// mean. Every mention is in both the gold and the predicted partition (the labels of mention i
// are gold[i] and predicted[i]; values are opaque keys).
#ifndef DEPECHE_EVAL_COREF_METRICS_H_
#define DEPECHE_EVAL_COREF_METRICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace depeche::eval {

struct PrfTriple {
  double precision = 0, recall = 0, f1 = 0;
};

struct CorefScores {
  PrfTriple muc, b3, ceafe;
  double conll_f1 = 0;  // (muc.f1 + b3.f1 + ceafe.f1) / 3
  size_t mentions = 0, gold_clusters = 0, predicted_clusters = 0;
};

// Zeros when the input is empty or the sizes differ. MUC counts links, so a partition of
// singletons only has MUC precision and recall 0 (then F1 0), as the reference scorer does.
CorefScores ScoreCoreference(const std::vector<std::string>& gold,
                             const std::vector<std::string>& predicted);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_COREF_METRICS_H_
