#include "engine/ingest_job.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

#include "core/time.h"
#include "ingest/charset.h"
#include "ingest/file_reader.h"
#include "ingest/gzip_reader.h"
#include "ingest/html_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/reuters_sgml.h"

namespace depeche::engine {
namespace {

constexpr int kProgressEvery = 64;
// Records queued per analysis thread: enough to keep the workers busy while the writer
// commits, little memory (a few articles each).
constexpr int kQueuedPerThread = 32;
// With a gate: attempts after the first at writing a batch that failed as Unavailable, 0.25 s
// apart, then twice as long each time up to 8 s (about 30 s in all: a server restart).
constexpr int kBatchRetries = 8;

}  // namespace

IngestJob::IngestJob(const EngineConfig& config, const Analyzer& analyzer, store::Database& db,
                     store::ArticleStore& articles, StoryStage& stories,
                     const IngestOptions& options, const extract::EntityExtractor* extractor,
                     EntityStage* entities, BatchGate* gate)
    : config_(config),
      analyzer_(analyzer),
      db_(db),
      articles_(articles),
      stories_(stories),
      options_(options),
      extractor_(entities != nullptr ? extractor : nullptr),
      entities_(extractor != nullptr ? entities : nullptr),
      gate_(gate) {
  text_options_.sentence_starters = &analyzer_.sentence_starters();
  // The batch's index entries are written at each commit (ArticleStore::SetDeferIndexing).
  articles_.SetDeferIndexing(true);
  // A batch fails or commits whole: its writes travel together (one round trip on PostgreSQL).
  db_.SetDeferWrites(true);
  if (entities_ != nullptr) entities_->SetDeferCounts(true);
  const int threads =
      ResolveIngestThreads(options_.threads > 0 ? options_.threads : config_.ingest_threads);
  if (threads > 1) {
    pool_ =
        std::make_unique<AnalysisPool>(analyzer_, threads, stories_.PipelineOptions(), extractor_);
    max_in_flight_ = threads * kQueuedPerThread;
  } else if (gate_ != nullptr) {
    // Cannot fail with the pipeline's own options; without it the writer computes them.
    Result<story::ArticlePreparer> made =
        story::ArticlePreparer::Create(stories_.PipelineOptions());
    if (made.ok()) preparer_.emplace(std::move(*made));
  }
}

IngestJob::~IngestJob() {
  // Run() ends with a commit (which flushed) or a rollback (which dropped the queue).
  articles_.DropPendingIndex();
  articles_.SetDeferIndexing(false);
  if (entities_ != nullptr) {
    entities_->DropPendingCounts();
    entities_->SetDeferCounts(false);
  }
  db_.SetDeferWrites(false);
}

void IngestJob::Issue(const std::string& path, int64_t line, const char* severity,
                      std::string message) {
  report_.issues.push_back({path, line, severity, std::move(message)});
}

bool IngestJob::Progress(const std::string& current, int64_t bytes_done) {
  if (!options_.progress) return true;
  IngestProgress p;
  p.records = report_.records;
  p.bytes_done = bytes_before_ + bytes_done;
  p.bytes_total = bytes_total_;
  p.current = current;
  if (!options_.progress(p)) cancelled_ = true;
  return !cancelled_;
}

Status IngestJob::MaybeCommit(bool force) {
  if (gate_ != nullptr) {
    if (!batch_.empty() && (force || static_cast<int>(batch_.size()) >= config_.batch_size)) {
      return FlushBatch();
    }
    return Status::Ok();
  }
  if (in_transaction_ && (force || pending_ >= config_.batch_size)) {
    // The pipeline state goes with the articles it has seen.
    DEPECHE_RETURN_IF_ERROR(stories_.Save());
    DEPECHE_RETURN_IF_ERROR(articles_.FlushIndex());
    if (entities_ != nullptr) DEPECHE_RETURN_IF_ERROR(entities_->FlushCounts());
    DEPECHE_RETURN_IF_ERROR(db_.Commit());
    in_transaction_ = false;
    pending_ = 0;
  }
  return Status::Ok();
}

Status IngestJob::Store(ingest::RawArticle raw) {
  ++report_.records;
  if (!pool_) return Write(AnalyseRecord(analyzer_, std::move(raw), extractor_));
  while (pool_->InFlight() >= max_in_flight_) DEPECHE_RETURN_IF_ERROR(Write(pool_->Take()));
  pool_->Submit(std::move(raw));
  while (pool_->Ready()) DEPECHE_RETURN_IF_ERROR(Write(pool_->Take()));
  return Status::Ok();
}

Status IngestJob::Drain() {
  if (!pool_) return Status::Ok();
  while (pool_->InFlight() > 0) DEPECHE_RETURN_IF_ERROR(Write(pool_->Take()));
  return Status::Ok();
}

void IngestJob::StopPool() {
  if (!pool_) return;
  pool_.reset();
}

Status IngestJob::ReadFailure(const std::string& path, int64_t line, std::string message,
                              bool record) {
  DEPECHE_RETURN_IF_ERROR(Drain());
  if (record) ++report_.records;
  ++report_.failed;
  Issue(path, line, "error", std::move(message));
  return Status::Ok();
}

Status IngestJob::Write(AnalysedRecord record) {
  if (!record.failure.ok()) {
    return ReadFailure(record.path, record.line, record.failure.message(), /*record=*/false);
  }
  for (const std::string& w : record.article.warnings) {
    Issue(record.path, record.line, "warning", w);
  }
  if (gate_ == nullptr) {
    DEPECHE_RETURN_IF_ERROR(WriteRecord(record));
    return MaybeCommit(false);
  }
  if (preparer_ && !record.story_features) {
    record.story_features =
        preparer_->Prepare(record.article, record.story_names ? &*record.story_names : nullptr);
  }
  batch_.push_back(std::move(record));
  return MaybeCommit(false);
}

Status IngestJob::WriteRecord(AnalysedRecord& record) {
  Article* article = &record.article;
  article->ingested_at = core::NowUtcSeconds();
  if (!in_transaction_) {
    DEPECHE_RETURN_IF_ERROR(db_.Begin());
    in_transaction_ = true;
  }
  DEPECHE_ASSIGN_OR_RETURN(store::InsertResult result, articles_.Insert(*article));
  switch (result.outcome) {
    case store::InsertOutcome::kInserted: {
      ++report_.inserted;
      if (!result.copy_of.empty()) ++report_.copies;
      report_.inserted_ids.push_back(article->id);
      ++pending_;
      std::string story_id;
      if (record.story_features) {
        story::PreparedFeatures features = std::move(*record.story_features);
        // Spent: a batch written again (FlushBatch) has the story stage compute them.
        record.story_features.reset();
        DEPECHE_RETURN_IF_ERROR(
            stories_.Add(*article, result.copy_of, std::move(features), &story_id));
      } else {
        DEPECHE_RETURN_IF_ERROR(stories_.Add(*article, result.copy_of,
                                             record.story_names ? &*record.story_names : nullptr,
                                             &story_id));
      }
      if (entities_ != nullptr && record.entities) {
        DEPECHE_RETURN_IF_ERROR(entities_->Add(*article, *record.entities, story_id));
      }
      break;
    }
    case store::InsertOutcome::kSameRecord:
      ++report_.already_stored;
      break;
  }
  return Status::Ok();
}

Status IngestJob::WriteBatchOnce() {
  Status status = gate_->Enter();
  if (!status.ok()) return status;
  // Inside the lock: two workers racing on one record insert it one after the other, and
  // the second finds it stored (kSameRecord).
  in_transaction_ = true;
  for (AnalysedRecord& record : batch_) {
    status = WriteRecord(record);
    if (!status.ok()) return status;
  }
  // The pipeline state goes with the articles it has seen, the gate's token with both.
  DEPECHE_RETURN_IF_ERROR(stories_.Save());
  DEPECHE_RETURN_IF_ERROR(articles_.FlushIndex());
  if (entities_ != nullptr) DEPECHE_RETURN_IF_ERROR(entities_->FlushCounts());
  return gate_->Leave();
}

Status IngestJob::FlushBatch() {
  const int64_t inserted_before = report_.inserted;
  // What an attempt adds to the report, taken back when it is rolled back.
  const int64_t copies_before = report_.copies;
  const int64_t already_before = report_.already_stored;
  const size_t ids_before = report_.inserted_ids.size();
  Status status = WriteBatchOnce();
  auto pause = std::chrono::milliseconds(250);
  for (int retry = 1; !status.ok() && status.code() == StatusCode::kUnavailable &&
                      retry <= kBatchRetries && !cancelled_;
       ++retry) {
    // The connection was lost (the server restarted, the session was ended) or the lock or a
    // serialisation failed: nothing of the batch is committed, unless the COMMIT itself was
    // lost on the way back, and then the next attempt finds its records stored. Back to the
    // committed state, then the same records again once the server answers.
    (void)db_.Rollback();
    in_transaction_ = false;
    articles_.DropPendingIndex();
    if (entities_ != nullptr) entities_->DropPendingCounts();
    gate_->Forget();  // the next Enter() reloads the story and entity state
    report_.inserted = inserted_before;
    report_.copies = copies_before;
    report_.already_stored = already_before;
    report_.inserted_ids.resize(ids_before);
    const AnalysedRecord& first = batch_.front();
    Issue(first.path, first.line, "warning",
          "the batch of " + std::to_string(batch_.size()) + " records from here on is written " +
              "again (attempt " + std::to_string(retry + 1) + "): " + status.message());
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(8000));
    status = WriteBatchOnce();
  }
  if (!status.ok()) {
    // Which batch, and what is safe: the earlier batches are committed, this one is not.
    const AnalysedRecord& first = batch_.front();
    std::string note = "; committed before it: " + std::to_string(committed_records_) +
                       " records (" + std::to_string(committed_inserted_) + " new articles) in " +
                       std::to_string(committed_batches_) + " batches" +
                       (committed_through_.empty() ? "" : ", through " + committed_through_) +
                       "; not committed: the batch of " + std::to_string(batch_.size()) +
                       " records from " + first.path + ":" + std::to_string(first.line) +
                       " on; run the same ingest again to complete it (stored records are "
                       "recognised and skipped)";
    return Status(status.code(), status.message() + note);
  }
  in_transaction_ = false;
  pending_ = 0;
  committed_records_ += static_cast<int64_t>(batch_.size());
  committed_inserted_ += report_.inserted - inserted_before;
  ++committed_batches_;
  committed_through_ = batch_.back().path + ":" + std::to_string(batch_.back().line);
  batch_.clear();
  return Status::Ok();
}

