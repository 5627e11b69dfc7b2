// Sparse vectors whose keys carry their feature group in the top two bits (see
// story_state.h): dot products, norms and the group-weighted similarity the clusterer uses.
// All functions are pure and thread-safe.
#ifndef DEPECHE_STORY_GROUPED_VECTOR_H_
#define DEPECHE_STORY_GROUPED_VECTOR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "story/features.h"
#include "story/story_state.h"

namespace depeche::story {

using GroupValues = std::array<double, kFeatureGroups>;

// The feature group stored in a key's top two bits.
inline size_t GroupOf(uint64_t key) { return static_cast<size_t>(key >> 62); }

// Per-group dot product of two key-sorted vectors.
GroupValues Dot(const std::vector<WeightedFeature>& a, const std::vector<WeightedFeature>& b);

// Per-group squared L2 norm.
GroupValues Norm2(const std::vector<WeightedFeature>& v);

// True when every group norm is zero.
bool Empty(const GroupValues& norm2);

// Weighted mean of the per-group cosines (dot / sqrt(na * nb)) over the groups both have (or
// either has when `either`), with `weights` by group; 0 when no group counts.
double Similarity(const GroupValues& weights, const GroupValues& dot, const GroupValues& na,
                  const GroupValues& nb, bool either);

// Sum of two key-sorted vectors (key-sorted); `added`, when not null, receives the keys of
// `b` that `a` lacked.
std::vector<WeightedFeature> Sum(const std::vector<WeightedFeature>& a,
                                 const std::vector<WeightedFeature>& b,
                                 std::vector<uint64_t>* added);

}  // namespace depeche::story

#endif  // DEPECHE_STORY_GROUPED_VECTOR_H_
