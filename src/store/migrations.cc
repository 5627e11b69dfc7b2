#include "store/migrations.h"

#include <array>
#include <iterator>

namespace depeche::store {
namespace {

// Version 1: articles, their listing indexes and the full-text index.
//
// The FTS5 table is external-content over a VIEW that prefixes every indexed value with the
// row's language and \x01 ("fr\x01Les négociations..."): an FTS5 tokenizer sees one column
// value at a time, and the prefix is how the "depeche" tokenizer learns which Snowball stemmer
// to use. ArticleStore::Insert indexes each new row itself, with the same prefixed values,
// inside the caller's transaction: an AFTER INSERT trigger made SQLite open a statement
// journal for every row, and FTS5 flushes its pending terms as a new segment at each such
// savepoint (one segment per article: 22% of ingest time). The triggers below keep the index
// in step on the rare delete and update of an indexed column, passing exactly the prefixed
// values the view yields, which is what external-content 'delete' requires; they do not fire
// on INSERT (Insert never uses OR REPLACE). If the tokenizer's output ever
// changes, a migration must run INSERT INTO article_fts(article_fts) VALUES('rebuild').
constexpr std::string_view kMigration1 = R"sql(
CREATE TABLE articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  text_bytes INTEGER NOT NULL DEFAULT 0,
  lang TEXT NOT NULL DEFAULT 'und',
  lang_declared TEXT NOT NULL DEFAULT '',
  lang_confidence REAL NOT NULL DEFAULT 0,
  published_iso TEXT NOT NULL DEFAULT '',
  published_ts INTEGER,
  date_precision INTEGER NOT NULL DEFAULT 0,
  origin_path TEXT NOT NULL DEFAULT '',
  origin_line INTEGER NOT NULL DEFAULT 0,
  origin_format TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
  sentences BLOB,
  boilerplate TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(boilerplate)),
  warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
  ingested_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash) WHERE content_hash <> '';
CREATE INDEX articles_published ON articles(published_ts DESC);
CREATE INDEX articles_lang_published ON articles(lang, published_ts DESC);
CREATE INDEX articles_source_published ON articles(source, published_ts DESC);

CREATE VIEW article_fts_src AS
  SELECT rowid, lang || char(1) || title AS title, lang || char(1) || text AS body
  FROM articles;
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, body, content='article_fts_src', content_rowid='rowid', tokenize='depeche');
-- Merge segments 16 at a time instead of 4: about 15% faster bulk ingest (measured with
-- store_throughput), for at most 16 segments per level to read at query time.
INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 16);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.lang || char(1) || old.title,
            old.lang || char(1) || old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF lang, title, text ON articles BEGIN
  INSERT INTO article_fts(article_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.lang || char(1) || old.title,
            old.lang || char(1) || old.text);
  INSERT INTO article_fts(rowid, title, body)
    VALUES (new.rowid, new.lang || char(1) || new.title, new.lang || char(1) || new.text);
END;
)sql";

// Version 2: the story stage (src/story). article_story is one row per stored article that went
// through the pipeline (merges rewrite story_id to the surviving, older story); the other tables
// hold exactly what StoryPipeline needs to be rebuilt after a restart: the clusterer's meta
// values, its active stories (state blob, NULL once the story left memory or was merged), the
// per-language document frequencies and the live dedup index entries (oldest first by pos).
constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  opened_by TEXT NOT NULL,
  linked_story_id TEXT NOT NULL DEFAULT '',
  merged_into TEXT NOT NULL DEFAULT '',
  state BLOB
);
CREATE TABLE article_story (
  seq INTEGER PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  story_id TEXT NOT NULL,
  dup_group TEXT NOT NULL DEFAULT '',
  original_id TEXT NOT NULL DEFAULT '',
  similarity REAL NOT NULL DEFAULT 0,
  linked_story_id TEXT NOT NULL DEFAULT '',
  top_names TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(top_names))
);
CREATE INDEX article_story_story ON article_story(story_id, seq);
CREATE INDEX article_story_group ON article_story(dup_group, seq);
CREATE TABLE story_merges (
  from_id TEXT NOT NULL,
  into_id TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  similarity REAL NOT NULL
);
CREATE INDEX story_merges_into ON story_merges(into_id);
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE story_df (lang TEXT PRIMARY KEY, docs INTEGER NOT NULL, df BLOB NOT NULL);
CREATE TABLE story_dedup (
  pos INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL,
  time INTEGER NOT NULL,
  shingle_count INTEGER NOT NULL,
  signature BLOB NOT NULL
);
)sql";