void IngestJob::RollBackAfterError() {
  StopPool();  // the queued records are dropped with the transaction
  batch_.clear();
  if (gate_ != nullptr) gate_->Forget();
  if (in_transaction_) {
    (void)db_.Rollback();
    in_transaction_ = false;
    articles_.DropPendingIndex();
    if (entities_ != nullptr) entities_->DropPendingCounts();
    // The pipeline saw articles that are no longer stored: back to the committed state.
    (void)stories_.Reload();
    if (entities_ != nullptr) (void)entities_->Reload();
  }
}

Status IngestJob::IngestText(const ingest::InputFile& file) {
  // The limit is on the inflated bytes for .gz files: one article either way.
  auto data = ingest::ReadInputFile(file.path, file.gzip, config_.max_article_bytes);
  if (!data.ok()) {
    return ReadFailure(file.display_path, 0, data.status().message(), /*record=*/false);
  }
  report_.bytes += static_cast<int64_t>(data->size());
  // UTF-16 is decoded here, before the binary check, which would see its NUL bytes.
  std::string utf16_warning;
  if (auto utf16 = ingest::DecodeUtf16WithBom(*data)) {
    *data = std::move(utf16->text);
    utf16_warning = std::move(utf16->warning);
  }
  if (Status s = ingest::CheckLooksLikeText(*data); !s.ok()) {
    return ReadFailure(file.display_path, 0, s.message(), /*record=*/false);
  }
  std::string stray = ingest::RemoveStrayControlBytes(*data);
  ingest::RawArticle raw;
  if (file.format == ingest::InputFormat::kHtml) {
    raw.html = std::move(*data);  // extracted in Store()
  } else {
    raw = ingest::ParseTextArticle(*data, text_options_);
  }
  if (!utf16_warning.empty()) raw.warnings.push_back(std::move(utf16_warning));
  raw.origin = {file.display_path, 0, ingest::FormatName(file.format)};
  if (!stray.empty()) raw.warnings.push_back(std::move(stray));
  return Store(std::move(raw));
}

