// The read side of ArticleStore: Get, List, Search, GetStats.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "core/time.h"
#include "store/article_store.h"
#include "store/article_store_impl.h"
#include "store/entity_store.h"
#include "store/exact_rerank.h"
#include "store/fts_query.h"
#include "store/fts_query_pg.h"
#include "store/fts_tokenizer.h"
#include "store/row_codec.h"
#include "store/search_snippet.h"
#include "text/stemmer.h"

namespace depeche::store {
namespace {

constexpr int kMinPrefix = 6;
constexpr size_t kIdLength = 16;

constexpr std::string_view kGetSql =
    "SELECT id, url, source, title, text, lang, lang_declared, lang_confidence, published_iso, "
    "published_ts, date_precision, origin_path, origin_line, origin_format, content_hash, "
    "metadata, sentences, warnings, ingested_at, boilerplate, feed_id, title_origin, "
    "published_source, best_iso, best_ts, best_precision, date_provenance, date_basis, "
    "date_evidence FROM articles WHERE id = ?1";
constexpr std::string_view kTimexesOfSql =
    "SELECT begin, \"end\", type, value, resolved, form, tense, rule FROM article_timexes "
    "WHERE article_id = ?1 ORDER BY ord";
constexpr std::string_view kFindPrefixSql =
    "SELECT id FROM articles WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2";
constexpr std::string_view kCountPrefixSql =
    "SELECT count(*) FROM articles WHERE id >= ?1 AND id < ?2";
constexpr std::string_view kJsonStringsSql = "SELECT value FROM json_each(?1)";
// PostgreSQL's json_each reads objects only; an array's strings are json_array_elements_text.
constexpr std::string_view kPgJsonStringsSql =
    "SELECT value FROM json_array_elements_text(CAST(?1 AS json))";
// `<> ''` lets SQLite use the partial unique index on url.
constexpr std::string_view kFindUrlSql = "SELECT id FROM articles WHERE url = ?1 AND url <> ''";
// The feed's own id, kept in the metadata by the JSONL reader. No index: a full scan (`show`
// by feed id takes 0.12 s in all on the 18,749 Reuters articles), only tried when the key is
// no id, prefix or URL.
constexpr std::string_view kFindFeedIdSql =
    "SELECT id FROM articles WHERE json_extract(metadata, '$.id') = ?1 LIMIT 2";
// PostgreSQL: ->> gives the member as text. (A number id then matches its digits, which
// SQLite's json_extract, yielding a number, never equals to a text parameter.)
constexpr std::string_view kPgFindFeedIdSql =
    "SELECT id FROM articles WHERE CAST(metadata AS json) ->> 'id' = ?1 LIMIT 2";

// Summary columns 0..9, read by ReadSummary, over `articles AS a` with DEPECHE_SUMMARY_JOINS:
// the story (its survivor when it was merged: merged_into is kept pointing at the final one)
// and the duplicate group, NULL for an article the story stage has not seen. article_story is
// joined on its unique article_id index and stories on its primary key: two lookups per row
// returned, and articles stays the outer loop, so the listing order still comes from the index.
#define DEPECHE_SUMMARY_COLUMNS                                                       \
  "a.id, a.title, a.source, a.lang, a.published_iso, a.origin_path, length(a.text), " \
  "coalesce(nullif(st.merged_into, ''), s.story_id), nullif(s.dup_group, ''), a.ingested_at"
#define DEPECHE_SUMMARY_JOINS                            \
  " LEFT JOIN article_story AS s ON s.article_id = a.id" \
  " LEFT JOIN stories AS st ON st.id = s.story_id"

// The articles_published / articles_{lang,source}_published indexes are declared
// (published_ts DESC) and end with the rowid, so they yield exactly this order (NULLs sort
// last when descending) and the LIMIT stops the scan early: no sort.
constexpr std::string_view kListSql[4] = {
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " ORDER BY a.published_ts DESC, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE a.lang = ?1 ORDER BY a.published_ts DESC, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE a.source = ?2 ORDER BY a.published_ts DESC, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE a.lang = ?1 AND a.source = ?2"
    " ORDER BY a.published_ts DESC, a.rowid LIMIT ?3 OFFSET ?4",
};
// PostgreSQL sorts NULL last only when told (SQLite's NULL is the smallest value), and the
// articles_*published indexes say NULLS LAST and end with rowid (migrations_pg.cc). PostgreSQL
// also needs the type of every parameter up to the highest number: a filter a variant leaves
// out is stated and never bound (NULL), an always-true term.
constexpr std::string_view kPgListSql[4] = {
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE CAST(?1 AS TEXT) IS NULL AND CAST(?2 AS TEXT) IS NULL"
    " ORDER BY a.published_ts DESC NULLS LAST, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE a.lang = ?1 AND CAST(?2 AS TEXT) IS NULL"
    " ORDER BY a.published_ts DESC NULLS LAST, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE CAST(?1 AS TEXT) IS NULL AND a.source = ?2"
    " ORDER BY a.published_ts DESC NULLS LAST, a.rowid LIMIT ?3 OFFSET ?4",
    "SELECT " DEPECHE_SUMMARY_COLUMNS " FROM articles AS a" DEPECHE_SUMMARY_JOINS
    " WHERE a.lang = ?1 AND a.source = ?2"
    " ORDER BY a.published_ts DESC NULLS LAST, a.rowid LIMIT ?3 OFFSET ?4",
};

// ORDER BY rank with LIMIT lets FTS5 sort internally, so snippet() only runs for the rows
// returned. `rank MATCH` sets this query's ranking: bm25 with the title worth 5 body hits.
// Filters: ?3 since and ?4 until (UTC seconds, [since, until)), ?5 lang, ?6 source, ?7 story
// id, ?8 entity id (article_entities_entity gives its articles), ?9 ingested since (UTC
// seconds) with ?10 the first rowid ingested since then (articles_ingested gives it: FTS5 then
// reads the matches from that rowid on only); NULL leaves a filter out, so one prepared
// statement serves every combination.
#define DEPECHE_SEARCH_FILTERS                                                                  \
  "(?3 IS NULL OR a.published_ts >= ?3) AND (?4 IS NULL OR a.published_ts < ?4) AND "           \
  "(?5 IS NULL OR a.lang = ?5) AND (?6 IS NULL OR a.source = ?6) AND "                          \
  "(?7 IS NULL OR a.id IN (SELECT article_id FROM article_story WHERE story_id = ?7)) AND "     \
  "(?8 IS NULL OR a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?8)) AND " \
  "(?9 IS NULL OR a.ingested_at >= ?9)"
#define DEPECHE_FTS_ROWID_BOUND " AND (?10 IS NULL OR article_fts.rowid >= ?10)"
// PostgreSQL infers each parameter's type from its first use and cannot from `?N IS NULL`
// ("could not determine data type of parameter"): the same filters with the type stated there.
#define DEPECHE_PG_SEARCH_FILTERS                                                              \
  "(CAST(?3 AS BIGINT) IS NULL OR a.published_ts >= ?3) AND "                                  \
  "(CAST(?4 AS BIGINT) IS NULL OR a.published_ts < ?4) AND "                                   \
  "(CAST(?5 AS TEXT) IS NULL OR a.lang = ?5) AND (CAST(?6 AS TEXT) IS NULL OR a.source = ?6) " \
  "AND (CAST(?7 AS TEXT) IS NULL OR "                                                          \
  "a.id IN (SELECT article_id FROM article_story WHERE story_id = ?7)) AND "                   \
  "(CAST(?8 AS BIGINT) IS NULL OR "                                                            \
  "a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ?8)) AND "               \
  "(CAST(?9 AS BIGINT) IS NULL OR a.ingested_at >= ?9)"
#define DEPECHE_PG_FTS_ROWID_BOUND " AND (CAST(?10 AS BIGINT) IS NULL OR article_fts.rowid >= ?10)"
constexpr std::string_view kSearchSql =
    "SELECT " DEPECHE_SUMMARY_COLUMNS
    ", snippet(article_fts, 1, '[', ']', '…', 20), rank, a.text, a.content_hash "
    "FROM article_fts JOIN articles AS a ON a.rowid = article_fts.rowid" DEPECHE_SUMMARY_JOINS
    " WHERE article_fts MATCH ?1 AND rank MATCH 'bm25(5.0, 1.0)' AND " DEPECHE_SEARCH_FILTERS
        DEPECHE_FTS_ROWID_BOUND " ORDER BY rank LIMIT ?2";
// The stories of every article matching ?1 and the filters, with how many each holds (merged
// stories counted as their survivor); no ranking, so FTS5 only walks its match lists.
constexpr std::string_view kMatchingStoriesSql =
    "SELECT coalesce(nullif(st.merged_into, ''), s.story_id) AS story, count(*) "
    "FROM article_fts JOIN articles AS a ON a.rowid = article_fts.rowid" DEPECHE_SUMMARY_JOINS
    " WHERE article_fts MATCH ?1 AND " DEPECHE_SEARCH_FILTERS DEPECHE_FTS_ROWID_BOUND
    " AND s.story_id IS NOT NULL GROUP BY story";
// PostgreSQL (article_fts holds one weighted tsvector per article, migrations_pg.cc): ?1 is
// the tsquery's text, made once per search by kPgTsQuerySql, and ?11 the same without its
// excluded terms, for the rank and the snippet (ts_rank scores a query with a NOT near zero
// for every row, which would leave the order to chance). The rank is ts_rank with the
// title's lexemes (weight A) worth 5 times the text's (weight D), like bm25(5.0, 1.0), divided
// by 1 + log(length) as bm25 normalises by length; it is negated so that, as with FTS5's rank,
// lower is better and Search reads both alike. The candidates are ranked and cut to ?2 in a
// subquery, so ts_headline, which parses the whole text, runs only for them: the text's best
// fragment of at most 20 words with the matches in [ and ] (FTS5's snippet(..., '[', ']', '…',
// 20); CapSnippet then treats both alike). Ties go to the older row, for a stable order.
constexpr std::string_view kPgSearchSql =
    "SELECT " DEPECHE_SUMMARY_COLUMNS
    ", ts_headline(depeche_ts_config(a.lang), a.text, CAST(?11 AS tsquery), "
    "'StartSel=[, StopSel=], MaxWords=20, MinWords=10, ShortWord=0, MaxFragments=1, "
    "FragmentDelimiter=\" … \"'), m.rank, a.text, a.content_hash "
    "FROM (SELECT article_fts.rowid AS rowid, "
    "-ts_rank('{0.2, 0.2, 0.2, 1.0}', article_fts.doc, CAST(?11 AS tsquery), 1) AS rank "
    "FROM article_fts JOIN articles AS a ON a.rowid = article_fts.rowid"
    " WHERE article_fts.doc @@ CAST(?1 AS tsquery) AND " DEPECHE_PG_SEARCH_FILTERS
        DEPECHE_PG_FTS_ROWID_BOUND
    " ORDER BY rank, rowid LIMIT ?2) AS m"
    " JOIN articles AS a ON a.rowid = m.rowid" DEPECHE_SUMMARY_JOINS " ORDER BY m.rank, m.rowid";
// ?2 (the search's limit) is not used: stated and never bound, as PostgreSQL needs the type of
// every parameter up to the highest number.
constexpr std::string_view kPgMatchingStoriesSql =
    "SELECT coalesce(nullif(st.merged_into, ''), s.story_id) AS story, count(*) "
    "FROM article_fts JOIN articles AS a ON a.rowid = article_fts.rowid" DEPECHE_SUMMARY_JOINS
    " WHERE CAST(?2 AS BIGINT) IS NULL AND article_fts.doc @@ CAST(?1 AS tsquery) "
    "AND " DEPECHE_PG_SEARCH_FILTERS DEPECHE_PG_FTS_ROWID_BOUND
    " AND s.story_id IS NOT NULL GROUP BY story";
// PostgreSQL: the search's tsquery from the texts of fts_query_pg.h (?1 positive, ?2 excluded)
// and the stored languages (?3), and the same without the excluded terms (the rank's); made
// once so that the search statements read constants.
constexpr std::string_view kPgTsQuerySql =
    "SELECT depeche_tsquery(?1, ?2, ?3), depeche_tsquery(?1, '', ?3)";
// The other articles with the same content that pass the filters (?1 is not used: numbered
// parameters may leave gaps; the `<> ''` term lets SQLite use the partial content_hash index).
constexpr std::string_view kCountCopiesSql =
    "SELECT count(*) - 1 FROM articles AS a WHERE a.content_hash = ?2 AND a.content_hash <> '' "
    "AND " DEPECHE_SEARCH_FILTERS;
// PostgreSQL needs the type of every parameter up to the highest number: ?1 is stated and never
// bound (NULL), so the term is always true.
constexpr std::string_view kPgCountCopiesSql =
    "SELECT count(*) - 1 FROM articles AS a WHERE CAST(?1 AS TEXT) IS NULL AND "
    "a.content_hash = ?2 AND a.content_hash <> '' AND " DEPECHE_PG_SEARCH_FILTERS;
#undef DEPECHE_SEARCH_FILTERS
#undef DEPECHE_FTS_ROWID_BOUND
#undef DEPECHE_PG_SEARCH_FILTERS
#undef DEPECHE_PG_FTS_ROWID_BOUND
// The first article stored at or after ?1 (UTC seconds): a range of articles_ingested.
constexpr std::string_view kFirstIngestedSql =
    "SELECT min(rowid) FROM articles WHERE ingested_at >= ?1";

// The distinct languages, by skip-scan over articles_lang_published: O(languages * log n).
constexpr std::string_view kLangsSql =
    "WITH RECURSIVE l(lang) AS ("
    " SELECT min(lang) FROM articles"
    " UNION ALL"
    " SELECT (SELECT min(lang) FROM articles WHERE lang > l.lang) FROM l WHERE l.lang IS NOT NULL)"
    " SELECT lang FROM l WHERE lang IS NOT NULL";

#undef DEPECHE_SUMMARY_COLUMNS
#undef DEPECHE_SUMMARY_JOINS

ArticleSummary ReadSummary(Statement& stmt) {
  ArticleSummary summary;
  summary.id = stmt.ColumnText(0);
  summary.title = stmt.ColumnText(1);
  summary.source = stmt.ColumnText(2);
  summary.lang = stmt.ColumnText(3);
  summary.published = stmt.ColumnText(4);
  summary.path = stmt.ColumnText(5);
  summary.chars = stmt.ColumnInt64(6);
  summary.story_id = stmt.ColumnText(7);
  summary.group_id = stmt.ColumnText(8);
  summary.ingested_at = stmt.ColumnInt64(9);
  return summary;
}

// Past this many candidate rows a search stops looking for more groups of copies.
constexpr int64_t kMaxSearchCandidates = 20000;

struct SearchBounds {
  std::optional<int64_t> since;     // UTC seconds, inclusive
  std::optional<int64_t> until;     // UTC seconds, exclusive
  std::optional<int64_t> ingested;  // UTC seconds, inclusive
};

// The number written by the ASCII digits iso[pos, pos + len), or -1.
int Digits(const std::string& iso, size_t pos, size_t len) {
  if (iso.size() < pos + len) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (iso[i] < '0' || iso[i] > '9') return -1;
    value = value * 10 + (iso[i] - '0');
  }
  return value;
}

// The UTC second just after the period `date` names (2022-01 -> 2022-02-01T00:00:00Z).
int64_t EndOfPeriod(const PublicationDate& date) {
  const int year = Digits(date.iso, 0, 4);
  const int month = Digits(date.iso, 5, 2);
  switch (date.precision) {
    case DatePrecision::kYear:
      if (year >= 0) return core::DaysFromCivil(year + 1, 1, 1) * 86400;
      return date.utc_seconds + 366 * 86400;
    case DatePrecision::kMonth:
      if (year >= 0 && month >= 1 && month <= 12) {
        return month == 12 ? core::DaysFromCivil(year + 1, 1, 1) * 86400
                           : core::DaysFromCivil(year, month + 1, 1) * 86400;
      }
      return date.utc_seconds + 31 * 86400;
    case DatePrecision::kDay:
      return date.utc_seconds + 86400;
    case DatePrecision::kMinute:
      return date.utc_seconds + 60;
    default:
      return date.utc_seconds + 1;
  }
}

Result<SearchBounds> ToBounds(const SearchQuery& query) {
  SearchBounds bounds;
  if (query.since) {
    Result<PublicationDate> since = core::ParseIsoDate(*query.since);
    if (!since.ok()) return since.status().WithContext("--since " + *query.since);
    bounds.since = since->utc_seconds;
  }
  if (query.until) {
    Result<PublicationDate> until = core::ParseIsoDate(*query.until);
    if (!until.ok()) return until.status().WithContext("--until " + *query.until);
    bounds.until = EndOfPeriod(*until);
  }
  if (query.ingested_since) {
    Result<PublicationDate> ingested = core::ParseIsoDate(*query.ingested_since);
    if (!ingested.ok()) {
      return ingested.status().WithContext("ingested since " + *query.ingested_since);
    }
    bounds.ingested = ingested->utc_seconds;
  }
  return bounds;
}

DatePrecision ToPrecision(int64_t value) {
  if (value < 0 || value > static_cast<int64_t>(DatePrecision::kSecond)) {
    return DatePrecision::kNone;
  }
  return static_cast<DatePrecision>(value);
}

}  // namespace

