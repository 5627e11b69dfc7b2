#include "engine/analysis_pool.h"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <utility>

#include "engine/story_names.h"
#include "ingest/html_reader.h"

namespace depeche::engine {

AnalysedRecord AnalyseRecord(const Analyzer& analyzer, ingest::RawArticle raw,
                             const extract::EntityExtractor* entities) {
  AnalysedRecord out;
  out.path = raw.origin.path;
  out.line = raw.origin.line;
  if (!raw.html.empty()) {
    if (Status s = ingest::ReadHtmlInto(raw); !s.ok()) {
      out.failure = std::move(s);
      return out;
    }
  }
  Result<Article> article = analyzer.Analyze(std::move(raw));
  if (article.ok()) {
    out.article = std::move(*article);
    if (entities != nullptr) {
      out.entities = entities->Extract(out.article);
      out.story_names = StoryNamesOf(*entities->gazetteer(), out.article, *out.entities);
    }
  } else {
    out.failure = article.status();
  }
  return out;
}

int ResolveIngestThreads(int configured) {
  if (configured > 0) return configured;
  const unsigned hw = std::thread::hardware_concurrency();
  return std::clamp(static_cast<int>(hw), 1, kMaxIngestThreads);
}

AnalysisPool::AnalysisPool(const Analyzer& analyzer, int threads,
                           std::optional<story::StoryPipelineOptions> story_options,
                           const extract::EntityExtractor* entities)
    : analyzer_(analyzer), story_options_(std::move(story_options)), entities_(entities) {
  // Workers inherit the creating thread's signal mask: block everything while they are
  // created, so that SIGINT interrupts the reader's blocking read (a cancellation) rather than
  // landing on a worker.
  sigset_t all;
  sigset_t old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  workers_.reserve(static_cast<size_t>(std::max(threads, 1)));
  for (int i = 0; i < std::max(threads, 1); ++i) workers_.emplace_back([this] { Work(); });
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
}

AnalysisPool::~AnalysisPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void AnalysisPool::Submit(ingest::RawArticle raw) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back({submitted_++, std::move(raw)});
    results_.emplace_back();
  }
  work_ready_.notify_one();
}

int AnalysisPool::InFlight() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(results_.size());
}

bool AnalysisPool::Ready() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return !results_.empty() && results_.front().has_value();
}

AnalysedRecord AnalysisPool::Take() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return results_.front().has_value(); });
  AnalysedRecord out = std::move(*results_.front());
  results_.pop_front();
  ++taken_;
  return out;
}

void AnalysisPool::Work() {
  // One preparer per worker (a FeatureExtractor is not thread-safe). It cannot fail with the
  // pipeline's own options; if it did, the writer computes the features itself.
  std::optional<story::ArticlePreparer> preparer;
  if (story_options_) {
    Result<story::ArticlePreparer> made = story::ArticlePreparer::Create(*story_options_);
    if (made.ok()) preparer.emplace(std::move(*made));
  }
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    AnalysedRecord record = AnalyseRecord(analyzer_, std::move(job.raw), entities_);
    if (preparer && record.failure.ok()) {
      record.story_features =
          preparer->Prepare(record.article, record.story_names ? &*record.story_names : nullptr);
    }
    lock.lock();
    if (stopping_) return;
    // Jobs are taken in order and results_ only shrinks from the front once its record is
    // done, so this record's slot is still there.
    results_[static_cast<size_t>(job.seq - taken_)] = std::move(record);
    // Only the writer waits on done_, and only for the front record.
    if (job.seq == taken_) done_.notify_one();
  }
}

}  // namespace depeche::engine