Status IngestJob::IngestSgml(const ingest::InputFile& file) {
  auto data = ingest::ReadInputFile(file.path, file.gzip, ingest::kMaxSgmlFileBytes);
  if (!data.ok()) {
    return ReadFailure(file.display_path, 0, data.status().message(), /*record=*/false);
  }
  report_.bytes += static_cast<int64_t>(data->size());
  ingest::ReutersParse parse = ingest::ParseReutersSgml(*data);
  if (parse.records.empty() && parse.errors.empty()) {
    return ReadFailure(file.display_path, 0, "no <REUTERS> record: not Reuters-21578 SGML",
                       /*record=*/false);
  }
  for (const ingest::ReutersRecordError& e : parse.errors) {
    DEPECHE_RETURN_IF_ERROR(ReadFailure(file.display_path, e.line, e.message, /*record=*/true));
  }
  for (const ingest::ReutersRecord& record : parse.records) {
    if (cancelled_) break;
    ingest::RawArticle raw = ingest::ToRawArticle(record);
    raw.origin = {file.display_path, record.line, ingest::FormatName(file.format)};
    DEPECHE_RETURN_IF_ERROR(Store(std::move(raw)));
    if (report_.records % kProgressEvery == 0) Progress(file.display_path, 0);
  }
  return Status::Ok();
}

