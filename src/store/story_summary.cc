// StoryStore's per-story summary rows (migration 5): kept up to date at each Record so that a
// listing reads one row per story whatever the number of articles. Dates are the articles' best
// dates (articles.best_*: stated, or inferred from the text and the story, migration 8).
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "store/row_codec.h"
#include "store/statement.h"
#include "store/story_store.h"
#include "store/story_title.h"

namespace depeche::store {
namespace {

// Stories up to this size choose their title again at every article; bigger ones when they
// have grown by a sixteenth since the last choice, or when an article brings a better kind of
// title. The choice reads every article of the story, so this keeps the cost per article
// constant (amortised) while the title still follows the story as it grows.
constexpr int64_t kAlwaysRetitleBelow = 64;

std::string JoinCommas(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ',';
    out += v;
  }
  return out;
}

}  // namespace

Result<Statement*> StoryStore::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(db_, sql));
    it = cache_.emplace(std::string(sql), std::move(st)).first;
  }
  return &it->second;
}

Result<Statement*> StoryStore::Cached(std::string_view sqlite_sql, std::string_view pg_sql) {
  return Cached(db_->backend() == Backend::kPostgres ? pg_sql : sqlite_sql);
}

Status StoryStore::RebuildSummary(const std::string& story_id) {
  constexpr std::string_view kDropSources = "DELETE FROM story_sources WHERE story_id = ?1";
  constexpr std::string_view kDropSummary = "DELETE FROM story_summary WHERE story_id = ?1";
  constexpr std::string_view kSources = R"sql(
INSERT INTO story_sources(story_id, source, articles, first_ts, last_ts)
SELECT s.story_id, a.source, COUNT(*), MIN(a.best_ts), MAX(a.best_ts)
FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1
GROUP BY s.story_id, a.source)sql";
  // One statement: the counts, the first and last dated articles and the sorted languages.
  // The row was deleted just before: a plain INSERT.
  constexpr std::string_view kSummary = R"sql(
INSERT INTO story_summary(story_id, article_count, source_count, first_ts, first_iso, last_ts,
                           last_iso, first_seq, last_seq, languages, title, title_tier, title_at)
SELECT ?1, COUNT(*), COUNT(DISTINCT NULLIF(a.source, '')), MIN(a.best_ts),
  coalesce((SELECT a2.best_iso FROM article_story s2 JOIN articles a2 ON a2.id = s2.article_id
            WHERE s2.story_id = ?1 AND a2.best_ts IS NOT NULL
            ORDER BY a2.best_ts, s2.seq LIMIT 1), ''),
  MAX(a.best_ts),
  coalesce((SELECT a2.best_iso FROM article_story s2 JOIN articles a2 ON a2.id = s2.article_id
            WHERE s2.story_id = ?1 AND a2.best_ts IS NOT NULL
            ORDER BY a2.best_ts DESC, s2.seq DESC LIMIT 1), ''),
  MIN(s.seq), MAX(s.seq),
  coalesce((SELECT group_concat(lang, ',') FROM (
     SELECT DISTINCT a3.lang AS lang FROM article_story s3 JOIN articles a3 ON a3.id = s3.article_id
     WHERE s3.story_id = ?1 ORDER BY a3.lang) AS l), ''),
  '', 0, 0
FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1
HAVING COUNT(*) > 0)sql";
  // PostgreSQL: string_agg keeps a subquery's order only in practice; ORDER BY in the
  // aggregate says it (SQLite 3.40 has no ORDER BY in an aggregate, and keeps the order).
  static const std::string kSummaryPg = [&] {
    std::string sql(kSummary);
    constexpr std::string_view kAgg = "group_concat(lang, ',')";
    sql.replace(sql.find(kAgg), kAgg.size(), "string_agg(lang, ',' ORDER BY lang)");
    return sql;
  }();
  for (std::string_view sql : {kDropSources, kDropSummary, kSources, kSummary}) {
    if (sql == kSummary && db_->backend() == Backend::kPostgres) sql = kSummaryPg;
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  return ChooseTitle(story_id);
}

