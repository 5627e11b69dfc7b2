// Story clustering evaluation: runs the online story pipeline (story::StoryPipeline, the same
// code the engine uses) over a gold corpus in stream order and scores the final clustering.
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
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "eval/cluster_corpus.h"
#include "eval/cluster_metrics.h"
#include "nlohmann/json.hpp"
#include "story/story_pipeline.h"

namespace depeche::eval {

struct ClusterEvalOptions {
  story::StoryPipelineOptions pipeline;  // features.data_dir should name the repo's data/
  int shuffles = 5;                      // ECB+ only
  uint64_t seed = 1;
  std::string split = "all";  // all | train | dev | test | train+dev (see above)
  // Documents whose term statistics warm the pipeline up before each run (not clustered):
  // an engine in service has seen many articles; an evaluation starts cold.
  std::vector<GoldDocument> background;
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
  std::vector<GoldDocument> documents_used;  // the split, in corpus order (for --dump)
};

// Reads the corpus (`format`: ecbplus | uci | newswcl50; `data_dir` as the readers take it),
// keeps the split and runs the pipeline. Errors: InvalidArgument for an unknown format or
// split or invalid pipeline options; the readers' errors; NotFound when the split is empty.
Result<ClusterEvalReport> EvaluateClustering(std::string_view format, const std::string& data_dir,
                                             const ClusterEvalOptions& options);

// The documents of `docs` in `split` of `format` (exposed for tests and tuning).
Result<std::vector<GoldDocument>> SelectSplit(std::string_view format,
                                              std::vector<GoldDocument> docs,
                                              std::string_view split);

// Streams `docs` in the given order through a fresh pipeline and scores the final clusters
// (merges applied). Errors: InvalidArgument from the pipeline options.
Result<ClusterRun> RunClustering(const std::vector<GoldDocument>& docs,
                                 const std::vector<size_t>& order,
                                 const story::StoryPipelineOptions& options,
                                 const std::vector<GoldDocument>& background = {});

// The Reuters-21578 articles under `reuters_dir` as background documents (English; title,
// dateline and body). Errors: ReadReutersCorpus's.
Result<std::vector<GoldDocument>> ReadBackgroundCorpus(const std::string& reuters_dir);

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
