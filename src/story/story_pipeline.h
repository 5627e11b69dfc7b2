// The story stage as the engine drives it, article by article: features, near-duplicate
// lookup, then story assignment (a near-duplicate joins its original's story).
#ifndef DEPECHE_STORY_STORY_PIPELINE_H_
#define DEPECHE_STORY_STORY_PIPELINE_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "story/dedup_index.h"
#include "story/features.h"
#include "story/story_clusterer.h"

namespace depeche::story {

struct StoryPipelineOptions {
  FeatureOptions features;
  DedupOptions dedup;
  ClusterOptions cluster;
  bool duplicates_join_original_story = true;
  // ... when published at most this long after (or before) the original: a wire copy runs
  // within hours; the same template weeks later (a weekly statistic, a dividend notice) is a
  // new item, clustered on its own merits.
  int64_t duplicate_join_seconds = 2 * 86400;
};

struct ArticleStoryResult {
  DedupMatch dedup;
  Assignment assignment;
  // The dedup index entry the article added (what the store keeps to rebuild the index), when
  // it was indexed (texts with no shingles are not).
  std::optional<DedupEntry> indexed;
  std::vector<std::string> top_names;  // display forms, most frequent first
  // The article's most distinctive content words (TF-IDF with the stream's document
  // frequencies, this article included), heaviest first, at most 8.
  std::vector<std::string> top_terms;
};

// What Process computes from the article alone, before it looks at any state: the features and
// the near-duplicate signature. Computed ahead (ArticlePreparer, on an analysis thread), it
// leaves the single writer only the look-ups and the clustering.
struct PreparedFeatures {
  ArticleFeatures features;
  // DedupIndex::Signature(features.shingles); empty when not computed (Process computes it).
  std::vector<uint32_t> signature;
};

// What the pipeline changed since the previous TakeChanges: what the store writes at a commit.
struct PipelineChanges {
  StateDelta clusterer;
  // The oldest article still in the dedup index (entries before it were evicted); empty when
  // the index is empty.
  std::string oldest_dedup_article;
};

// Not thread-safe: the story stage has one writer.
class StoryPipeline {
 public:
  // Errors: InvalidArgument from DedupIndex::Create or StoryClusterer::Create.
  static Result<StoryPipeline> Create(StoryPipelineOptions options, ClustererState state = {});

  // Processes one article: `published` is its date in UTC seconds when known (use
  // PublishedSeconds). Articles must come in publication order (ingest order when undated).
  // `names`: the article's entities as name features (FeatureExtractor::Extract).
  // `exact_copy_of`, when not empty, names an earlier article with the same text (another
  // record of it: another source, URL or file): the article is a duplicate of it, in its
  // duplicate group, and joins its story whatever their dates, as long as that story is
  // remembered (see RestoreRecent) and active.
  ArticleStoryResult Process(const std::string& article_id, std::string_view lang,
                             std::string_view title, std::string_view text,
                             std::optional<int64_t> published,
                             const std::string& exact_copy_of = "",
                             const std::vector<NameFeature>* names = nullptr);
  ArticleStoryResult Process(const Article& article);
  // The same with the features computed ahead from the same title and text with the same
  // FeatureOptions and DedupOptions (ArticlePreparer): the result is identical.
  ArticleStoryResult ProcessPrepared(const std::string& article_id, std::string_view lang,
                                     std::optional<int64_t> published, PreparedFeatures prepared,
                                     const std::string& exact_copy_of = "");

  // The changes since the previous call (since Create for the first).
  PipelineChanges TakeChanges();

  // Adds a document to the term statistics only (see StoryClusterer::ObserveDocument).
  void Observe(std::string_view lang, std::string_view title, std::string_view text,
               const std::vector<NameFeature>* names = nullptr);

  // The article's date for ordering and decay: set when it has at least day precision.
  static std::optional<int64_t> PublishedSeconds(const Article& article);

  // Restores the story of one article of the dedup window (after a restart), so that a later
  // near-duplicate of it joins that story. Call oldest first, after restoring the dedup index
  // entries; the remembered articles are trimmed to the index's size as in Process.
  void RestoreRecent(const std::string& article_id, const std::string& story_id);
  // The story of an article of the dedup window ("" when not remembered).
  std::string StoryOf(const std::string& article_id) const;

  StoryClusterer& clusterer() { return clusterer_; }
  // The extractor Process uses (its DedupShingles feed a DedupIndex ShingleSource).
  const FeatureExtractor& extractor() const { return extractor_; }
  DedupIndex& dedup() { return dedup_; }
  // Approximate bytes held by the dedup index and the clusterer.
  size_t MemoryBytes() const;

 private:
  StoryPipeline(StoryPipelineOptions options, DedupIndex dedup, StoryClusterer clusterer);
  std::vector<std::string> TopTerms(std::string_view lang, const ArticleFeatures& features) const;
  void Remember(const std::string& article_id, const std::string& story_id);

  StoryPipelineOptions options_;
  FeatureExtractor extractor_;
  DedupIndex dedup_;
  StoryClusterer clusterer_;
  // Story of each article still in the dedup window (so a duplicate joins its original's
  // story), oldest first; trimmed to the dedup index's size.
  std::deque<std::pair<std::string, std::string>> recent_;
  std::unordered_map<std::string, std::string> story_of_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_STORY_PIPELINE_H_
