#include "engine/story_stage.h"

#include <utility>

#include "story/story_input.h"

namespace depeche::engine {

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
  // Ingest order is the processing order.
  story::ArticleStoryResult result = story::ProcessArticle(*pipeline_, article, copy_of);
  return store_->Record(article.id, result);
}

Status StoryStage::Save() {
  if (!pipeline_) return FailedPreconditionError("story pipeline not loaded");
  return store_->Save(pipeline_->TakeChanges());
}

}  // namespace depeche::engine
