// StoryStore read queries: story listing, one story, duplicate groups.
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "core/time.h"
#include "store/statement.h"
#include "store/story_store.h"

namespace depeche::store {
namespace {

// The values of a JSON-array column of article_story (top_names, top_terms) that the most
// articles of story `id` list, at most 10; ties by first appearance, then alphabetically.
Result<std::vector<std::string>> MostFrequent(sqlite3* h, const std::string& id,
                                              std::string_view column) {
  const std::string sql = "SELECT j.value, COUNT(*) AS c FROM article_story s, json_each(s." +
                          std::string(column) +
                          ") j WHERE s.story_id = ?1 GROUP BY j.value "
                          "ORDER BY c DESC, MIN(s.seq), j.value LIMIT 10";
  DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(h, sql));
  st.BindText(1, id);
  std::vector<std::string> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.emplace_back(st.ColumnText(0));
  }
  return out;
}

// Per-story aggregates over its stored articles. ?1 since (UTC seconds or NULL), ?2 lang or
// '', ?3 limit, ?4 one story id or '', ?5 minimum article count. Undated stories sort after dated
// ones, then by arrival.
constexpr std::string_view kSummariesSql = R"sql(
SELECT s.story_id, COUNT(*), COUNT(DISTINCT NULLIF(a.source, '')),
       MIN(a.published_ts), MAX(a.published_ts), group_concat(DISTINCT a.lang), MIN(s.seq),
       MAX(s.seq), (SELECT linked_story_id FROM stories WHERE id = s.story_id)
FROM article_story s JOIN articles a ON a.id = s.article_id
WHERE (?4 = '' OR s.story_id = ?4)
GROUP BY s.story_id
HAVING (?1 IS NULL OR MAX(a.published_ts) >= ?1) AND (?2 = '' OR SUM(a.lang = ?2) > 0)
   AND COUNT(*) >= ?5
ORDER BY MAX(a.published_ts) IS NULL, MAX(a.published_ts) DESC, MAX(s.seq) DESC
LIMIT ?3
)sql";

constexpr std::string_view kArticlesSql = R"sql(
SELECT a.id, a.title, a.source, a.lang, a.published_iso, s.dup_group, s.original_id,
       s.similarity, s.copy_similarity, a.copy_of <> '' AND a.copy_of = s.original_id,
       a.title_origin, a.published_ts, a.date_precision
FROM article_story s JOIN articles a ON a.id = s.article_id
WHERE s.)sql";

Result<std::string> FirstText(sqlite3* h, std::string_view sql, std::string_view arg) {
  DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(h, sql));
  st.BindText(1, arg);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::string();
  return std::string(st.ColumnText(0));
}

// What a duplicate group's best title and date are chosen from (see DuplicateGroup).
struct CopyFacts {
  bool derived_title = false;
  std::optional<int64_t> published_ts;
  int date_precision = 0;
};

Result<std::vector<StoryArticle>> ArticlesWhere(sqlite3* h, std::string_view column,
                                                std::string_view value,
                                                std::vector<CopyFacts>* facts = nullptr) {
  std::string sql(kArticlesSql);
  sql.append(column);
  sql.append(" = ?1 ORDER BY s.seq");
  DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(h, sql));
  st.BindText(1, value);
  std::vector<StoryArticle> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StoryArticle a;
    a.id = std::string(st.ColumnText(0));
    a.title = std::string(st.ColumnText(1));
    a.source = std::string(st.ColumnText(2));
    a.lang = std::string(st.ColumnText(3));
    a.published = std::string(st.ColumnText(4));
    a.dup_group = std::string(st.ColumnText(5));
    a.original_id = std::string(st.ColumnText(6));
    a.similarity = st.ColumnDouble(7);
    a.copy_similarity = st.ColumnDouble(8);
    a.exact_copy = st.ColumnInt64(9) != 0;
    if (facts != nullptr) {
      CopyFacts f;
      f.derived_title = st.ColumnText(10) == "derived";
      if (!st.ColumnIsNull(11)) f.published_ts = st.ColumnInt64(11);
      f.date_precision = static_cast<int>(st.ColumnInt64(12));
      facts->push_back(f);
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> SplitCommas(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

// A title stated by the input beats one cut from the text; then the earliest article's. A date
// of day precision or finer beats a coarser one (a month hint); then the earliest day, and in
// it the most precise date.
void BestTitleAndDate(DuplicateGroup& g, const std::vector<CopyFacts>& facts) {
  std::set<std::string_view> sources;
  int best_title = -1, best_date = -1;
  constexpr int kDay = static_cast<int>(DatePrecision::kDay);
  for (size_t i = 0; i < g.articles.size(); ++i) {
    const StoryArticle& a = g.articles[i];
    const CopyFacts& f = facts[i];
    if (!a.source.empty()) sources.insert(a.source);
    if (!a.title.empty() &&
        (best_title < 0 || (facts[best_title].derived_title && !f.derived_title))) {
      best_title = static_cast<int>(i);
    }
    if (!f.published_ts) continue;
    if (best_date < 0) {
      best_date = static_cast<int>(i);
      continue;
    }
    // The earliest day wins; within it, the most precise date, then the earliest.
    const CopyFacts& b = facts[best_date];
    const bool fine = f.date_precision >= kDay, best_fine = b.date_precision >= kDay;
    const int64_t day = *f.published_ts / 86400, best_day = *b.published_ts / 86400;
    bool better = fine && !best_fine;
    if (fine == best_fine) {
      better = day < best_day ||
               (day == best_day &&
                (f.date_precision > b.date_precision ||
                 (f.date_precision == b.date_precision && *f.published_ts < *b.published_ts)));
    }
    if (better) best_date = static_cast<int>(i);
  }
  g.source_count = static_cast<int64_t>(sources.size());
  if (best_title >= 0) g.title = g.articles[best_title].title;
  if (best_date >= 0) g.published = g.articles[best_date].published;
}

}  // namespace

Result<std::vector<StorySummary>> StoryStore::Summaries(const std::string& where_id,
                                                        const StoryQuery& q) {
  if (q.limit <= 0) return InvalidArgumentError("limit must be positive");
  sqlite3* h = db_->handle();
  DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(h, kSummariesSql));
  if (q.since.has_value()) {
    DEPECHE_ASSIGN_OR_RETURN(PublicationDate since, core::ParseIsoDate(*q.since));
    st.BindInt64(1, since.utc_seconds);
  } else {
    st.BindNull(1);
  }
  const std::string lang = q.lang.value_or("");  // bound without a copy: must outlive Step()
  st.BindText(2, lang);
  st.BindInt64(3, q.limit);
  st.BindText(4, where_id);
  st.BindInt64(5, q.min_articles);
  std::vector<StorySummary> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StorySummary s;
    s.id = std::string(st.ColumnText(0));
    s.article_count = st.ColumnInt64(1);
    s.source_count = st.ColumnInt64(2);
    s.languages = SplitCommas(st.ColumnText(5));
    s.linked_story_id = std::string(st.ColumnText(8));
    out.push_back(std::move(s));
  }
  st.Reset();
  constexpr std::string_view kJoin =
      "FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1 ";
  const std::string title_sql =
      std::string("SELECT a.title ") + std::string(kJoin) + "ORDER BY s.seq LIMIT 1";
  const std::string first_sql = std::string("SELECT a.published_iso ") + std::string(kJoin) +
                                "AND a.published_ts IS NOT NULL ORDER BY a.published_ts LIMIT 1";
  const std::string last_sql = std::string("SELECT a.published_iso ") + std::string(kJoin) +
                               "AND a.published_ts IS NOT NULL ORDER BY a.published_ts DESC, "
                               "s.seq DESC LIMIT 1";
  for (StorySummary& s : out) {
    DEPECHE_ASSIGN_OR_RETURN(s.title, FirstText(h, title_sql, s.id));
    DEPECHE_ASSIGN_OR_RETURN(s.first_seen, FirstText(h, first_sql, s.id));
    DEPECHE_ASSIGN_OR_RETURN(s.last_seen, FirstText(h, last_sql, s.id));
  }
  return out;
}

