#include "depeche/engine.h"

#include <optional>
#include <set>

#include "core/time.h"
#include "engine/analyzer.h"
#include "engine/batch_gate.h"
#include "engine/entity_stage.h"
#include "engine/ingest_job.h"
#include "engine/story_digest.h"
#include "engine/story_facts.h"
#include "engine/story_stage.h"
#include "engine/writer_lock.h"
#include "extract/entity_extractor.h"
#include "ingest/input_files.h"
#include "store/article_store.h"
#include "store/change_feed.h"
#include "store/database.h"
#include "store/date_store.h"
#include "store/entity_store.h"
#include "store/fts_query.h"
#include "store/story_store.h"
#include "store/watch_store.h"

namespace depeche {
namespace {

// How many names a story shows (StoryDetail::top_names).
constexpr int kStoryNames = 10;
// How many days a story shows (StoryDetail::event_dates).
constexpr int kStoryEventDates = 12;
// How many of a story's latest articles its quotations and figures are read from
// (StoryDetail::quotes, figures), and how many figure groups it shows.
constexpr size_t kStoryFactArticles = 400;
constexpr size_t kStoryFigureGroups = 12;

// One snapshot for a read made of several statements, on a read-only engine: otherwise each
// statement reads the latest commit, and a story merged by a concurrent writer between two of
// them answered NotFound ("story ... has no stored article") to a story listing, under the
// HTTP load benchmark. A writable engine is left as it is: its reads may write (the digest
// cache) in transactions of their own.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Database& db) : db_(db) {
    open_ = db.read_only() && db.Exec("BEGIN").ok();
  }
  ~ReadSnapshot() {
    if (open_) (void)db_.Exec("COMMIT");
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  store::Database& db_;
  bool open_ = false;
};

class EngineImpl final : public Engine {
 public:
  // A read-only engine has no analyzer and no story stage (only `story_store`): loading the
  // language models and the story pipeline's state is what ingest needs, and took 3 s of a
  // 3 s `depeche stats` on the Reuters database.
  EngineImpl(EngineConfig config, std::unique_ptr<engine::Analyzer> analyzer,
             std::unique_ptr<store::Database> db, std::unique_ptr<store::ArticleStore> articles,
             std::unique_ptr<engine::StoryStage> stories,
             std::unique_ptr<store::StoryStore> story_store,
             std::unique_ptr<store::EntityStore> entities)
      : config_(std::move(config)),
        analyzer_(std::move(analyzer)),
        db_(std::move(db)),
        articles_(std::move(articles)),
        stories_(std::move(stories)),
        story_store_(std::move(story_store)),
        entities_(std::move(entities)) {
    if (stories_) {
      auto version = db_->DataVersion();
      if (version.ok()) loaded_version_ = *version;
    }
  }

  ~EngineImpl() override {
    watches_.reset();
    digests_.reset();
    dates_.reset();
    gate_.reset();
    entity_stage_.reset();
    entities_.reset();
    story_store_.reset();
    stories_.reset();
    articles_.reset();  // finalizes statements before the connection closes
    db_.reset();
  }

  Result<IngestReport> Ingest(const std::vector<std::string>& paths,
                              const IngestOptions& options) override {
    DEPECHE_RETURN_IF_ERROR(CheckWritable());
    std::optional<engine::WriterLock> lock;
    DEPECHE_ASSIGN_OR_RETURN(engine::BatchGate * gate, PrepareWriting(options.entities, lock));
    const bool entities = options.entities;
    engine::IngestJob job(config_, *analyzer_, *db_, *articles_, *stories_, options,
                          entities ? extractor_.get() : nullptr,
                          entities ? entity_stage_.get() : nullptr, gate);
    return WithDigests(WithEntityNote(job.Run(ingest::ExpandInputs(paths)), entities), options);
  }

  Result<IngestReport> IngestJsonl(std::string_view name, std::string_view jsonl,
                                   const IngestOptions& options) override {
    DEPECHE_RETURN_IF_ERROR(CheckWritable());
    std::optional<engine::WriterLock> lock;
    DEPECHE_ASSIGN_OR_RETURN(engine::BatchGate * gate, PrepareWriting(options.entities, lock));
    const bool entities = options.entities;
    engine::IngestJob job(config_, *analyzer_, *db_, *articles_, *stories_, options,
                          entities ? extractor_.get() : nullptr,
                          entities ? entity_stage_.get() : nullptr, gate);
    return WithDigests(WithEntityNote(job.RunJsonl(name, jsonl), entities), options);
  }

