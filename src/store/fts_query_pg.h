// The search query language on PostgreSQL: a parsed query (fts_query.h) -> the tsquery texts
// that depeche_tsquery (migrations_pg.cc, version 1) turns into one tsquery.
#ifndef DEPECHE_STORE_FTS_QUERY_PG_H_
#define DEPECHE_STORE_FTS_QUERY_PG_H_

#include <string>
#include <vector>

#include "store/fts_query.h"

namespace depeche::store {

// Two tsquery texts whose operands are quoted words ('...' with ' and \ escaped), still
// unnormalised: PostgreSQL stems them with each configuration (to_tsquery(cfg, text)).
struct PgTsQueryText {
  // The groups joined by &, the terms of a group by | (in parentheses when more than one).
  std::string positive;
  // The excluded terms joined by | ("" when none); the query is positive && !!excluded.
  std::string excluded;
};

// One term: a word is '<word>' ('<word>':* for a prefix); a phrase (several space-separated
// pieces) is its pieces joined by <-> in parentheses, `:*` on the last piece for a prefix, and
// pieces holding no letter or digit are left out (the tokenizer yields nothing for them, so
// they do not break the phrase). A piece with inner punctuation ('etats-unis') is split into
// its words by PostgreSQL's parser, which joins them with <-> too: the phrase of its words, as
// on SQLite.
std::string ToPgTsQueryTerm(const SearchTerm& term);

// The texts of `query` (ParseSearchQuery's result, so it has at least one group).
PgTsQueryText ToPgTsQuery(const ParsedSearch& query);

// The languages to stem query words in, for depeche_tsquery's third argument: `langs` joined by
// commas (codes are letters, digits, '-' and '_'; anything else is dropped).
std::string PgQueryLanguages(const std::vector<std::string>& langs);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_FTS_QUERY_PG_H_