Status ArticleStore::Impl::PrepareQueries() {
  Database* h = db;
  const bool pg = db->backend() == Backend::kPostgres;
  DEPECHE_ASSIGN_OR_RETURN(get, Statement::Prepare(h, kGetSql));
  DEPECHE_ASSIGN_OR_RETURN(find_prefix, Statement::Prepare(h, kFindPrefixSql));
  DEPECHE_ASSIGN_OR_RETURN(count_prefix, Statement::Prepare(h, kCountPrefixSql));
  DEPECHE_ASSIGN_OR_RETURN(json_strings,
                           Statement::Prepare(h, pg ? kPgJsonStringsSql : kJsonStringsSql));
  DEPECHE_ASSIGN_OR_RETURN(timexes_of, Statement::Prepare(h, kTimexesOfSql));
  DEPECHE_ASSIGN_OR_RETURN(find_url, Statement::Prepare(h, kFindUrlSql));
  DEPECHE_ASSIGN_OR_RETURN(find_feed_id,
                           Statement::Prepare(h, pg ? kPgFindFeedIdSql : kFindFeedIdSql));
  DEPECHE_ASSIGN_OR_RETURN(
      story_of, Statement::Prepare(h, "SELECT story_id FROM article_story WHERE article_id = ?1"));
  for (int i = 0; i < 4; ++i) {
    DEPECHE_ASSIGN_OR_RETURN(list[i], Statement::Prepare(h, pg ? kPgListSql[i] : kListSql[i]));
  }
  DEPECHE_ASSIGN_OR_RETURN(search, Statement::Prepare(h, pg ? kPgSearchSql : kSearchSql));
  DEPECHE_ASSIGN_OR_RETURN(count_copies,
                           Statement::Prepare(h, pg ? kPgCountCopiesSql : kCountCopiesSql));
  DEPECHE_ASSIGN_OR_RETURN(matching_stories,
                           Statement::Prepare(h, pg ? kPgMatchingStoriesSql : kMatchingStoriesSql));
  if (pg) {
    DEPECHE_ASSIGN_OR_RETURN(pg_tsquery, Statement::Prepare(h, kPgTsQuerySql));
  }
  DEPECHE_ASSIGN_OR_RETURN(first_ingested, Statement::Prepare(h, kFirstIngestedSql));
  DEPECHE_ASSIGN_OR_RETURN(langs, Statement::Prepare(h, kLangsSql));
  return Status::Ok();
}