  // Computes again the digests of the stories of several articles that this ingest changed,
  // so that reads (read-only engines included) find them current. Single-article stories are
  // computed when read. A failure leaves the cache stale (reads compute what they need): it is
  // a note of the report, not an ingest error.
  Result<IngestReport> WithDigests(Result<IngestReport> report, const IngestOptions& options) {
    if (!options.refresh_digests || !report.ok() || report->inserted_ids.empty()) return report;
    std::vector<std::string> stories;
    std::set<std::string> seen;
    for (const std::string& id : report->inserted_ids) {
      Result<std::string> story = articles_->StoryOf(id);
      if (story.ok() && !story->empty() && seen.insert(*story).second) stories.push_back(*story);
    }
    Status refreshed = RefreshDigestsOf(stories);
    if (!refreshed.ok()) {
      report->issues.push_back(
          {"", 0, "warning", "story summaries not refreshed: " + refreshed.message()});
    }
    return report;
  }

  Status RefreshDigests(const std::vector<std::string>& story_ids) override {
    DEPECHE_RETURN_IF_ERROR(CheckWritable());
    return RefreshDigestsOf(story_ids);
  }

  Status RefreshDigestsOf(const std::vector<std::string>& story_ids) {
    DEPECHE_RETURN_IF_ERROR(db_->Begin());
    for (const std::string& id : story_ids) {
      Result<StorySummary> row = story_store().SummaryRow(id);
      if (!row.ok() && row.status().code() == StatusCode::kNotFound) continue;  // merged since
      if (row.ok() && row->article_count < 2) continue;
      Result<StoryDetail> story = NamedStory(id);
      if (!story.ok()) {
        if (story.status().code() == StatusCode::kNotFound) continue;  // merged since
        (void)db_->Rollback();
        return story.status();
      }
      if (story->articles.size() < 2) continue;
      std::vector<Article> read;
      std::vector<std::vector<ArticleEntityRef>> named;
      Status status = ReadStoryArticles(*story, read, named);
      if (status.ok()) status = AddDigest(*story, read, "");
      if (!status.ok()) {
        (void)db_->Rollback();
        return status;
      }
    }
    return db_->Commit();
  }

  // How this engine's ingests are serialised with other writers. SQLite: one ingest at a time
  // for its whole run (`lock` is set, LockForWriting; no gate). PostgreSQL: several ingest
  // workers share the database and serialise only the writer part of each batch (the returned
  // gate, engine/batch_gate.h), so their analysis runs in parallel.
  Result<engine::BatchGate*> PrepareWriting(bool entities,
                                            std::optional<engine::WriterLock>& lock) {
    if (db_->backend() != store::Backend::kPostgres) {
      DEPECHE_ASSIGN_OR_RETURN(engine::WriterLock held, LockForWriting(entities));
      lock.emplace(std::move(held));
      return nullptr;
    }
    // The gate reloads under its lock when another worker committed: nothing to check here
    // but loading the extractor on first use.
    DEPECHE_RETURN_IF_ERROR(EnsureEntities(/*stale=*/false, entities));
    if (!gate_) {
      gate_ = std::make_unique<engine::BatchGate>(
          engine::BatchGate::ForBackend(*db_, [this]() -> Status {
            DEPECHE_RETURN_IF_ERROR(stories_->Reload());
            if (entity_stage_) return entity_stage_->Reload();
            return Status::Ok();
          }));
    }
    return gate_.get();
  }

  // Serialises writers (engine/writer_lock.h), then reloads the story state when another
  // writer committed since this engine loaded it: continuing from a stale state would give
  // other stories than a sequential run.
  Result<engine::WriterLock> LockForWriting(bool entities) {
    DEPECHE_ASSIGN_OR_RETURN(engine::WriterLock lock, engine::WriterLock::Acquire(config_.db_path));
    DEPECHE_ASSIGN_OR_RETURN(int64_t version, db_->DataVersion());
    const bool stale = !loaded_version_ || *loaded_version_ != version;
    if (stale) DEPECHE_RETURN_IF_ERROR(stories_->Reload());
    DEPECHE_RETURN_IF_ERROR(EnsureEntities(stale, entities));
    loaded_version_ = version;
    return lock;
  }

