// The story stage's one entry point for an analysed article: what of an Article the story
// pipeline sees (boilerplate left out, a title derived from the text not counted twice) and
// the call that feeds it. Ingest (engine::StoryStage), `depeche eval cluster` and the
// benchmarks all go through here, so that what is measured is what the product runs.
#ifndef DEPECHE_STORY_STORY_INPUT_H_
#define DEPECHE_STORY_STORY_INPUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/article.h"
#include "story/story_pipeline.h"

namespace depeche::story {

// What StoryPipeline::Process takes, derived from an Article. Views into the article where
// nothing changes; does not own the article, which must outlive it.
struct StoryInput {
  std::string_view id;
  std::string_view lang;
  // The title to weigh on top of the text: empty when it is the text's own opening (a title
  // derived from the first sentence, possibly cut with "…", or a first line kept in the
  // text), which would otherwise count that sentence twice.
  std::string_view title;
  // The text with each boilerplate span (credits, calls to action, embedded tweets...)
  // replaced by a paragraph break, as article.h promises: stored, not analysed.
  std::string text;
  std::optional<int64_t> published;  // StoryPipeline::PublishedSeconds(article)
};

// Pure; thread-safe.
StoryInput StoryInputOf(const Article& article);

// StoryInputOf(article).title without the copy of the text.
std::string_view StoryTitleOf(const Article& article);

// Processes `article` through `pipeline` (StoryPipeline::Process over StoryInputOf).
// `exact_copy_of`: an earlier article with the same content hash (another record of the same
// text), as the store reports it; the copy joins its original's story.
// `names`: the article's entities as name features (engine::StoryNamesOf), or null to let
// capitalised words stand for names (no entity extraction).
ArticleStoryResult ProcessArticle(StoryPipeline& pipeline, const Article& article,
                                  const std::string& exact_copy_of = "",
                                  const std::vector<NameFeature>* names = nullptr);

// The same with the article's features computed ahead (ArticlePreparer::Prepare of the same
// article, with the pipeline's options): the result is identical.
ArticleStoryResult ProcessArticle(StoryPipeline& pipeline, const Article& article,
                                  const std::string& exact_copy_of, PreparedFeatures prepared);

// Computes what StoryPipeline::Process derives from an article alone (features and the dedup
// signature), so that it can run on analysis threads while one writer runs the pipeline.
// Not thread-safe (it holds a FeatureExtractor): one per thread.
class ArticlePreparer {
 public:
  // `options`: the pipeline's (its features and dedup fields count). Errors: InvalidArgument
  // from DedupIndex::Create.
  static Result<ArticlePreparer> Create(const StoryPipelineOptions& options);

  // `names` as for ProcessArticle.
  PreparedFeatures Prepare(const Article& article, const std::vector<NameFeature>* names = nullptr);

 private:
  ArticlePreparer(const StoryPipelineOptions& options, DedupIndex signer)
      : extractor_(options.features), signer_(std::move(signer)) {}

  FeatureExtractor extractor_;
  DedupIndex signer_;  // only its Signature (the hash permutations) is used
};

// Counts `article` into the term statistics only (StoryPipeline::Observe over StoryInputOf).
void ObserveArticle(StoryPipeline& pipeline, const Article& article,
                    const std::vector<NameFeature>* names = nullptr);

}  // namespace depeche::story

#endif  // DEPECHE_STORY_STORY_INPUT_H_
