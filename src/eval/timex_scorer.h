// TIMEX3 scoring with the TempEval-3 entity measures, as the official tools compute them
// (TE3-evaluation.py = TimeML-Normalizer.jar, then evaluation-entities/evaluate_entities.py):
//
//  - Pairing (what the normaliser does): the text is cut into tokens; each TIMEX3 covers the
//    first token ending after its start (if that token starts before its end) and the tokens
//    after it that end at or before its end; a token the end cuts in two is left out (the
//    normaliser reads the end tag with it and closes the TIMEX3 first). A TIMEX3 with no
//    token (empty, or only spaces) is dropped: the normaliser removes it. Walking the tokens in
//    order, gold first, a TIMEX3 starting at a token gets a fresh id, unless the other annotation
//    has a TIMEX3 open at that token (starting there and already handled, or continuing through it)
//    whose id this annotation has not used yet: then it takes that id. So a gold and a system
//    TIMEX3 pair when one starts inside the other, one to one, first come first paired.
//  - Relaxed match = paired. Strict match = paired and the two TIMEX3 texts are the same
//    string (evaluate_entities compares texts, not offsets).
//  - Strict/relaxed precision = matches / system TIMEX3s, recall = matches / gold TIMEX3s,
//    F1 their harmonic mean (0 when both are 0), all summed over the documents (micro).
//  - Type and value: over the relaxed matches, the number whose type (value) attribute is the
//    same string. Accuracy = same / relaxed matches; "F1" (the official "Attribute F1") =
//    accuracy x relaxed F1; the attribute's precision and recall are accuracy x relaxed P, R.
//  - No gold and no system TIMEX3 at all: every F1 is 1, as in the official code.
// The document creation time is not scored (the normaliser maps it to t0, which
// evaluate_entities skips); only TIMEX3s of <TEXT> are.
//
// Tokens: maximal runs of ASCII letters and digits and non-ASCII bytes, and each other
// non-space character alone. The official normaliser uses a PTB tokenizer; both agree on
// every span whose ends fall on whitespace or punctuation, as gold spans and spans produced
// by word-level taggers do (scripts/check_timex_scorer.py measures the agreement).
//
// Pure functions, thread-safe.
#ifndef DEPECHE_EVAL_TIMEX_SCORER_H_
#define DEPECHE_EVAL_TIMEX_SCORER_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "eval/timeml_reader.h"

namespace depeche::eval {

struct TimexCounts {
  size_t gold = 0;    // gold TIMEX3s scored (non-empty, in <TEXT>)
  size_t system = 0;  // system TIMEX3s scored
  size_t strict = 0;  // strict matches
  size_t relaxed = 0;
  size_t type_match = 0;   // relaxed matches with the same type
  size_t value_match = 0;  // relaxed matches with the same value

  TimexCounts& operator+=(const TimexCounts& o);
};

struct PrfScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct TimexScores {
  PrfScore strict;
  PrfScore relaxed;
  PrfScore type;   // accuracy x relaxed P / R / F1
  PrfScore value;  // accuracy x relaxed P / R / F1 ("value F1")
  double type_accuracy = 0;
  double value_accuracy = 0;
};

// The measures of summed counts (see the file comment).
TimexScores ComputeTimexScores(const TimexCounts& counts);

// One document: `gold` and `system` are TIMEX3s of the same `text` (offsets into it).
TimexCounts ScoreTimexDocument(std::string_view text, const std::vector<Timex>& gold,
                               const std::vector<Timex>& system);

// The token [begin, end) byte spans of `text` (see the file comment).
std::vector<std::pair<size_t, size_t>> TimexTokens(std::string_view text);

struct TimexDocumentScore {
  std::string name;  // relative path of the gold file
  TimexCounts counts;
  bool missing_prediction = false;  // no predicted file: scored as predicting nothing
};

struct TimexEvalReport {
  std::vector<TimexDocumentScore> documents;
  TimexCounts total;
  TimexScores scores;
};

// Scores every gold document against the predicted document of the same name (relative
// path). A gold document without a prediction counts as one with no TIMEX3 (and is flagged);
// predicted files without gold are ignored. Errors: FailedPrecondition naming the file when a
// prediction's text (markup removed) differs from the gold text, as the official tool refuses.
Result<TimexEvalReport> ScoreTimexCorpus(const std::vector<TimemlDocument>& gold,
                                         const std::vector<TimemlDocument>& predicted);

// Reads the gold (file or folder) and the predictions folder (or file), then ScoreTimexCorpus.
// A predictions folder is read only for the gold files' names.
Result<TimexEvalReport> ScoreTimemlPredictions(const std::filesystem::path& gold_path,
                                               const std::filesystem::path& predictions_path);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_TIMEX_SCORER_H_
