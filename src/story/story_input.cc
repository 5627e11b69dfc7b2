#include "story/story_input.h"

#include <utility>

namespace depeche::story {
namespace {

std::string AnalysisText(const Article& article) {
  if (article.boilerplate.empty()) return article.text;
  std::string out;
  out.reserve(article.text.size());
  uint32_t pos = 0;
  for (const BoilerplateSpan& b : article.boilerplate) {
    if (b.span.begin < pos || b.span.end > article.text.size()) continue;
    out.append(article.text, pos, b.span.begin - pos);
    out += "\n\n";
    pos = b.span.end;
  }
  out.append(article.text, pos, std::string::npos);
  return out;
}

std::string_view ExtraTitle(const Article& article) {
  std::string_view title = article.title;
  constexpr std::string_view kEllipsis = "…";
  if (title.size() >= kEllipsis.size() &&
      title.substr(title.size() - kEllipsis.size()) == kEllipsis) {
    title.remove_suffix(kEllipsis.size());
  }
  if (!title.empty() && std::string_view(article.text).substr(0, title.size()) == title) {
    return {};
  }
  return article.title;
}

}  // namespace

std::string_view StoryTitleOf(const Article& article) { return ExtraTitle(article); }

StoryInput StoryInputOf(const Article& article) {
  StoryInput input;
  input.id = article.id;
  input.lang = article.lang;
  input.title = ExtraTitle(article);
  input.text = AnalysisText(article);
  // Dates coarser than a day count as undated.
  input.published = StoryPipeline::PublishedSeconds(article);
  return input;
}

ArticleStoryResult ProcessArticle(StoryPipeline& pipeline, const Article& article,
                                  const std::string& exact_copy_of,
                                  const std::vector<NameFeature>* names) {
  const StoryInput input = StoryInputOf(article);
  return pipeline.Process(std::string(input.id), input.lang, input.title, input.text,
                          input.published, exact_copy_of, names);
}

ArticleStoryResult ProcessArticle(StoryPipeline& pipeline, const Article& article,
                                  const std::string& exact_copy_of, PreparedFeatures prepared) {
  return pipeline.ProcessPrepared(article.id, article.lang,
                                  StoryPipeline::PublishedSeconds(article), std::move(prepared),
                                  exact_copy_of);
}

Result<ArticlePreparer> ArticlePreparer::Create(const StoryPipelineOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(DedupIndex signer, DedupIndex::Create(options.dedup));
  return ArticlePreparer(options, std::move(signer));
}

PreparedFeatures ArticlePreparer::Prepare(const Article& article,
                                          const std::vector<NameFeature>* names) {
  const StoryInput input = StoryInputOf(article);
  PreparedFeatures out;
  out.features = extractor_.Extract(input.lang, input.title, input.text, names);
  if (!out.features.shingles.empty()) out.signature = signer_.Signature(out.features.shingles);
  return out;
}

void ObserveArticle(StoryPipeline& pipeline, const Article& article,
                    const std::vector<NameFeature>* names) {
  const StoryInput input = StoryInputOf(article);
  pipeline.Observe(input.lang, input.title, input.text, names);
}

}  // namespace depeche::story
