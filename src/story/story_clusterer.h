// Online story clustering: each article, in publication order (ingest order when undated), is
// assigned at once to the most similar active story or opens a new one. Similarity is the
// cosine between the article's TF-IDF vector (stemmed terms, capitalised names and numbers,
// each group with its own weight; document frequencies updated incrementally per language)
// and the story centroid, times a time-proximity decay. Stories that become similar enough
// are merged, keeping the older id. Stories idle for longer than the window are dropped from
// memory (their ids and articles live on in the store), so memory is bounded by the window.
#ifndef DEPECHE_STORY_STORY_CLUSTERER_H_
#define DEPECHE_STORY_STORY_CLUSTERER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "depeche/status.h"
#include "story/features.h"
#include "story/story_state.h"

namespace depeche::story {

// Defaults were tuned on the ECB+ training topics and the UCI training half (see
// src/story/README.md for the procedure; src/eval/cluster_eval.h for the splits).
struct ClusterOptions {
  float term_weight = 1.0f;
  float name_weight = 1.0f;
  float number_weight = 1.0f;
  double threshold = 0.30;  // minimum decayed similarity to join a story
  // Articles with at most `short_max_terms` distinct terms (headline-only items) are their own
  // regime: a few terms against a rich centroid give low cosines, and capitalised words in
  // headlines are weak name evidence. They use these instead of the fields above.
  size_t short_max_terms = 8;
  // From `short_max_terms` to `long_min_terms` terms the join threshold rises linearly from
  // `short_threshold` to `threshold`.
  size_t long_min_terms = 15;
  double short_threshold = 0.08;
  double short_merge_threshold = 0.2;
  float short_name_weight = 0.25f;
  float short_number_weight = 0.0f;
  double merge_threshold = 0.5;  // centroid similarity at which two stories merge
  // Every `recheck_every` articles (by sequence number, so that a resumed stream re-checks at
  // the same points), the stories extended since the previous re-check are compared with the
  // stories their heaviest features find, and merged when their centroids (decayed by the gap
  // between their periods) reach `recheck_merge_threshold`: online decisions are revisited, so
  // a story that arrived in pieces (a shuffled stream, a backfill) ends up whole. 0 turns it off.
  uint64_t recheck_every = 256;
  double recheck_merge_threshold = 0.5;
  // The re-check also reconsiders the articles of the stories extended since the previous one
  // (the `max_story_members` latest of each story keep their vectors; articles with fewer than
  // `long_min_terms` terms are left where they are):
  // - re-assignment: an article moves to another story when its similarity there (decayed, as
  //   at arrival) reaches the join threshold and beats its leave-one-out similarity with its
  //   own story by `reassign_margin` (so that it does not swing back and forth); a story's
  //   only article joins the other story by a merge instead (the older id is kept);
  // - split: a story's articles are clustered again among themselves in publication order
  //   (the online rule, on their own vectors), then its closest parts are put back together
  //   while their centroids reach `split_threshold`; the parts left become stories of their
  //   own, the largest keeping the id, the others opening new ids derived from their oldest
  //   article and the re-check point.
  bool recheck_reassign = true;
  double reassign_margin = 0.05;
  double split_threshold = 0.3;
  size_t max_story_members = 256;  // articles of a story whose vectors are kept
  double merge_probe = 0.2;        // article similarity that makes another story a merge candidate
  double link_threshold = 0.25;    // undecayed similarity that links a new story to an old one
  double decay_days = 0.5;         // similarity x exp(-(gap - grace) / decay) past the grace
  double grace_days = 0.25;
  int64_t window_seconds = 60 * 86400;  // stories idle longer than this leave memory
  size_t max_active_stories = 200'000;
  size_t max_centroid_features = 200;
  size_t max_candidates = 64;       // stories fully scored per article
  int query_features = 8;           // heaviest article features used to find candidate stories
  size_t max_df_terms = 4'000'000;  // per language; hapaxes are pruned past this
  // Record what changes between TakeChanges() calls (what the store saves at each commit).
  // Turn it off when nothing calls TakeChanges (evaluations, benchmarks): the record of
  // stories that left memory would otherwise grow with the stream.
  bool track_changes = true;
};

struct Assignment {
  std::string story_id;
  bool new_story = false;
  double similarity = 0.0;  // decayed similarity with the story (0 for a new story)
  // For a new story: an older story it continues (undecayed similarity >= link_threshold).
  std::string linked_story_id;
  std::vector<StoryMerge> merges;  // merges this arrival caused (into story_id's lineage)
  // What the re-check this arrival triggered did besides merges, in order: articles moved to
  // another story (re-assigned or split off) and the splits (their articles are among the
  // moves). Apply the moves, then the merges (a merge recorded after a move still applies).
  std::vector<StoryMove> moves;
  std::vector<StorySplit> splits;
};

// Not thread-safe: one writer.
class StoryClusterer {
 public:
  // InvalidArgument for non-positive weights/windows or thresholds outside [0, 1].
  static Result<StoryClusterer> Create(ClusterOptions options, ClustererState state = {});