Result<std::vector<ArticleSummary>> ArticleStore::List(const ArticleQuery& query) {
  if (query.limit <= 0) return InvalidArgumentError("list limit must be positive");
  if (query.offset < 0) return InvalidArgumentError("list offset must not be negative");
  const int variant = (query.lang ? 1 : 0) | (query.source ? 2 : 0);
  Statement& stmt = impl_->list[variant];
  ResetOnExit reset(stmt);
  if (query.lang) stmt.BindText(1, *query.lang);
  if (query.source) stmt.BindText(2, *query.source);
  stmt.BindInt64(3, query.limit);
  stmt.BindInt64(4, query.offset);
  std::vector<ArticleSummary> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    out.push_back(ReadSummary(stmt));
  }
  return out;
}

Result<std::string> ArticleStore::Impl::ResolveId(const std::string& id_or_prefix) {
  std::string key = core::AsciiLower(id_or_prefix);
  if (key.empty()) return InvalidArgumentError("empty article id");
  if (key.size() >= kIdLength) return key;
  if (key.size() < static_cast<size_t>(kMinPrefix)) {
    return InvalidArgumentError("article id prefix \"" + id_or_prefix +
                                "\" is too short (at least " + std::to_string(kMinPrefix) +
                                " characters)");
  }
  if (!IsLowerHex(key)) return NotFoundError("no article with id \"" + id_or_prefix + "\"");
  // Every id starting with `key` sorts in [key, key with its last digit + 1).
  std::string upper = key;
  upper.back() = static_cast<char>(upper.back() + 1);
  std::vector<std::string> ids;
  {
    ResetOnExit reset(find_prefix);
    find_prefix.BindText(1, key);
    find_prefix.BindText(2, upper);
    while (ids.size() < 2) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, find_prefix.Step());
      if (!row) break;
      ids.emplace_back(find_prefix.ColumnText(0));
    }
  }
  if (ids.empty()) return NotFoundError("no article id starts with \"" + id_or_prefix + "\"");
  if (ids.size() == 1) return std::move(ids[0]);
  ResetOnExit reset(count_prefix);
  count_prefix.BindText(1, key);
  count_prefix.BindText(2, upper);
  DEPECHE_ASSIGN_OR_RETURN(bool row, count_prefix.Step());
  int64_t count = row ? count_prefix.ColumnInt64(0) : 2;
  return InvalidArgumentError("article id prefix \"" + id_or_prefix +
                              "\" is ambiguous: " + std::to_string(count) + " articles match");
}