// Version 3: each article's most distinctive content words (display forms, JSON array), from
// which a story's top terms are counted like its top names.
constexpr std::string_view kMigration3 = R"sql(
ALTER TABLE article_story ADD COLUMN top_terms TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(top_terms));
)sql";

// Version 4: every copy is an article. The same text from another source, URL or file is its
// own row, so content_hash is no longer unique; copy_of names the earliest stored article with
// the same content (the copy's original), and feed_id keeps the input's own record id, which
// with the source identifies a record (ingesting it again stores nothing); title_origin says
// whether the title was stated by the input or derived from the text (Article::title_origin).
// article_story.copy_similarity is the estimated Jaccard similarity with original_id (1 for an
// exact copy). story_dedup.dated says whether an entry's time was its article's own date.
// Rows stored before this version are their own originals, with an unknown title
// origin.
constexpr std::string_view kMigration4 = R"sql(
DROP INDEX articles_content_hash;
CREATE INDEX articles_content_hash ON articles(content_hash) WHERE content_hash <> '';
ALTER TABLE articles ADD COLUMN feed_id TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN copy_of TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN title_origin TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX articles_feed ON articles(source, feed_id) WHERE feed_id <> '';
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of <> '';
ALTER TABLE article_story ADD COLUMN copy_similarity REAL NOT NULL DEFAULT 0;
ALTER TABLE story_dedup ADD COLUMN dated INTEGER NOT NULL DEFAULT 1;
)sql";

// Version 5: one summary row per story, kept current by StoryStore::Record, so that listing
// stories reads one row per story instead of aggregating article_story at every call (see
// docs/PERFORMANCE.md, "Listing stories"). story_sources holds, per story and source ('' for
// articles without one), how many articles and the first and last dates: distinct sources are
// counted at ingest without reading the story's articles, and the top and growth orders weigh
// sources by recency. Existing stories are backfilled here; their display title is chosen
// by the next ingest (title_at = 0 means "to choose": the scoring is C++, story_title.cc), and
// until then it is their first article's title, as before.
constexpr std::string_view kMigration5 = R"sql(
CREATE TABLE story_summary (
  story_id TEXT PRIMARY KEY,
  article_count INTEGER NOT NULL,
  source_count INTEGER NOT NULL,
  first_ts INTEGER,
  first_iso TEXT NOT NULL DEFAULT '',
  last_ts INTEGER,
  last_iso TEXT NOT NULL DEFAULT '',
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  languages TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  title_tier INTEGER NOT NULL DEFAULT 0,
  title_at INTEGER NOT NULL DEFAULT 0
);
-- One index per listing order (SQLite sorts NULL first, so DESC puts undated stories last).
CREATE INDEX story_summary_last ON story_summary(last_ts DESC, last_seq DESC);
CREATE INDEX story_summary_size ON story_summary(article_count DESC, last_ts DESC, last_seq DESC);
CREATE INDEX story_summary_sources ON story_summary(source_count DESC, last_ts DESC,
                                                    last_seq DESC);
CREATE INDEX story_summary_stale ON story_summary(story_id) WHERE title_at = 0;
CREATE TABLE story_sources (
  story_id TEXT NOT NULL,
  source TEXT NOT NULL,
  articles INTEGER NOT NULL,
  first_ts INTEGER,
  last_ts INTEGER,
  PRIMARY KEY (story_id, source)
) WITHOUT ROWID;
CREATE INDEX story_sources_last ON story_sources(last_ts, first_ts);

INSERT INTO story_sources(story_id, source, articles, first_ts, last_ts)
SELECT s.story_id, a.source, COUNT(*), MIN(a.published_ts), MAX(a.published_ts)
FROM article_story s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id, a.source;
INSERT INTO story_summary(story_id, article_count, source_count, first_ts, last_ts, first_seq,
                          last_seq)
SELECT s.story_id, COUNT(*), COUNT(DISTINCT NULLIF(a.source, '')), MIN(a.published_ts),
       MAX(a.published_ts), MIN(s.seq), MAX(s.seq)
FROM article_story s JOIN articles a ON a.id = s.article_id GROUP BY s.story_id;
UPDATE story_summary SET
  first_iso = coalesce((SELECT a.published_iso FROM article_story s JOIN articles a
                        ON a.id = s.article_id WHERE s.story_id = story_summary.story_id
                        AND a.published_ts IS NOT NULL ORDER BY a.published_ts, s.seq LIMIT 1),
                       ''),
  last_iso = coalesce((SELECT a.published_iso FROM article_story s JOIN articles a
                       ON a.id = s.article_id WHERE s.story_id = story_summary.story_id
                       AND a.published_ts IS NOT NULL ORDER BY a.published_ts DESC, s.seq DESC
                       LIMIT 1), ''),
  languages = coalesce((SELECT group_concat(lang, ',') FROM (
                          SELECT DISTINCT a.lang AS lang FROM article_story s JOIN articles a
                          ON a.id = s.article_id WHERE s.story_id = story_summary.story_id
                          ORDER BY a.lang)), ''),
  title = coalesce((SELECT a.title FROM article_story s JOIN articles a ON a.id = s.article_id
                    WHERE s.story_id = story_summary.story_id ORDER BY s.seq LIMIT 1), '');
)sql";

