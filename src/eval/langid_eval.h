// Scores a language identifier on a labelled file: one `lang<TAB>text` per line (the shape
// scripts/build-langid-testset.sh writes). Accuracy overall and per language, the most frequent
// confusions, and throughput.
#ifndef DEPECHE_EVAL_LANGID_EVAL_H_
#define DEPECHE_EVAL_LANGID_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "text/langid.h"

namespace depeche::eval {

struct LangIdExample {
  std::string lang;  // gold code, as written in the file (compared verbatim to the guess)
  std::string text;
};

// Parses `lang<TAB>text` lines. Blank lines and lines starting with '#' are skipped; a trailing
// '\r' is removed. InvalidArgument (with the line number) for a line without a tab or with an
// empty label or text.
Result<std::vector<LangIdExample>> ParseLangIdTsv(std::string_view content);
// Reads and parses a file: NotFound when missing, Unavailable when unreadable, else as above.
Result<std::vector<LangIdExample>> ReadLangIdTsv(const std::string& path);

struct LangIdLanguageScore {
  std::string lang;
  size_t total = 0;
  size_t correct = 0;
  double accuracy = 0.0;
};

struct LangIdConfusion {
  std::string gold;
  std::string predicted;
  size_t count = 0;
};

struct LangIdScore {
  size_t total = 0;
  size_t correct = 0;
  double accuracy = 0.0;                          // correct / total (0 when empty)
  size_t reliable = 0;                            // guesses flagged reliable
  size_t reliable_correct = 0;                    // ... of which right
  double reliable_precision = 0.0;                // reliable_correct / reliable (0 when none)
  std::vector<LangIdLanguageScore> per_language;  // sorted by code
  std::vector<LangIdConfusion> confusions;        // count descending, then gold, predicted
  size_t bytes = 0;                               // UTF-8 bytes of all texts
  double seconds = 0.0;                           // wall time spent in Identify
  double texts_per_second = 0.0;
  double first_pass_texts_per_second = 0.0;  // the first pass, with every cache cold
  double bytes_per_second = 0.0;
};

// Runs `identifier` on every example (single thread, in order) and scores it. `hint` is passed
// to every call (empty: none). Deterministic apart from the timing fields: identifier.Warm(),
// then a first pass gives the answers (and first_pass_texts_per_second), and a second pass the
// steady-state speed (seconds, texts_per_second, bytes_per_second).
LangIdScore ScoreLangId(const text::LanguageIdentifier& identifier,
                        const std::vector<LangIdExample>& examples, std::string_view hint = {});

// A readable report: overall accuracy, per-language table, the `max_confusions` most frequent
// confusions and throughput. Ends with a newline.
std::string FormatLangIdReport(const LangIdScore& score, size_t max_confusions = 20);

// The `depeche eval` JSON shape: {"task":"lang","data":DATA,"overall":{"accuracy":..},
// "total":N,"items":[{"lang":..,"total":..,"correct":..,"accuracy":..}],"confusions":[..],
// "speed":{"texts_per_second":..,"bytes_per_second":..,"seconds":..}} (compact, one line).
std::string LangIdScoreToJson(const LangIdScore& score, std::string_view data);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_LANGID_EVAL_H_
