// Story clustering evaluation: runs each gold document through the product's path (the
// document as a reader returns it, engine::Analyzer for language, sentences, boilerplate and
// content hash, then story::ProcessArticle, the story stage's entry point that ingest calls)
// over a gold corpus in stream order and scores the final clustering. Only the SQLite store is
// left out: an exact copy (same content hash as an earlier document) is passed as
// `exact_copy_of` as the store would report it, and nothing is written anywhere, so a run
// costs the analysis once per document plus the pipeline per order.
//  - ECB+: no timestamps, so the documents are streamed in `shuffles` seeded random orders
//    (seeds seed, seed+1, ...) and the report gives the mean and spread.
//  - UCI: by TIMESTAMP (one run).  - NewsWCL50: file order (one run).
// Splits (for tuning on training data only):
//  - ECB+ (Cybulska & Vossen 2015): test = topics 36-45; dev = 2 5 12 18 21 23 34 35;
//    train = the rest.
//  - UCI: a story is "train" when Hash64(STORY) is even, "test" when odd (the stream keeps the
//    timestamp order of the kept stories).
//  - NewsWCL50: no split ("all" only).
#ifndef DEPECHE_EVAL_CLUSTER_EVAL_H_
#define DEPECHE_EVAL_CLUSTER_EVAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "engine/analyzer.h"
#include "eval/cluster_corpus.h"
#include "eval/cluster_metrics.h"
#include "extract/entity_extractor.h"
#include "ingest/raw_article.h"
#include "nlohmann/json.hpp"
#include "story/story_pipeline.h"

namespace depeche::eval {

struct ClusterEvalOptions {
  story::StoryPipelineOptions pipeline;  // features.data_dir should name the repo's data/
  // The engine's analyzer (required by EvaluateClustering; not owned, outlives the call).
  const engine::Analyzer* analyzer = nullptr;
  // The engine's entity extractor (not owned): the documents' entities are their name
  // features, as at ingest. Null: capitalised words stand for names (ingest --no-entities).
  const extract::EntityExtractor* entities = nullptr;
  int shuffles = 5;  // ECB+ only
  uint64_t seed = 1;
  std::string split = "all";  // all | train | dev | test | train+dev (see above)
  // Analysed articles whose term statistics warm the pipeline up before each run (not
  // clustered): an engine in service has seen many articles; an evaluation starts cold.
  std::vector<Article> background;
};

// A gold document and what the product made of it.
struct PreparedDocument {
  GoldDocument gold;
  // The analysed article (its id is the gold document's id); empty when the analyzer refused
  // the document (`error` says why), which then counts as a story of its own.
  std::optional<Article> article;
  // Its entities as name features (engine::StoryNamesOf), when an entity extractor was given.
  std::optional<std::vector<story::NameFeature>> names;
  std::string error;
};

struct ClusterRun {
  uint64_t seed = 0;  // 0 for corpora streamed in their own order
  ClusterScores scores;
  size_t merges = 0;
  size_t duplicates = 0;
  // Final story of each document (merges applied), by index into the documents streamed.
  std::vector<std::string> predicted;
};

struct ClusterEvalReport {
  std::string format;
  std::string split;
  size_t documents = 0;
  std::vector<ClusterRun> runs;
  ClusterScores mean;
  ClusterScores stdev;
  size_t refused = 0;  // documents the analyzer refused (each scored as its own story)
  std::vector<GoldDocument> documents_used;  // the split, in corpus order (for --dump)
};

// The record a reader would return for `doc`: ECB+ and NewsWCL50 documents as the content of
// a .txt file (one sentence a line, through ingest::ParseTextArticle: a first line without
// final punctuation is the headline), UCI headlines as a record whose text is the headline.
// The date is the corpus's (seconds for UCI, the day for NewsWCL50, none for ECB+); no
// language is declared, as these corpora declare none. `starters`: the analyzer's
// sentence_starters().
ingest::RawArticle ToRawArticle(std::string_view format, const GoldDocument& doc,
                                const std::unordered_set<std::string>* starters);

// Analyses every document (order independent, so done once for all shuffles), and extracts
// its entities with `entities` when given. Thread-safe when the analyzer is; never fails
// (refused documents carry their error).
std::vector<PreparedDocument> PrepareDocuments(std::string_view format,
                                               std::vector<GoldDocument> docs,
                                               const engine::Analyzer& analyzer,
                                               const extract::EntityExtractor* entities = nullptr);

// Reads the corpus, keeps the split and prepares it. Errors: as EvaluateClustering.
Result<std::vector<PreparedDocument>> ReadPreparedCorpus(
    std::string_view format, const std::string& data_dir, std::string_view split,
    const engine::Analyzer& analyzer, const extract::EntityExtractor* entities = nullptr);

// Scores prepared documents (of `format`, for its stream order) with `options` (its analyzer
// and split are not used). Errors: InvalidArgument from the pipeline options; NotFound when
// `docs` is empty.
Result<ClusterEvalReport> EvaluatePrepared(std::string_view format,
                                           std::vector<PreparedDocument> docs,
                                           const ClusterEvalOptions& options);

// Reads the corpus (`format`: ecbplus | uci | newswcl50; `data_dir` as the readers take it),
// keeps the split and runs the product path. Errors: InvalidArgument for an unknown format or
// split, invalid pipeline options or no analyzer; the readers' errors; NotFound when the
// split is empty.
Result<ClusterEvalReport> EvaluateClustering(std::string_view format, const std::string& data_dir,
                                             const ClusterEvalOptions& options);

// The documents of `docs` in `split` of `format` (exposed for tests and tuning).
Result<std::vector<GoldDocument>> SelectSplit(std::string_view format,
                                              std::vector<GoldDocument> docs,
                                              std::string_view split);

// Streams `docs` in the given order through a fresh pipeline (story::ProcessArticle) and
// scores the final clusters (merges applied). Errors: InvalidArgument from the pipeline
// options.
Result<ClusterRun> RunClustering(const std::vector<PreparedDocument>& docs,
                                 const std::vector<size_t>& order,
                                 const story::StoryPipelineOptions& options,
                                 const std::vector<Article>& background = {});

// The Reuters-21578 articles under `reuters_dir`, analysed, as background (records with a
// title and the dateline and body as text; the analyzer's refusals are left out).
// Errors: ReadReutersCorpus's.
Result<std::vector<Article>> ReadBackgroundCorpus(const std::string& reuters_dir,
                                                  const engine::Analyzer& analyzer);

// Sets one tunable option by name: threshold, merge_threshold, link_threshold, term_weight,
// name_weight, number_weight, decay_days, grace_days, title_weight, query_features,
// max_centroid_features, min_jaccard, min_containment. InvalidArgument for an unknown name or
// a value that is not a number.
Status SetClusterOption(story::StoryPipelineOptions& options, std::string_view name,
                        std::string_view value);

// {"b3_precision":..,"b3_recall":..,"b3_f1":..,"pairwise_precision":..,"pairwise_recall":..,
//  "pairwise_f1":..,"clusters_pred":..,"clusters_gold":..}
nlohmann::json ClusterScoresJson(const ClusterScores& scores);

// {"format":..,"split":..,"documents":..,"b3_precision":..,...,"stdev":{...},"runs":[...]}
std::string ClusterReportToJson(const ClusterEvalReport& report);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_CLUSTER_EVAL_H_