  // Assigns one article. `published` is UTC seconds when known. `duplicate_story_id`, when
  // non-empty and still active, forces the assignment (the article is a near-duplicate of one
  // already in that story).
  Assignment Add(const std::string& article_id, std::string_view lang,
                 std::optional<int64_t> published, const ArticleFeatures& features,
                 const std::string& duplicate_story_id = "");

  // Counts `features` in the document frequencies of `lang` without clustering the document:
  // warms the term weights up with a background corpus (an evaluation that starts cold would
  // otherwise weigh its first articles with no idea of which words are common).
  void ObserveDocument(std::string_view lang, const ArticleFeatures& features);

  // Smoothed inverse document frequency of a feature (FeatureCount::key) in `lang`, as the
  // article vectors use it: ln((docs + 1) / (df + 1)) + 1.
  double Idf(std::string_view lang, uint64_t feature_key) const;

  // A copy of the whole state (for the store).
  ClustererState ExportState() const;
  // What changed since the last call (since Create for the first: the state given there counts
  // as saved): what the store writes at each save instead of the whole state. Tracking starts
  // anew. Only the document frequencies and meta values when ClusterOptions::track_changes is
  // off.
  StateDelta TakeChanges();

  // The active story with this id, or null.
  const StoryState* Find(const std::string& story_id) const;
  size_t active_stories() const { return by_id_.size(); }
  // Latest UTC seconds seen (the time undated articles take); 0 before any dated article.
  int64_t clock() const { return meta_.clock; }
  // Approximate bytes held (centroids, postings, document frequencies).
  size_t MemoryBytes() const;

 private:
  struct Df {
    int64_t docs = 0;
    std::unordered_map<uint64_t, uint32_t> counts;
  };
  struct Scored {
    uint32_t slot = 0;
    double raw = 0.0;      // cosine before decay
    double decayed = 0.0;  // after
  };

