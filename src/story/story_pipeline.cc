#include "story/story_pipeline.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace depeche::story {

namespace {

constexpr size_t kMaxTopTerms = 8;

}  // namespace

std::vector<std::string> StoryPipeline::TopTerms(std::string_view lang,
                                                 const ArticleFeatures& features) const {
  std::vector<std::pair<double, const std::string*>> scored;
  scored.reserve(features.term_forms.size());
  for (const auto& [key, word] : features.term_forms) {
    auto f = std::lower_bound(features.features.begin(), features.features.end(), key,
                              [](const FeatureCount& c, uint64_t k) { return c.key < k; });
    if (f == features.features.end() || f->key != key || f->count <= 0.0f) continue;
    const double tf = 1.0 + std::log(static_cast<double>(f->count));
    scored.emplace_back(tf * clusterer_.Idf(lang, key), &word);
  }
  // Heaviest first; ties in the order of the forms (most frequent first).
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && i < kMaxTopTerms; ++i) out.push_back(*scored[i].second);
  return out;
}

StoryPipeline::StoryPipeline(StoryPipelineOptions options, DedupIndex dedup,
                             StoryClusterer clusterer)
    : options_(std::move(options)),
      extractor_(options_.features),
      dedup_(std::move(dedup)),
      clusterer_(std::move(clusterer)) {}

Result<StoryPipeline> StoryPipeline::Create(StoryPipelineOptions options, ClustererState state) {
  DEPECHE_ASSIGN_OR_RETURN(DedupIndex dedup, DedupIndex::Create(options.dedup));
  DEPECHE_ASSIGN_OR_RETURN(StoryClusterer clusterer,
                           StoryClusterer::Create(options.cluster, std::move(state)));
  return StoryPipeline(std::move(options), std::move(dedup), std::move(clusterer));
}

std::optional<int64_t> StoryPipeline::PublishedSeconds(const Article& article) {
  // A month or year alone is too coarse for decay: such articles count as undated.
  if (article.published.precision < DatePrecision::kDay) return std::nullopt;
  return article.published.utc_seconds;
}

void StoryPipeline::Observe(std::string_view lang, std::string_view title, std::string_view text,
                            const std::vector<NameFeature>* names) {
  clusterer_.ObserveDocument(lang, extractor_.Extract(lang, title, text, names));
}

ArticleStoryResult StoryPipeline::Process(const Article& article) {
  return Process(article.id, article.lang, article.title, article.text, PublishedSeconds(article));
}

ArticleStoryResult StoryPipeline::Process(const std::string& article_id, std::string_view lang,
                                          std::string_view title, std::string_view text,
                                          std::optional<int64_t> published,
                                          const std::string& exact_copy_of,
                                          const std::vector<NameFeature>* names) {
  PreparedFeatures prepared;
  prepared.features = extractor_.Extract(lang, title, text, names);
  return ProcessPrepared(article_id, lang, published, std::move(prepared), exact_copy_of);
}

ArticleStoryResult StoryPipeline::ProcessPrepared(const std::string& article_id,
                                                  std::string_view lang,
                                                  std::optional<int64_t> published,
                                                  PreparedFeatures prepared,
                                                  const std::string& exact_copy_of) {
  ArticleStoryResult result;
  ArticleFeatures& features = prepared.features;
  result.top_names = features.top_names;
  const int64_t dedup_time = published.value_or(clusterer_.clock());
  result.dedup = dedup_.Add(article_id, dedup_time, features.shingles, published.has_value(),
                            prepared.signature.empty() ? nullptr : &prepared.signature);
  if (!dedup_.Entries().empty() && dedup_.Entries().back().article_id == article_id) {
    result.indexed = dedup_.Entries().back();
  }
  std::string hint;
  if (!exact_copy_of.empty()) {
    // The same text under another record: a copy of it by definition, tiny texts included
    // (which the index never matches), and in its story whatever the dates say.
    const std::optional<std::string> group = dedup_.GroupOf(exact_copy_of);
    result.dedup.duplicate = true;
    result.dedup.original_id = exact_copy_of;
    result.dedup.group_id = group.value_or(exact_copy_of);
    result.dedup.jaccard = 1.0;
    result.dedup.containment = 1.0;
    if (result.indexed) {
      result.indexed->group_id = result.dedup.group_id;
      dedup_.SetGroup(article_id, result.dedup.group_id);
    }
    hint = StoryOf(exact_copy_of);
  } else {
    const int64_t gap = dedup_time > result.dedup.original_time
                            ? dedup_time - result.dedup.original_time
                            : result.dedup.original_time - dedup_time;
    // The gap rule needs two dates: an undated copy (a bare text file) joins its original.
    const bool both_dated = published.has_value() && result.dedup.original_dated;
    if (options_.duplicates_join_original_story && result.dedup.duplicate &&
        (!both_dated || gap <= options_.duplicate_join_seconds)) {
      hint = StoryOf(result.dedup.original_id);
    }
  }
  result.assignment = clusterer_.Add(article_id, lang, published, features, hint);
  result.top_terms = TopTerms(lang, features);
  // Moves and merges change the stories of remembered articles: keep them current (the moves
  // first: each gives an article's story outright, and a merge recorded after it still applies).
  if (!result.assignment.moves.empty()) {
    std::unordered_map<std::string, const std::string*> moved;
    for (const StoryMove& move : result.assignment.moves) moved[move.article_id] = &move.to_id;
    for (auto& [id, story] : recent_) {
      if (auto it = moved.find(id); it != moved.end()) {
        story = *it->second;
        story_of_[id] = story;
      }
    }
  }
  for (const StoryMerge& merge : result.assignment.merges) {
    for (auto& [id, story] : recent_) {
      if (story == merge.from_id) {
        story = merge.into_id;
        story_of_[id] = merge.into_id;
      }
    }
  }
  if (!features.shingles.empty() || !exact_copy_of.empty()) {
    Remember(article_id, result.assignment.story_id);
  }
  return result;
}

std::string StoryPipeline::StoryOf(const std::string& article_id) const {
  auto it = story_of_.find(article_id);
  return it == story_of_.end() ? std::string() : it->second;
}

PipelineChanges StoryPipeline::TakeChanges() {
  PipelineChanges changes;
  changes.clusterer = clusterer_.TakeChanges();
  if (!dedup_.Entries().empty()) changes.oldest_dedup_article = dedup_.Entries().front().article_id;
  return changes;
}

void StoryPipeline::RestoreRecent(const std::string& article_id, const std::string& story_id) {
  Remember(article_id, story_id);
}

void StoryPipeline::Remember(const std::string& article_id, const std::string& story_id) {
  recent_.emplace_back(article_id, story_id);
  story_of_[article_id] = story_id;
  while (recent_.size() > dedup_.size()) {
    auto it = story_of_.find(recent_.front().first);
    if (it != story_of_.end() && it->second == recent_.front().second) story_of_.erase(it);
    recent_.pop_front();
  }
}

size_t StoryPipeline::MemoryBytes() const {
  size_t bytes = clusterer_.MemoryBytes();
  for (const DedupEntry& entry : dedup_.Entries()) {
    bytes += sizeof(DedupEntry) + entry.signature.size() * sizeof(uint32_t) +
             entry.article_id.size() + entry.group_id.size();
  }
  bytes += recent_.size() * 96 + dedup_.Entries().size() * 64 * 2;
  return bytes;
}

}  // namespace depeche::story
