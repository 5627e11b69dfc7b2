#include "engine/story_stage.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "story/story_input.h"

namespace depeche::engine {
namespace {

// Counts the background corpus (every *.jsonl under `dir`: the Global Voices sample shipped in
// data/samples, fr/es/it) into the document frequencies of a fresh pipeline. Without it the
// first articles of a new database are weighed by their own few documents, where every shared
// word looks common: the five seeds then form one story or two depending on their order (one
// in every order tried once 44 French documents are counted). A missing folder or an
// unreadable record is skipped: the background only warms the weights up.
void ObserveBackground(story::StoryPipeline& pipeline, const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".jsonl") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());  // the same weights on every machine
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
      auto raw = ingest::ParseJsonlRecord(line);
      if (!raw.ok() || raw->lang.empty()) continue;
      pipeline.Observe(raw->lang, raw->title, raw->text);
    }
  }
}

}  // namespace

Result<std::unique_ptr<StoryStage>> StoryStage::Open(store::Database* db, std::string data_dir) {
  std::unique_ptr<StoryStage> stage(new StoryStage(db, std::move(data_dir)));
  DEPECHE_ASSIGN_OR_RETURN(stage->store_, store::StoryStore::Create(db));
  DEPECHE_ASSIGN_OR_RETURN(stage->articles_, store::ArticleStore::Create(db));
  DEPECHE_ASSIGN_OR_RETURN(stage->dates_, DateStage::Open(db, stage->store_.get()));
  // Titles are chosen at Save (before each commit) rather than at every article.
  stage->store_->SetDeferTitles(true);
  DEPECHE_RETURN_IF_ERROR(stage->Reload());
  return stage;
}

Status StoryStage::Reload() {
  pipeline_.reset();
  if (dates_) dates_->Forget();
  DEPECHE_ASSIGN_OR_RETURN(store::SavedStoryState saved, store_->Load());
  story::StoryPipelineOptions options = PipelineOptions();
  const bool fresh = saved.clusterer.next_seq == 0 && saved.clusterer.df.empty();
  DEPECHE_ASSIGN_OR_RETURN(story::StoryPipeline pipeline,
                           story::StoryPipeline::Create(options, std::move(saved.clusterer)));
  // Saved with the first commit like any other document frequencies, so a reopened engine
  // (or a resumed ingest) starts from the same weights.
  if (fresh)
    ObserveBackground(pipeline, std::filesystem::path(data_dir_) / "samples" / "globalvoices");
  for (const story::DedupEntry& entry : saved.dedup) {
    DEPECHE_RETURN_IF_ERROR(pipeline.dedup().Restore(entry));
  }
  // So that a near-duplicate of an article stored before the restart joins its story.
  for (const auto& [article_id, story_id] : saved.recent) {
    pipeline.RestoreRecent(article_id, story_id);
  }
  pipeline_.emplace(std::move(pipeline));
  // Near-threshold duplicate candidates are settled on their exact shingle sets, recomputed
  // from the stored article as the story input saw it: the same sets after any restart.
  pipeline_->dedup().SetShingleSource(
      [this](const std::string& id) -> std::optional<std::vector<uint64_t>> {
        Result<Article> article = articles_->Get(id);
        if (!article.ok() || article->id != id) return std::nullopt;
        const story::StoryInput input = story::StoryInputOf(*article);
        return pipeline_->extractor().DedupShingles(input.lang, input.title, input.text);
      });
  return Status::Ok();
}

story::StoryPipelineOptions StoryStage::PipelineOptions() const {
  story::StoryPipelineOptions options;
  options.features.data_dir = data_dir_;
  return options;
}

Status StoryStage::Add(const Article& article, const std::string& copy_of,
                       const std::vector<story::NameFeature>* names, std::string* placed_in) {
  return AddImpl(article, copy_of, nullptr, names, placed_in);
}

Status StoryStage::Add(const Article& article, const std::string& copy_of,
                       story::PreparedFeatures prepared, std::string* placed_in) {
  return AddImpl(article, copy_of, &prepared, nullptr, placed_in);
}

Status StoryStage::AddImpl(const Article& article, const std::string& copy_of,
                           story::PreparedFeatures* prepared,
                           const std::vector<story::NameFeature>* names, std::string* placed_in) {
  if (!pipeline_) return FailedPreconditionError("story pipeline not loaded");
  if (!copy_of.empty() && pipeline_->StoryOf(copy_of).empty()) {
    // The original left the dedup window (or was too short to be indexed): its story comes
    // from the store.
    DEPECHE_ASSIGN_OR_RETURN(std::string story_id, store_->StoryOfArticle(copy_of));
    if (!story_id.empty()) pipeline_->RestoreRecent(copy_of, story_id);
  }
  // Ingest order is the processing order.
  story::ArticleStoryResult result =
      prepared != nullptr
          ? story::ProcessArticle(*pipeline_, article, copy_of, std::move(*prepared))
          : story::ProcessArticle(*pipeline_, article, copy_of, names);
  if (placed_in != nullptr) *placed_in = result.assignment.story_id;
  DEPECHE_RETURN_IF_ERROR(store_->Record(article.id, result));
  dates_->Added(article.id);
  return Status::Ok();
}

Status StoryStage::Save() {
  if (!pipeline_) return FailedPreconditionError("story pipeline not loaded");
  DEPECHE_RETURN_IF_ERROR(dates_->Update());
  return store_->Save(pipeline_->TakeChanges());
}

}  // namespace depeche::engine
