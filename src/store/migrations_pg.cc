// The PostgreSQL text of each schema migration (migrations.cc holds the SQLite text and the
// reasons for each table and index; this file only says where PostgreSQL differs).
//
// Type mapping: INTEGER -> BIGINT, REAL -> DOUBLE PRECISION, BLOB -> BYTEA, TEXT -> TEXT. An
// `INTEGER PRIMARY KEY` rowid (with or without AUTOINCREMENT) becomes a BIGINT identity, so that
// lastval() gives the id just inserted and ids are never reused. WITHOUT ROWID tables are plain
// tables with the same primary key. `end` is a reserved word in PostgreSQL: the columns keep
// their name, quoted ("end", which SQLite accepts too).
//
// NULL order: SQLite sorts NULL as the smallest value, PostgreSQL as the largest. Indexes on
// nullable columns say NULLS LAST (descending) or NULLS FIRST (ascending), so that they hold
// the order the SQLite indexes hold (undated articles and stories last in the newest-first
// listings); a query that wants that order on PostgreSQL says the same NULLS clause. An SQLite
// index ends with the rowid; where a query orders by it after the indexed columns (the article
// listings, the earliest copy of a content hash), the PostgreSQL index names it.
// Append-only logs that SQLite reads in rowid order (story_merges, story_splits, story_moves,
// entity_merges: a story's history, the change feed's marks) get an explicit identity `rowid`.
//
// COLLATE NOCASE indexes become indexes on lower(...): a case-insensitive lookup on PostgreSQL
// is `lower(name) = lower(?)`.
#include <iterator>
#include <string_view>

#include "store/migrations.h"

