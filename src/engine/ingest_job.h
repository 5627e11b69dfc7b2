// IngestJob: one run of `ingest` over a list of inputs. Reads each input, analyses each record
// and writes it, committing every EngineConfig::batch_size articles so that a failure later in
// the run never loses what was already stored. Each inserted article also goes through the
// story stage, written in the same transaction. With EngineConfig::ingest_threads > 1 the
// per-record analysis runs on an AnalysisPool while the calling thread reads, stores and runs
// the story stage in input order: articles, stories and reported issues are the same as with
// one thread.
//
// With a BatchGate (PostgreSQL, several ingest workers on one database) the analysed records
// of a batch are kept in memory and written together: the gate begins the transaction, takes
// the story-space lock and reloads the story state if another worker committed since, the
// batch is written and committed, and the lock is released. Analysis (the bulk of the work)
// thus never waits for the lock, and a failed batch leaves nothing of itself in the database.
#ifndef DEPECHE_ENGINE_INGEST_JOB_H_
#define DEPECHE_ENGINE_INGEST_JOB_H_

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/config.h"
#include "depeche/engine.h"
#include "engine/analysis_pool.h"
#include "engine/analyzer.h"
#include "engine/batch_gate.h"
#include "engine/entity_stage.h"
#include "engine/story_stage.h"
#include "extract/entity_extractor.h"
#include "ingest/input_files.h"
#include "ingest/txt_reader.h"
#include "store/article_store.h"
#include "story/story_input.h"

namespace depeche::engine {

// Not thread-safe (its worker threads are its own); borrows everything it is given.
class IngestJob {
 public:
  // `extractor` and `entities` (both or neither; may be null): extract each article's
  // entities on the workers and resolve them in the writer.
  // `gate` (may be null: one writer for the whole run, the caller serialises runs): each batch
  // is written under it (see the file comment); an error then names what was committed.
  IngestJob(const EngineConfig& config, const Analyzer& analyzer, store::Database& db,
            store::ArticleStore& articles, StoryStage& stories, const IngestOptions& options,
            const extract::EntityExtractor* extractor = nullptr, EntityStage* entities = nullptr,
            BatchGate* gate = nullptr);
  ~IngestJob();
  IngestJob(const IngestJob&) = delete;
  IngestJob& operator=(const IngestJob&) = delete;

  // Runs over `inputs`. A Status error is a store failure; everything else is in the report.
  Result<IngestReport> Run(const ingest::InputList& inputs);
  // Runs over JSONL text in memory.
  Result<IngestReport> RunJsonl(std::string_view name, std::string_view jsonl);

 private:
  Status IngestText(const ingest::InputFile& file);
  Status IngestSgml(const ingest::InputFile& file);
  Status IngestJsonlFile(const ingest::InputFile& file);
  // `stream_error`, when given, says why a read failed (a gzip stream's limit or corruption).
  Status IngestJsonlStream(const ingest::InputFile& file, FILE* stream,
                           const std::string* stream_error = nullptr);
  // Analyses and stores one record; per-record problems go to the report. With a pool the
  // record is queued, and the records analysed before it are written.
  Status Store(ingest::RawArticle raw);
  // Stores one analysed record (the writer's part of Store); with a gate, keeps it for the
  // batch.
  Status Write(AnalysedRecord record);
  // Inserts one analysed record and runs the story and entity stages on it.
  Status WriteRecord(AnalysedRecord& record);
  // With a gate: writes and commits the kept records under it. A batch that fails as
  // Unavailable (the connection lost, a server restart) is rolled back and written again, up
  // to kBatchRetries times over about 30 s, with a warning in the report. An error names what
  // the run committed before and what it did not.
  Status FlushBatch();
  // One attempt at FlushBatch's writes: Enter, the records, the story state, Leave.
  Status WriteBatchOnce();
  // Undoes the open transaction after an error (memory back to the committed state).
  void RollBackAfterError();
  // Writes every queued record; after it the report is in input order up to here.
  Status Drain();
  // A failure found while reading (before analysis): queued records are written first so that
  // issues stay in input order. `record`: it counts as a record read.
  Status ReadFailure(const std::string& path, int64_t line, std::string message, bool record);
  // Drops the queued records (after a store failure).
  void StopPool();
  Status MaybeCommit(bool force);
  void Issue(const std::string& path, int64_t line, const char* severity, std::string message);
  bool Progress(const std::string& current, int64_t bytes_done);

  const EngineConfig& config_;
  const Analyzer& analyzer_;
  store::Database& db_;
  store::ArticleStore& articles_;
  StoryStage& stories_;
  const IngestOptions& options_;
  const extract::EntityExtractor* extractor_;
  EntityStage* entities_;
  ingest::TextReaderOptions text_options_;
  IngestReport report_;
  bool in_transaction_ = false;
  int pending_ = 0;
  int64_t bytes_before_ = 0;  // bytes of the inputs already finished
  int64_t bytes_total_ = 0;
  bool cancelled_ = false;
  std::unique_ptr<AnalysisPool> pool_;  // null: one thread
  int max_in_flight_ = 0;               // records queued in the pool at most
  BatchGate* gate_;                     // null: no batch gate
  std::vector<AnalysedRecord> batch_;   // with a gate: analysed, not yet written
  int64_t committed_records_ = 0;       // with a gate: records of the committed batches
  int64_t committed_inserted_ = 0;      // with a gate: articles they added
  int64_t committed_batches_ = 0;
  std::string committed_through_;  // "path:line" of the last committed record
  // With a gate and no pool: story features computed before the lock, as the pool does.
  std::optional<story::ArticlePreparer> preparer_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_INGEST_JOB_H_
