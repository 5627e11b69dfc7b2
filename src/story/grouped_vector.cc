#include "story/grouped_vector.h"

#include <cmath>

namespace depeche::story {

GroupValues Dot(const std::vector<WeightedFeature>& a, const std::vector<WeightedFeature>& b) {
  GroupValues dot{};
  // The merge advances without a branch on the key order (which is unpredictable and was most
  // of the cost); only the rarer matches branch. Products are summed in key order, as before.
  const WeightedFeature* pa = a.data();
  const WeightedFeature* pb = b.data();
  const WeightedFeature* const ea = pa + a.size();
  const WeightedFeature* const eb = pb + b.size();
  while (pa != ea && pb != eb) {
    const uint64_t ka = pa->first;
    const uint64_t kb = pb->first;
    if (ka == kb) dot[GroupOf(ka)] += static_cast<double>(pa->second) * pb->second;
    pa += ka <= kb ? 1 : 0;
    pb += kb <= ka ? 1 : 0;
  }
  return dot;
}

GroupValues Norm2(const std::vector<WeightedFeature>& v) {
  GroupValues n{};
  for (const auto& [key, w] : v) n[GroupOf(key)] += static_cast<double>(w) * w;
  return n;
}

bool Empty(const GroupValues& norm2) { return norm2[0] + norm2[1] + norm2[2] <= 0.0; }

// Weighted mean of the per-group cosines over the groups both sides have (or either has, for
// two stories): each kind of evidence keeps its share however many features it has, so a few
// names weigh as much as they should against hundreds of terms. An article's numbers say
// nothing for or against a story that has none (and the same for names): such a group stays
// out of the mean rather than counting as a cosine of 0.
double Similarity(const GroupValues& weights, const GroupValues& dot, const GroupValues& na,
                  const GroupValues& nb, bool either) {
  double sum = 0.0, total = 0.0;
  for (size_t g = 0; g < weights.size(); ++g) {
    const bool present = either ? (na[g] > 0.0 || nb[g] > 0.0) : (na[g] > 0.0 && nb[g] > 0.0);
    if (!present || weights[g] <= 0.0) continue;
    total += weights[g];
    if (na[g] > 0.0 && nb[g] > 0.0) sum += weights[g] * dot[g] / std::sqrt(na[g] * nb[g]);
  }
  return total > 0.0 ? sum / total : 0.0;
}

// Sum of two key-sorted vectors; `added` receives the keys of `b` that `a` lacked.
std::vector<WeightedFeature> Sum(const std::vector<WeightedFeature>& a,
                                 const std::vector<WeightedFeature>& b,
                                 std::vector<uint64_t>* added) {
  std::vector<WeightedFeature> out;
  out.reserve(a.size() + b.size());
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j == b.size() || (i < a.size() && a[i].first < b[j].first)) {
      out.push_back(a[i++]);
    } else if (i == a.size() || b[j].first < a[i].first) {
      if (added != nullptr) added->push_back(b[j].first);
      out.push_back(b[j++]);
    } else {
      out.emplace_back(a[i].first, a[i].second + b[j].second);
      ++i;
      ++j;
    }
  }
  return out;
}

}  // namespace depeche::story