Status IngestJob::IngestJsonlFile(const ingest::InputFile& file) {
  if (file.gzip) {
    ingest::GzipStream gz(file.path, ingest::kMaxInflatedStreamBytes);
    if (gz.file() == nullptr) {
      return ReadFailure(file.display_path, 0, gz.error(), /*record=*/false);
    }
    return IngestJsonlStream(file, gz.file(), &gz.error());
  }
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(file.path.c_str(), "rb"), &std::fclose);
  if (!f) {
    return ReadFailure(file.display_path, 0,
                       std::string("cannot open: ") + std::strerror(errno != 0 ? errno : EIO),
                       /*record=*/false);
  }
  return IngestJsonlStream(file, f.get());
}

Status IngestJob::IngestJsonlStream(const ingest::InputFile& file, FILE* stream,
                                    const std::string* stream_error) {
  ingest::LineReader reader(stream, config_.max_article_bytes);
  std::string line;
  while (!cancelled_) {
    auto state = reader.Next(line);
    if (state == ingest::LineReader::State::kEnd) break;
    if (state == ingest::LineReader::State::kError) {
      // A signal interrupting a read from a pipe is a cancellation, not a broken input.
      if (errno == EINTR && !Progress(file.display_path, reader.bytes_read())) break;
      std::string why = stream_error != nullptr && !stream_error->empty()
                            ? *stream_error
                            : std::string("read error: ") + std::strerror(errno);
      DEPECHE_RETURN_IF_ERROR(ReadFailure(file.display_path, reader.line_number() + 1,
                                          std::move(why), /*record=*/false));
      break;
    }
    if (state == ingest::LineReader::State::kTooLong) {
      DEPECHE_RETURN_IF_ERROR(ReadFailure(file.display_path, reader.line_number(),
                                          "line longer than the " +
                                              std::to_string(config_.max_article_bytes) +
                                              "-byte limit for one article",
                                          /*record=*/true));
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank line
    auto raw = ingest::ParseJsonlRecord(line);
    if (!raw.ok()) {
      DEPECHE_RETURN_IF_ERROR(ReadFailure(file.display_path, reader.line_number(),
                                          raw.status().message(), /*record=*/true));
      continue;
    }
    raw->origin = {file.display_path, reader.line_number(), ingest::FormatName(file.format)};
    DEPECHE_RETURN_IF_ERROR(Store(std::move(*raw)));
    if (report_.records % kProgressEvery == 0) Progress(file.display_path, reader.bytes_read());
  }
  report_.bytes += reader.bytes_read();
  return Status::Ok();
}

Result<IngestReport> IngestJob::Run(const ingest::InputList& inputs) {
  auto start = std::chrono::steady_clock::now();
  for (const auto& p : inputs.problems) {
    ++report_.failed;
    Issue(p.path, 0, "error", p.message);
  }
  for (const auto& p : inputs.skipped_files) {
    ++report_.skipped;
    Issue(p.path, 0, "skipped", p.message);
  }
  for (const auto& f : inputs.files) bytes_total_ += f.size;
  Status status;
  for (const auto& file : inputs.files) {
    if (cancelled_) break;
    ++report_.files;
    switch (file.format) {
      case ingest::InputFormat::kText:
      case ingest::InputFormat::kHtml:
        status = IngestText(file);
        break;
      case ingest::InputFormat::kReutersSgml:
        status = IngestSgml(file);
        break;
      case ingest::InputFormat::kStdinJsonl:
        status = IngestJsonlStream(file, stdin);
        break;
      case ingest::InputFormat::kJsonl:
        status = IngestJsonlFile(file);
        break;
    }
    if (!status.ok()) break;
    bytes_before_ += file.size;
    Progress(file.display_path, 0);
  }
  // What was queued is written, also after a cancellation: it was read and analysed.
  if (status.ok()) status = Drain();
  if (status.ok()) status = MaybeCommit(true);
  if (!status.ok()) {
    RollBackAfterError();
    return status;
  }
  if (cancelled_) {
    report_.cancelled = true;
    Issue("", 0, "warning",
          "cancelled: what was read is stored, the remaining inputs were not read");
  }
  report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report_;
}

Result<IngestReport> IngestJob::RunJsonl(std::string_view name, std::string_view jsonl) {
  auto start = std::chrono::steady_clock::now();
  bytes_total_ = static_cast<int64_t>(jsonl.size());
  ++report_.files;
  size_t pos = 0;
  int64_t line_number = 0;
  std::string path(name);
  Status status;
  while (pos < jsonl.size() && !cancelled_) {
    size_t end = jsonl.find('\n', pos);
    if (end == std::string_view::npos) end = jsonl.size();
    std::string_view line = jsonl.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (static_cast<int64_t>(line.size()) > config_.max_article_bytes) {
      status = ReadFailure(path, line_number, "line longer than the limit for one article",
                           /*record=*/true);
      if (!status.ok()) break;
      continue;
    }
    auto raw = ingest::ParseJsonlRecord(line);
    if (!raw.ok()) {
      status = ReadFailure(path, line_number, raw.status().message(), /*record=*/true);
      if (!status.ok()) break;
      continue;
    }
    raw->origin = {path, line_number, "jsonl"};
    status = Store(std::move(*raw));
    if (!status.ok()) break;
    if (report_.records % kProgressEvery == 0) Progress(path, static_cast<int64_t>(pos));
  }
  report_.bytes = static_cast<int64_t>(jsonl.size());
  // What was queued is written, also after a cancellation: it was read and analysed.
  if (status.ok()) status = Drain();
  if (status.ok()) status = MaybeCommit(true);
  if (!status.ok()) {
    RollBackAfterError();
    return status;
  }
  report_.cancelled = cancelled_;
  report_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report_;
}

}  // namespace depeche::engine
