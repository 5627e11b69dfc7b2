// ArticleStore: the articles table, its FTS5 index and the queries over them.
#ifndef DEPECHE_STORE_ARTICLE_STORE_H_
#define DEPECHE_STORE_ARTICLE_STORE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "depeche/article.h"
#include "depeche/query.h"
#include "depeche/status.h"
#include "store/database.h"

namespace depeche::store {

// kSameRecord: the record is already stored (same URL, same feed id from the same source, or
// same origin path and content): nothing was written.
enum class InsertOutcome { kInserted, kSameRecord };

struct InsertResult {
  InsertOutcome outcome = InsertOutcome::kInserted;
  std::string existing_id;  // kSameRecord: the stored article that is this record
  // kInserted: the earliest stored article with the same content_hash, which this one copies
  // (another source, URL or file carrying the same text); empty when the text is new.
  std::string copy_of;
};

// The articles table and its full-text index (see migrations.cc for the schema and
// fts_tokenizer.h for how text is indexed). Not thread-safe; borrows the Database (which must
// outlive it). Statements are prepared once, in Create().
class ArticleStore {
 public:
  // Errors: InvalidArgument (null db), or the SQLite error preparing a statement.
  static Result<std::unique_ptr<ArticleStore>> Create(Database* db);
  ~ArticleStore();

  // Inserts `article` (id, content_hash, lang and sentences filled in) and indexes it for
  // search. Every copy is an article: a text already stored under another record is inserted
  // too, with copy_of naming the earliest stored article with the same content_hash. Only the
  // same record is refused (kSameRecord, naming the stored article): the same non-empty URL,
  // the same non-empty feed_id from the same source, or the same id (the id hashes the record
  // key, engine::RecordKey: origin path and content for articles without URL or feed id).
  // An article whose `date` is unknown is stored with its stated date as its best date (and
  // "metadata" as the source of a stated date that names none). Its `timexes` are stored with
  // it. Empty lang is stored
  // as "und", empty metadata_json as "{}", ingested_at 0 as now. Nothing is written when
  // a result is not kInserted or on error. Errors: InvalidArgument (empty id, a language code
  // that is not 1-15 letters/digits/-/_, a sentence span outside the text, metadata_json not
  // valid JSON); SQLite errors (see SqliteError). Call inside Database::Begin/Commit for speed
  // (FTS5 then writes the index once per transaction, not once per article); outside one,
  // Insert runs its own transaction. The row and its index entry are written together: if
  // indexing fails after the row was written, the whole enclosing transaction is rolled back
  // (earlier inserts in it included; the error says so), since FTS5 cannot undo a half-indexed
  // article on its own.
  Result<InsertResult> Insert(const Article& article);

  // Deferred indexing, for a bulk writer. While on, Insert inside the caller's transaction
  // writes the row and queues its index entry; FlushIndex writes the queued entries (call it
  // in the same transaction, before committing); DropPendingIndex forgets them (after a
  // rollback). Why: every statement SQLite runs with a statement journal (an upsert, a write
  // under foreign keys) makes FTS5 write its pending terms as a new index segment, so a writer
  // that runs such statements between inserts (the story stage does) would make one segment
  // per article and pay for merging them; queued, a batch is indexed in one go. Search does
  // not see queued articles. A failed FlushIndex rolls the transaction back (as Insert does
  // when indexing fails) and forgets the queue. Turning it off drops nothing: flush first.
  void SetDeferIndexing(bool on);
  Status FlushIndex();
  void DropPendingIndex();

  // Newest first (published_ts descending, undated last), then in ingest order, filtered by
  // exact lang and/or source. Errors: InvalidArgument (limit <= 0 or offset < 0).
  Result<std::vector<ArticleSummary>> List(const ArticleQuery& query);
  // The article `key` names, tried in this order: its id, a unique prefix of >= 6 hex digits
  // of its id (case-insensitive), its URL (exactly as stored), the `id` of its JSONL feed
  // record. NotFound; InvalidArgument (empty; an ambiguous prefix: the message gives the
  // count; a feed id that several feeds use; a hex key shorter than 6 that is no URL or feed
  // id).
  Result<Article> Get(const std::string& key);
  // `query.text` is in the search language (fts_query.h: words, "phrases", OR, -word / NOT,
  // prefix*); each word matches accent- and case-insensitively through its stem in any stored
  // language; a hyphenated word matches as a phrase. The filters of SearchQuery all hold
  // (`story` must be a full story id and `entity` a full entity id here; Engine resolves
  // prefixes and names). Best (bm25, title hits
  // weighing 5x body hits, raised by the share of words found as typed) first, at most
  // `limit` hits, one per group of exact copies (same content_hash): the best-ranked copy
  // leads and SearchHit::copies counts the others that pass the filters. SearchHit::snippet is
  // about 20 words of the body on one line with matches in [ ], each word cut to 40 and the
  // whole to 300 code points, … where text was cut; score > 0, higher is better.
  // Errors: InvalidArgument (see ParseSearchQuery; limit <= 0; a date that is not ISO 8601).
  Result<std::vector<SearchHit>> Search(const SearchQuery& query);
  // The stories of all the articles matching `query` (its text and filters, as Search; limit
  // ignored), with how many matching articles each holds (copies included; a merged story
  // counts as its survivor), most first, ties in the order met. Articles without a story are
  // left out. Errors: Search's. Cost: one pass over the full-text matches (with
  // `ingested_since`, only those stored since then).
  Result<std::vector<std::pair<std::string, int64_t>>> MatchingStories(const SearchQuery& query);
  // The story the article `article_id` (a full id) was assigned to, "" when none is recorded.
  Result<std::string> StoryOf(const std::string& article_id);
  // Search with only text and limit.
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit);
  // Stats::bytes is the total size of the stored article texts (UTF-8 bytes); by_source
  // leaves out articles without a source; first/last_published are ISO texts.
  Result<Stats> GetStats();

 private:
  struct Impl;
  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_ARTICLE_STORE_H_
