// The temporal-expression tagger: every rule of the text's language (data/<lang>/timex/, see
// timex_rules.h) is matched over the text (tried only where timex_anchors.h says a match can
// start, which gives the same matches); overlapping matches keep the longest (the earlier
// rule on a tie); each value is filled from its template and resolved against the reference
// date with the tense of its sentence (timex_normalize.h).
#ifndef DEPECHE_EXTRACT_TIMEX_TAGGER_H_
#define DEPECHE_EXTRACT_TIMEX_TAGGER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "extract/timex.h"
#include "extract/timex_anchors.h"
#include "extract/timex_rules.h"

namespace depeche::extract {

// Immutable after Create; Tag is thread-safe.
class TimexTagger {
 public:
  // Loads the rules of every language with a data_dir/<lang>/timex/ folder. Errors: those of
  // TimexRules::Load (naming the file and line).
  static Result<std::unique_ptr<TimexTagger>> Create(const std::string& data_dir);

  // The temporal expressions of `text` in `lang` (none for a language without rules), in text
  // order, resolved against `reference` (the article's day) when given.
  std::vector<Timex> Tag(std::string_view text, std::string_view lang,
                         const std::optional<CivilDay>& reference) const;

  // Languages with rules, sorted.
  std::vector<std::string> languages() const;

 private:
  TimexTagger() = default;
  struct Language {
    std::shared_ptr<const TimexRules> rules;
    std::shared_ptr<const TimexAnchorIndex> anchors;  // where each rule can match
  };
  std::map<std::string, Language, std::less<>> languages_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_TAGGER_H_