Result<Article> ArticleStore::Impl::ReadArticle(const std::string& id) {
  ResetOnExit reset(get);
  get.BindText(1, id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, get.Step());
  if (!row) return NotFoundError("no article with id \"" + id + "\"");
  Article a;
  a.id = get.ColumnText(0);
  a.url = get.ColumnText(1);
  a.source = get.ColumnText(2);
  a.title = get.ColumnText(3);
  a.text = get.ColumnText(4);
  a.lang = get.ColumnText(5);
  a.lang_declared = get.ColumnText(6);
  a.lang_confidence = static_cast<float>(get.ColumnDouble(7));
  a.published.iso = get.ColumnText(8);
  if (!get.ColumnIsNull(9)) {
    a.published.utc_seconds = get.ColumnInt64(9);
    a.published.precision = ToPrecision(get.ColumnInt64(10));
  }
  a.origin.path = get.ColumnText(11);
  a.origin.line = get.ColumnInt64(12);
  a.origin.format = get.ColumnText(13);
  a.content_hash = get.ColumnText(14);
  a.metadata_json = get.ColumnText(15);
  Result<std::vector<Span>> spans = DecodeSpans(get.ColumnBlob(16));
  if (!spans.ok()) return spans.status().WithContext("article " + a.id);
  a.sentences = std::move(spans).value();
  a.ingested_at = get.ColumnInt64(18);
  Result<std::vector<BoilerplateSpan>> boilerplate = DecodeBoilerplate(get.ColumnText(19));
  if (!boilerplate.ok()) return boilerplate.status().WithContext("article " + a.id);
  a.boilerplate = std::move(boilerplate).value();
  a.feed_id = get.ColumnText(20);
  a.title_origin = get.ColumnText(21);
  a.published_source = get.ColumnText(22);
  a.date.date.iso = get.ColumnText(23);
  if (!get.ColumnIsNull(24)) {
    a.date.date.utc_seconds = get.ColumnInt64(24);
    a.date.date.precision = ToPrecision(get.ColumnInt64(25));
  }
  a.date.provenance = get.ColumnText(26);
  a.date.basis = get.ColumnText(27);
  Result<std::vector<Span>> evidence = DecodeJsonSpans(get.ColumnText(28));
  if (!evidence.ok()) return evidence.status().WithContext("article " + a.id);
  a.date.evidence = std::move(evidence).value();
  {
    ResetOnExit reset_timexes(timexes_of);
    timexes_of.BindText(1, a.id);
    while (true) {
      Result<bool> more = timexes_of.Step();
      if (!more.ok()) return more.status().WithContext("article " + a.id + ": dates");
      if (!*more) break;
      TemporalExpression t;
      t.span.begin = static_cast<uint32_t>(timexes_of.ColumnInt64(0));
      t.span.end = static_cast<uint32_t>(timexes_of.ColumnInt64(1));
      t.type = timexes_of.ColumnText(2);
      t.value = timexes_of.ColumnText(3);
      t.resolved = timexes_of.ColumnInt64(4) != 0;
      t.form = timexes_of.ColumnText(5);
      t.tense = timexes_of.ColumnText(6);
      t.rule = timexes_of.ColumnText(7);
      a.timexes.push_back(std::move(t));
    }
  }
  if (Status facts = ReadFacts(a); !facts.ok()) {
    return facts.WithContext("article " + a.id + ": quotations and figures");
  }

  // The warnings column is a JSON array of strings; SQLite's json_each decodes it.
  ResetOnExit reset_strings(json_strings);
  json_strings.BindText(1, get.ColumnText(17));
  while (true) {
    Result<bool> more = json_strings.Step();
    if (!more.ok()) return more.status().WithContext("article " + a.id + ": warnings");
    if (!*more) break;
    a.warnings.emplace_back(json_strings.ColumnText(0));
  }
  return a;
}

