// ROUGE-1, ROUGE-2 and ROUGE-SU4 as ROUGE-1.5.5 computes them (Lin 2004), so that scores of our
// summaries compare with published DUC/TAC figures. The DUC 2006 official run was
//   ROUGE-1.5.5.pl -n 4 -w 1.2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -d
// on peers NIST had cut to about 250 words beforehand (rougejk.in, rougejk.m.out: a few have 251
// and are scored whole). RougeOptions' defaults are these settings plus -l 250, the DUC length
// rule applied to the summaries we produce (rouge_check.h's Duc2006OfficialOptions: without it).
//
// What ROUGE-1.5.5 does, and this file reproduces:
//  - reading (SPL format): each non-empty line is lower-cased (ASCII); with -l N, lines are taken
//    while their whitespace-separated words stay under N, and the line that reaches N is cut to
//    N words in all (words counted before punctuation is removed; peers and models alike);
//  - tokens: "-" and every character other than [A-Za-z0-9] separate tokens (so "U.S." gives
//    "u" "s" and non-ASCII bytes are separators);
//  - stemming (-m): tokens longer than 3 characters go through RougeStemmer; no stop words;
//  - ROUGE-N: clipped n-gram matches; ROUGE-SU4: skip bigrams with at most 4 words between plus
//    unigrams, where (a quirk of ROUGE-1.5.5 kept here) the last token's unigram is not counted;
//  - several models, -f A: hits, model counts and peer counts are summed over the models,
//    R = hits / model grams, P = hits / (peer grams x models), F = PR / ((1-a)P + aR) with a = 0.5,
//    each rounded to 5 decimals (sprintf "%7.5f") before F and before averaging;
//  - jackknifing (the DUC "jk" runs): with K models, the peer is scored against each of the K
//    subsets of K-1 models and the K scores are averaged; a human summary that is also a model
//    is scored once, against the other models.
// ROUGE-1.5.5 reports the mean of 1000 bootstrap resamples of the per-evaluation scores where we
// report their plain mean: on DUC 2006 they differ by up to 0.00015 over 200 evaluations (a
// system), 0.001 over 20 (a human); the per-evaluation scores are identical (rouge_check.h).
//
// Thread safety: the functions are pure; RougeStemmer (passed by reference) is not thread-safe.
#ifndef DEPECHE_EVAL_ROUGE_H_
#define DEPECHE_EVAL_ROUGE_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "eval/rouge_stemmer.h"

namespace depeche::eval {

struct RougeOptions {
  int word_limit = 250;       // -l; 0: no limit
  bool stem = true;           // -m
  int skip_distance = 4;      // -2: at most this many words between the two of a skip bigram
  bool skip_unigrams = true;  // -u: SU rather than S
  double alpha = 0.5;         // -p
  bool round_scores = true;   // each evaluation's R, P and F rounded to 5 decimals as ROUGE does
};

// A summary ready for scoring: its tokens after reading, truncation and stemming, and its
// n-gram counts.
struct RougeGrams {
  std::unordered_map<std::string, int> counts;
  int total = 0;
};
struct RougeSummary {
  std::vector<std::string> tokens;
  RougeGrams unigrams;
  RougeGrams bigrams;
  RougeGrams skip_bigrams;  // with the unigrams when options.skip_unigrams
};

struct RougePrf {
  double recall = 0;
  double precision = 0;
  double f = 0;
};
struct RougeScores {
  RougePrf rouge1;
  RougePrf rouge2;
  RougePrf su4;  // ROUGE-S<skip_distance>, SU when skip_unigrams
};

// The lines ROUGE would score after -l: the kept lines lower-cased, the last one cut.
std::vector<std::string> RougeTruncate(const std::vector<std::string>& lines, int word_limit);

// The tokens of `lines` (one sentence per line), truncated, lower-cased, split and stemmed.
std::vector<std::string> RougeTokens(const std::vector<std::string>& lines,
                                     const RougeOptions& options, RougeStemmer& stemmer);

RougeGrams RougeNGrams(const std::vector<std::string>& tokens, int n);
RougeGrams RougeSkipBigrams(const std::vector<std::string>& tokens, int skip_distance,
                            bool with_unigrams);

RougeSummary AnalyzeRougeSummary(const std::vector<std::string>& lines, const RougeOptions& options,
                                 RougeStemmer& stemmer);

// Clipped matches of `peer` in `model`: sum over grams of min(peer count, model count).
int RougeHits(const RougeGrams& peer, const RougeGrams& model);

// One evaluation (-f A): the peer against all of `models` at once. No model: all zeros.
RougeScores ScoreRouge(const RougeSummary& peer, const std::vector<const RougeSummary*>& models,
                       const RougeOptions& options);

// The jackknifed score: the mean of ScoreRouge over the leave-one-out subsets of `models` when
// there are two or more, ScoreRouge against the single model otherwise.
RougeScores JackknifeRouge(const RougeSummary& peer, const std::vector<const RougeSummary*>& models,
                           const RougeOptions& options);

// sprintf("%7.5f") as a number: ROUGE-1.5.5's rounding.
double RoundRouge(double value);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_ROUGE_H_
