// Clustering metrics against gold: B-cubed precision/recall/F1 (Bagga & Baldwin 1998) and
// pairwise precision/recall/F1, plus cluster counts.
#ifndef DEPECHE_EVAL_CLUSTER_METRICS_H_
#define DEPECHE_EVAL_CLUSTER_METRICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace depeche::eval {

struct ClusterScores {
  double b3_precision = 0.0;
  double b3_recall = 0.0;
  double b3_f1 = 0.0;
  double pairwise_precision = 0.0;
  double pairwise_recall = 0.0;
  double pairwise_f1 = 0.0;
  double clusters_pred = 0.0;  // double so that means over runs stay exact
  double clusters_gold = 0.0;
  double items = 0.0;
};

// Scores predicted labels against gold labels (item i has gold[i] and predicted[i]; label
// values are opaque keys). Pairwise figures are 1 when there are no pairs on either side.
// Empty input or mismatched sizes give all-zero scores.
ClusterScores ScoreClustering(const std::vector<std::string>& gold,
                              const std::vector<std::string>& predicted);

// Per-field mean and population standard deviation over runs (zeros for no runs).
ClusterScores MeanScores(const std::vector<ClusterScores>& runs);
ClusterScores StdevScores(const std::vector<ClusterScores>& runs);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_CLUSTER_METRICS_H_
