// The rules of the temporal-expression tagger, read from data/<lang>/timex/ (HeidelTime's
// design: the language knowledge is data, the machinery is shared):
//   resources.txt  named word lists: "@month" then "surface<TAB>value" lines ("février<TAB>02");
//                  "@future" and "@past" hold regular expressions (one a line, matched in any
//                  case) whose presence in a sentence gives its tense, the nearest to the
//                  expression deciding; "@report" those of reporting verbs, which only count
//                  next to the expression; '#' starts a comment line. @month ("01".."12")
//                  and @weekday ("1".."7", 1 = Monday) need not list the language's calendar:
//                  the loader adds text::CalendarNames' wide names (format and stand-alone) and
//                  its abbreviated month names that end with a period ("févr.", "Okt."); the
//                  file holds only the other variants ("fév.", "Jan.", "setiembre").
//   rules.txt      one rule a line: "TYPE<TAB>pattern<TAB>value". TYPE is DATE, TIME, DURATION
//                  or SET. The pattern is an ICU regular expression matched against the text in
//                  lower case (write its letters in lower case), in which "%name" stands for the
//                  alternation of a resource's surfaces (longest first, each also without its
//                  accents), a '%' before anything but a letter is itself, and an apostrophe
//                  matches ' and ’. The value is a template in which "{name:N}" is resource
//                  `name`'s value for capture group N, "{d2:N}" group N's digits on two places,
//                  "{year:N}" a year (two digits: 19xx or 20xx), "{num:N}" a number written in
//                  digits or in words (resource "number"), "{raw:N}" the group as written. After
//                  substitution it is a TIMEX3 value or one of the relative forms
//                  timex_normalize.h resolves (UNDEF-WEEKDAY-n, UNDEF-YEAR-MM-DD, REF, REF+nU...),
//                  or one anchored on the text: LAST... (the last day it named: "le lendemain"),
//                  PERIOD-nY (the last quarter it named, n years before: "a year earlier").
#ifndef DEPECHE_EXTRACT_TIMEX_RULES_H_
#define DEPECHE_EXTRACT_TIMEX_RULES_H_

#include <unicode/regex.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "extract/timex.h"

namespace depeche::extract {

struct TimexRule {
  TimexType type = TimexType::kDate;
  std::string value;  // the template
  std::string id;     // "fr/rules.txt:12"
  std::unique_ptr<icu::RegexPattern> pattern;
  // What a text must hold for the rule to match anywhere in it (a cheap test before the
  // regular expression runs): one of these words (TimexWords of the literal words and resource
  // surfaces that no optional group, alternation or negative look-around holds; a text word
  // that starts with one counts, for the endings a pattern allows), or, when
  // `digits` (a rule with digits and no word at all), a digit. Neither: the rule always runs.
  std::vector<std::string> triggers;
  bool digits = false;
};

// The words the trigger test compares: folded, split at anything but a letter (so that
// "aujourd'hui" gives "aujourd" and "hui", "après-midi" "apres" and "midi"), sorted, unique.
std::vector<std::string> TimexWords(std::string_view text);

// Immutable once loaded; shared by the tagging threads (each makes its own matchers).
class TimexRules {
 public:
  // Reads `dir`/resources.txt and `dir`/rules.txt of language `lang`. Errors: NotFound for a
  // missing file; InvalidArgument naming the file and line of a malformed line, an unknown
  // resource or a pattern ICU refuses.
  static Result<std::shared_ptr<const TimexRules>> Load(const std::string& dir,
                                                        std::string_view lang);

  const std::vector<TimexRule>& rules() const { return rules_; }
  const std::vector<std::unique_ptr<icu::RegexPattern>>& future_cues() const { return future_; }
  const std::vector<std::unique_ptr<icu::RegexPattern>>& past_cues() const { return past_; }
  // Reporting verbs ("a déclaré", "said"): the tense of the report, not of what is reported,
  // except for an expression right next to them ("a déclaré mardi").
  const std::vector<std::unique_ptr<icu::RegexPattern>>& report_cues() const { return report_; }
  // Resource `name`'s value for `surface` (compared folded: lower case, no accents), or "".
  std::string Lookup(std::string_view name, std::string_view surface) const;
  const std::string& lang() const { return lang_; }

 private:
  TimexRules() = default;
  std::string lang_;
  std::map<std::string, std::map<std::string, std::string>, std::less<>> resources_;
  std::vector<TimexRule> rules_;
  std::vector<std::unique_ptr<icu::RegexPattern>> future_, past_, report_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_RULES_H_
