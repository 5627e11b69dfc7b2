// Engine configuration. Precedence: defaults < config file < DEPECHE_* environment < flags;
// the CLI applies that order, the library takes the resolved values.
#ifndef DEPECHE_CONFIG_H_
#define DEPECHE_CONFIG_H_

#include <cstdint>
#include <string>

namespace depeche {

struct EngineConfig {
  std::string db_path = "depeche.db";  // SQLite file; ":memory:" for tests
  // Language resources (stop words, ...): data/<lang>/... Empty -> the compiled-in default.
  std::string data_dir;
  // fastText lid.176.ftz. Empty -> the compiled-in default; a missing file -> CLD2 only.
  std::string lid_model;
  // Folder of the NER models (ner-<lang>.model, trained by the build). Empty -> the
  // compiled-in default; a missing folder or model -> that language's entities come from the
  // gazetteers alone (IngestReport says which languages had a model).
  std::string ner_model_dir;
  // Largest single article (text file or JSONL line) accepted, in bytes.
  int64_t max_article_bytes = 8 * 1024 * 1024;
  // Articles written per transaction during ingest (the story state is saved at each commit).
  int batch_size = 4096;
  // Threads analysing records during ingest (HTML extraction, language ID, sentences, tokens).
  // One writer stores the articles and runs the story stage in input order, so what is stored
  // does not depend on it. 0: the hardware's concurrency, at most 8; 1: everything on the
  // calling thread.
  int ingest_threads = 0;
  // Open the store for reading only (the CLI's read commands): db_path must exist and be a
  // depeche database at this build's schema; nothing is created, migrated or written, not even
  // WAL files, so it works in a read-only folder (see store::OpenMode::kReadOnly). Ingest then
  // fails with FailedPrecondition.
  bool read_only = false;
};

// Compiled-in defaults for resources, overridable with DEPECHE_DATA_DIR / DEPECHE_LID_MODEL /
// DEPECHE_NER_MODEL_DIR.
std::string DefaultDataDir();
std::string DefaultLidModel();
std::string DefaultNerModelDir();  // DEPECHE_NER_MODEL_DIR overrides

}  // namespace depeche

#endif  // DEPECHE_CONFIG_H_
