// Sentence splitting with ICU's sentence rules for the language, plus what news text needs:
// - no break after an abbreviation of CLDR's list for the language (what "@ss=standard" gives:
//   "M.", "av. J.-C.") nor of data/<lang>/abbreviations.txt ("Dr.", "Pr."), matched at word
//   starts only (ICU's own filter would also glue "stop. Ensuite" on "p.");
// - no break after a capital initial that follows a capitalised word ("George W. Bush");
// - a closing » ” › (with punctuation right after it) at the start of a sentence goes back to
//   the previous one on the same line (". » Ensuite" -> "... . »" + "Ensuite").
#ifndef DEPECHE_TEXT_SENTENCES_H_
#define DEPECHE_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "depeche/article.h"

namespace depeche::text {

// Sentence byte ranges of valid UTF-8 `text` for language `lang` (ISO 639-1; unknown
// languages use root rules). Ranges exclude surrounding whitespace and newlines; a blank line
// (paragraph break) always ends a sentence, and so does a single line break (news text often
// has one paragraph per line, titles without a period); a sentence never holds a newline.
// Thread-safe (one cached ICU iterator per thread and language). Text over 4 GiB is cut.
std::vector<Span> SplitSentences(std::string_view text, std::string_view lang);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_SENTENCES_H_
