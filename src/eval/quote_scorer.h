// Scoring of quotations (extract/quotes.h) against gold attributions (PolNeAR, polnear_reader.h):
//
//  - Kind of a gold attribution: direct when at least half of its content's non-space bytes lie
//    between quotation marks (“ ” « » and straight quotes, read by QuotedBytes; the marks
//    count as quoted), indirect otherwise. System quotes carry their own kind.
//  - Overlap match: a gold and a system item whose contents share at least one byte, paired one
//    to one, largest shared byte count first. Overlap P = matched / system, R = matched / gold.
//  - Exact match: the two contents are the same after each is reduced to one span (first to last
//    byte) and trimmed of white space, quotation marks and , . ; : at both ends; one to one.
//  - Speaker accuracy, over the overlap matches: the system speaker (or the name of its
//    apposition) shares a byte with the gold source, or both have none.
//  - Scored three times: direct against direct, indirect against indirect, and all against all
//    (kinds ignored); counts are summed over the documents (micro).
// Pure functions, thread-safe.
#ifndef DEPECHE_EVAL_QUOTE_SCORER_H_
#define DEPECHE_EVAL_QUOTE_SCORER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "eval/polnear_reader.h"

namespace depeche::eval {

struct QuoteItem {
  bool direct = false;
  Spans content;
  Spans speaker;  // gold: the source; system: the speaker and the apposition's name
};

struct QuoteCounts {
  size_t gold = 0;
  size_t system = 0;
  size_t overlap = 0;          // overlap matches
  size_t exact = 0;            // exact matches
  size_t speaker_correct = 0;  // overlap matches with the right speaker

  QuoteCounts& operator+=(const QuoteCounts& o);
};

struct QuotePrf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct QuoteScores {
  QuoteCounts counts;
  QuotePrf overlap;
  QuotePrf exact;
  double speaker_accuracy = 0;  // speaker_correct / overlap (0 without matches)
};

QuoteScores ComputeQuoteScores(const QuoteCounts& counts);

// Per byte of `text`: true when between quotation marks (the marks included).
std::vector<bool> QuotedBytes(std::string_view text);

// Gold items of a document, each with its kind (see the file comment).
std::vector<QuoteItem> GoldQuoteItems(std::string_view text,
                                      const std::vector<PolnearAttribution>& gold);

// Counts of one document for `kind`: "direct", "indirect" or "all".
QuoteCounts ScoreQuoteItems(std::string_view text, const std::vector<QuoteItem>& gold,
                            const std::vector<QuoteItem>& system, std::string_view kind);

struct QuoteDocumentScore {
  std::string name;
  QuoteCounts direct;
  QuoteCounts indirect;
  QuoteCounts all;
};

struct QuoteEvalReport {
  std::vector<QuoteDocumentScore> documents;
  QuoteScores direct;
  QuoteScores indirect;
  QuoteScores all;
};

// Scores system[i] against documents[i] (same size). Errors: InvalidArgument on a size mismatch.
Result<QuoteEvalReport> ScoreQuoteCorpus(const std::vector<PolnearDocument>& documents,
                                         const std::vector<std::vector<QuoteItem>>& system);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_QUOTE_SCORER_H_