  Result<std::vector<ArticleSummary>> Articles(const ArticleQuery& query) override {
    return articles_->List(query);
  }

  Result<Article> GetArticle(const std::string& id) override {
    DEPECHE_ASSIGN_OR_RETURN(Article article, articles_->Get(id));
    if (!article.quotes.empty()) {
      DEPECHE_ASSIGN_OR_RETURN(std::vector<ArticleEntityRef> entities,
                               entities_->OfArticle(article.id));
      engine::LinkSpeakers(article, entities);
    }
    return article;
  }

  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override {
    if (!query.story && !query.entity) return articles_->Search(query);
    // The store's search filters on full story and entity ids: resolve prefixes, names and
    // merges first.
    SearchQuery resolved = query;
    if (query.story) {
      DEPECHE_ASSIGN_OR_RETURN(resolved.story, StoryId(*query.story));
    }
    if (query.entity) {
      DEPECHE_ASSIGN_OR_RETURN(resolved.entity, entities_->Resolve(*query.entity));
    }
    return articles_->Search(resolved);
  }

  Result<Stats> GetStats() override { return articles_->GetStats(); }

  Result<std::vector<StorySummary>> Stories(const StoryQuery& query) override {
    ReadSnapshot snapshot(*db_);
    if (!query.text) return story_store().Stories(query);
    // The stories of the matching articles, then the listing restricted to them: one pass over
    // the full-text matches, and the listing's own order, window and filters.
    SearchQuery search;
    search.text = *query.text;
    DEPECHE_ASSIGN_OR_RETURN(auto matching, articles_->MatchingStories(search));
    if (query.limit <= 0) return InvalidArgumentError("limit must be positive");
    if (matching.empty()) {
      if (query.info != nullptr) *query.info = StoryListInfo{};
      return std::vector<StorySummary>{};
    }
    std::vector<std::string> ids;
    ids.reserve(matching.size());
    for (auto& [id, count] : matching) ids.push_back(std::move(id));
    return story_store().Stories(query, &ids);
  }

  using Engine::GetStory;
  Result<StoryDetail> GetStory(const std::string& key, const StoryOptions& options) override {
    ReadSnapshot snapshot(*db_);
    std::string since;  // normalised
    if (!options.since.empty()) {
      Result<PublicationDate> parsed = core::ParseIsoDate(options.since);
      if (!parsed.ok()) {
        return InvalidArgumentError("since: not an ISO date: \"" + options.since + "\"");
      }
      since = parsed->precision >= DatePrecision::kMinute ? core::FormatUtc(parsed->utc_seconds)
                                                          : parsed->iso;
    }
    DEPECHE_ASSIGN_OR_RETURN(StoryDetail story, NamedStory(key));
    if (!dates_) {
      DEPECHE_ASSIGN_OR_RETURN(dates_, store::DateStore::Create(db_.get()));
    }
    DEPECHE_ASSIGN_OR_RETURN(story.event_dates,
                             dates_->EventDates(story.summary.id, kStoryEventDates));
    std::vector<Article> read;
    std::vector<std::vector<ArticleEntityRef>> named;
    DEPECHE_RETURN_IF_ERROR(ReadStoryArticles(story, read, named));
    DEPECHE_RETURN_IF_ERROR(AddFacts(story, read, named, story.articles.size() - read.size()));
    DEPECHE_RETURN_IF_ERROR(AddDigest(story, read, since));
    return story;
  }

  // The story `key` names (FindStory) with its names: its resolved entities where it has any
  // (one "Antony Blinken" whatever each article wrote), most salient first; else the articles'
  // capitalised runs.
  Result<StoryDetail> NamedStory(const std::string& key) {
    DEPECHE_ASSIGN_OR_RETURN(StoryDetail story, FindStory(key));
    DEPECHE_ASSIGN_OR_RETURN(std::vector<StoryEntity> entities,
                             entities_->OfStory(story.summary.id, kStoryNames));
    if (!entities.empty()) {
      story.top_names.clear();
      for (const StoryEntity& e : entities) story.top_names.push_back(e.name);
    }
    return story;
  }