// The entity migration (issue 10): canonical entities, their aliases, the entities of each
// article with their mentions, and entity merges. Written by EntityStore::Record
// (entity_store.h) from the resolver's plain EntityChanges. Numbered 6 on the entstore branch;
// version 6 is reserved for another change, so at merge this becomes version 7 (the list must be
// numbered 1..N: change the number below and kSchemaVersion in database.h).
//
// entities.id is CanonicalEntity::id (uint64) stored as the rowid (its two's-complement
// int64): a lookup by id or by hex prefix is a rowid range, and the 16-hex-digit id shown to
// users needs no column of its own. merged_into is NULL while the entity is live; a merge
// points the absorbed entity (and anything merged into it before) at the survivor. The
// article_count and mention_count of a live entity are kept by Record and by merges, so the
// unfiltered listing reads one index in order: entities_rank / entities_type_rank hold live
// entities sorted as `depeche entities` lists them, and the LIMIT stops the scan.
// entity_aliases.articles counts the articles where the alias named the entity (an article
// counts an alias once). article_entities is keyed by article then entity (the entities of an
// article are a range), with the reverse index for an entity's articles and for merges;
// entity_mentions is keyed by article and entity, so a merge moves an entity's mentions
// article by article without an index of its own.
constexpr std::string_view kEntitiesMigration = R"sql(
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  type INTEGER NOT NULL,
  name TEXT NOT NULL,
  gazetteer_ref TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  created_seq INTEGER NOT NULL,
  merged_into INTEGER,
  article_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX entities_created ON entities(created_seq);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_rank ON entities(article_count DESC, name) WHERE merged_into IS NULL;
CREATE INDEX entities_type_rank ON entities(type, article_count DESC, name)
  WHERE merged_into IS NULL;
CREATE INDEX entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
CREATE TABLE entity_aliases (
  entity_id INTEGER NOT NULL,
  alias TEXT NOT NULL,
  articles INTEGER NOT NULL,
  PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);
CREATE TABLE article_entities (
  article_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  salience REAL NOT NULL,
  mention_count INTEGER NOT NULL,
  PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  in_title INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  surface TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_id, in_title, begin, end)
) WITHOUT ROWID;
CREATE TABLE entity_merges (
  from_id INTEGER NOT NULL,
  into_id INTEGER NOT NULL,
  at_article_id TEXT NOT NULL,
  merged_at INTEGER NOT NULL
);
CREATE INDEX entity_merges_into ON entity_merges(into_id);
)sql";

// Version 7: what the story re-check revisits besides merges (StoryClusterer: re-assignment
// and splits). story_splits: `from_id` kept its larger part and `new_id` opened with the rest
// (opened_by: the new part's oldest article); story_moves: each article moved to another
// story (re-assigned, or carried by a split), its article_story row updated accordingly. Both
// are the history shown with a story; the state blobs of the active stories (stories.state)
// now also carry their latest articles' vectors, which older blobs lack (those stories are
// only merged, never split).
constexpr std::string_view kMigration7 = R"sql(
CREATE TABLE story_splits (
  from_id TEXT NOT NULL,
  new_id TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  article_count INTEGER NOT NULL,
  similarity REAL NOT NULL
);
CREATE INDEX story_splits_from ON story_splits(from_id);
CREATE INDEX story_splits_new ON story_splits(new_id);
CREATE TABLE story_moves (
  article_id TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  similarity REAL NOT NULL
);
CREATE INDEX story_moves_article ON story_moves(article_id);
)sql";

// Dates (issue 11). `published_*` stay what the input stated; `best_*` is the article's best
// date (the stated one when it gives the day, else the day its text and its story point to:
// `date_provenance` 'inferred', with `date_basis` 'text' or 'story' and the expressions that
// placed it as [begin, end] byte spans in `date_evidence`). Story first/last dates and the
// stories' windows read `best_ts`. article_timexes: each article's temporal expressions with
// their values (resolved against best_*) and what re-resolving them takes (form, tense).
constexpr std::string_view kMigration8 = R"sql(
ALTER TABLE articles ADD COLUMN published_source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN best_iso TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN best_ts INTEGER;
ALTER TABLE articles ADD COLUMN best_precision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN date_provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_evidence TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(date_evidence));
UPDATE articles SET
  published_source = CASE WHEN published_ts IS NULL THEN '' ELSE 'metadata' END,
  best_iso = published_iso, best_ts = published_ts, best_precision = date_precision,
  date_provenance = CASE WHEN published_ts IS NULL THEN '' ELSE 'metadata' END;