Result<std::vector<std::string>> StoryStore::KeyWords(const std::string& story_id,
                                                      int64_t before_seq) {
  // The story's top terms and top names, counted as StoryDetail counts them.
  // PostgreSQL has no json_each: json_array_elements_text (its column is named value too).
  constexpr std::string_view kTerms[][2] = {
      {"SELECT j.value, COUNT(*) AS c FROM article_story s, json_each(s.top_terms) j "
       "WHERE s.story_id = ?1 AND s.seq < ?2 "
       "GROUP BY j.value ORDER BY c DESC, MIN(s.seq), j.value LIMIT 10",
       "SELECT j.value, COUNT(*) AS c FROM article_story s, "
       "json_array_elements_text(CAST(s.top_terms AS json)) j "
       "WHERE s.story_id = ?1 AND s.seq < ?2 "
       "GROUP BY j.value ORDER BY c DESC, MIN(s.seq), j.value LIMIT 10"},
      {"SELECT j.value, COUNT(*) AS c FROM article_story s, json_each(s.top_names) j "
       "WHERE s.story_id = ?1 AND s.seq < ?2 "
       "GROUP BY j.value ORDER BY c DESC, MIN(s.seq), j.value LIMIT 10",
       "SELECT j.value, COUNT(*) AS c FROM article_story s, "
       "json_array_elements_text(CAST(s.top_names AS json)) j "
       "WHERE s.story_id = ?1 AND s.seq < ?2 "
       "GROUP BY j.value ORDER BY c DESC, MIN(s.seq), j.value LIMIT 10"}};
  std::vector<std::string> out;
  for (const auto& sql : kTerms) {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql[0], sql[1]));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    st->BindInt64(2, before_seq > 0 ? before_seq : INT64_MAX);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out.emplace_back(st->ColumnText(0));
    }
  }
  return out;
}

Status StoryStore::ChooseTitle(const std::string& story_id, int64_t before_seq, int64_t* tier_out) {
  std::vector<TitleCandidate> candidates;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT a.title, a.title_origin, a.source, a.lang, s.seq FROM article_story s "
               "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1 AND s.seq < ?2 "
               "ORDER BY s.seq"));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    st->BindInt64(2, before_seq > 0 ? before_seq : INT64_MAX);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      TitleCandidate c;
      c.title = std::string(st->ColumnText(0));
      c.origin = std::string(st->ColumnText(1));
      c.source = std::string(st->ColumnText(2));
      c.lang = std::string(st->ColumnText(3));
      c.seq = st->ColumnInt64(4);
      candidates.push_back(std::move(c));
    }
  }
  DEPECHE_ASSIGN_OR_RETURN(std::vector<std::string> keys, KeyWords(story_id, before_seq));
  const int best = ChooseStoryTitle(candidates, keys);
  std::string title;
  TitleTier tier = TitleTier::kNone;
  if (best >= 0) {
    title = candidates[best].title;
    tier = ClassifyTitle(title, candidates[best].origin, candidates[best].lang);
    // The group's tier is the best of its copies (ChooseStoryTitle); recompute it that way.
    for (const TitleCandidate& c : candidates) {
      if (c.title == title) tier = std::max(tier, ClassifyTitle(c.title, c.origin, c.lang));
    }
  }
  if (tier_out != nullptr) *tier_out = static_cast<int64_t>(tier);
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * up, Cached("UPDATE story_summary SET title = ?2, title_tier = ?3, title_at = ?4 "
                             "WHERE story_id = ?1"));
  ResetOnExit reset(*up);
  up->BindText(1, story_id);
  up->BindText(2, title);
  up->BindInt64(3, static_cast<int64_t>(tier));
  up->BindInt64(4, static_cast<int64_t>(candidates.size()));
  return up->Run();
}