  // The story's latest kStoryFactArticles articles, with their entities (quote speakers
  // linked).
  Status ReadStoryArticles(const StoryDetail& story, std::vector<Article>& read,
                           std::vector<std::vector<ArticleEntityRef>>& named) {
    const size_t first =
        story.articles.size() > kStoryFactArticles ? story.articles.size() - kStoryFactArticles : 0;
    read.reserve(story.articles.size() - first);
    named.reserve(story.articles.size() - first);
    for (size_t i = first; i < story.articles.size(); ++i) {
      DEPECHE_ASSIGN_OR_RETURN(Article a, articles_->Get(story.articles[i].id));
      DEPECHE_ASSIGN_OR_RETURN(std::vector<ArticleEntityRef> refs, entities_->OfArticle(a.id));
      engine::LinkSpeakers(a, refs);
      read.push_back(std::move(a));
      named.push_back(std::move(refs));
    }
    return Status::Ok();
  }

  // The story's headlines, summary and timeline: the cached digest when it is the story's
  // current one, else computed (and cached when this engine may write).
  Status AddDigest(StoryDetail& story, const std::vector<Article>& read, const std::string& since) {
    if (!digester_) {
      DEPECHE_ASSIGN_OR_RETURN(digester_, engine::StoryDigester::Create(DataDir()));
      DEPECHE_ASSIGN_OR_RETURN(digests_, store::DigestStore::Create(db_.get()));
    }
    story.since = since;
    std::optional<engine::StoryDigest> digest;
    const std::string key = engine::StoryDigester::Key(story);
    if (since.empty()) {
      DEPECHE_ASSIGN_OR_RETURN(digest, digests_->Get(story.summary.id, key));
    }
    if (!digest) {
      digest = digester_->Digest(story, read, since);
      // A cache: a write refused (another writer holds the database) costs only the next read.
      if (since.empty() && stories_ != nullptr) (void)digests_->Put(story.summary.id, key, *digest);
    }
    story.headlines = std::move(digest->headlines);
    story.summary_lines = std::move(digest->summary_lines);
    story.language_summaries = std::move(digest->language_summaries);
    story.timeline = std::move(digest->timeline);
    return Status::Ok();
  }

  std::string DataDir() const {
    return config_.data_dir.empty() ? DefaultDataDir() : config_.data_dir;
  }

  // The story's quotations by speaker and figures by object, from `read`: its articles from
  // index `first` on, with their entities.
  Status AddFacts(StoryDetail& story, const std::vector<Article>& read,
                  const std::vector<std::vector<ArticleEntityRef>>& entities, size_t first) {
    if (!figure_objects_) {
      DEPECHE_ASSIGN_OR_RETURN(figure_objects_, engine::FigureObjects::Load(DataDir()));
    }
    std::vector<engine::FactArticle> facts;
    for (size_t i = 0; i < read.size(); ++i) {
      facts.push_back({&read[i], story.articles[first + i].date, static_cast<int64_t>(first + i),
                       &entities[i]});
    }
    story.quotes = engine::GroupQuotes(facts);
    story.figures = engine::GroupFigures(facts, *figure_objects_, kStoryFigureGroups);
    return Status::Ok();
  }

  // The story `key` names: a story id or prefix, or an article (id, prefix, URL, feed id).
  Result<StoryDetail> FindStory(const std::string& key) {
    Result<StoryDetail> story = story_store().GetStory(key);
    if (story.ok() || story.status().code() != StatusCode::kNotFound) return story;
    // Not a story id: the story of the article that `key` names (id, prefix, URL, feed id).
    Result<Article> article = articles_->Get(key);
    if (!article.ok()) {
      if (article.status().code() != StatusCode::kNotFound) return article.status();
      return NotFoundError("no story or article \"" + key + "\"");
    }
    DEPECHE_ASSIGN_OR_RETURN(std::string story_id, articles_->StoryOf(article->id));
    if (story_id.empty()) return NotFoundError("article " + article->id + " has no story");
    return story_store().GetStory(story_id);
  }

  Result<StoreChanges> ChangesSince(StoreMark& mark) override {
    return store::ChangesSince(*db_, mark);
  }

  Result<std::pair<std::string, std::string>> PlacementOf(const std::string& article_id) override {
    return store::PlacementOf(*db_, article_id);
  }

  Result<std::vector<DuplicateGroup>> Duplicates(int limit) override {
    return story_store().Duplicates(limit);
  }

  Result<std::vector<EntitySummary>> Entities(const EntityQuery& query) override {
    if (!query.story) return entities_->List(query);
    EntityQuery resolved = query;
    DEPECHE_ASSIGN_OR_RETURN(resolved.story, StoryId(*query.story));
    return entities_->List(resolved);
  }

