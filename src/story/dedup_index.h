// Near-duplicate detection: MinHash signatures over word shingles with LSH banding, kept in a
// bounded index over a sliding time window (entries older than `window_seconds` before the
// newest article, or beyond `max_entries`, are evicted, so memory does not grow with history).
#ifndef DEPECHE_STORY_DEDUP_INDEX_H_
#define DEPECHE_STORY_DEDUP_INDEX_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "depeche/status.h"

namespace depeche::story {

struct DedupOptions {
  int bands = 42;  // LSH bands; bands * rows MinHash values per signature
  int rows = 3;    // rows per band: candidate threshold about (1/bands)^(1/rows) ~ 0.29
  // A candidate is a duplicate when its estimated Jaccard similarity reaches `min_jaccard`, or
  // when the smaller shingle set is contained in the larger to at least `min_containment`
  // (truncated copies, copies with added paragraphs) and has `min_shingles_for_containment`.
  double min_jaccard = 0.5;
  double min_containment = 0.7;
  int min_shingles_for_containment = 20;
  // Texts with fewer shingles (a flash headline, "Reuter" alone) are never duplicates: two tiny
  // sets look alike by chance. They are still indexed, with their group, but match nothing.
  int min_shingles = 5;
  // A candidate whose estimated Jaccard (or containment) lies within `exact_band` of its
  // threshold is judged on its exact shingle sets when a ShingleSource is set: 126 MinHash
  // values estimate a Jaccard of 0.5 with a standard deviation of about 0.045, so pairs near
  // the threshold would flip either way (near copies reworded 15%: pairwise P 0.893, R 0.904
  // on estimates alone). 0.15 is over three deviations.
  double exact_band = 0.15;
  int64_t window_seconds = 30 * 86400;
  size_t max_entries = 1'000'000;
};

// The serialisable content of one indexed article (what the store keeps to rebuild the index).
struct DedupEntry {
  std::string article_id;
  std::string group_id;  // duplicate group: the id of the group's first article
  int64_t time = 0;      // UTC seconds used for the window
  bool dated = true;     // false: the article had no date and took the stream's time
  uint32_t shingle_count = 0;
  std::vector<uint32_t> signature;  // bands * rows MinHash values
};

struct DedupMatch {
  bool duplicate = false;
  std::string group_id;     // the article's own id when it is not a duplicate
  std::string original_id;  // closest earlier article when duplicate, else empty
  double jaccard = 0.0;     // with the closest original: exact when checked, else estimated
  double containment = 0.0;
  bool exact = false;           // jaccard and containment come from the shingle sets
  int64_t original_time = 0;    // the time the closest original was indexed with
  bool original_dated = false;  // whether that time was the original's own date
  // Every indexed article judged a near copy of this one on its own (Jaccard similarity >=
  // DedupOptions::min_jaccard, exact near the threshold when a ShingleSource is set), with that
  // similarity, in index order: pairs are judged pairwise, never through a chain of copies.
  std::vector<std::pair<std::string, double>> pairs;
};

// The shingle set an indexed article was indexed with (FeatureExtractor::DedupShingles of
// its title and text), or nullopt when it cannot be had (the candidate then keeps its
// estimate).
using ShingleSource =
    std::function<std::optional<std::vector<uint64_t>>(const std::string& article_id)>;

// Not thread-safe (one writer, like the story stage).
class DedupIndex {
 public:
  // InvalidArgument when bands or rows are not positive or bands * rows > 1024.
  static Result<DedupIndex> Create(DedupOptions options);

  // Looks `shingles` (sorted hashes, FeatureExtractor::Shingles) up among the indexed articles,
  // then indexes the article at `time` (UTC seconds; pass the previous time for undated
  // articles, with `dated` false) and evicts what fell out of the window. Undated articles
  // indexed before the first dated one take that one's time when it comes (they arrived with
  // it, not at time 0). An article with no shingles is never a duplicate and is not indexed.
  // Re-adding a known article id returns its first answer's group without indexing it twice.
  // `signature`, when given, is Signature(shingles) computed ahead (on another thread: it
  // depends only on the options); one of the wrong length is ignored and recomputed.
  DedupMatch Add(const std::string& article_id, int64_t time, const std::vector<uint64_t>& shingles,
                 bool dated = true, const std::vector<uint32_t>* signature = nullptr);

  // The duplicate group of an indexed article, if it is still in the index.
  std::optional<std::string> GroupOf(const std::string& article_id) const;
  // Sets the group of an indexed article (no effect when it is not indexed).
  void SetGroup(const std::string& article_id, const std::string& group_id);

  // Looks up without indexing.
  DedupMatch Find(const std::vector<uint64_t>& shingles) const;

  // Where exact shingle sets come from for candidates near the thresholds (see
  // DedupOptions::exact_band); none by default (estimates only). The source must give the
  // same sets whenever asked (derived from what is stored), so that results stay the same
  // across restarts.
  void SetShingleSource(ShingleSource source) { source_ = std::move(source); }

  // MinHash signature of a shingle set (bands * rows values).
  std::vector<uint32_t> Signature(const std::vector<uint64_t>& shingles) const;

  // Restores one entry exported by Entries() (in the exported order). InvalidArgument when the
  // signature length does not match the options.
  Status Restore(const DedupEntry& entry);

  // The live entries, oldest first.
  const std::deque<DedupEntry>& Entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  explicit DedupIndex(DedupOptions options);
  DedupMatch Match(const std::vector<uint32_t>& signature,
                   const std::vector<uint64_t>& shingles) const;
  void Insert(DedupEntry entry);
  void Evict(int64_t newest_time);
  // Gives the undated entries indexed before the first dated article that article's time.
  void DateUndated(const DedupEntry& first_dated);
  uint64_t BandKey(const std::vector<uint32_t>& signature, int band) const;

  DedupOptions options_;
  std::vector<uint64_t> mul_, add_;  // the hash permutations
  std::deque<DedupEntry> entries_;   // oldest first
  uint64_t first_seq_ = 0;           // sequence number of entries_.front()
  // band key -> sequence numbers of the entries in that bucket (ascending).
  std::unordered_map<uint64_t, std::vector<uint64_t>> buckets_;
  std::unordered_map<std::string, uint64_t> by_id_;  // article id -> sequence number
  int64_t newest_time_ = INT64_MIN;
  bool seen_dated_ = false;
  ShingleSource source_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_DEDUP_INDEX_H_