Result<std::vector<StorySummary>> StoryStore::Stories(const StoryQuery& query) {
  return Summaries("", query);
}

Result<StoryDetail> StoryStore::GetStory(const std::string& id_or_prefix) {
  if (id_or_prefix.empty()) return InvalidArgumentError("empty story id");
  sqlite3* h = db_->handle();
  std::string id;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement st, Statement::Prepare(h,
                                         "SELECT id FROM stories WHERE id = ?1 OR (length(?1) >= "
                                         "6 AND substr(id, 1, length(?1)) = lower(?1)) LIMIT 3"));
    st.BindText(1, id_or_prefix);
    int matches = 0;
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      std::string found(st.ColumnText(0));
      if (found == id_or_prefix) {
        id = found;
        matches = 1;
        break;
      }
      id = found;
      ++matches;
    }
    if (matches == 0) return NotFoundError("no story " + id_or_prefix);
    if (matches > 1)
      return InvalidArgumentError("story id prefix " + id_or_prefix + " is ambiguous");
  }
  // A merged story answers as the story it was folded into.
  for (int hops = 0; hops < 64; ++hops) {
    DEPECHE_ASSIGN_OR_RETURN(std::string into,
                             FirstText(h, "SELECT merged_into FROM stories WHERE id = ?1", id));
    if (into.empty()) break;
    id = into;
  }
  StoryQuery all;
  all.limit = 1;
  DEPECHE_ASSIGN_OR_RETURN(auto summaries, Summaries(id, all));
  if (summaries.empty()) return NotFoundError("story " + id + " has no stored article");
  StoryDetail detail;
  detail.summary = std::move(summaries.front());
  DEPECHE_ASSIGN_OR_RETURN(detail.articles, ArticlesWhere(h, "story_id", id));
  DEPECHE_ASSIGN_OR_RETURN(detail.top_names, MostFrequent(h, id, "top_names"));
  DEPECHE_ASSIGN_OR_RETURN(detail.top_terms, MostFrequent(h, id, "top_terms"));
  DEPECHE_ASSIGN_OR_RETURN(
      Statement st,
      Statement::Prepare(h, "SELECT from_id FROM story_merges WHERE into_id = ?1 ORDER BY rowid"));
  st.BindText(1, id);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    detail.merged_from.emplace_back(st.ColumnText(0));
  }
  return detail;
}

Result<std::vector<DuplicateGroup>> StoryStore::Duplicates(int limit) {
  if (limit <= 0) return InvalidArgumentError("duplicates: limit must be positive");
  sqlite3* h = db_->handle();
  std::vector<DuplicateGroup> out;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement st, Statement::Prepare(h,
                                         "SELECT dup_group FROM article_story GROUP BY dup_group "
                                         "HAVING COUNT(*) > 1 ORDER BY MAX(seq) DESC LIMIT ?1"));
    st.BindInt64(1, limit);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      DuplicateGroup g;
      g.group_id = std::string(st.ColumnText(0));
      out.push_back(std::move(g));
    }
  }
  for (DuplicateGroup& g : out) {
    std::vector<CopyFacts> facts;
    DEPECHE_ASSIGN_OR_RETURN(g.articles, ArticlesWhere(h, "dup_group", g.group_id, &facts));
    BestTitleAndDate(g, facts);
  }
  return out;
}

}  // namespace depeche::store