  Result<EntityDetail> GetEntity(const std::string& key, int article_limit,
                                 int story_limit) override {
    return entities_->Get(key, article_limit, story_limit);
  }

  Result<std::vector<ArticleEntityRef>> EntitiesOfArticle(const std::string& article_id) override {
    return entities_->OfArticle(article_id);
  }

  Result<std::vector<StoryEntity>> EntitiesOfStory(const std::string& story_id,
                                                   int limit) override {
    return entities_->OfStory(story_id, limit);
  }

  Result<Watch> AddWatch(const WatchSpec& spec) override {
    DEPECHE_RETURN_IF_ERROR(CheckWritable());
    // The parser Search uses: a query it would refuse is not stored.
    Result<store::ParsedSearch> parsed = store::ParseSearchQuery(spec.query);
    if (!parsed.ok()) return parsed.status().WithContext("watch query");
    DEPECHE_RETURN_IF_ERROR(EnsureWatches());
    return watches_->Add(spec, core::NowUtcSeconds());
  }

  Result<std::vector<Watch>> ListWatches() override {
    DEPECHE_RETURN_IF_ERROR(EnsureWatches());
    return watches_->List();
  }

  Result<Watch> GetWatch(const std::string& key) override {
    DEPECHE_RETURN_IF_ERROR(EnsureWatches());
    return watches_->Get(key);
  }

  Result<Watch> RemoveWatch(const std::string& key) override {
    DEPECHE_RETURN_IF_ERROR(CheckWritable());
    DEPECHE_RETURN_IF_ERROR(EnsureWatches());
    return watches_->Remove(key);
  }

  Result<WatchMatchSet> WatchMatches(const std::string& key, const std::string& since,
                                     int limit) override {
    if (limit <= 0) return InvalidArgumentError("limit must be positive");
    WatchMatchSet out;
    DEPECHE_ASSIGN_OR_RETURN(out.watch, GetWatch(key));
    out.since = out.watch.created_at;
    if (!since.empty()) {
      Result<PublicationDate> parsed = core::ParseIsoDate(since);
      if (!parsed.ok()) return InvalidArgumentError("since: not an ISO date: \"" + since + "\"");
      out.since = parsed->utc_seconds;
    }
    SearchQuery q;
    q.text = out.watch.query;
    q.limit = limit;
    q.ingested_since = core::FormatUtc(out.since);
    if (!out.watch.lang.empty()) q.lang = out.watch.lang;
    if (!out.watch.entity.empty()) {
      Result<std::string> entity = entities_->Resolve(out.watch.entity);
      // Named before anything mentions it: nothing matches yet.
      if (!entity.ok() && entity.status().code() == StatusCode::kNotFound) return out;
      if (!entity.ok()) return entity.status().WithContext("watch entity");
      q.entity = *entity;
    }
    DEPECHE_ASSIGN_OR_RETURN(out.articles, articles_->Search(q));
    DEPECHE_ASSIGN_OR_RETURN(auto stories, articles_->MatchingStories(q));
    for (const auto& [id, count] : stories) {
      if (static_cast<int>(out.stories.size()) >= limit) break;
      Result<StorySummary> row = story_store().SummaryRow(id);
      if (!row.ok() && row.status().code() == StatusCode::kNotFound) continue;
      if (!row.ok()) return row.status();
      out.stories.push_back({std::move(row).value(), count});
    }
    return out;
  }

 private:
  Status CheckWritable() const {
    if (analyzer_ != nullptr && stories_ != nullptr) return Status::Ok();
    return FailedPreconditionError("database " + config_.db_path + " was opened read-only");
  }

  store::StoryStore& story_store() { return stories_ ? stories_->store() : *story_store_; }

  Status EnsureWatches() {
    if (!watches_) {
      DEPECHE_ASSIGN_OR_RETURN(watches_, store::WatchStore::Create(db_.get()));
    }
    return Status::Ok();
  }

