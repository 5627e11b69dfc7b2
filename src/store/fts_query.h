// The search query language: free text -> a parsed query -> an FTS5 MATCH expression.
#ifndef DEPECHE_STORE_FTS_QUERY_H_
#define DEPECHE_STORE_FTS_QUERY_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::store {

// One thing to find: a word or a "quoted phrase" (as typed), optionally a prefix (`word*`).
// A word with inner punctuation ("etats-unis") is searched as the phrase of its words.
struct SearchTerm {
  std::string text;
  bool prefix = false;
  friend bool operator==(const SearchTerm&, const SearchTerm&) = default;
};

// A parsed query: every group must match (AND), a group matches when one of its terms does
// (OR), and no `excluded` term may match.
struct ParsedSearch {
  std::vector<std::vector<SearchTerm>> groups;
  std::vector<SearchTerm> excluded;
};

// At most this many words over the distinct terms (a repeated word counts once; a phrase
// counts each of its words, since its repeats are part of what it means).
inline constexpr size_t kMaxSearchWords = 64;

// Parses the query language (docs/CLI.md, "Search"):
//   words           all must match
//   "a phrase"      the words next to each other, in this order
//   a OR b          either (OR in capitals; binds tighter than the implicit AND, so
//                   `gox OR icahn bankruptcy` is (gox OR icahn) AND bankruptcy)
//   -word, NOT word the word must not occur (also -"a phrase")
//   word*           any word starting with `word`
// AND in capitals is accepted and ignored. Anything else (':', '(', '^', NEAR, ...) is text,
// never FTS5 syntax; pieces without a letter or digit are dropped; control characters count as
// spaces; an unclosed quote runs to the end. Repeated terms and groups are kept once (case
// and accents ignored), so the cost follows the number of distinct terms, not the length of
// the query. Errors: InvalidArgument when nothing to find remains, when every term is
// excluded, or when the distinct terms hold more than kMaxSearchWords words.
Result<ParsedSearch> ParseSearchQuery(std::string_view free_text);

// The FTS5 MATCH expression of `query`: each term an FTS5 string ("..." with inner quotes
// doubled, `*` after it for a prefix), groups joined by AND, `NOT (...)` for the exclusions.
std::string ToFtsMatch(const ParsedSearch& query);

// ParseSearchQuery then ToFtsMatch.
Result<std::string> BuildFtsQuery(std::string_view free_text);

// The text of the terms that must match, space-separated (for re-ranking by exact words).
std::string MatchedText(const ParsedSearch& query);

// True when `s` (UTF-8) contains a letter, digit or combining mark: something the "depeche"
// tokenizer turns into a term.
bool HasWordCharacter(std::string_view s);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_FTS_QUERY_H_