namespace depeche::store {
namespace {

// Version 1 (see migrations.cc): articles, their listing indexes and the full-text index.
//
// JSON checks: PostgreSQL 15 has neither json_valid nor `IS JSON`; depeche_json_valid casts to
// json inside an exception block (a subtransaction, so the two values nearly every row holds,
// '{}' and '[]', are answered first). A bad value is then a check_violation (SQLSTATE 23514)
// naming the constraint, as SQLite's CHECK failure is.
//
// Full text: PostgreSQL's own text search stands in for FTS5 and the "depeche" tokenizer.
// One configuration per Snowball language that text::Stemmer knows (depeche_fr, depeche_en, ...;
// nb and nn share depeche_no) and depeche_simple for every other language. Each is a COPY of
// PostgreSQL's configuration for the language with, on the word token types, `unaccent` (a
// filtering dictionary) before a Snowball dictionary of our own: like the tokenizer, accents
// and case are ignored and words are stemmed. Differences from the built-in configurations:
//  - no stop words (the built-in Snowball dictionaries drop "the", "les", ...): the tokenizer
//    indexes every word, and a phrase or a one-word query such as "who" must find them;
//  - hyphenated compounds are indexed as their parts only (no mapping for hword, asciihword,
//    numhword): the tokenizer splits words at hyphens, so "États-Unis" is the phrase "etats unis"
//    and "etats unis" finds it.
// Stemming happens after unaccent, so a query word with or without its accents stems to the
// same lexeme (the tokenizer needs a second, colocated token for that).
//
// article_fts holds one weighted tsvector per article, `doc`: the title's lexemes with weight
// A, then a separator, then the text's with weight D, under one GIN index. One vector, not a
// title and a body column, because FTS5 matches a row, not a column: `geneve accord` finds an
// article with Genève in its title and accord in its text, and `-iran` excludes an article
// naming Iran in either; tsquery operators only combine lexemes of one tsvector. The separator
// is the lexeme ' ' (no query lexeme holds a space) one position after the title, so a phrase
// cannot run from the title's last word into the text's first, as in FTS5 where a phrase lies
// within one column. The rank weighs A 5 times D (ts_rank's weights {0.2, 0.2, 0.2, 1.0}),
// like bm25(5.0, 1.0).
// ArticleStore indexes each row itself (INSERT ... depeche_article_tsvector(lang, title,
// text)), as on SQLite; ON DELETE CASCADE is the delete trigger, and articles_fts_update keeps
// the row in step when lang, title or text change (the SQLite update trigger's twin; no store
// code changes them today).
//
// depeche_tsvector caps what one value may index: a tsvector holds at most 1 MB, so a text
// over 256 KiB is indexed from its start, halved until its tsvector fits (the common case never
// enters the exception block). Words over 2 KB are not indexed (PostgreSQL's limit), and
// positions past 16,383 count as 16,383.
//
// depeche_tsquery(positive, excluded, langs) builds the query: `positive` and `excluded` are
// tsquery texts of quoted words (fts_query_pg.h); each is normalised with the configuration of
// every language in `langs` (comma-separated codes: the stored languages) and of
// depeche_simple, the distinct alternatives ORed. The positive part is taken whole per
// configuration (an article is in one language and its words are stemmed in it); an article
// is excluded when any configuration's form of an excluded term occurs in it.
constexpr std::string_view kMigration1 = R"sql(
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION depeche_json_valid(value text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF value = '{}' OR value = '[]' THEN
    RETURN true;
  END IF;
  PERFORM value::json;
  RETURN true;
EXCEPTION WHEN OTHERS THEN
  RETURN false;
END
$$;

CREATE TABLE articles (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  text_bytes BIGINT NOT NULL DEFAULT 0,
  lang TEXT NOT NULL DEFAULT 'und',
  lang_declared TEXT NOT NULL DEFAULT '',
  lang_confidence DOUBLE PRECISION NOT NULL DEFAULT 0,
  published_iso TEXT NOT NULL DEFAULT '',
  published_ts BIGINT,
  date_precision BIGINT NOT NULL DEFAULT 0,
  origin_path TEXT NOT NULL DEFAULT '',
  origin_line BIGINT NOT NULL DEFAULT 0,
  origin_format TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  metadata TEXT NOT NULL DEFAULT '{}' CHECK (depeche_json_valid(metadata)),
  sentences BYTEA,
  boilerplate TEXT NOT NULL DEFAULT '[]' CHECK (depeche_json_valid(boilerplate)),
  warnings TEXT NOT NULL DEFAULT '[]' CHECK (depeche_json_valid(warnings)),
  ingested_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url <> '';
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash) WHERE content_hash <> '';
CREATE INDEX articles_published ON articles(published_ts DESC NULLS LAST, rowid);
CREATE INDEX articles_lang_published ON articles(lang, published_ts DESC NULLS LAST, rowid);
CREATE INDEX articles_source_published ON articles(source, published_ts DESC NULLS LAST, rowid);

DO $$
DECLARE
  l text[];
BEGIN
  -- text::Stemmer's languages (src/text/stemmer.cc): code, PostgreSQL Snowball language.
  FOREACH l SLICE 1 IN ARRAY ARRAY[
      ['ar', 'arabic'], ['hy', 'armenian'], ['eu', 'basque'], ['ca', 'catalan'],
      ['da', 'danish'], ['nl', 'dutch'], ['en', 'english'], ['fi', 'finnish'],
      ['fr', 'french'], ['de', 'german'], ['el', 'greek'], ['hi', 'hindi'],
      ['hu', 'hungarian'], ['id', 'indonesian'], ['ga', 'irish'], ['it', 'italian'],
      ['lt', 'lithuanian'], ['ne', 'nepali'], ['no', 'norwegian'], ['pt', 'portuguese'],
      ['ro', 'romanian'], ['ru', 'russian'], ['sr', 'serbian'], ['es', 'spanish'],
      ['sv', 'swedish'], ['ta', 'tamil'], ['tr', 'turkish'], ['yi', 'yiddish']] LOOP
    EXECUTE format('CREATE TEXT SEARCH DICTIONARY %I (TEMPLATE = snowball, Language = %s)',
                   'depeche_' || l[1] || '_stem', l[2]);
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION %I (COPY = pg_catalog.%I)',
                   'depeche_' || l[1], l[2]);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR asciiword, word, '
                   'hword_part, hword_asciipart WITH unaccent, %I',
                   'depeche_' || l[1], 'depeche_' || l[1] || '_stem');
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I ALTER MAPPING FOR numword, '
                   'hword_numpart WITH unaccent, simple', 'depeche_' || l[1]);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION %I DROP MAPPING FOR hword, asciihword, '
                   'numhword', 'depeche_' || l[1]);
  END LOOP;
