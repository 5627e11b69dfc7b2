#include "eval/cluster_metrics.h"

#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

namespace depeche::eval {

namespace {

double F1(double p, double r) { return p + r > 0.0 ? 2.0 * p * r / (p + r) : 0.0; }
double Pairs(double n) { return n * (n - 1.0) / 2.0; }

// Applies `f` to every field, in declaration order.
template <typename F>
void ForEachField(ClusterScores& s, F f) {
  f(s.b3_precision);
  f(s.b3_recall);
  f(s.b3_f1);
  f(s.pairwise_precision);
  f(s.pairwise_recall);
  f(s.pairwise_f1);
  f(s.clusters_pred);
  f(s.clusters_gold);
  f(s.items);
}

std::vector<double> Fields(ClusterScores s) {
  std::vector<double> out;
  ForEachField(s, [&](double& v) { out.push_back(v); });
  return out;
}

}  // namespace

ClusterScores ScoreClustering(const std::vector<std::string>& gold,
                              const std::vector<std::string>& predicted) {
  ClusterScores s;
  if (gold.empty() || gold.size() != predicted.size()) return s;
  std::unordered_map<std::string, double> gold_size, pred_size;
  std::map<std::pair<std::string, std::string>, double> cell;
  for (size_t i = 0; i < gold.size(); ++i) {
    gold_size[gold[i]] += 1.0;
    pred_size[predicted[i]] += 1.0;
    cell[{predicted[i], gold[i]}] += 1.0;
  }
  const double n = static_cast<double>(gold.size());
  double p = 0.0, r = 0.0, true_pairs = 0.0, pred_pairs = 0.0, gold_pairs = 0.0;
  for (const auto& [key, count] : cell) {
    // Each of the `count` items in this cell sees `count` correct items in its cluster.
    p += count * count / pred_size[key.first];
    r += count * count / gold_size[key.second];
    true_pairs += Pairs(count);
  }
  for (const auto& [key, size] : pred_size) pred_pairs += Pairs(size);
  for (const auto& [key, size] : gold_size) gold_pairs += Pairs(size);
  s.b3_precision = p / n;
  s.b3_recall = r / n;
  s.b3_f1 = F1(s.b3_precision, s.b3_recall);
  s.pairwise_precision = pred_pairs > 0.0 ? true_pairs / pred_pairs : 1.0;
  s.pairwise_recall = gold_pairs > 0.0 ? true_pairs / gold_pairs : 1.0;
  s.pairwise_f1 = F1(s.pairwise_precision, s.pairwise_recall);
  s.clusters_pred = static_cast<double>(pred_size.size());
  s.clusters_gold = static_cast<double>(gold_size.size());
  s.items = n;
  return s;
}

ClusterScores MeanScores(const std::vector<ClusterScores>& runs) {
  ClusterScores mean;
  if (runs.empty()) return mean;
  for (const ClusterScores& run : runs) {
    const std::vector<double> values = Fields(run);
    size_t i = 0;
    ForEachField(mean, [&](double& v) { v += values[i++]; });
  }
  ForEachField(mean, [&](double& v) { v /= static_cast<double>(runs.size()); });
  return mean;
}

ClusterScores StdevScores(const std::vector<ClusterScores>& runs) {
  ClusterScores out;
  if (runs.empty()) return out;
  const std::vector<double> mean = Fields(MeanScores(runs));
  for (const ClusterScores& run : runs) {
    const std::vector<double> values = Fields(run);
    size_t i = 0;
    ForEachField(out, [&](double& v) {
      v += (values[i] - mean[i]) * (values[i] - mean[i]);
      ++i;
    });
  }
  ForEachField(out, [&](double& v) { v = std::sqrt(v / static_cast<double>(runs.size())); });
  return out;
}

}  // namespace depeche::eval
