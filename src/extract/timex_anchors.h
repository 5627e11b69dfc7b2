// Where a timex rule can match, found without running its regular expression over the whole
// text. ICU's find() tries a rule at almost every position of the text (rules open with optional
// words: "the", "about", "more than", ...), which is most of the tagger's time. Most rules hold a
// mandatory literal (a word, or a resource's alternation: "(?:january|jan\.|...)") that every
// match consumes, preceded by a part that consumes a bounded number of characters other than
// white space, digits and '-' ("free" characters: "\s+", "\d{1,2}" and "[\s-]+" consume only
// those). Every match of such a rule then starts at most that many non-free characters before
// an occurrence of its literal: the rule is tried (RegexMatcher::lookingAt) only there, in text
// order, continuing after each match as find() does, which gives exactly find()'s matches.
//
// A rule whose pattern uses a construct the analysis does not know (\p{..}, \x.., named groups,
// flags, ...) or has no such literal keeps a plain find() over the whole text.
#ifndef DEPECHE_EXTRACT_TIMEX_ANCHORS_H_
#define DEPECHE_EXTRACT_TIMEX_ANCHORS_H_

#include <unicode/regex.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace depeche::extract {

// What the analysis of one ICU pattern finds.
struct TimexAnchor {
  std::vector<std::u16string> literals;  // every match consumes one of them (each 2+ units)
  int before = 0;                        // most non-free characters a match consumes before it
  bool word = false;  // the pattern opens with \b: a match starts at a word boundary
  // The units a match can start with (its first consuming element is a literal), or empty:
  // any.
  std::u16string starts;
};

// The anchor of `pattern` (ICU syntax, matched case-sensitively), or nullopt when it has none
// or uses a construct the analysis does not know.
std::optional<TimexAnchor> AnalyzeTimexPattern(const std::u16string& pattern);

// The anchors of a language's rules, with one table of all their literals for one scan of the
// text. Immutable after construction; thread-safe.
class TimexAnchorIndex {
 public:
  explicit TimexAnchorIndex(const std::vector<const icu::RegexPattern*>& patterns);

  // The occurrences, sorted, of each anchor's literals in `text` (lower case, as the rules
  // match it): out[k] for anchor_of(rule) == k.
  void Scan(const char16_t* text, int32_t length, std::vector<std::vector<int32_t>>* out) const;

  // Calls `on_match(matcher)` for each match of rule `rule` in `text` (the matcher's input),
  // in text order: the matches find() gives. `hits` is Scan's output for the text.
  template <typename OnMatch>
  void ForEachMatch(size_t rule, icu::RegexMatcher& matcher, const char16_t* text, int32_t length,
                    const std::vector<std::vector<int32_t>>& hits, OnMatch&& on_match) const;

 private:
  // The first position, not before `tried`, from which a match whose anchor is at `at` can
  // start. Stopping at `tried` (positions already tried) keeps the scans linear in the text
  // when long runs of white space or digits hold many anchors.
  static int32_t WindowStart(const char16_t* text, int32_t at, int before, int32_t tried);
  static bool MaybeWordBoundary(const char16_t* text, int32_t length, int32_t at);

  struct Plan {
    int anchor = -1;  // index into the anchors' occurrence lists; -1: plain find()
    int before = 0;
    bool word = false;
    std::u16string starts;
  };
  std::vector<Plan> plans_;  // per rule
  int anchors_ = 0;
  // Literals by their first two code units: (literal, anchor index).
  std::unordered_map<uint32_t, std::vector<std::pair<std::u16string, int>>> by_prefix_;
  std::vector<bool> first_unit_ = std::vector<bool>(0x10000);  // a literal opens with it
};

template <typename OnMatch>
void TimexAnchorIndex::ForEachMatch(size_t rule, icu::RegexMatcher& matcher, const char16_t* text,
                                    int32_t length, const std::vector<std::vector<int32_t>>& hits,
                                    OnMatch&& on_match) const {
  UErrorCode status = U_ZERO_ERROR;
  const Plan& plan = plans_[rule];
  if (plan.anchor < 0) {
    while (matcher.find(status) && U_SUCCESS(status)) on_match(matcher);
    return;
  }
  // The first position not tried yet: where find() would search from after a match; windows
  // of nearby occurrences overlap, and a position that failed fails again.
  int32_t next = 0;
  for (const int32_t at : hits[static_cast<size_t>(plan.anchor)]) {
    if (at < next) continue;
    for (int32_t p = WindowStart(text, at, plan.before, next); p <= at; ++p) {
      next = p + 1;
      if (!plan.starts.empty() && plan.starts.find(text[p]) == std::u16string::npos) continue;
      if (plan.word && !MaybeWordBoundary(text, length, p)) continue;
      // find() steps over code points: never between the halves of a surrogate pair.
      if (p > 0 && U16_IS_TRAIL(text[p]) && U16_IS_LEAD(text[p - 1])) continue;
      status = U_ZERO_ERROR;
      if (!matcher.lookingAt(p, status) || U_FAILURE(status)) continue;
      on_match(matcher);
      // A match holds its literal: it is never empty.
      next = static_cast<int32_t>(matcher.end(status));
      if (U_FAILURE(status) || next <= p) return;
      p = next - 1;
    }
  }
}

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_ANCHORS_H_