  // Loads the entity extractor (gazetteers, NER models) and the resolver on the first ingest:
  // read commands never pay for them. Gazetteers that cannot be loaded are not an error:
  // ingest goes on without entities and the report says why. `stale`: another writer
  // committed since the resolver was loaded.
  Status EnsureEntities(bool stale, bool load) {
    if (!entities_tried_ && load) {
      entities_tried_ = true;
      extract::EntityExtractorOptions options;
      options.data_dir = config_.data_dir.empty() ? DefaultDataDir() : config_.data_dir;
      options.model_dir =
          config_.ner_model_dir.empty() ? DefaultNerModelDir() : config_.ner_model_dir;
      auto extractor = extract::EntityExtractor::Create(options);
      if (!extractor.ok()) {
        entities_note_ = "entities not extracted: " + extractor.status().message();
        return Status::Ok();
      }
      extractor_ = std::move(*extractor);
      DEPECHE_ASSIGN_OR_RETURN(entity_stage_,
                               engine::EntityStage::Open(db_.get(), extractor_->gazetteer()));
      return Status::Ok();
    }
    if (stale && entity_stage_) return entity_stage_->Reload();
    return Status::Ok();
  }

  Result<IngestReport> WithEntityNote(Result<IngestReport> report, bool asked) const {
    if (!report.ok()) return report;
    report->entities = asked && extractor_ != nullptr;
    if (report->entities) report->ner_languages = extractor_->tagger_languages();
    report->entities_note = asked ? entities_note_ : "entities not extracted (--no-entities)";
    return report;
  }

  // The full id of the story `key` names (GetStory's rules: prefixes, merges, articles).
  Result<std::string> StoryId(const std::string& key) {
    DEPECHE_ASSIGN_OR_RETURN(StoryDetail story, FindStory(key));
    return story.summary.id;
  }

  EngineConfig config_;
  std::unique_ptr<engine::Analyzer> analyzer_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<store::ArticleStore> articles_;
  std::unique_ptr<engine::StoryStage> stories_;
  std::unique_ptr<store::StoryStore> story_store_;  // read-only engines
  std::unique_ptr<store::EntityStore> entities_;
  std::unique_ptr<store::DateStore> dates_;              // made on first use
  std::optional<engine::FigureObjects> figure_objects_;  // read at the first GetStory
  std::unique_ptr<engine::StoryDigester> digester_;      // made at the first GetStory
  std::unique_ptr<store::DigestStore> digests_;
  std::unique_ptr<store::WatchStore> watches_;  // made on first use
  // Ingest only, loaded by EnsureEntities.
  bool entities_tried_ = false;
  std::unique_ptr<extract::EntityExtractor> extractor_;
  std::unique_ptr<engine::EntityStage> entity_stage_;
  std::string entities_note_;
  // data_version when the story state was last loaded (see LockForWriting).
  std::optional<int64_t> loaded_version_;
  // PostgreSQL ingests only (PrepareWriting); kept across ingests so that a long-lived engine
  // (serve) reloads only when another worker wrote.
  std::unique_ptr<engine::BatchGate> gate_;
};

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const EngineConfig& config) {
  if (config.batch_size <= 0) return InvalidArgumentError("batch_size must be positive");
  if (config.ingest_threads < 0) {
    return InvalidArgumentError("ingest_threads must be 0 (automatic) or positive");
  }
  if (config.max_article_bytes <= 0)
    return InvalidArgumentError("max_article_bytes must be positive");
  DEPECHE_ASSIGN_OR_RETURN(
      auto db,
      store::Database::Open(config.db_path, config.read_only ? store::OpenMode::kReadOnly
                                                             : store::OpenMode::kReadWrite));
  DEPECHE_ASSIGN_OR_RETURN(auto articles, store::ArticleStore::Create(db.get()));
  DEPECHE_ASSIGN_OR_RETURN(auto entities, store::EntityStore::Create(db.get()));
  if (config.read_only) {
    DEPECHE_ASSIGN_OR_RETURN(auto story_store, store::StoryStore::Create(db.get()));
    return std::unique_ptr<Engine>(new EngineImpl(config, nullptr, std::move(db),
                                                  std::move(articles), nullptr,
                                                  std::move(story_store), std::move(entities)));
  }
  DEPECHE_ASSIGN_OR_RETURN(auto analyzer, engine::Analyzer::Create(config));
  DEPECHE_ASSIGN_OR_RETURN(
      auto stories, engine::StoryStage::Open(
                        db.get(), config.data_dir.empty() ? DefaultDataDir() : config.data_dir));
  return std::unique_ptr<Engine>(new EngineImpl(config, std::move(analyzer), std::move(db),
                                                std::move(articles), std::move(stories), nullptr,
                                                std::move(entities)));
}

}  // namespace depeche
