// Free text -> FTS5 MATCH expression.
#ifndef DEPECHE_STORE_FTS_QUERY_H_
#define DEPECHE_STORE_FTS_QUERY_H_

#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::store {

// Each whitespace-separated piece of `free_text` that holds a letter or a digit becomes an
// FTS5 string ("..." with inner quotes doubled), and the strings are joined by spaces (all must
// match). So punctuation, hyphens ("etats-unis" -> the phrase etats unis), quotes, '*', ':' and
// words like AND, OR, NOT, NEAR are searched as text and never parsed as query syntax.
// Control characters count as spaces. Errors: InvalidArgument when no piece remains.
Result<std::string> BuildFtsQuery(std::string_view free_text);

// True when `s` (UTF-8) contains a letter, digit or combining mark: something the "depeche"
// tokenizer turns into a term.
bool HasWordCharacter(std::string_view s);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_FTS_QUERY_H_
