// StoryStage: the engine's story pipeline and its persistence. Every newly stored article goes
// through StoryPipeline::Process in ingest order; its assignment is written with the article,
// and the pipeline state is saved before each commit so that a reopened engine continues
// exactly where the last commit left it.
#ifndef DEPECHE_ENGINE_STORY_STAGE_H_
#define DEPECHE_ENGINE_STORY_STAGE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "engine/date_stage.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/story_store.h"
#include "story/story_input.h"
#include "story/story_pipeline.h"

namespace depeche::engine {

// Not thread-safe (one writer); borrows the Database, which must outlive it.
class StoryStage {
 public:
  // Loads the saved pipeline state (a fresh pipeline on a new database). `data_dir` holds the
  // language resources (stop words). Errors: from StoryStore::Load or StoryPipeline::Create.
  static Result<std::unique_ptr<StoryStage>> Open(store::Database* db, std::string data_dir);

  // Processes `article` (just inserted, inside the open transaction) and records its story.
  // `copy_of`: the earlier article with the same text, when the article is an exact copy
  // (store::InsertResult::copy_of); the copy joins its original's story.
  // `names`: the article's entities as name features (StoryNamesOf), or null when entities
  // were not extracted (capitalised words then stand for names).
  // `placed_in`, when given, receives the story the article was placed in.
  Status Add(const Article& article, const std::string& copy_of = "",
             const std::vector<story::NameFeature>* names = nullptr,
             std::string* placed_in = nullptr);
  // The same with the article's story features computed ahead by a story::ArticlePreparer
  // made from PipelineOptions() (on an analysis thread): the same result, less work here.
  Status Add(const Article& article, const std::string& copy_of, story::PreparedFeatures prepared,
             std::string* placed_in = nullptr);
  // The options the pipeline runs with (what an ArticlePreparer must be made from).
  story::StoryPipelineOptions PipelineOptions() const;
  // Dates the undated articles of the stories the articles added since the last Save are in
  // (DateStage::Update), then saves the pipeline state; call inside the transaction, right
  // before committing.
  Status Save();
  // Reloads the state last committed (after a rollback, so memory matches the database).
  Status Reload();

  store::StoryStore& store() { return *store_; }

 private:
  Status AddImpl(const Article& article, const std::string& copy_of,
                 story::PreparedFeatures* prepared, const std::vector<story::NameFeature>* names,
                 std::string* placed_in);
  StoryStage(store::Database* db, std::string data_dir) : db_(db), data_dir_(std::move(data_dir)) {}

  store::Database* db_;
  std::string data_dir_;
  std::unique_ptr<store::StoryStore> store_;
  // Reads the stored articles whose exact shingles settle near-threshold duplicate candidates.
  std::unique_ptr<store::ArticleStore> articles_;
  std::optional<story::StoryPipeline> pipeline_;
  std::unique_ptr<DateStage> dates_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_STORY_STAGE_H_