  explicit StoryClusterer(ClusterOptions options);
  // Whether stories keep their articles' vectors (the re-check re-assigns and splits).
  bool KeepsMembers() const { return options_.recheck_every > 0 && options_.recheck_reassign; }
  std::vector<WeightedFeature> Vectorize(std::string_view lang, const ArticleFeatures& features);
  std::vector<uint32_t> Candidates(const std::vector<WeightedFeature>& vec);
  double Decay(const StoryState& story, int64_t time, bool dated) const;
  uint32_t NewSlot();
  // Adds `vec` to the story's centroid and indexes the features it did not have.
  void AddToStory(uint32_t slot, const std::vector<WeightedFeature>& vec);
  void Touch(uint32_t slot, int64_t time, bool dated, uint64_t seq);
  void Remove(uint32_t slot);
  void MergeInto(uint32_t from, uint32_t into);
  // The re-check described at ClusterOptions::recheck_every; appends what it does to `out`.
  void Recheck(uint64_t since_seq, uint64_t at_seq, const std::string& article_id, Assignment& out);
  // Re-check steps: re-assignment and splits of the story in `slot`.
  void Reassign(uint32_t slot, const std::string& article_id, Assignment& out);
  void Split(uint32_t slot, uint64_t at_seq, const std::string& article_id, Assignment& out);
  // Join threshold and weights for an article vector (short items have their own).
  double JoinThreshold(const std::vector<WeightedFeature>& vec) const;
  const std::array<double, kFeatureGroups>& WeightsFor(
      const std::vector<WeightedFeature>& vec) const;
  // Leave-one-out similarity of a member with its own story (the story without it).
  double OwnSimilarity(const StoryState& story, const StoryMember& member) const;
  // Adds a member to the story's list (by seq; the oldest leaves past max_story_members).
  void AddMember(uint32_t slot, StoryMember member);
  // Takes the member at `index` out of the story (centroid, count, dates) and returns it.
  StoryMember TakeOut(uint32_t slot, size_t index);
  // Puts a member taken out of another story into this one.
  void PutIn(uint32_t slot, StoryMember member);
  // Dates of a story recomputed from its members when it holds them all.
  void RecomputeDates(uint32_t slot);
  // Decay for the gap between two stories' periods (1 when either is undated).
  double PeriodDecay(const StoryState& a, const StoryState& b) const;
  void Evict();
  void MaybeCompactPostings();
  static LanguageDf ExportDf(const std::string& lang, const Df& df, bool sorted);

  ClusterOptions options_;
  std::array<double, kFeatureGroups> weights_;        // by FeatureGroup
  std::array<double, kFeatureGroups> short_weights_;  // for short (headline-only) items
  ClustererState meta_;  // next_seq / clock (stories and df live below)
  std::vector<StoryState> slots_;
  std::vector<bool> alive_;
  std::vector<uint32_t> free_;
  std::vector<float> shared_;  // Candidates() scratch, by slot; all zero between calls
  std::unordered_map<std::string, uint32_t> by_id_;
  // A story in a posting list. Lists are sorted by created_seq, and an entry counts only while
  // its slot holds that story and the story's centroid has the feature: when a feature leaves
  // a centroid (pruned, merged away, story removed) its entry's slot becomes kDeadSlot (dead
  // entries are skipped, then dropped at compaction). So which stories a feature finds depends
  // only on the live stories, not on the order in which their features came and went, and a
  // restored clusterer finds exactly what the live one would.
  struct Posting {
    uint64_t created_seq = 0;
    uint32_t slot = 0;
  };
  static constexpr uint32_t kDeadSlot = UINT32_MAX;
  void AddPosting(uint64_t key, uint32_t slot);
  // Marks the live entry of `slot` (with its current created_seq) in `key`'s list dead.
  void DropPosting(uint64_t key, uint32_t slot);
  void RebuildPostings();
  std::unordered_map<uint64_t, std::vector<Posting>> postings_;  // feature -> stories
  size_t postings_total_ = 0;
  size_t centroid_total_ = 0;  // sum of live centroid sizes
  // (touched_clock, last_seq, slot) of the live stories: least recently extended first.
  using ActivityKey = std::tuple<int64_t, uint64_t, uint32_t>;
  ActivityKey KeyOf(uint32_t slot) const {
    return {slots_[slot].touched_clock, slots_[slot].last_seq, slot};
  }
  std::set<ActivityKey> by_activity_;
  std::unordered_map<std::string, Df> df_;
  // Changes since the last TakeChanges: live stories created or modified (by slot), ids that
  // left memory, and each language's document count when last taken (df changes only with it).
  std::unordered_set<uint32_t> changed_slots_;
  std::unordered_set<std::string> removed_ids_;
  std::unordered_map<std::string, int64_t> taken_docs_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_STORY_CLUSTERER_H_