CREATE TABLE article_timexes (
  article_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  resolved INTEGER NOT NULL,
  form TEXT NOT NULL,
  tense TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
)sql";

// Quotations and figures (issue 12), per article, in text order (`ord`). Spans are byte offsets
// of the article's text ([begin, end); 0, 0 for none); `content` and `partial` are JSON arrays of
// [begin, end] pairs; `antecedent` is the `ord` of the quote a pronoun speaker refers to (-1:
// none). A figure's `high` is NULL unless it is a range. The speaker's canonical entity is not
// stored: it is read through entity_mentions (which merges keep up to date).
constexpr std::string_view kMigration9 = R"sql(
CREATE TABLE article_quotes (
  article_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  content TEXT NOT NULL CHECK (json_valid(content)),
  cue_begin INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  speaker_kind TEXT NOT NULL,
  speaker_begin INTEGER NOT NULL,
  speaker_end INTEGER NOT NULL,
  name_begin INTEGER NOT NULL,
  name_end INTEGER NOT NULL,
  antecedent INTEGER NOT NULL,
  partial TEXT NOT NULL CHECK (json_valid(partial)),
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
CREATE TABLE article_figures (
  article_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  number_begin INTEGER NOT NULL,
  number_end INTEGER NOT NULL,
  value REAL NOT NULL,
  high REAL,
  unit TEXT NOT NULL,
  unit_begin INTEGER NOT NULL,
  unit_end INTEGER NOT NULL,
  counted INTEGER NOT NULL,
  bound TEXT NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
)sql";

// Story digests (issue 13): a story's headlines, summary and timeline as last computed, as JSON
// (store/digest_store.cc), with the key of the articles they were computed from. A cache: rows
// may be dropped at any time; a story without one gets it computed again.
constexpr std::string_view kMigration10 = R"sql(
CREATE TABLE story_digests (
  story_id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (json_valid(digest))
) WITHOUT ROWID;
)sql";

// Watch queries (issue 14): stored searches (store/watch_store.h) whose new matches are the
// articles ingested since a time. articles_ingested answers "the first article stored at or
// after T" with one index seek, so a watch's search reads only the full-text matches from that
// row on (article_fts rowid bound) instead of every match of its words.
constexpr std::string_view kMigration11 = R"sql(
CREATE TABLE watches (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  query TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX watches_created ON watches(created_at DESC);
CREATE INDEX articles_ingested ON articles(ingested_at);
)sql";

// pg_sql is joined from migrations_pg.cc by AllMigrations().
constexpr Migration kMigrations[] = {
    {1, "articles, listing indexes, article_fts (depeche tokenizer)", kMigration1, {}},
    {2, "stories, article_story, story_merges, story pipeline state", kMigration2, {}},
    {3, "article_story.top_terms", kMigration3, {}},
    {4, "copies are articles: articles.copy_of, feed_id, title_origin", kMigration4, {}},
    {5, "story_summary, story_sources: listing reads one row per story", kMigration5, {}},
    {6, "entities, aliases, article entities and mentions, entity merges", kEntitiesMigration, {}},
    {7,
     "story_splits, story_moves: the story re-check's splits and re-assignments",
     kMigration7,
     {}},
    {8,
     "dates: articles.published_source, best date and its provenance, article_timexes",
     kMigration8,
     {}},
    {9,
     "article_quotes, article_figures: quotations and figures with their offsets",
     kMigration9,
     {}},
    {10,
     "story_digests: each story's headlines, summary and timeline as last computed",
     kMigration10,
     {}},
    {11, "watches: stored watch queries; articles_ingested", kMigration11, {}},
};

}  // namespace

std::span<const Migration> AllMigrations() {
  // The PostgreSQL texts live in their own file; joined once, on first use (thread-safe).
  static const std::array<Migration, std::size(kMigrations)> all = [] {
    std::array<Migration, std::size(kMigrations)> joined{};
    for (size_t i = 0; i < std::size(kMigrations); ++i) {
      joined[i] = kMigrations[i];
      joined[i].pg_sql = PgMigrationSql(kMigrations[i].version);
    }
    return joined;
  }();
  return all;
}

}  // namespace depeche::store
