// StoryStore read queries: story listing, one story, duplicate groups.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "core/time.h"
#include "store/row_codec.h"
#include "store/statement.h"
#include "store/story_store.h"

namespace depeche::store {
namespace {

// The values of a JSON-array column of article_story (top_names, top_terms) that the most
// articles of story `id` list, at most 10; ties by first appearance, then alphabetically.
Result<std::vector<std::string>> MostFrequent(Database* h, const std::string& id,
                                              std::string_view column) {
  // PostgreSQL has no json_each: json_array_elements_text (its column is named value too).
  const std::string each =
      h->backend() == Backend::kPostgres
          ? "json_array_elements_text(CAST(s." + std::string(column) + " AS json))"
          : "json_each(s." + std::string(column) + ")";
  const std::string sql = "SELECT j.value, COUNT(*) AS c FROM article_story s, " + each +
                          " j WHERE s.story_id = ?1 GROUP BY j.value "
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

// A story's summary row (migration 5) with its link.
constexpr std::string_view kRowSql = R"sql(
SELECT m.story_id, m.title, m.article_count, m.source_count, m.first_iso, m.last_iso,
       m.languages, coalesce(st.linked_story_id, '')
FROM story_summary m LEFT JOIN stories st ON st.id = m.story_id
)sql";

// The filters every order shares: ?1 language or '', ?2 minimum article count, ?3 NULL or a
// JSON array of the story ids to keep (Stories' `only`). Parameters are numbered without gaps
// and ?3 is cast before IS NULL: PostgreSQL must infer every parameter's type.
constexpr std::string_view kFilterSql =
    "(?1 = '' OR instr(',' || m.languages || ',', ',' || ?1 || ',') > 0) "
    "AND m.article_count >= ?2 AND (CAST(?3 AS TEXT) IS NULL OR m.story_id IN (SELECT value "
    "FROM json_each(?3)))";
// PostgreSQL's twin: strpos for instr, json_array_elements_text for json_each.
constexpr std::string_view kFilterSqlPg =
    "(?1 = '' OR strpos(',' || m.languages || ',', ',' || ?1 || ',') > 0) "
    "AND m.article_count >= ?2 AND (CAST(?3 AS TEXT) IS NULL OR m.story_id IN (SELECT "
    "json_array_elements_text(CAST(?3 AS json))))";

std::string FilterSql(const Database* db) {
  return std::string(db->backend() == Backend::kPostgres ? kFilterSqlPg : kFilterSql);
}

// The JSON array of `ids`, for ?3.
std::string IdArray(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (const std::string& id : ids) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : id) {
      // Story ids are hex; anything else is escaped so that the array stays valid JSON.
      if (c == '"' || c == '\\') out += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    out += '"';
  }
  return out + "]";
}

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kDefaultWindow = 7 * kSecondsPerDay;  // kTop and kGrowth without since
constexpr int64_t kGrowthSpan = 2 * kSecondsPerDay;  // kGrowth: sources that joined this recently
constexpr double kHalfLifeDays = 1.0;                // kTop: a source's weight halves each day

// Start of the period an ISO date names, and its end (the last second of the day, month or
// year for a partial date).
Result<std::pair<int64_t, int64_t>> Period(const std::string& iso) {
  DEPECHE_ASSIGN_OR_RETURN(PublicationDate d, core::ParseIsoDate(iso));
  if (d.precision >= DatePrecision::kMinute) return std::make_pair(d.utc_seconds, d.utc_seconds);
  // The period starts at d.utc_seconds (midnight UTC of its first day).
  const std::string start = core::FormatUtc(d.utc_seconds);  // "YYYY-MM-DDThh:mm:ssZ"
  int year = 0, month = 0;
  std::from_chars(start.data(), start.data() + 4, year);
  std::from_chars(start.data() + 5, start.data() + 7, month);
  int64_t end = d.utc_seconds + kSecondsPerDay - 1;
  if (d.precision == DatePrecision::kMonth) {
    end = (month == 12 ? core::DaysFromCivil(year + 1, 1, 1)
                       : core::DaysFromCivil(year, month + 1, 1)) *
              kSecondsPerDay -
          1;
  } else if (d.precision == DatePrecision::kYear) {
    end = core::DaysFromCivil(year + 1, 1, 1) * kSecondsPerDay - 1;
  }
  return std::make_pair(d.utc_seconds, end);
}

constexpr std::string_view kArticlesSql = R"sql(
SELECT a.id, a.title, a.source, a.lang, a.published_iso, s.dup_group, s.original_id,
       s.similarity, s.copy_similarity, a.copy_of <> '' AND a.copy_of = s.original_id,
       a.title_origin, a.published_ts, a.date_precision, a.best_iso, a.date_provenance
FROM article_story s JOIN articles a ON a.id = s.article_id
WHERE s.)sql";

