// AnalysisPool: the per-record analysis of an ingest (HTML extraction, then Analyzer::Analyze)
// on worker threads, handed back in submission order so that a single writer stores the
// articles and runs the story stage exactly as a sequential run would.
#ifndef DEPECHE_ENGINE_ANALYSIS_POOL_H_
#define DEPECHE_ENGINE_ANALYSIS_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "engine/analyzer.h"
#include "extract/entity.h"
#include "extract/entity_extractor.h"
#include "ingest/raw_article.h"
#include "story/story_input.h"

namespace depeche::engine {

// One record's analysis: the article, or why the record was refused (a per-record failure).
struct AnalysedRecord {
  std::string path;  // the record's origin, for the report
  int64_t line = 0;
  Status failure;  // not ok: the record is refused, `article` is empty
  Article article;
  // The article's entities, when an entity extractor was given (extracted on the worker).
  std::optional<extract::ArticleEntities> entities;
  // Those entities as the story stage's name features (StoryNamesOf), with them.
  std::optional<std::vector<story::NameFeature>> story_names;
  // The article's story features, when the pool was given story options (computed on the
  // worker so that the writer does not).
  std::optional<story::PreparedFeatures> story_features;
};

// Analyses one record on the calling thread: HTML extraction when `raw.html` is set, then
// `analyzer.Analyze`. Thread-safe (the analyzer is).
// With `entities` (may be null), the article's entities too.
AnalysedRecord AnalyseRecord(const Analyzer& analyzer, ingest::RawArticle raw,
                             const extract::EntityExtractor* entities = nullptr);

// Worker threads running AnalyseRecord. Submit and Take are called from one thread (the
// writer); Take returns the records in the order they were submitted. The queue is not bounded
// here: the caller bounds it by taking before it submits more (InFlight()). Worker threads
// block every signal, so a signal (SIGINT) reaches the submitting thread and can interrupt its
// reads. The destructor drops what was not taken and joins the workers. Borrows `analyzer`.
class AnalysisPool {
 public:
  // `threads` >= 1 workers. With `story_options`, each worker also computes each article's
  // story features (AnalysedRecord::story_features) with its own story::ArticlePreparer; with
  // `entities` (borrowed, may be null), the article's entities.
  AnalysisPool(const Analyzer& analyzer, int threads,
               std::optional<story::StoryPipelineOptions> story_options = std::nullopt,
               const extract::EntityExtractor* entities = nullptr);
  ~AnalysisPool();
  AnalysisPool(const AnalysisPool&) = delete;
  AnalysisPool& operator=(const AnalysisPool&) = delete;

  void Submit(ingest::RawArticle raw);
  // Records submitted and not yet taken.
  int InFlight() const;
  // Whether the oldest record not yet taken is analysed (Take would not block).
  bool Ready() const;
  // The oldest record not yet taken; blocks until it is analysed. Requires InFlight() > 0.
  AnalysedRecord Take();

 private:
  struct Job {
    int64_t seq;
    ingest::RawArticle raw;
  };
  void Work();

  const Analyzer& analyzer_;
  const std::optional<story::StoryPipelineOptions> story_options_;
  const extract::EntityExtractor* entities_;
  mutable std::mutex mutex_;
  std::condition_variable work_ready_;  // a job was queued, or stopping
  std::condition_variable done_;        // a record was analysed
  std::deque<Job> jobs_;
  // results_[i] is record taken_ + i; empty until a worker has analysed it.
  std::deque<std::optional<AnalysedRecord>> results_;
  int64_t taken_ = 0;
  int64_t submitted_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// The number of analysis threads for `configured` (EngineConfig::ingest_threads): itself when
// positive, else the hardware's concurrency capped at kMaxIngestThreads (at least 1).
int ResolveIngestThreads(int configured);
inline constexpr int kMaxIngestThreads = 8;

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_ANALYSIS_POOL_H_