Result<std::vector<std::string>> ArticleStore::Impl::FindIds(Statement& stmt,
                                                             const std::string& key) {
  ResetOnExit reset(stmt);
  stmt.BindText(1, key);
  std::vector<std::string> ids;
  while (ids.size() < 2) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ids.emplace_back(stmt.ColumnText(0));
  }
  return ids;
}

Result<std::string> ArticleStore::StoryOf(const std::string& article_id) {
  Statement& stmt = impl_->story_of;
  ResetOnExit reset(stmt);
  stmt.BindText(1, article_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? std::string(stmt.ColumnText(0)) : std::string();
}

Result<Article> ArticleStore::Get(const std::string& key) {
  if (key.empty()) return InvalidArgumentError("empty article id");
  // 1. An id or a unique id prefix.
  Result<std::string> id = impl_->ResolveId(key);
  if (id.ok()) {
    Result<Article> article = impl_->ReadArticle(*id);
    if (article.ok() || article.status().code() != StatusCode::kNotFound) return article;
  } else if (id.status().code() == StatusCode::kInvalidArgument &&
             key.size() >= static_cast<size_t>(kMinPrefix)) {
    return id.status();  // an ambiguous prefix
  }
  // 2. A URL, 3. the feed's id of a JSONL record.
  DEPECHE_ASSIGN_OR_RETURN(std::vector<std::string> ids, impl_->FindIds(impl_->find_url, key));
  if (ids.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(ids, impl_->FindIds(impl_->find_feed_id, key));
    if (ids.size() > 1) {
      return InvalidArgumentError("feed id \"" + key +
                                  "\" names several articles (from different feeds): use an id");
    }
  }
  if (!ids.empty()) return impl_->ReadArticle(ids.front());
  if (!id.ok() && id.status().code() == StatusCode::kInvalidArgument) return id.status();
  return NotFoundError("no article with id, id prefix, URL or feed id \"" + key + "\"");
}

Result<std::vector<SearchHit>> ArticleStore::Search(const std::string& query, int limit) {
  SearchQuery q;
  q.text = query;
  q.limit = limit;
  return Search(q);
}

Result<ArticleStore::Impl::SearchPlan> ArticleStore::Impl::Plan(const SearchQuery& query) {
  SearchPlan plan;
  DEPECHE_ASSIGN_OR_RETURN(plan.parsed, ParseSearchQuery(query.text));
  const bool pg = db->backend() == Backend::kPostgres;
  if (!pg) plan.match = ToFtsMatch(plan.parsed);
  DEPECHE_ASSIGN_OR_RETURN(SearchBounds bounds, ToBounds(query));
  plan.since = bounds.since;
  plan.until = bounds.until;
  plan.ingested = bounds.ingested;
  if (query.entity) {
    plan.entity = ParseEntityId(*query.entity);
    if (!plan.entity) {
      return InvalidArgumentError("entity filter " + *query.entity + " is not an id");
    }
  }
  if (plan.ingested) {
    ResetOnExit reset(first_ingested);
    first_ingested.BindInt64(1, *plan.ingested);
    DEPECHE_ASSIGN_OR_RETURN(bool row, first_ingested.Step());
    if (!row || first_ingested.ColumnIsNull(0)) {
      plan.empty = true;  // nothing stored since
    } else {
      plan.first_rowid = first_ingested.ColumnInt64(0);
    }
  }

  // Expand query words in the stored languages only: fewer false stems than a fixed list.
  std::vector<std::string> stored;
  {
    ResetOnExit reset(langs);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, langs.Step());
      if (!row) break;
      std::string lang = StemmerLanguage(langs.ColumnText(0));
      if (text::Stemmer::Supports(lang) &&
          std::find(stored.begin(), stored.end(), lang) == stored.end()) {
        stored.push_back(std::move(lang));
      }
    }
  }
  if (!pg) {
    db->SetFtsQueryLanguages(std::move(stored));
    return plan;
  }
  // PostgreSQL stems the query's words with each stored language's configuration (and
  // depeche_simple): the tsquery is made here, once, and the search statements bind its text.
  PgTsQueryText texts = ToPgTsQuery(plan.parsed);
  ResetOnExit reset(pg_tsquery);
  pg_tsquery.BindText(1, texts.positive);
  pg_tsquery.BindText(2, texts.excluded);
  pg_tsquery.BindText(3, PgQueryLanguages(stored));
  Result<bool> row = pg_tsquery.Step();
  if (!row.ok()) return row.status().WithContext("searching \"" + query.text + "\"");
  if (*row) {
    plan.match = pg_tsquery.ColumnText(0);
    plan.pg_rank_query = pg_tsquery.ColumnText(1);
  }
  return plan;
}