Result<std::string> FirstText(Database* h, std::string_view sql, std::string_view arg) {
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

Result<std::vector<StoryArticle>> ArticlesWhere(Database* h, std::string_view column,
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
    a.date = std::string(st.ColumnText(13));
    a.date_provenance = std::string(st.ColumnText(14));
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

namespace {

StorySummary ReadRow(Statement& st) {
  StorySummary s;
  s.id = std::string(st.ColumnText(0));
  s.title = std::string(st.ColumnText(1));
  s.article_count = st.ColumnInt64(2);
  s.source_count = st.ColumnInt64(3);
  s.first_seen = std::string(st.ColumnText(4));
  s.last_seen = std::string(st.ColumnText(5));
  s.languages = DecodeCommaList(st.ColumnText(6));
  s.linked_story_id = std::string(st.ColumnText(7));
  return s;
}

void BindOptionalInt(Statement& st, int index, std::optional<int64_t> v) {
  if (v) {
    st.BindInt64(index, *v);
  } else {
    st.BindNull(index);
  }
}

}  // namespace

Result<StorySummary> StoryStore::SummaryRow(const std::string& story_id) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(std::string(kRowSql) + " WHERE m.story_id = ?1"));
  ResetOnExit reset(*st);
  st->BindText(1, story_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFoundError("story " + story_id + " has no stored article");
  return ReadRow(*st);
}

Result<std::vector<StorySummary>> StoryStore::Summaries(const std::string& where_id,
                                                        const StoryQuery& q,
                                                        const std::string* only) {
  if (!where_id.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(StorySummary s, SummaryRow(where_id));
    return std::vector<StorySummary>{std::move(s)};
  }
  if (q.limit <= 0) return InvalidArgumentError("limit must be positive");
  std::optional<int64_t> lo, hi;
  if (q.since) {
    DEPECHE_ASSIGN_OR_RETURN(auto period, Period(*q.since));
    lo = period.first;
  }
  if (q.until) {
    DEPECHE_ASSIGN_OR_RETURN(auto period, Period(*q.until));
    hi = period.second;
  }
  if (lo && hi && *lo > *hi) return InvalidArgumentError("since is after until");
  if (q.sort == StorySort::kTop || q.sort == StorySort::kGrowth) {
    DEPECHE_ASSIGN_OR_RETURN(std::vector<StorySummary> ranked, RankedByWindow(q, lo, hi, only));
    if (!ranked.empty() || lo || hi) return ranked;
    DEPECHE_ASSIGN_OR_RETURN(bool nothing_dated, NothingDated());
    if (!nothing_dated) return ranked;
    // Nothing dated: no window to rank in, so the most sources first.
    StoryQuery by_sources = q;
    by_sources.sort = StorySort::kSources;
    return Summaries("", by_sources, only);
  }
  std::string order;
  switch (q.sort) {
    case StorySort::kSize:
      order = "m.article_count DESC, ";
      break;
    case StorySort::kSources:
      order = "m.source_count DESC, ";
      break;
    default:
      break;
  }
  // Undated stories last: NULL sorts first in SQLite (DESC puts it last, NULLS LAST says so
  // for PostgreSQL, where it sorts last), and each order is an index of migration 5.
  order += "m.last_ts DESC NULLS LAST, m.last_seq DESC";
  const std::string where = " WHERE " + FilterSql(db_) +
                            " AND (CAST(?4 AS BIGINT) IS NULL OR m.last_ts >= ?4) AND "
                            "(CAST(?5 AS BIGINT) IS NULL OR m.first_ts <= ?5)";
  const std::string lang = q.lang.value_or("");  // bound without a copy: must outlive Step()
  auto bind = [&](Statement& st) {
    st.BindText(1, lang);
    st.BindInt64(2, q.min_articles);
    if (only != nullptr) st.BindText(3, *only);
    BindOptionalInt(st, 4, lo);
    BindOptionalInt(st, 5, hi);
  };
  std::vector<StorySummary> out;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement st,
        Statement::Prepare(db_, std::string(kRowSql) + where + " ORDER BY " + order + " LIMIT ?6"));
    bind(st);
    st.BindInt64(6, q.limit);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      out.push_back(ReadRow(st));
    }
  }
  if (q.info != nullptr) {
    int64_t total = static_cast<int64_t>(out.size());
    if (total == q.limit) {
      DEPECHE_ASSIGN_OR_RETURN(
          Statement st, Statement::Prepare(db_, "SELECT COUNT(*) FROM story_summary m" + where));
      bind(st);
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (row) total = st.ColumnInt64(0);
    }
    q.info->total = total;
    q.info->since = lo ? core::FormatUtc(*lo) : "";
    q.info->until = hi ? core::FormatUtc(*hi) : "";
  }
  return out;
}

