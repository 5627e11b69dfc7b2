// What changed in the store between two reads (Engine::ChangesSince), for caches of answers.
#ifndef DEPECHE_CHANGES_H_
#define DEPECHE_CHANGES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace depeche {

// A position in the store's history for Engine::ChangesSince (read it as opaque; the default
// is before everything).
struct StoreMark {
  int64_t data_version = -1;
  int64_t article_seq = -1;  // -1: never read
  int64_t story_moves = 0;
  int64_t story_splits = 0;
  int64_t story_merges = 0;
  int64_t entity_merges = 0;
};

// What other connections committed since a StoreMark.
struct StoreChanges {
  bool changed = false;  // anything at all (lists may read differently)
  // Any story may read differently (the first read of a mark, an entity merge): `stories`
  // is then empty.
  bool everything = false;
  // Otherwise the stories whose GetStory may answer differently: those that gained or lost
  // articles, split, or took part in a merge (full ids, sorted).
  std::vector<std::string> stories;
};

}  // namespace depeche

#endif  // DEPECHE_CHANGES_H_