void ArticleStore::Impl::BindFilters(Statement& stmt, const SearchQuery& query,
                                     const SearchPlan& plan) {
  if (plan.since) stmt.BindInt64(3, *plan.since);
  if (plan.until) stmt.BindInt64(4, *plan.until);
  if (query.lang) stmt.BindText(5, *query.lang);
  if (query.source) stmt.BindText(6, *query.source);
  if (query.story) stmt.BindText(7, *query.story);
  if (plan.entity) stmt.BindInt64(8, static_cast<int64_t>(*plan.entity));
  if (plan.ingested) stmt.BindInt64(9, *plan.ingested);
}

Result<std::vector<std::pair<std::string, int64_t>>> ArticleStore::MatchingStories(
    const SearchQuery& query) {
  Impl& impl = *impl_;
  DEPECHE_ASSIGN_OR_RETURN(Impl::SearchPlan plan, impl.Plan(query));
  std::vector<std::pair<std::string, int64_t>> out;
  if (plan.empty) return out;
  Statement& stmt = impl.matching_stories;
  ResetOnExit reset(stmt);
  stmt.BindText(1, plan.match);
  impl.BindFilters(stmt, query, plan);
  if (plan.first_rowid) stmt.BindInt64(10, *plan.first_rowid);
  while (true) {
    Result<bool> row = stmt.Step();
    if (!row.ok()) return row.status().WithContext("searching \"" + query.text + "\"");
    if (!*row) break;
    out.emplace_back(std::string(stmt.ColumnText(0)), stmt.ColumnInt64(1));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

Result<std::vector<SearchHit>> ArticleStore::Search(const SearchQuery& query) {
  if (query.limit <= 0) return InvalidArgumentError("search limit must be positive");
  Impl& impl = *impl_;
  DEPECHE_ASSIGN_OR_RETURN(Impl::SearchPlan plan, impl.Plan(query));
  if (plan.empty) return std::vector<SearchHit>{};
  const ParsedSearch& parsed = plan.parsed;
  const std::string& match = plan.match;
  auto bind_filters = [&](Statement& stmt) { impl.BindFilters(stmt, query, plan); };

  // bm25 picks the candidates; among them, documents holding the words as typed rise (see
  // exact_rerank.h), so "negociations" ranks a text saying "négociations" above one saying
  // only "négocier". Each distinct word is looked for once, however often it was typed.
  std::vector<std::string> words = FoldedQueryWords(MatchedText(parsed));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  const int64_t limit = query.limit;
  int64_t candidates = std::max<int64_t>(limit * 4, 40);
  std::vector<SearchHit> hits;
  std::vector<std::string> hashes;
  while (true) {
    hits.clear();
    hashes.clear();
    Statement& stmt = impl.search;
    ResetOnExit reset(stmt);
    stmt.BindText(1, match);
    stmt.BindInt64(2, candidates);
    bind_filters(stmt);
    if (impl.db->backend() == Backend::kPostgres) stmt.BindText(11, plan.pg_rank_query);
    if (plan.first_rowid) stmt.BindInt64(10, *plan.first_rowid);
    int64_t rows = 0;
    while (true) {
      Result<bool> row = stmt.Step();
      if (!row.ok()) return row.status().WithContext("searching \"" + query.text + "\"");
      if (!*row) break;
      ++rows;
      SearchHit hit;
      hit.article = ReadSummary(stmt);
      std::string_view lang;
      std::string_view snippet;
      SplitLangPrefix(stmt.ColumnText(10), &lang, &snippet);  // the view's "fr\x01" prefix
      if (impl.db->backend() == Backend::kPostgres) {
        hit.snippet = CapSnippet(MarkPgFragment(snippet, stmt.ColumnText(12)));
      } else {
        hit.snippet = CapSnippet(snippet);
      }
      double bm25 = -stmt.ColumnDouble(11);  // bm25 rank: lower is better
      double share = ExactWordShare(words, hit.article.title, stmt.ColumnText(12));
      hit.score = bm25 * (1.0 + share);
      hits.push_back(std::move(hit));
      hashes.emplace_back(stmt.ColumnText(13));
    }
    // One hit per group of exact copies: the best-scored article leads its group.
    std::vector<size_t> order(hits.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return hits[a].score > hits[b].score; });
    std::vector<SearchHit> leads;
    std::vector<std::string> lead_hashes;
    for (size_t i : order) {
      const std::string& hash = hashes[i];
      if (!hash.empty() &&
          std::find(lead_hashes.begin(), lead_hashes.end(), hash) != lead_hashes.end()) {
        continue;
      }
      leads.push_back(std::move(hits[i]));
      lead_hashes.push_back(hash);
    }
    // Copies may have filled the candidates: look further until `limit` groups or no more rows.
    if (static_cast<int64_t>(leads.size()) < limit && rows == candidates &&
        candidates < kMaxSearchCandidates) {
      candidates = std::min<int64_t>(candidates * 4, kMaxSearchCandidates);
      continue;
    }
    if (static_cast<int64_t>(leads.size()) > limit) leads.resize(static_cast<size_t>(limit));
    lead_hashes.resize(leads.size());
    hits = std::move(leads);
    hashes = std::move(lead_hashes);
    break;
  }
  for (size_t i = 0; i < hits.size(); ++i) {
    if (hashes[i].empty()) continue;
    Statement& count = impl.count_copies;
    ResetOnExit reset(count);
    count.BindText(2, hashes[i]);
    bind_filters(count);
    DEPECHE_ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) hits[i].copies = std::max<int64_t>(0, count.ColumnInt64(0));
  }
  return hits;
}