Status StoryStore::AddToSummary(const std::string& story_id, const std::string& article_id,
                                int64_t seq, bool opened) {
  // The article's own facts.
  std::string source, lang, iso, title, origin;
  std::optional<int64_t> ts;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("SELECT source, lang, best_ts, best_iso, title, "
                                    "title_origin FROM articles WHERE id = ?1"));
    ResetOnExit reset(*st);
    st->BindText(1, article_id);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) {
      source = std::string(st->ColumnText(0));
      lang = std::string(st->ColumnText(1));
      if (!st->ColumnIsNull(2)) ts = st->ColumnInt64(2);
      iso = std::string(st->ColumnText(3));
      title = std::string(st->ColumnText(4));
      origin = std::string(st->ColumnText(5));
    }
  }
  // The row as it is; a story without one (new, or from before migration 5) is rebuilt.
  int64_t count = 0, sources = 0, title_tier = 0, title_at = 0;
  std::optional<int64_t> first_ts, last_ts;
  std::string first_iso, last_iso, languages;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT article_count, source_count, first_ts, first_iso, last_ts, last_iso, "
               "languages, title_tier, title_at FROM story_summary WHERE story_id = ?1"));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row && !opened) return RebuildSummary(story_id);
    if (!row) {
      // A story this article opens: its row is the article's (a third of arrivals open one;
      // RebuildSummary and the title choice cost four times more). title_at 1: chosen.
      st->Reset();
      DEPECHE_ASSIGN_OR_RETURN(
          Statement * ins,
          Cached(
              "INSERT INTO story_summary(story_id, article_count, source_count, first_ts, "
              "first_iso, last_ts, last_iso, first_seq, last_seq, languages, title, "
              "title_tier, title_at) VALUES (?1, 1, ?2, ?3, ?4, ?3, ?4, ?5, ?5, ?6, ?7, ?8, 1)"));
      ResetOnExit reset_ins(*ins);
      ins->BindText(1, story_id);
      ins->BindInt64(2, source.empty() ? 0 : 1);
      if (ts) {
        ins->BindInt64(3, *ts);
        ins->BindText(4, iso);
      } else {
        ins->BindNull(3);
        ins->BindText(4, "");
      }
      ins->BindInt64(5, seq);
      ins->BindText(6, lang);
      const TitleTier tier = ClassifyTitle(title, origin, lang);
      ins->BindText(7, title);  // what ChooseStoryTitle picks from one article
      ins->BindInt64(8, static_cast<int64_t>(tier));
      DEPECHE_RETURN_IF_ERROR(ins->Run());
      DEPECHE_ASSIGN_OR_RETURN(
          Statement * src,
          Cached("INSERT INTO story_sources(story_id, source, articles, first_ts, last_ts) "
                 "VALUES (?1, ?2, 1, ?3, ?3)"));
      ResetOnExit reset_src(*src);
      src->BindText(1, story_id);
      src->BindText(2, source);
      if (ts) {
        src->BindInt64(3, *ts);
      } else {
        src->BindNull(3);
      }
      return src->Run();
    }
    count = st->ColumnInt64(0);
    sources = st->ColumnInt64(1);
    if (!st->ColumnIsNull(2)) first_ts = st->ColumnInt64(2);
    first_iso = std::string(st->ColumnText(3));
    if (!st->ColumnIsNull(4)) last_ts = st->ColumnInt64(4);
    last_iso = std::string(st->ColumnText(5));
    languages = std::string(st->ColumnText(6));
    title_tier = st->ColumnInt64(7);
    title_at = st->ColumnInt64(8);
  }
  bool new_source = false;
  {
    // An undated article leaves the dates (CASE rather than SQLite's scalar min()/max(), which
    // PostgreSQL lacks; a comparison with NULL is not true, so the coalesce keeps what is known).
    // RETURNING says whether the row is new (one statement instead of a look-up and a write).
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached(
            "INSERT INTO story_sources(story_id, source, articles, first_ts, last_ts) "
            "VALUES (?1, ?2, 1, ?3, ?3) ON CONFLICT(story_id, source) DO UPDATE SET "
            "articles = story_sources.articles + 1, "
            "first_ts = CASE WHEN excluded.first_ts < story_sources.first_ts "
            "THEN excluded.first_ts ELSE coalesce(story_sources.first_ts, excluded.first_ts) END, "
            "last_ts = CASE WHEN excluded.last_ts > story_sources.last_ts "
            "THEN excluded.last_ts ELSE coalesce(story_sources.last_ts, excluded.last_ts) END "
            "RETURNING articles"));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    st->BindText(2, source);
    if (ts) {
      st->BindInt64(3, *ts);
    } else {
      st->BindNull(3);
    }
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    new_source = row && st->ColumnInt64(0) == 1;
    if (row) {
      DEPECHE_ASSIGN_OR_RETURN(bool more, st->Step());
      (void)more;
    }
  }
  ++count;
  if (new_source && !source.empty()) ++sources;
  if (ts) {
    // Arrival breaks ties: the first dated article keeps its place, the latest takes the last.
    if (!first_ts || *ts < *first_ts) {
      first_ts = ts;
      first_iso = iso;
    }
    if (!last_ts || *ts >= *last_ts) {
      last_ts = ts;
      last_iso = iso;
    }
  }
  std::vector<std::string> langs = DecodeCommaList(languages);
  if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
    langs.push_back(lang);
    std::sort(langs.begin(), langs.end());
    languages = JoinCommas(langs);
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("UPDATE story_summary SET article_count = ?2, source_count = ?3, first_ts = ?4, "
               "first_iso = ?5, last_ts = ?6, last_iso = ?7, last_seq = ?8, languages = ?9 "
               "WHERE story_id = ?1"));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    st->BindInt64(2, count);
    st->BindInt64(3, sources);
    if (first_ts) {
      st->BindInt64(4, *first_ts);
      st->BindInt64(6, *last_ts);
    } else {
      st->BindNull(4);
      st->BindNull(6);
    }
    st->BindText(5, first_iso);
    st->BindText(7, last_iso);
    st->BindInt64(8, seq);
    st->BindText(9, languages);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  if (count <= kAlwaysRetitleBelow) {
    if (!defer_titles_) return ChooseTitle(story_id);
    // Chosen once at Save (or before the next decision that reads it, below).
    titles_pending_.insert(story_id);
    return Status::Ok();
  }
  if (auto pending = titles_pending_.find(story_id); pending != titles_pending_.end()) {
    // The choice deferred at the previous article, made now as it would have been then: from
    // the articles before this one.
    titles_pending_.erase(pending);
    DEPECHE_RETURN_IF_ERROR(ChooseTitle(story_id, seq, &title_tier));
    title_at = count - 1;
  }
  const auto tier = static_cast<int64_t>(ClassifyTitle(title, origin, lang));
  if (count * 16 >= title_at * 17 || tier > title_tier) return ChooseTitle(story_id);
  return Status::Ok();
}

Status StoryStore::FlushTitles() {
  std::set<std::string> pending;
  pending.swap(titles_pending_);
  for (const std::string& id : pending) DEPECHE_RETURN_IF_ERROR(ChooseTitle(id));
  return Status::Ok();
}

Status StoryStore::RefreshStaleTitles() {
  std::vector<std::string> stale;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("SELECT story_id FROM story_summary WHERE title_at = 0"));
    ResetOnExit reset(*st);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      stale.emplace_back(st->ColumnText(0));
    }
  }
  for (const std::string& id : stale) DEPECHE_RETURN_IF_ERROR(ChooseTitle(id));
  return Status::Ok();
}

}  // namespace depeche::store
