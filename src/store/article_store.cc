#include "store/article_store.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "core/time.h"
#include "store/article_store_impl.h"
#include "store/fts_tokenizer.h"
#include "store/row_codec.h"

namespace depeche::store {
namespace {

#define DEPECHE_INSERT_ARTICLE_SQL                                                            \
  "INSERT INTO articles(id, url, source, title, text, text_bytes, lang, lang_declared, "      \
  "lang_confidence, published_iso, published_ts, date_precision, origin_path, origin_line, "  \
  "origin_format, content_hash, metadata, sentences, warnings, ingested_at, boilerplate, "    \
  "feed_id, copy_of, title_origin, published_source, best_iso, best_ts, best_precision, "     \
  "date_provenance, date_basis, date_evidence) "                                              \
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, " \
  "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)"
constexpr std::string_view kInsertSql = DEPECHE_INSERT_ARTICLE_SQL;
// PostgreSQL: a failed statement aborts the whole transaction (the caller's batch), so a record
// already stored must not be a unique-constraint error there: ON CONFLICT DO NOTHING stores
// nothing and RETURNING yields no row, and the stored record is then named as on SQLite.
constexpr std::string_view kPgInsertSql =
    DEPECHE_INSERT_ARTICLE_SQL " ON CONFLICT DO NOTHING RETURNING rowid";
#undef DEPECHE_INSERT_ARTICLE_SQL
constexpr std::string_view kInsertTimexSql =
    "INSERT INTO article_timexes(article_id, ord, begin, \"end\", type, value, resolved, form, "
    "tense, rule) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

// The values the article_fts_src view yields for the row (see migrations.cc).
constexpr std::string_view kInsertFtsSql =
    "INSERT INTO article_fts(rowid, title, body) "
    "VALUES (?1, ?2 || char(1) || ?3, ?2 || char(1) || ?4)";
// PostgreSQL: article_fts holds the article's weighted tsvector, made with the configuration of
// its language (depeche_article_tsvector, migrations_pg.cc) instead of a "lang\x01" prefix that
// the tokenizer reads.
constexpr std::string_view kPgInsertFtsSql =
    "INSERT INTO article_fts(rowid, doc) VALUES (?1, depeche_article_tsvector(?2, ?3, ?4))";

// The `url <> ''` terms let SQLite use the partial unique indexes.
constexpr std::string_view kFindByUrlSql = "SELECT id FROM articles WHERE url = ?1 AND url <> ''";
// The earliest stored article with this content: the original of a copy.
constexpr std::string_view kFindByHashSql =
    "SELECT id FROM articles WHERE content_hash = ?1 AND content_hash <> '' "
    "ORDER BY rowid LIMIT 1";
constexpr std::string_view kFindByFeedSql =
    "SELECT id FROM articles WHERE source = ?1 AND feed_id = ?2 AND feed_id <> ''";
constexpr std::string_view kFindByIdSql = "SELECT id FROM articles WHERE id = ?1";

bool IsLangCode(std::string_view lang) {
  if (lang.empty() || lang.size() > kMaxLangPrefix) return false;
  for (char c : lang) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Status ValidateForInsert(const Article& article) {
  if (article.id.empty()) return InvalidArgumentError("article has no id");
  if (!article.lang.empty() && !IsLangCode(article.lang)) {
    return InvalidArgumentError("article " + article.id + ": bad language code \"" + article.lang +
                                "\"");
  }
  for (const Span& span : article.sentences) {
    if (span.begin > span.end || span.end > article.text.size()) {
      return InvalidArgumentError("article " + article.id + ": sentence span [" +
                                  std::to_string(span.begin) + ", " + std::to_string(span.end) +
                                  ") is outside the text");
    }
  }
  for (const BoilerplateSpan& b : article.boilerplate) {
    if (b.span.begin > b.span.end || b.span.end > article.text.size()) {
      return InvalidArgumentError("article " + article.id +
                                  ": boilerplate span is outside the text");
    }
  }
  return ValidateFacts(article);
}

// The id stored under `value` by `stmt` (one of the kFindBy statements), or "".
Result<std::string> FindId(Statement& stmt, std::string_view value) {
  ResetOnExit reset(stmt);
  stmt.BindText(1, value);
  DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::string();
  return std::string(stmt.ColumnText(0));
}

}  // namespace

ArticleStore::ArticleStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ArticleStore::~ArticleStore() = default;

Result<std::unique_ptr<ArticleStore>> ArticleStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("ArticleStore needs a database");
  auto impl = std::make_unique<Impl>();
  impl->db = db;
  Database* h = db;
  const bool pg = db->backend() == Backend::kPostgres;
  DEPECHE_ASSIGN_OR_RETURN(impl->insert, Statement::Prepare(h, pg ? kPgInsertSql : kInsertSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->insert_fts,
                           Statement::Prepare(h, pg ? kPgInsertFtsSql : kInsertFtsSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->find_by_url, Statement::Prepare(h, kFindByUrlSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->find_by_hash, Statement::Prepare(h, kFindByHashSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->find_by_feed, Statement::Prepare(h, kFindByFeedSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->find_by_id, Statement::Prepare(h, kFindByIdSql));
  DEPECHE_ASSIGN_OR_RETURN(impl->insert_timex, Statement::Prepare(h, kInsertTimexSql));
  DEPECHE_RETURN_IF_ERROR(impl->PrepareQueries());
  DEPECHE_RETURN_IF_ERROR(impl->PrepareFacts());
  return std::unique_ptr<ArticleStore>(new ArticleStore(std::move(impl)));
}

Status ArticleStore::Impl::InsertTimexes(const Article& article) {
  for (size_t i = 0; i < article.timexes.size(); ++i) {
    const TemporalExpression& t = article.timexes[i];
    if (t.span.begin > t.span.end || t.span.end > article.text.size()) {
      return InvalidArgumentError("article " + article.id +
                                  ": temporal expression span is outside the text");
    }
    ResetOnExit reset(insert_timex);
    insert_timex.BindText(1, article.id);
    insert_timex.BindInt64(2, static_cast<int64_t>(i));
    insert_timex.BindInt64(3, t.span.begin);
    insert_timex.BindInt64(4, t.span.end);
    insert_timex.BindText(5, t.type);
    insert_timex.BindText(6, t.value);
    insert_timex.BindInt64(7, t.resolved ? 1 : 0);
    insert_timex.BindText(8, t.form);
    insert_timex.BindText(9, t.tense);
    insert_timex.BindText(10, t.rule);
    DEPECHE_RETURN_IF_ERROR(insert_timex.Run());
  }
  return Status::Ok();
}

// Writes the articles row (not its index entry); kInserted, a duplicate (nothing written), or
// an error (nothing written: the statement is undone by SQLite).
Result<InsertResult> ArticleStore::Impl::InsertRow(const Article& article) {
  Impl& impl = *this;
  EncodeSpans(article.sentences, impl.sentences_buf);
  EncodeJsonStringArray(article.warnings, impl.warnings_buf);
  const PublicationDate& date = article.published;
  InsertResult inserted;
  if (!article.content_hash.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(inserted.copy_of, FindId(impl.find_by_hash, article.content_hash));
    if (inserted.copy_of == article.id) inserted.copy_of.clear();  // the same record
  }

  const bool pg = impl.db->backend() == Backend::kPostgres;
  // PostgreSQL: the metadata check (depeche_json_valid) would abort the caller's transaction,
  // so bad metadata is refused here, before any statement, as SQLite's CHECK refuses it.
  if (pg && !article.metadata_json.empty() && !nlohmann::json::accept(article.metadata_json)) {
    return InvalidArgumentError("article " + article.id +
                                ": metadata_json is not valid JSON: " + article.metadata_json);
  }
  Statement& stmt = impl.insert;
  {
    ResetOnExit reset(stmt);
    stmt.BindText(1, article.id);
    stmt.BindText(2, article.url);
    stmt.BindText(3, article.source);
    stmt.BindText(4, article.title);
    stmt.BindText(5, article.text);
    stmt.BindInt64(6, static_cast<int64_t>(article.text.size()));
    stmt.BindText(7, article.lang.empty() ? std::string_view("und") : article.lang);
    stmt.BindText(8, article.lang_declared);
    stmt.BindDouble(9, article.lang_confidence);
    stmt.BindText(10, date.known() ? std::string_view(date.iso) : std::string_view());
    if (date.known()) {
      stmt.BindInt64(11, date.utc_seconds);
    } else {
      stmt.BindNull(11);
    }
    stmt.BindInt64(12, date.known() ? static_cast<int64_t>(date.precision) : 0);
    stmt.BindText(13, article.origin.path);
    stmt.BindInt64(14, article.origin.line);
    stmt.BindText(15, article.origin.format);
    stmt.BindText(16, article.content_hash);
    stmt.BindText(17, article.metadata_json.empty() ? std::string_view("{}")
                                                    : std::string_view(article.metadata_json));
    stmt.BindBlob(18, impl.sentences_buf.data(), impl.sentences_buf.size());
    stmt.BindText(19, impl.warnings_buf);
    stmt.BindInt64(20, article.ingested_at != 0 ? article.ingested_at : core::NowUtcSeconds());
    EncodeBoilerplate(article.boilerplate, impl.boilerplate_buf);
    stmt.BindText(21, impl.boilerplate_buf);
    stmt.BindText(22, article.feed_id);
    stmt.BindText(23, inserted.copy_of);
    stmt.BindText(24, article.title_origin);
    stmt.BindText(25, !date.known() ? std::string_view()
                      : article.published_source.empty()
                          ? std::string_view("metadata")
                          : std::string_view(article.published_source));
    // An article whose best date was not set (a writer that does not date articles) is dated
    // as it states.
    ArticleDate stated;
    if (!article.date.date.known() && date.known()) {
      stated.date = date;
      stated.provenance = article.published_source.empty() ? "metadata" : article.published_source;
    }
    const ArticleDate& best_date = article.date.date.known() ? article.date : stated;
    const PublicationDate& best = best_date.date;
    stmt.BindText(26, best.known() ? std::string_view(best.iso) : std::string_view());
    if (best.known()) {
      stmt.BindInt64(27, best.utc_seconds);
    } else {
      stmt.BindNull(27);
    }
    stmt.BindInt64(28, best.known() ? static_cast<int64_t>(best.precision) : 0);
    stmt.BindText(29, best.known() ? std::string_view(best_date.provenance) : std::string_view());
    stmt.BindText(30, best_date.basis);
    EncodeJsonSpans(best_date.evidence, impl.evidence_buf);
    stmt.BindText(31, impl.evidence_buf);
    Result<bool> stepped = stmt.Step();
    if (pg && stepped.ok() && !*stepped) {
      // Nothing stored: a unique index holds the record (named below).
    } else if (stepped.ok()) {
      DEPECHE_RETURN_IF_ERROR(InsertTimexes(article));
      DEPECHE_RETURN_IF_ERROR(InsertFacts(article));
      return inserted;
    } else if (pg) {
      // PostgreSQL's check violation (23514) is InvalidArgument in the connection's mapping;
      // conflicts are ON CONFLICT DO NOTHING above, so a unique violation never gets here.
      if (stepped.status().code() == StatusCode::kInvalidArgument &&
          stepped.status().message().find("23514") != std::string::npos) {
        return InvalidArgumentError("article " + article.id +
                                    ": metadata_json is not valid JSON: " + article.metadata_json);
      }
      return stepped.status().WithContext("storing article " + article.id);
    } else {
      int code = sqlite3_extended_errcode(impl.db->sqlite_handle());
      if (code == SQLITE_CONSTRAINT_CHECK) {
        return InvalidArgumentError("article " + article.id +
                                    ": metadata_json is not valid JSON: " + article.metadata_json);
      }
      if (code != SQLITE_CONSTRAINT_UNIQUE && code != SQLITE_CONSTRAINT_PRIMARYKEY) {
        return stepped.status().WithContext("storing article " + article.id);
      }
    }
  }
  // A unique index refused the row (the statement left nothing behind): the record is stored.
  // Name the stored article; the URL is the stronger identity, so it is checked first.
  if (!article.url.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(std::string id, FindId(impl.find_by_url, article.url));
    if (!id.empty()) return InsertResult{InsertOutcome::kSameRecord, std::move(id), {}};
  }
  if (!article.feed_id.empty()) {
    ResetOnExit reset(impl.find_by_feed);
    impl.find_by_feed.BindText(1, article.source);
    impl.find_by_feed.BindText(2, article.feed_id);
    DEPECHE_ASSIGN_OR_RETURN(bool row, impl.find_by_feed.Step());
    if (row) {
      return InsertResult{
          InsertOutcome::kSameRecord, std::string(impl.find_by_feed.ColumnText(0)), {}};
    }
  }
  // The same id: the same record key (origin and content), or, with another key, a hash
  // collision. Either way the first article stays.
  DEPECHE_ASSIGN_OR_RETURN(std::string id, FindId(impl.find_by_id, article.id));
  if (!id.empty()) return InsertResult{InsertOutcome::kSameRecord, std::move(id), {}};
  return InternalError("article " + article.id + ": unique constraint failed on no known key");
}

// Indexes the row just written under `rowid` (the lang is already defaulted to "und").
Status ArticleStore::Impl::IndexRow(int64_t rowid, const Article& article) {
  return IndexRow(rowid, article.id, article.lang, article.title, article.text);
}

Status ArticleStore::Impl::IndexRow(int64_t rowid, std::string_view id, std::string_view lang,
                                    std::string_view title, std::string_view text) {
  Statement& stmt = insert_fts;
  ResetOnExit reset(stmt);
  stmt.BindInt64(1, rowid);
  stmt.BindText(2, lang.empty() ? std::string_view("und") : lang);
  stmt.BindText(3, title);
  stmt.BindText(4, text);
  Result<bool> stepped = stmt.Step();
  if (!stepped.ok()) {
    return stepped.status().WithContext("indexing article " + std::string(id));
  }
  return Status::Ok();
}

void ArticleStore::SetDeferIndexing(bool on) { impl_->defer_index = on; }

void ArticleStore::DropPendingIndex() { impl_->pending_index.clear(); }

Status ArticleStore::FlushIndex() {
  Impl& impl = *impl_;
  std::vector<Impl::PendingIndex> pending;
  pending.swap(impl.pending_index);
  for (const Impl::PendingIndex& p : pending) {
    Status status = impl.IndexRow(p.rowid, p.id, p.lang, p.title, p.text);
    if (!status.ok()) {
      if (impl.db->InTransaction()) (void)impl.db->Rollback();
      return status.WithContext("the enclosing transaction was rolled back");
    }
  }
  return Status::Ok();
}

// The row and its index entry are written by two statements in the same transaction, with no
// savepoint around the pair: a savepoint (like the statement journal an AFTER INSERT trigger
// needs) makes FTS5 flush its pending terms as a new segment per article, which is what this
// replaces. FTS5 cannot undo half an indexed document without one, so if indexing fails the
// whole transaction is rolled back: ours when the caller has none open, the caller's otherwise
// (the header documents this).
Result<InsertResult> ArticleStore::Insert(const Article& article) {
  DEPECHE_RETURN_IF_ERROR(ValidateForInsert(article));
  Impl& impl = *impl_;
  Database* h = impl.db;
  const bool own_transaction = !h->InTransaction();
  if (own_transaction) DEPECHE_RETURN_IF_ERROR(impl.db->Begin());
  Result<InsertResult> result = impl.InsertRow(article);
  Status status = result.status();
  if (status.ok() && result->outcome == InsertOutcome::kInserted && impl.defer_index &&
      !own_transaction) {
    impl.pending_index.push_back(
        {h->LastInsertRowid(), article.id, article.lang, article.title, article.text});
  } else if (status.ok() && result->outcome == InsertOutcome::kInserted) {
    status = impl.IndexRow(h->LastInsertRowid(), article);
    if (!status.ok() && !own_transaction) {
      status = status.WithContext("the enclosing transaction was rolled back");
    }
  }
  if (own_transaction && status.ok()) status = impl.db->Commit();
  if (!status.ok()) {
    // SQLite may already have rolled back (disk full, I/O error); a failed row insert alone
    // (InsertRow) leaves nothing to undo in the caller's transaction.
    bool row_written = result.ok() && result->outcome == InsertOutcome::kInserted;
    if ((own_transaction || row_written) && h->InTransaction()) {
      (void)impl.db->Rollback();
    }
    return status;
  }
  return result;
}

}  // namespace depeche::store