END
$$;
CREATE TEXT SEARCH CONFIGURATION depeche_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION depeche_simple ALTER MAPPING FOR asciiword, word, hword_part,
  hword_asciipart, numword, hword_numpart WITH unaccent, simple;
ALTER TEXT SEARCH CONFIGURATION depeche_simple DROP MAPPING FOR hword, asciihword, numhword;

-- The configuration of a stored language: its primary subtag, lowercased, as StemmerLanguage.
CREATE FUNCTION depeche_ts_config(lang text) RETURNS regconfig
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT CASE lower(split_part(split_part(lang, '-', 1), '_', 1))
  WHEN 'ar' THEN 'depeche_ar' WHEN 'hy' THEN 'depeche_hy' WHEN 'eu' THEN 'depeche_eu'
  WHEN 'ca' THEN 'depeche_ca' WHEN 'da' THEN 'depeche_da' WHEN 'nl' THEN 'depeche_nl'
  WHEN 'en' THEN 'depeche_en' WHEN 'fi' THEN 'depeche_fi' WHEN 'fr' THEN 'depeche_fr'
  WHEN 'de' THEN 'depeche_de' WHEN 'el' THEN 'depeche_el' WHEN 'hi' THEN 'depeche_hi'
  WHEN 'hu' THEN 'depeche_hu' WHEN 'id' THEN 'depeche_id' WHEN 'ga' THEN 'depeche_ga'
  WHEN 'it' THEN 'depeche_it' WHEN 'lt' THEN 'depeche_lt' WHEN 'ne' THEN 'depeche_ne'
  WHEN 'no' THEN 'depeche_no' WHEN 'nb' THEN 'depeche_no' WHEN 'nn' THEN 'depeche_no'
  WHEN 'pt' THEN 'depeche_pt' WHEN 'ro' THEN 'depeche_ro' WHEN 'ru' THEN 'depeche_ru'
  WHEN 'sr' THEN 'depeche_sr' WHEN 'es' THEN 'depeche_es' WHEN 'sv' THEN 'depeche_sv'
  WHEN 'ta' THEN 'depeche_ta' WHEN 'tr' THEN 'depeche_tr' WHEN 'yi' THEN 'depeche_yi'
  ELSE 'depeche_simple' END::regconfig
$$;

