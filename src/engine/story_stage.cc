#include "engine/story_stage.h"

#include <string_view>
#include <utility>

namespace depeche::engine {
namespace {

// The text the story stage sees: boilerplate ranges (credits, calls to action, embedded
// tweets...) are left out of analysis, as article.h promises; each leaves a paragraph break.
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

// The title to weigh on top of the text: none when it was derived from the text's opening
// sentence (possibly cut with "…"), which would otherwise count that sentence twice.
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

Result<std::unique_ptr<StoryStage>> StoryStage::Open(store::Database* db, std::string data_dir) {
  std::unique_ptr<StoryStage> stage(new StoryStage(db, std::move(data_dir)));
  DEPECHE_ASSIGN_OR_RETURN(stage->store_, store::StoryStore::Create(db));
  DEPECHE_RETURN_IF_ERROR(stage->Reload());
  return stage;
}

Status StoryStage::Reload() {
  pipeline_.reset();
  DEPECHE_ASSIGN_OR_RETURN(store::SavedStoryState saved, store_->Load());
  story::StoryPipelineOptions options;
  options.features.data_dir = data_dir_;
  DEPECHE_ASSIGN_OR_RETURN(story::StoryPipeline pipeline,
                           story::StoryPipeline::Create(options, std::move(saved.clusterer)));
  for (const story::DedupEntry& entry : saved.dedup) {
    DEPECHE_RETURN_IF_ERROR(pipeline.dedup().Restore(entry));
  }
  // So that a near-duplicate of an article stored before the restart joins its story.
  for (const auto& [article_id, story_id] : saved.recent) {
    pipeline.RestoreRecent(article_id, story_id);
  }
  pipeline_.emplace(std::move(pipeline));
  return Status::Ok();
}

Status StoryStage::Add(const Article& article, const std::string& copy_of) {
  if (!pipeline_) return FailedPreconditionError("story pipeline not loaded");
  if (!copy_of.empty() && pipeline_->StoryOf(copy_of).empty()) {
    // The original left the dedup window (or was too short to be indexed): its story comes
    // from the store.
    DEPECHE_ASSIGN_OR_RETURN(std::string story_id, store_->StoryOfArticle(copy_of));
    if (!story_id.empty()) pipeline_->RestoreRecent(copy_of, story_id);
  }
  // Ingest order is the processing order; dates coarser than a day count as undated.
  story::ArticleStoryResult result =
      pipeline_->Process(article.id, article.lang, ExtraTitle(article), AnalysisText(article),
                         story::StoryPipeline::PublishedSeconds(article), copy_of);
  return store_->Record(article.id, result);
}

Status StoryStage::Save() {
  if (!pipeline_) return FailedPreconditionError("story pipeline not loaded");
  return store_->Save(pipeline_->TakeChanges());
}

}  // namespace depeche::engine