Result<bool> StoryStore::NothingDated() {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached("SELECT MAX(last_ts) FROM story_summary"));
  ResetOnExit reset(*st);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  return !row || st->ColumnIsNull(0);
}

Result<std::vector<StorySummary>> StoryStore::RankedByWindow(const StoryQuery& q,
                                                             std::optional<int64_t> lo,
                                                             std::optional<int64_t> hi,
                                                             const std::string* only) {
  const bool default_window = !lo && !hi;
  if (!hi) {
    // Counted back from the newest stored article.
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached("SELECT MAX(last_ts) FROM story_summary"));
    ResetOnExit reset(*st);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || st->ColumnIsNull(0)) return std::vector<StorySummary>{};
    hi = st->ColumnInt64(0);
  }
  if (!lo) lo = *hi - kDefaultWindow;
  struct Rank {
    double score = 0.0;
    int64_t new_sources = 0;
    int64_t last_seq = 0;
  };
  std::map<std::string, Rank> ranks;
  const std::string lang = q.lang.value_or("");
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT ss.story_id, ss.first_ts, ss.last_ts, m.last_seq FROM story_sources ss "
               "JOIN story_summary m ON m.story_id = ss.story_id WHERE ss.last_ts >= ?4 AND "
               "ss.first_ts <= ?5 AND " +
               FilterSql(db_)));
    ResetOnExit reset(*st);
    st->BindText(1, lang);
    st->BindInt64(2, q.min_articles);
    if (only != nullptr) st->BindText(3, *only);
    st->BindInt64(4, *lo);
    st->BindInt64(5, *hi);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      Rank& r = ranks[std::string(st->ColumnText(0))];
      const int64_t first = st->ColumnInt64(1), last = st->ColumnInt64(2);
      // The source's latest article up to until; when that one is later, the first (all we
      // keep), not earlier than since.
      const int64_t t = last <= *hi ? last : std::max(first, *lo);
      r.score += std::pow(0.5, static_cast<double>(*hi - t) / (kHalfLifeDays * kSecondsPerDay));
      if (first >= *hi - kGrowthSpan) ++r.new_sources;
      r.last_seq = st->ColumnInt64(3);
    }
  }
  std::vector<std::pair<std::string, Rank>> order(ranks.begin(), ranks.end());
  const bool growth = q.sort == StorySort::kGrowth;
  std::sort(order.begin(), order.end(), [growth](const auto& a, const auto& b) {
    if (growth && a.second.new_sources != b.second.new_sources) {
      return a.second.new_sources > b.second.new_sources;
    }
    if (a.second.score != b.second.score) return a.second.score > b.second.score;
    return a.second.last_seq > b.second.last_seq;
  });
  int64_t total = static_cast<int64_t>(order.size());
  std::vector<StorySummary> out;
  for (const auto& [id, rank] : order) {
    if (static_cast<int>(out.size()) >= q.limit) break;
    DEPECHE_ASSIGN_OR_RETURN(StorySummary s, SummaryRow(id));
    s.score = rank.score;
    s.new_sources = rank.new_sources;
    out.push_back(std::move(s));
  }
  if (default_window) {
    // Undated stories belong to no window: without explicit bounds they follow, newest arrival
    // first, so that the default listing leaves no story out of its count.
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached(std::string(kRowSql) + " WHERE m.last_ts IS NULL AND " +
                                    FilterSql(db_) + " ORDER BY m.last_seq DESC"));
    ResetOnExit reset(*st);
    st->BindText(1, lang);
    st->BindInt64(2, q.min_articles);
    if (only != nullptr) st->BindText(3, *only);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ++total;
      if (static_cast<int>(out.size()) < q.limit) out.push_back(ReadRow(*st));
    }
  }
  if (q.info != nullptr) {
    q.info->total = total;
    q.info->since = core::FormatUtc(*lo);
    q.info->until = core::FormatUtc(*hi);
  }
  return out;
}

