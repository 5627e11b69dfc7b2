// A fixture for ArticleStore tests: a fresh database file and store per test, and an article
// maker.
#ifndef DEPECHE_STORE_STORE_TEST_FIXTURE_H_
#define DEPECHE_STORE_STORE_TEST_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/hash.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/test_util.h"

namespace depeche::store::testing_util {

// The columns migration 8 adds to `articles` and the tables of migrations 9 to 11 (with
// article_timexes, what going back to an older version drops).
inline constexpr const char* kDropMigration8Columns =
    "ALTER TABLE articles DROP COLUMN published_source; "
    "ALTER TABLE articles DROP COLUMN best_iso; ALTER TABLE articles DROP COLUMN best_ts; "
    "ALTER TABLE articles DROP COLUMN best_precision; "
    "ALTER TABLE articles DROP COLUMN date_provenance; "
    "ALTER TABLE articles DROP COLUMN date_basis; "
    "ALTER TABLE articles DROP COLUMN date_evidence; "
    "DROP TABLE article_quotes; DROP TABLE article_figures; DROP TABLE story_digests; "
    "DROP TABLE watches; DROP INDEX articles_ingested; ";

// The full-text index matches the articles exactly: FTS5's own integrity check on SQLite; on
// PostgreSQL, one article_fts row per article whose doc is what the schema's function makes of
// the article now.
inline Status CheckFtsIndex(Database* db) {
  if (db->backend() != Backend::kPostgres) {
    return db->Exec("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)");
  }
  Result<Statement> stmt = Statement::Prepare(
      db,
      "SELECT count(*) FROM articles AS a FULL JOIN article_fts AS f ON f.rowid = a.rowid "
      "WHERE a.rowid IS NULL OR f.rowid IS NULL OR "
      "f.doc <> depeche_article_tsvector(a.lang, a.title, a.text)");
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  int64_t wrong = *row ? stmt->ColumnInt64(0) : -1;
  if (wrong != 0) return InternalError(std::to_string(wrong) + " article_fts rows do not match");
  return Status::Ok();
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  // Closes and reopens the database file (the data stays).
  void Reopen() {
    store_.reset();
    db_.reset();
    Result<std::unique_ptr<Database>> db = Database::Open(path_.path());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    Result<std::unique_ptr<ArticleStore>> store = ArticleStore::Create(db_.get());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  // An article with id and content hash derived from `text` (and `url` when given).
  static Article Make(const std::string& lang, const std::string& title, const std::string& text,
                      const std::string& url = "") {
    Article a;
    a.url = url;
    a.title = title;
    a.text = text;
    a.lang = lang;
    a.content_hash = core::Hex64(core::Hash64(text, 1));
    a.id = core::Hex64(core::Hash64(url.empty() ? text : url, 2));
    a.ingested_at = 1700000000;
    return a;
  }

  // Inserts and expects kInserted.
  void Add(const Article& a) {
    Result<InsertResult> r = store_->Insert(a);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->outcome, InsertOutcome::kInserted) << a.title;
  }

  int64_t Count() {
    Result<Stats> stats = store_->GetStats();
    EXPECT_TRUE(stats.ok()) << stats.status().ToString();
    return stats.ok() ? stats->articles : -1;
  }

  TempDbPath path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<ArticleStore> store_;
};

}  // namespace depeche::store::testing_util

#endif  // DEPECHE_STORE_STORE_TEST_FIXTURE_H_
