// Checks our ROUGE (eval/rouge.h) against the official DUC 2006 scores: every peer summary of
// NISTeval/ROUGE/peers (35 systems, 10 humans) is scored against the human models of its topic
// as the official jackknifed run did (rougejk.in: a system against each 3-model subset of the 4
// models, a human against the 3 other models), averaged per peer, and set beside the official
// rouge2.jk.m.avg, rougeSU4.jk.m.avg and the ROUGE-1 Average_R lines of rougejk.m.out.
// Also the lead baseline, scored the same way, to check the reading of documents end to end.
// Thread-safe (each call has its own stemmer).
#ifndef DEPECHE_EVAL_ROUGE_CHECK_H_
#define DEPECHE_EVAL_ROUGE_CHECK_H_

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "depeche/status.h"
#include "eval/rouge.h"

namespace depeche::eval {

struct RougeSystemCheck {
  std::string system;                                     // peer id: "24", "A"
  int evaluations = 0;                                    // (topic, model subset) pairs averaged
  double ours_rouge1 = 0, ours_rouge2 = 0, ours_su4 = 0;  // mean recall
  double official_rouge1 = -1, official_rouge2 = -1, official_su4 = -1;  // -1: not listed
};

struct RougeOfficialCheck {
  std::vector<RougeSystemCheck> systems;  // by official ROUGE-2, best first
  double max_diff_rouge1 = 0, max_diff_rouge2 = 0, max_diff_su4 = 0;  // over listed systems
  std::string max_diff_rouge2_system, max_diff_su4_system;
};

// `duc2006_dir` is DUC_data/DUC2006. `wordnet_dir`, when not empty, holds WordNet exception
// lists (adj.exc ...) for the stemmer, as ROUGE-1.5.5 uses WordNet 2.0's. Errors: NotFound when
// models/, peers/ or an official file is missing; InvalidArgument naming the file and line of an
// official file that does not parse.
Result<RougeOfficialCheck> CheckRougeAgainstOfficial(const std::filesystem::path& duc2006_dir,
                                                     const RougeOptions& options = {},
                                                     const std::filesystem::path& wordnet_dir = {});

// Official per-peer averages: lines "ID SCORE (95%-conf.int. LOW - HIGH)" of a .avg file.
Result<std::vector<std::pair<std::string, double>>> ParseRougeAvg(const std::string& text,
                                                                  const std::string& name);

// "ID ROUGE-1 Average_R: SCORE (...)" lines of a ROUGE-1.5.5 output, for `measure` ("ROUGE-1").
std::vector<std::pair<std::string, double>> ParseRougeOutAverages(const std::string& text,
                                                                  const std::string& measure);

// Mean jackknifed scores of DucLeadSummary(topic, options.word_limit) over the DUC 2006 topics.
Result<RougeScores> ScoreDucLeadBaseline(const std::filesystem::path& duc2006_dir,
                                         const RougeOptions& options = {});

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_ROUGE_CHECK_H_