Result<Stats> ArticleStore::GetStats() {
  Database* h = impl_->db;
  Stats stats;
  stats.schema_version = impl_->db->schema_version();
  stats.db_path = impl_->db->path();
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement stmt, Statement::Prepare(h,
                                           "SELECT count(*), coalesce(sum(text_bytes), 0), "
                                           "count(DISTINCT nullif(source, '')) FROM articles"));
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (row) {
      stats.articles = stmt.ColumnInt64(0);
      stats.bytes = stmt.ColumnInt64(1);
      stats.sources = stmt.ColumnInt64(2);
    }
  }
  auto count_by = [h](std::string_view sql, std::map<std::string, int64_t>& out) -> Status {
    DEPECHE_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(h, sql));
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) return Status::Ok();
      out.emplace(std::string(stmt.ColumnText(0)), stmt.ColumnInt64(1));
    }
  };
  DEPECHE_RETURN_IF_ERROR(
      count_by("SELECT lang, count(*) FROM articles GROUP BY lang", stats.by_lang));
  DEPECHE_RETURN_IF_ERROR(count_by(
      "SELECT source, count(*) FROM articles WHERE source <> '' GROUP BY source", stats.by_source));
  auto published = [h](std::string_view sql, std::string& out) -> Status {
    DEPECHE_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(h, sql));
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (row) out = stmt.ColumnText(0);
    return Status::Ok();
  };
  DEPECHE_RETURN_IF_ERROR(
      published("SELECT published_iso FROM articles WHERE published_ts IS NOT NULL "
                "ORDER BY published_ts ASC LIMIT 1",
                stats.first_published));
  DEPECHE_RETURN_IF_ERROR(
      published("SELECT published_iso FROM articles WHERE published_ts IS NOT NULL "
                "ORDER BY published_ts DESC LIMIT 1",
                stats.last_published));
  return stats;
}

}  // namespace depeche::store
