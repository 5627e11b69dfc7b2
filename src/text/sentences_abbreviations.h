// Internal to depeche_text: where SplitSentences must not end a sentence although ICU breaks.
//
// ICU's own filter (locale "<lang>@ss=standard", FilteredBreakIteratorBuilder) matches its
// abbreviation list backwards from the break without checking that the abbreviation starts a
// word, so with CLDR's French list "stop. Ensuite" does not split ("p." is listed) nor does
// "l'ADM. Le" ("M."); in English "the FBI. Then" stays glued ("I."). This class applies the
// same lists (CLDR's, read from ICU's data, plus data/<lang>/abbreviations.txt) at word
// boundaries only.
#ifndef DEPECHE_TEXT_SENTENCES_ABBREVIATIONS_H_
#define DEPECHE_TEXT_SENTENCES_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace depeche::text::internal {

class SentenceAbbreviations {
 public:
  // CLDR's sentence-break exceptions for `locale_key` ("fr", "en_GB"; the language's list when
  // the locale has none; "" for none) plus data/<language>/abbreviations.txt.
  static SentenceAbbreviations ForLocale(const std::string& locale_key);

  // True when `sentence` (trimmed) ends with a listed abbreviation that begins a word ("M.",
  // "(Dr.", "av. J.-C.", but not "ADM." or "stop.") or with a capital initial after a
  // capitalised word or another initial ("George W.", "J.-P.").
  bool KeepsSentenceOpen(std::string_view sentence) const;

  size_t size() const { return entries_.size(); }

 private:
  bool EndsWithListed(std::string_view sentence) const;

  std::unordered_set<std::string> entries_;
  size_t max_words_ = 0;  // the longest entry, in space-separated words
};

}  // namespace depeche::text::internal

#endif  // DEPECHE_TEXT_SENTENCES_ABBREVIATIONS_H_
