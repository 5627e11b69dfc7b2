// ArticleStore::Impl, shared by article_store.cc (writes) and article_queries.cc (reads).
// Private to the store module.
#ifndef DEPECHE_STORE_ARTICLE_STORE_IMPL_H_
#define DEPECHE_STORE_ARTICLE_STORE_IMPL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/article_store.h"
#include "store/fts_query.h"
#include "store/statement.h"

namespace depeche::store {

// InvalidArgument when a span of `article`'s quotations or figures lies outside its text
// (article_facts.cc).
Status ValidateFacts(const Article& article);

struct ArticleStore::Impl {
  Database* db = nullptr;

  // Insert path (article_store.cc).
  Statement insert;
  Statement insert_fts;  // indexes the row `insert` just wrote
  Statement find_by_url;
  Statement find_by_hash;
  Statement find_by_feed;
  Statement find_by_id;
  Statement insert_timex;
  Statement insert_quote;
  Statement insert_figure;
  std::string spans_buf;  // a quote's content or partial spans, reused
  std::string boilerplate_buf;
  std::string evidence_buf;
  std::string sentences_buf;  // reused per insert: no allocation once warm
  std::string warnings_buf;

  // Read paths (article_queries.cc).
  Statement get;
  Statement find_prefix;
  Statement count_prefix;
  Statement json_strings;
  Statement timexes_of;
  Statement quotes_of;
  Statement figures_of;
  Statement find_url;
  Statement find_feed_id;
  Statement story_of;
  Statement list[4];  // indexed by (has lang) | (has source) << 1
  Statement search;
  Statement count_copies;
  Statement matching_stories;
  Statement first_ingested;
  Statement langs;
  Statement pg_tsquery;  // PostgreSQL only: the search's tsquery (depeche_tsquery)

  // Writes the articles row, not its index entry: kInserted, or a duplicate or an error with
  // nothing written (SQLite undoes the failed statement).
  Result<InsertResult> InsertRow(const Article& article);
  // Writes the article's temporal expressions (article_timexes), after its row.
  Status InsertTimexes(const Article& article);
  // Prepares the statements of article_facts.cc (both sides).
  Status PrepareFacts();
  // Writes the article's quotations and figures (article_quotes, article_figures), after its
  // row (ValidateFacts checked them before).
  Status InsertFacts(const Article& article);
  // Reads the quotations and figures of `article` (its id and text set) into it.
  Status ReadFacts(Article& article);
  // Adds the row just written under `rowid` to article_fts.
  Status IndexRow(int64_t rowid, const Article& article);
  Status IndexRow(int64_t rowid, std::string_view id, std::string_view lang, std::string_view title,
                  std::string_view text);

  // Deferred indexing (ArticleStore::SetDeferIndexing).
  struct PendingIndex {
    int64_t rowid = 0;
    std::string id;
    std::string lang;
    std::string title;
    std::string text;
  };
  bool defer_index = false;
  std::vector<PendingIndex> pending_index;

  Status PrepareQueries();
  // The full id that `id_or_prefix` designates (see ArticleStore::Get for the rules).
  Result<std::string> ResolveId(const std::string& id_or_prefix);
  // The ids (at most 2) that `stmt` (one parameter: `key`) finds.
  Result<std::vector<std::string>> FindIds(Statement& stmt, const std::string& key);
  // The stored article `id`, or NotFound.
  Result<Article> ReadArticle(const std::string& id);

  // A search's parsed text and filter values (article_queries.cc), shared by Search and
  // MatchingStories.
  struct SearchPlan {
    ParsedSearch parsed;
    std::string match;          // the FTS5 MATCH expression; on PostgreSQL, the tsquery's text
    std::string pg_rank_query;  // PostgreSQL: `match` without its excluded terms
    std::optional<int64_t> since, until, ingested;
    std::optional<uint64_t> entity;
    std::optional<int64_t> first_rowid;  // with `ingested`: the first rowid stored since
    bool empty = false;                  // nothing can match (nothing stored since)
  };
  // Parses and checks `query` (errors: Search's) and sets the languages the query's words
  // are stemmed in.
  Result<SearchPlan> Plan(const SearchQuery& query);
  // Binds the filters ?3..?9 of the search statements.
  void BindFilters(Statement& stmt, const SearchQuery& query, const SearchPlan& plan);
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_ARTICLE_STORE_IMPL_H_