CREATE FUNCTION depeche_tsvector(lang text, value text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  cfg regconfig := depeche_ts_config(lang);
  n integer;
BEGIN
  IF octet_length(value) <= 262144 THEN
    RETURN to_tsvector(cfg, value);
  END IF;
  n := length(value);
  LOOP
    BEGIN
      RETURN to_tsvector(cfg, left(value, n));
    EXCEPTION WHEN program_limit_exceeded THEN
      n := n / 2;
    END;
  END LOOP;
END
$$;

-- article_fts.doc of an article.
CREATE FUNCTION depeche_article_tsvector(lang text, title text, body text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
SELECT setweight(depeche_tsvector(lang, title), 'A') || ''' '':1'::tsvector ||
       setweight(depeche_tsvector(lang, body), 'D')
$$;

CREATE FUNCTION depeche_tsquery(positive text, excluded text, langs text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  cfg regconfig;
  p tsquery;
  x tsquery;
  q tsquery;
  seen_p tsquery[] := '{}';
  seen_x tsquery[] := '{}';
BEGIN
  FOR cfg IN
    SELECT DISTINCT depeche_ts_config(l)
    FROM unnest(string_to_array(coalesce(langs, ''), ',') || ARRAY['und']) AS l
    WHERE l <> ''
  LOOP
    q := to_tsquery(cfg, coalesce(positive, ''));
    IF numnode(q) > 0 AND NOT q = ANY(seen_p) THEN
      seen_p := seen_p || q;
      p := CASE WHEN p IS NULL THEN q ELSE p || q END;
    END IF;
    IF coalesce(excluded, '') <> '' THEN
      q := to_tsquery(cfg, excluded);
      IF numnode(q) > 0 AND NOT q = ANY(seen_x) THEN
        seen_x := seen_x || q;
        x := CASE WHEN x IS NULL THEN q ELSE x || q END;
      END IF;
    END IF;
  END LOOP;
  IF p IS NULL THEN
    RETURN ''::tsquery;  -- no lexeme at all: matches nothing
  END IF;
  IF x IS NOT NULL THEN
    RETURN p && !!x;
  END IF;
  RETURN p;
END
$$;

CREATE TABLE article_fts (
  rowid BIGINT PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  doc TSVECTOR NOT NULL
);
CREATE INDEX article_fts_doc ON article_fts USING gin (doc);

CREATE FUNCTION depeche_articles_fts_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE article_fts SET doc = depeche_article_tsvector(NEW.lang, NEW.title, NEW.text)
  WHERE rowid = NEW.rowid;
  RETURN NULL;
END
$$;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF lang, title, text ON articles
  FOR EACH ROW EXECUTE FUNCTION depeche_articles_fts_update();
)sql";

constexpr std::string_view kMigration2 = R"sql(
CREATE TABLE stories (
  id TEXT PRIMARY KEY,
  opened_by TEXT NOT NULL,
  linked_story_id TEXT NOT NULL DEFAULT '',
  merged_into TEXT NOT NULL DEFAULT '',
  state BYTEA
);
CREATE TABLE article_story (
  seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  story_id TEXT NOT NULL,
  dup_group TEXT NOT NULL DEFAULT '',
  original_id TEXT NOT NULL DEFAULT '',
  similarity DOUBLE PRECISION NOT NULL DEFAULT 0,
  linked_story_id TEXT NOT NULL DEFAULT '',
  top_names TEXT NOT NULL DEFAULT '[]' CHECK (depeche_json_valid(top_names))
);
CREATE INDEX article_story_story ON article_story(story_id, seq);
CREATE INDEX article_story_group ON article_story(dup_group, seq);
CREATE TABLE story_merges (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  from_id TEXT NOT NULL,
  into_id TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  similarity DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_merges_into ON story_merges(into_id);
CREATE TABLE story_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE story_df (lang TEXT PRIMARY KEY, docs BIGINT NOT NULL, df BYTEA NOT NULL);
CREATE TABLE story_dedup (
  pos BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id TEXT NOT NULL UNIQUE,
  group_id TEXT NOT NULL,
  time BIGINT NOT NULL,
  shingle_count BIGINT NOT NULL,
  signature BYTEA NOT NULL
);
)sql";

constexpr std::string_view kMigration3 = R"sql(
ALTER TABLE article_story ADD COLUMN top_terms TEXT NOT NULL DEFAULT '[]'
  CHECK (depeche_json_valid(top_terms));
)sql";

constexpr std::string_view kMigration4 = R"sql(
DROP INDEX articles_content_hash;
CREATE INDEX articles_content_hash ON articles(content_hash, rowid) WHERE content_hash <> '';
ALTER TABLE articles ADD COLUMN feed_id TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN copy_of TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN title_origin TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX articles_feed ON articles(source, feed_id) WHERE feed_id <> '';
CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of <> '';
ALTER TABLE article_story ADD COLUMN copy_similarity DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE story_dedup ADD COLUMN dated BIGINT NOT NULL DEFAULT 1;
)sql";

// The backfill differs only in the language list: string_agg with its own ORDER BY (SQLite's
// group_concat follows the order of its subquery).
constexpr std::string_view kMigration5 = R"sql(
CREATE TABLE story_summary (
  story_id TEXT PRIMARY KEY,
  article_count BIGINT NOT NULL,
  source_count BIGINT NOT NULL,
  first_ts BIGINT,
  first_iso TEXT NOT NULL DEFAULT '',
  last_ts BIGINT,
  last_iso TEXT NOT NULL DEFAULT '',
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  languages TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  title_tier BIGINT NOT NULL DEFAULT 0,
  title_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX story_summary_last ON story_summary(last_ts DESC NULLS LAST, last_seq DESC);
CREATE INDEX story_summary_size ON story_summary(article_count DESC, last_ts DESC NULLS LAST,
                                                 last_seq DESC);
CREATE INDEX story_summary_sources ON story_summary(source_count DESC, last_ts DESC NULLS LAST,
                                                    last_seq DESC);
CREATE INDEX story_summary_stale ON story_summary(story_id) WHERE title_at = 0;
CREATE TABLE story_sources (
  story_id TEXT NOT NULL,
  source TEXT NOT NULL,
  articles BIGINT NOT NULL,
  first_ts BIGINT,
  last_ts BIGINT,
  PRIMARY KEY (story_id, source)
);
CREATE INDEX story_sources_last ON story_sources(last_ts NULLS FIRST, first_ts NULLS FIRST);

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
  languages = coalesce((SELECT string_agg(lang, ',' ORDER BY lang) FROM (
                          SELECT DISTINCT a.lang AS lang FROM article_story s JOIN articles a
                          ON a.id = s.article_id
                          WHERE s.story_id = story_summary.story_id) AS l), ''),
  title = coalesce((SELECT a.title FROM article_story s JOIN articles a ON a.id = s.article_id
                    WHERE s.story_id = story_summary.story_id ORDER BY s.seq LIMIT 1), '');
)sql";

// entities.id is the uint64 entity id as its two's-complement BIGINT (given explicitly at
// every insert, so a plain BIGINT key). The NOCASE indexes become lower(...) indexes.
constexpr std::string_view kEntitiesMigration = R"sql(
CREATE TABLE entities (
  id BIGINT PRIMARY KEY,
  type BIGINT NOT NULL,
  name TEXT NOT NULL,
  gazetteer_ref TEXT NOT NULL DEFAULT '',
  country_code TEXT NOT NULL DEFAULT '',
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  created_seq BIGINT NOT NULL,
  merged_into BIGINT,
  article_count BIGINT NOT NULL DEFAULT 0,
  mention_count BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX entities_created ON entities(created_seq);
CREATE INDEX entities_name ON entities(lower(name));
CREATE INDEX entities_rank ON entities(article_count DESC, name) WHERE merged_into IS NULL;
CREATE INDEX entities_type_rank ON entities(type, article_count DESC, name)
  WHERE merged_into IS NULL;
CREATE INDEX entities_merged ON entities(merged_into) WHERE merged_into IS NOT NULL;
CREATE TABLE entity_aliases (
  entity_id BIGINT NOT NULL,
  alias TEXT NOT NULL,
  articles BIGINT NOT NULL,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX entity_aliases_alias ON entity_aliases(lower(alias));
CREATE TABLE article_entities (
  article_id TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  salience DOUBLE PRECISION NOT NULL,
  mention_count BIGINT NOT NULL,
  PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);
CREATE TABLE entity_mentions (
  article_id TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  in_title BIGINT NOT NULL,
  begin BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  surface TEXT NOT NULL,
  PRIMARY KEY (article_id, entity_id, in_title, begin, "end")
);
CREATE TABLE entity_merges (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  from_id BIGINT NOT NULL,
  into_id BIGINT NOT NULL,
  at_article_id TEXT NOT NULL,
  merged_at BIGINT NOT NULL
);
CREATE INDEX entity_merges_into ON entity_merges(into_id);
)sql";

constexpr std::string_view kMigration7 = R"sql(
CREATE TABLE story_splits (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  from_id TEXT NOT NULL,
  new_id TEXT NOT NULL,
  opened_by TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  article_count BIGINT NOT NULL,
  similarity DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_splits_from ON story_splits(from_id);
CREATE INDEX story_splits_new ON story_splits(new_id);
CREATE TABLE story_moves (
  rowid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  article_id TEXT NOT NULL,
  from_id TEXT NOT NULL,
  to_id TEXT NOT NULL,
  at_article_id TEXT NOT NULL,
  similarity DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_moves_article ON story_moves(article_id);
)sql";

constexpr std::string_view kMigration8 = R"sql(
ALTER TABLE articles ADD COLUMN published_source TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN best_iso TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN best_ts BIGINT;
ALTER TABLE articles ADD COLUMN best_precision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN date_provenance TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_evidence TEXT NOT NULL DEFAULT '[]'
  CHECK (depeche_json_valid(date_evidence));
UPDATE articles SET
  published_source = CASE WHEN published_ts IS NULL THEN '' ELSE 'metadata' END,
  best_iso = published_iso, best_ts = published_ts, best_precision = date_precision,
  date_provenance = CASE WHEN published_ts IS NULL THEN '' ELSE 'metadata' END;
CREATE TABLE article_timexes (
  article_id TEXT NOT NULL,
  ord BIGINT NOT NULL,
  begin BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  resolved BIGINT NOT NULL,
  form TEXT NOT NULL,
  tense TEXT NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
)sql";

constexpr std::string_view kMigration9 = R"sql(
CREATE TABLE article_quotes (
  article_id TEXT NOT NULL,
  ord BIGINT NOT NULL,
  kind TEXT NOT NULL,
  content TEXT NOT NULL CHECK (depeche_json_valid(content)),
  cue_begin BIGINT NOT NULL,
  cue_end BIGINT NOT NULL,
  speaker_kind TEXT NOT NULL,
  speaker_begin BIGINT NOT NULL,
  speaker_end BIGINT NOT NULL,
  name_begin BIGINT NOT NULL,
  name_end BIGINT NOT NULL,
  antecedent BIGINT NOT NULL,
  partial TEXT NOT NULL CHECK (depeche_json_valid(partial)),
  PRIMARY KEY (article_id, ord)
);
CREATE TABLE article_figures (
  article_id TEXT NOT NULL,
  ord BIGINT NOT NULL,
  begin BIGINT NOT NULL,
  "end" BIGINT NOT NULL,
  number_begin BIGINT NOT NULL,
  number_end BIGINT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  high DOUBLE PRECISION,
  unit TEXT NOT NULL,
  unit_begin BIGINT NOT NULL,
  unit_end BIGINT NOT NULL,
  counted BIGINT NOT NULL,
  bound TEXT NOT NULL,
  sentence_begin BIGINT NOT NULL,
  sentence_end BIGINT NOT NULL,
  PRIMARY KEY (article_id, ord)
);
)sql";

constexpr std::string_view kMigration10 = R"sql(
CREATE TABLE story_digests (
  story_id TEXT PRIMARY KEY,
  key TEXT NOT NULL,
  digest TEXT NOT NULL CHECK (depeche_json_valid(digest))
);
)sql";

constexpr std::string_view kMigration11 = R"sql(
CREATE TABLE watches (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  query TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT '',
  lang TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX watches_created ON watches(created_at DESC);
CREATE INDEX articles_ingested ON articles(ingested_at);
)sql";

constexpr std::string_view kPgMigrations[] = {
    kMigration1, kMigration2, kMigration3, kMigration4,  kMigration5,  kEntitiesMigration,
    kMigration7, kMigration8, kMigration9, kMigration10, kMigration11,
};

}  // namespace

std::string_view PgMigrationSql(int version) {
  constexpr int kCount = static_cast<int>(std::size(kPgMigrations));
  if (version < 1 || version > kCount) return {};
  return kPgMigrations[version - 1];
}

}  // namespace depeche::store
