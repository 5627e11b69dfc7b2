// Sentence splitting with ICU (locale "<lang>@ss=standard" so "M." does not end a sentence),
// plus the fixes French typography needs: a closing » or ” after ". " joins the previous
// sentence; extra abbreviations (Dr., Pr., av., J.-C., ...) never end one.
#ifndef DEPECHE_TEXT_SENTENCES_H_
#define DEPECHE_TEXT_SENTENCES_H_

#include <string_view>
#include <vector>

#include "depeche/article.h"

namespace depeche::text {

// Sentence byte ranges of valid UTF-8 `text` for language `lang` (ISO 639-1; unknown
// languages use root rules). Ranges exclude surrounding whitespace and newlines; a blank line
// (paragraph break) always ends a sentence. Thread-safe (one cached ICU iterator per thread
// and language).
std::vector<Span> SplitSentences(std::string_view text, std::string_view lang);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_SENTENCES_H_
