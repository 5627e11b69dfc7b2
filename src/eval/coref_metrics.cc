#include "eval/coref_metrics.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>
#include <set>

namespace depeche::eval {
namespace {

using Partition = std::vector<std::vector<size_t>>;  // clusters of mention indices

Partition Clusters(const std::vector<std::string>& labels) {
  std::map<std::string, std::vector<size_t>> by_label;
  for (size_t i = 0; i < labels.size(); ++i) by_label[labels[i]].push_back(i);
  Partition out;
  for (auto& [label, members] : by_label) out.push_back(std::move(members));
  return out;
}

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// MUC recall of `key` against `response`: sum(|K| - |p(K)|) / sum(|K| - 1), where p(K) is the
// partition of K by the response clusters.
double MucRecall(const Partition& key, const std::vector<std::string>& response) {
  double num = 0, den = 0;
  for (const auto& cluster : key) {
    std::set<std::string> parts;
    for (size_t m : cluster) parts.insert(response[m]);
    num += static_cast<double>(cluster.size() - parts.size());
    den += static_cast<double>(cluster.size() - 1);
  }
  return den > 0 ? num / den : 0;
}

// Maximum-weight assignment (Hungarian algorithm on a square cost matrix, minimising cost).
double MaxAssignment(const std::vector<std::vector<double>>& weight) {
  const size_t rows = weight.size();
  if (rows == 0) return 0;
  const size_t cols = weight[0].size();
  const size_t n = std::max(rows, cols);
  std::vector<std::vector<double>> cost(n + 1, std::vector<double>(n + 1, 0.0));
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) cost[i + 1][j + 1] = -weight[i][j];
  }
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<size_t> p(n + 1, 0), way(n + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = inf;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = cost[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j) {
    if (p[j] >= 1 && p[j] <= rows && j <= cols) total += weight[p[j] - 1][j - 1];
  }
  return total;
}

// CEAF-e similarity sum: the best one-to-one alignment of key and response entities under
// phi4(K, R) = 2|K ∩ R| / (|K| + |R|). Solved per connected component of the overlap graph, so
// the matrices stay small.
double CeafeSimilarity(const Partition& key, const Partition& response, size_t mentions) {
  std::vector<size_t> key_of(mentions), resp_of(mentions);
  for (size_t k = 0; k < key.size(); ++k) {
    for (size_t m : key[k]) key_of[m] = k;
  }
  for (size_t r = 0; r < response.size(); ++r) {
    for (size_t m : response[r]) resp_of[m] = r;
  }
  // Union-find over key clusters [0, K) and response clusters [K, K + R).
  std::vector<size_t> parent(key.size() + response.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t m = 0; m < mentions; ++m) parent[find(key_of[m])] = find(key.size() + resp_of[m]);
  std::map<size_t, std::pair<std::vector<size_t>, std::vector<size_t>>> components;
  for (size_t k = 0; k < key.size(); ++k) components[find(k)].first.push_back(k);
  for (size_t r = 0; r < response.size(); ++r) components[find(key.size() + r)].second.push_back(r);
  double total = 0;
  for (const auto& [root, comp] : components) {
    const auto& [ks, rs] = comp;
    if (ks.empty() || rs.empty()) continue;
    std::vector<std::vector<double>> w(ks.size(), std::vector<double>(rs.size(), 0.0));
    for (size_t a = 0; a < ks.size(); ++a) {
      std::map<size_t, size_t> overlap;
      for (size_t m : key[ks[a]]) ++overlap[resp_of[m]];
      for (size_t b = 0; b < rs.size(); ++b) {
        auto it = overlap.find(rs[b]);
        if (it == overlap.end()) continue;
        w[a][b] = 2.0 * static_cast<double>(it->second) /
                  static_cast<double>(key[ks[a]].size() + response[rs[b]].size());
      }
    }
    total += MaxAssignment(w);
  }
  return total;
}

}  // namespace

CorefScores ScoreCoreference(const std::vector<std::string>& gold,
                             const std::vector<std::string>& predicted) {
  CorefScores s;
  if (gold.empty() || gold.size() != predicted.size()) return s;
  const size_t n = gold.size();
  Partition key = Clusters(gold), response = Clusters(predicted);
  s.mentions = n;
  s.gold_clusters = key.size();
  s.predicted_clusters = response.size();

  s.muc.recall = MucRecall(key, predicted);
  s.muc.precision = MucRecall(response, gold);
  s.muc.f1 = F1(s.muc.precision, s.muc.recall);

  // B-cubed: per mention, |K ∩ R| / |R| (precision) and / |K| (recall), averaged.
  std::map<std::pair<std::string, std::string>, size_t> both;
  std::map<std::string, size_t> gold_size, pred_size;
  for (size_t i = 0; i < n; ++i) {
    ++both[{gold[i], predicted[i]}];
    ++gold_size[gold[i]];
    ++pred_size[predicted[i]];
  }
  double p = 0, r = 0;
  for (size_t i = 0; i < n; ++i) {
    double overlap = static_cast<double>(both[{gold[i], predicted[i]}]);
    p += overlap / static_cast<double>(pred_size[predicted[i]]);
    r += overlap / static_cast<double>(gold_size[gold[i]]);
  }
  s.b3.precision = p / static_cast<double>(n);
  s.b3.recall = r / static_cast<double>(n);
  s.b3.f1 = F1(s.b3.precision, s.b3.recall);

  double sim = CeafeSimilarity(key, response, n);
  s.ceafe.recall = sim / static_cast<double>(key.size());
  s.ceafe.precision = sim / static_cast<double>(response.size());
  s.ceafe.f1 = F1(s.ceafe.precision, s.ceafe.recall);

  s.conll_f1 = (s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3.0;
  return s;
}

}  // namespace depeche::eval
