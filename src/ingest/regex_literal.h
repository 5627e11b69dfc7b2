// A literal that every match of a regular expression must contain: a cheap prefilter that lets
// a line skip an ICU regex search (boilerplate_lines.cc runs dozens of rules on every line).
#ifndef DEPECHE_INGEST_REGEX_LITERAL_H_
#define DEPECHE_INGEST_REGEX_LITERAL_H_

#include <string>
#include <string_view>

namespace depeche::ingest::internal {

// Returns the longest run of ASCII literal characters (letters, digits, space and a few
// punctuation marks, lowercased) that appears outside any group, class or alternation of
// `pattern` (ICU syntax) and is not made optional or repeated by a quantifier, so that any
// text the pattern matches contains it (case-insensitively). Returns "" when there is no
// such run, e.g. for a top-level alternation. Pure function; thread-safe.
std::string RequiredLiteral(std::string_view pattern);

}  // namespace depeche::ingest::internal

#endif  // DEPECHE_INGEST_REGEX_LITERAL_H_
