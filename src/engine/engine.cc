#include "depeche/engine.h"

#include "engine/analyzer.h"
#include "engine/ingest_job.h"
#include "engine/story_stage.h"
#include "ingest/input_files.h"
#include "store/article_store.h"
#include "store/database.h"

namespace depeche {
namespace {

class EngineImpl final : public Engine {
 public:
  EngineImpl(EngineConfig config, std::unique_ptr<engine::Analyzer> analyzer,
             std::unique_ptr<store::Database> db, std::unique_ptr<store::ArticleStore> articles,
             std::unique_ptr<engine::StoryStage> stories)
      : config_(std::move(config)),
        analyzer_(std::move(analyzer)),
        db_(std::move(db)),
        articles_(std::move(articles)),
        stories_(std::move(stories)) {}

  ~EngineImpl() override {
    stories_.reset();
    articles_.reset();  // finalizes statements before the connection closes
    db_.reset();
  }

  Result<IngestReport> Ingest(const std::vector<std::string>& paths,
                              const IngestOptions& options) override {
    engine::IngestJob job(config_, *analyzer_, *db_, *articles_, *stories_, options);
    return job.Run(ingest::ExpandInputs(paths));
  }

  Result<IngestReport> IngestJsonl(std::string_view name, std::string_view jsonl,
                                   const IngestOptions& options) override {
    engine::IngestJob job(config_, *analyzer_, *db_, *articles_, *stories_, options);
    return job.RunJsonl(name, jsonl);
  }

  Result<std::vector<ArticleSummary>> Articles(const ArticleQuery& query) override {
    return articles_->List(query);
  }

  Result<Article> GetArticle(const std::string& id) override { return articles_->Get(id); }

  Result<std::vector<SearchHit>> Search(const std::string& query, int limit) override {
    return articles_->Search(query, limit);
  }

  Result<Stats> GetStats() override { return articles_->GetStats(); }

  Result<std::vector<StorySummary>> Stories(const StoryQuery& query) override {
    return stories_->store().Stories(query);
  }

  Result<StoryDetail> GetStory(const std::string& id) override {
    return stories_->store().GetStory(id);
  }

  Result<std::vector<DuplicateGroup>> Duplicates(int limit) override {
    return stories_->store().Duplicates(limit);
  }

 private:
  EngineConfig config_;
  std::unique_ptr<engine::Analyzer> analyzer_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::ArticleStore> articles_;
  std::unique_ptr<engine::StoryStage> stories_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const EngineConfig& config) {
  if (config.batch_size <= 0) return InvalidArgumentError("batch_size must be positive");
  if (config.max_article_bytes <= 0)
    return InvalidArgumentError("max_article_bytes must be positive");
  DEPECHE_ASSIGN_OR_RETURN(auto analyzer, engine::Analyzer::Create(config));
  DEPECHE_ASSIGN_OR_RETURN(auto db, store::Database::Open(config.db_path));
  DEPECHE_ASSIGN_OR_RETURN(auto articles, store::ArticleStore::Create(db.get()));
  DEPECHE_ASSIGN_OR_RETURN(
      auto stories, engine::StoryStage::Open(
                        db.get(), config.data_dir.empty() ? DefaultDataDir() : config.data_dir));
  return std::unique_ptr<Engine>(new EngineImpl(config, std::move(analyzer), std::move(db),
                                                std::move(articles), std::move(stories)));
}

}  // namespace depeche