Result<std::vector<StorySummary>> StoryStore::Stories(const StoryQuery& query,
                                                      const std::vector<std::string>* only) {
  if (only == nullptr) return Summaries("", query, nullptr);
  const std::string ids = IdArray(*only);
  return Summaries("", query, &ids);
}

Result<StoryDetail> StoryStore::GetStory(const std::string& id_or_prefix) {
  if (id_or_prefix.empty()) return InvalidArgumentError("empty story id");
  Database* h = db_;
  std::string id;
  // A whole id first: an index probe (ingest asks for each story whose digest it refreshes);
  // a prefix then scans the ids (a person typing one).
  DEPECHE_ASSIGN_OR_RETURN(id, FirstText(h, "SELECT id FROM stories WHERE id = ?1", id_or_prefix));
  if (id.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st,
                             Statement::Prepare(h,
                                                "SELECT id FROM stories WHERE length(?1) >= 6 AND "
                                                "substr(id, 1, length(?1)) = lower(?1) LIMIT 3"));
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
  StoryDetail detail;
  DEPECHE_ASSIGN_OR_RETURN(detail.summary, SummaryRow(id));
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
  // Splits (migration 7): where this story came from, and the stories that left it.
  DEPECHE_ASSIGN_OR_RETURN(
      Statement from,
      Statement::Prepare(h, "SELECT from_id FROM story_splits WHERE new_id = ?1 LIMIT 1"));
  from.BindText(1, id);
  DEPECHE_ASSIGN_OR_RETURN(bool split, from.Step());
  if (split) detail.split_from = std::string(from.ColumnText(0));
  DEPECHE_ASSIGN_OR_RETURN(
      Statement off,
      Statement::Prepare(h, "SELECT new_id FROM story_splits WHERE from_id = ?1 ORDER BY rowid"));
  off.BindText(1, id);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, off.Step());
    if (!row) break;
    detail.split_off.emplace_back(off.ColumnText(0));
  }
  return detail;
}

Result<std::vector<DuplicateGroup>> StoryStore::Duplicates(int limit) {
  if (limit <= 0) return InvalidArgumentError("duplicates: limit must be positive");
  Database* h = db_;
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
