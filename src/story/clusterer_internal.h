// Internal to the story clusterer: what story_clusterer.cc (online assignment, state) and
// story_recheck.cc (the periodic re-check) share.
#ifndef DEPECHE_STORY_CLUSTERER_INTERNAL_H_
#define DEPECHE_STORY_CLUSTERER_INTERNAL_H_

#include <cstddef>
#include <vector>

#include "story/grouped_vector.h"
#include "story/story_state.h"

namespace depeche::story::internal {

inline constexpr double kSecondsPerDay = 86400.0;
// A centroid weight at or under this after an article was taken out is gone (float residue).
inline constexpr float kResidue = 1e-5f;

// The distinct terms (group 0 features) of an article vector.
inline size_t TermCount(const std::vector<WeightedFeature>& vec) {
  size_t terms = 0;
  for (const auto& [key, w] : vec) terms += GroupOf(key) == 0 ? 1 : 0;
  return terms;
}

}  // namespace depeche::story::internal

#endif  // DEPECHE_STORY_CLUSTERER_INTERNAL_H_
