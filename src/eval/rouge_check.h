// Checks our ROUGE (eval/rouge.h) against the official DUC 2006 scores: every peer summary of
// NISTeval/ROUGE/peers (35 systems, 10 humans) is scored against the human models of its topic
// as the official jackknifed run did (rougejk.in: each topic has 4 models; a system is scored
// against each 3-model subset, a human against the 3 other models), and compared
//  - evaluation by evaluation with the "ID ROUGE-N Eval EVALID R:.." lines of rougejk.m.out
//    (recall, 5 decimals);
//  - per peer with the official averages: rouge2.jk.m.avg, rougeSU4.jk.m.avg and the ROUGE-1
//    Average_R lines of rougejk.m.out. These are means of 1000 bootstrap resamples, which differ
//    from the plain mean of the same per-evaluation scores (by up to ~0.0013 for a human with 20
//    evaluations), so the plain mean of the official per-evaluation scores is reported too.
// Also the lead baseline, scored the same way, to check the reading of documents end to end.
// Thread-safe (each call has its own stemmer).
#ifndef DEPECHE_EVAL_ROUGE_CHECK_H_
#define DEPECHE_EVAL_ROUGE_CHECK_H_

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "depeche/status.h"
#include "eval/duc_reader.h"
#include "eval/rouge.h"

namespace depeche::eval {

// Where Debian's wordnet-base puts WordNet's exception lists.
inline constexpr char kDefaultWordNetDir[] = "/usr/share/wordnet";

// The options of the official DUC 2006 run: RougeOptions' defaults without -l (NIST cut the
// peers beforehand; a few have 251 words and are scored whole).
RougeOptions Duc2006OfficialOptions();

// Recall of ROUGE-1, ROUGE-2 and ROUGE-SU4, in this order.
constexpr int kRougeMeasures = 3;
extern const char* const kRougeMeasureNames[kRougeMeasures];  // "ROUGE-1" "ROUGE-2" "ROUGE-SU4"

struct RougeSystemCheck {
  std::string system;                                   // peer id: "24", "A"
  int evaluations = 0;                                  // (topic, model subset) pairs averaged
  double ours[kRougeMeasures] = {0, 0, 0};              // mean recall
  double official[kRougeMeasures] = {-1, -1, -1};       // official (bootstrap) average; -1: none
  double official_mean[kRougeMeasures] = {-1, -1, -1};  // plain mean of its official evaluations
};

struct RougeOfficialCheck {
  std::vector<RougeSystemCheck> systems;  // by official ROUGE-2, best first
  // Per evaluation: how many official scores were compared, how many we match to 5 decimals,
  // and the largest difference.
  int evaluations_compared[kRougeMeasures] = {0, 0, 0};
  int evaluations_identical[kRougeMeasures] = {0, 0, 0};
  double max_evaluation_diff[kRougeMeasures] = {0, 0, 0};
  // Per peer: the largest |ours - official average| and |ours - official plain mean|.
  double max_diff[kRougeMeasures] = {0, 0, 0};
  std::string max_diff_system[kRougeMeasures];
  double max_diff_mean[kRougeMeasures] = {0, 0, 0};
};

// `duc2006_dir` is DUC_data/DUC2006. `wordnet_dir`, when not empty, holds WordNet exception
// lists (adj.exc ...) for the stemmer; ROUGE-1.5.5 used WordNet 2.0's, those of WordNet 3.0 give
// the same scores on DUC 2006. Errors: NotFound when models/, peers/, an official .avg file or
// the exception lists are missing; InvalidArgument naming the file and line of a .avg line that
// does not parse. Without rougejk.m.out, no per-evaluation comparison and no ROUGE-1 average.
Result<RougeOfficialCheck> CheckRougeAgainstOfficial(
    const std::filesystem::path& duc2006_dir,
    const RougeOptions& options = Duc2006OfficialOptions(),
    const std::filesystem::path& wordnet_dir = kDefaultWordNetDir);

// Official per-peer averages: lines "ID SCORE (95%-conf.int. LOW - HIGH)" of a .avg file.
Result<std::vector<std::pair<std::string, double>>> ParseRougeAvg(const std::string& text,
                                                                  const std::string& name);

// "ID ROUGE-1 Average_R: SCORE (...)" lines of a ROUGE-1.5.5 output, for `measure` ("ROUGE-1").
std::vector<std::pair<std::string, double>> ParseRougeOutAverages(const std::string& text,
                                                                  const std::string& measure);

// "ID ROUGE-1 Eval EVALID R:0.27322 P:.. F:.." lines (ROUGE-1.5.5 -d) for `measure`: (EVALID,
// recall), where EVALID ends with ".ID" ("D0601.M.250.A-A.1").
std::vector<std::pair<std::string, double>> ParseRougeOutEvaluations(const std::string& text,
                                                                     const std::string& measure);

// A system under evaluation: the summary of a topic's documents as lines of text (ROUGE cuts
// it at options.word_limit words).
using DucSystem = std::function<Result<std::vector<std::string>>(const DucTopic&)>;

// One topic's jackknifed scores.
struct DucTopicScores {
  std::string topic;  // "D0601"
  RougeScores scores;
};

// Mean jackknifed scores of `system`'s summaries over the DUC 2006 topics, with the stemmer's
// exceptions read from `wordnet_dir` when not empty. The system sees each topic with its
// statement (title, narrative) when duc2006_topics.sgml is there. `per_topic`, when not null,
// receives each scored topic's scores in topic order. Errors: the data's, or the system's first.
Result<RougeScores> ScoreDucSystem(const std::filesystem::path& duc2006_dir,
                                   const DucSystem& system, const RougeOptions& options = {},
                                   const std::filesystem::path& wordnet_dir = {},
                                   std::vector<DucTopicScores>* per_topic = nullptr);

// ScoreDucSystem of DucLeadSummary(topic, options.word_limit or 250).
Result<RougeScores> ScoreDucLeadBaseline(const std::filesystem::path& duc2006_dir,
                                         const RougeOptions& options = {},
                                         const std::filesystem::path& wordnet_dir = {},
                                         std::vector<DucTopicScores>* per_topic = nullptr);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_ROUGE_CHECK_H_
