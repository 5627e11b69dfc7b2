// Plain, serialisable state of the story stage: what the store writes and reads back so that
// story ids and assignments survive restarts. No behaviour here.
#ifndef DEPECHE_STORY_STORY_STATE_H_
#define DEPECHE_STORY_STORY_STATE_H_

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace depeche::story {

// One weighted feature of a story centroid: (feature key, weight). The key's top two bits hold
// the FeatureGroup (term, name, number), so a key-sorted vector is grouped by kind.
// The key's top two bits hold the FeatureGroup (term, name, number), so a key-sorted vector
// is grouped by kind.
using WeightedFeature = std::pair<uint64_t, float>;

// One article of an active story, as the re-check needs it to reconsider where the article
// belongs: its vector exactly as it was added to the story's centroid (so that taking it out
// is exact up to the centroid's pruning), its sequence number and its time.
struct StoryMember {
  std::string article_id;
  uint64_t seq = 0;
  int64_t time = 0;  // its date (UTC seconds), or the stream's clock when it had none
  bool dated = false;
  std::vector<WeightedFeature> vec;  // unit per group, sorted by key
};

// An active (in-window) story.
struct StoryState {
  std::string id;            // stable: derived from the id of the article that opened it
  uint64_t created_seq = 0;  // clusterer sequence number of that article (older = smaller)
  uint64_t last_seq = 0;     // sequence number of its latest article
  int64_t first_time = 0;    // UTC seconds of its first / latest dated article
  int64_t last_time = 0;
  // The stream's clock (latest date seen) when the story last gained an article: the window
  // evicts by it, so a story of old articles read late (a backfill, a shuffled stream) stays
  // while it is being read, and its own dates only weigh in the similarity decay.
  int64_t touched_clock = 0;
  bool dated = false;  // false while no article had a date
  uint32_t article_count = 0;
  std::string lang;  // language of the opening article
  // Sum of its articles' unit TF-IDF vectors, sorted by key, pruned to the heaviest features.
  std::vector<WeightedFeature> centroid;
  std::array<double, 3> norm2{};  // squared L2 norm of each feature group of `centroid`
  // Its latest articles (at most ClusterOptions::max_story_members), by seq. When it holds
  // every article (members.size() == article_count) the story can be split.
  std::vector<StoryMember> members;
};

// Stories that turned out to be one: `from_id` was folded into the older `into_id`.
struct StoryMerge {
  std::string from_id;
  std::string into_id;
  std::string at_article_id;  // the article whose arrival revealed it
  double similarity = 0.0;    // centroid cosine
};

// An article the re-check moved to another story (re-assigned, or carried by a split). The
// store sets the article's story to `to_id`; merges recorded after it still apply.
struct StoryMove {
  std::string article_id;
  std::string from_id;
  std::string to_id;
  double similarity = 0.0;  // the article's similarity with `to_id` (leave-one-out when split)
};

// A story whose members fell into parts that no longer belong together: the larger part kept
// `from_id`, the other one opened `new_id` (derived from its oldest article like a new story).
// The articles that went are among the moves recorded with it.
struct StorySplit {
  std::string from_id;
  std::string new_id;
  std::string opened_by;       // the oldest article of the new part
  std::string at_article_id;   // the article whose arrival triggered the re-check
  uint32_t article_count = 0;  // articles of the new part
  double similarity = 0.0;     // centroid similarity between the two parts
};

// Incrementally updated document frequencies of one language.
struct LanguageDf {
  std::string lang;
  int64_t docs = 0;
  std::vector<std::pair<uint64_t, uint32_t>> df;  // sorted by key
};

struct ClustererState {
  uint64_t next_seq = 0;
  int64_t clock = 0;  // latest UTC seconds seen (undated articles take this time)
  bool clock_set = false;
  std::vector<StoryState> stories;  // active stories, by created_seq
  std::vector<LanguageDf> df;       // by lang
};

// What changed in a clusterer since its changes were last taken (StoryClusterer::TakeChanges):
// applied to the state saved then, it gives the current state.
struct StateDelta {
  uint64_t next_seq = 0;  // the current meta values
  int64_t clock = 0;
  bool clock_set = false;
  std::vector<StoryState> changed;   // active stories created or modified, by created_seq
  std::vector<std::string> removed;  // ids no longer active (evicted or merged away), sorted
  // Whole tables of the languages whose counts changed, by lang; each table's entries are in
  // no particular order (unlike LanguageDf elsewhere: sorting them is left to the reader).
  std::vector<LanguageDf> df;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_STORY_STATE_H_
