#include "store/date_store.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/row_codec.h"

namespace depeche::store {
namespace {

constexpr std::string_view kStoryOfSql = "SELECT story_id FROM article_story WHERE article_id = ?1";
// kDay is 3 (DatePrecision): below it the article states no day.
constexpr std::string_view kHasUndatedSql =
    "SELECT 1 FROM article_story s JOIN articles a ON a.id = s.article_id "
    "WHERE s.story_id = ?1 AND a.date_precision < 3 LIMIT 1";
constexpr std::string_view kMembersSql =
    "SELECT a.id, a.published_iso, a.published_ts, a.date_precision, a.published_source, "
    "a.best_iso, a.best_ts, a.best_precision, a.date_provenance, a.date_basis, a.date_evidence "
    "FROM article_story s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ?1 "
    "ORDER BY s.seq";
constexpr std::string_view kTimexesSql =
    "SELECT begin, \"end\", type, value, resolved, form, tense, rule FROM article_timexes "
    "WHERE article_id = ?1 ORDER BY ord";
constexpr std::string_view kSetDateSql =
    "UPDATE articles SET best_iso = ?2, best_ts = ?3, best_precision = ?4, date_provenance = ?5, "
    "date_basis = ?6, date_evidence = ?7 WHERE id = ?1";
constexpr std::string_view kSetValueSql =
    "UPDATE article_timexes SET value = ?3, resolved = ?4 WHERE article_id = ?1 AND ord = ?2";
// The expression's bytes: substr over a BLOB counts bytes, as the stored offsets do.
#define DEPECHE_EVENT_MENTIONS(BYTES)                                            \
  "SELECT t.article_id, t.begin, t.\"end\", t.value, " BYTES                     \
  " FROM article_story s JOIN article_timexes t ON t.article_id = s.article_id " \
  "JOIN articles a ON a.id = s.article_id "                                      \
  "WHERE s.story_id = ?1 AND t.type IN ('DATE', 'TIME') ORDER BY s.seq, t.ord"
// The mention's bytes (spans are byte offsets): PostgreSQL has no CAST(text AS BLOB), its
// bytes are convert_to(text, 'UTF8'), a bytea, whose substring takes INTEGER positions.
constexpr std::string_view kEventMentionsSql =
    DEPECHE_EVENT_MENTIONS("substr(CAST(a.text AS BLOB), t.begin + 1, t.\"end\" - t.begin)");
constexpr std::string_view kEventMentionsPgSql = DEPECHE_EVENT_MENTIONS(
    "substring(convert_to(a.text, 'UTF8') FROM CAST(t.begin + 1 AS INTEGER) FOR "
    "CAST(t.\"end\" - t.begin AS INTEGER))");
#undef DEPECHE_EVENT_MENTIONS

DatePrecision ToPrecision(int64_t v) {
  if (v < 0 || v > static_cast<int64_t>(DatePrecision::kSecond)) return DatePrecision::kNone;
  return static_cast<DatePrecision>(v);
}

// "2022-01-21" from a value that opens with a full day ("2022-01-21TEV", "2022-01-21T11:00"),
// else nullopt ("2022-W08", "2022-01", "PRESENT_REF").
std::optional<std::string> DayPrefix(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
  }
  if (value.size() > 10 && value[10] != 'T') return std::nullopt;
  return std::string(value.substr(0, 10));
}

}  // namespace

Result<std::unique_ptr<DateStore>> DateStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("DateStore needs a database");
  return std::unique_ptr<DateStore>(new DateStore(db));
}

Result<Statement*> DateStore::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(db_, sql));
    it = cache_.emplace(std::string(sql), std::move(st)).first;
  }
  return &it->second;
}

Result<std::string> DateStore::StoryOfArticle(const std::string& article_id) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kStoryOfSql));
  ResetOnExit reset(*st);
  st->BindText(1, article_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return std::string();
  return std::string(st->ColumnText(0));
}

Result<bool> DateStore::HasUndated(const std::string& story_id) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kHasUndatedSql));
  ResetOnExit reset(*st);
  st->BindText(1, story_id);
  return st->Step();
}

Result<std::vector<DatedMember>> DateStore::Members(const std::string& story_id,
                                                    size_t dated_limit) {
  std::vector<DatedMember> all;
  std::vector<char> undated;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kMembersSql));
    ResetOnExit reset(*st);
    st->BindText(1, story_id);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      DatedMember m;
      m.id = std::string(st->ColumnText(0));
      m.published.iso = std::string(st->ColumnText(1));
      if (!st->ColumnIsNull(2)) {
        m.published.utc_seconds = st->ColumnInt64(2);
        m.published.precision = ToPrecision(st->ColumnInt64(3));
      }
      m.published_source = std::string(st->ColumnText(4));
      m.date.date.iso = std::string(st->ColumnText(5));
      if (!st->ColumnIsNull(6)) {
        m.date.date.utc_seconds = st->ColumnInt64(6);
        m.date.date.precision = ToPrecision(st->ColumnInt64(7));
      }
      m.date.provenance = std::string(st->ColumnText(8));
      m.date.basis = std::string(st->ColumnText(9));
      DEPECHE_ASSIGN_OR_RETURN(m.date.evidence, DecodeJsonSpans(st->ColumnText(10)));
      undated.push_back(m.published.precision < DatePrecision::kDay ? 1 : 0);
      all.push_back(std::move(m));
    }
  }
  // Keep every undated article and the latest `dated_limit` dated ones.
  size_t dated_seen = 0;
  std::vector<DatedMember> out;
  for (size_t i = all.size(); i-- > 0;) {
    if (!undated[i] && dated_seen++ >= dated_limit) continue;
    out.push_back(std::move(all[i]));
  }
  std::reverse(out.begin(), out.end());
  DEPECHE_ASSIGN_OR_RETURN(Statement * tx, Cached(kTimexesSql));
  for (DatedMember& m : out) {
    ResetOnExit reset(*tx);
    tx->BindText(1, m.id);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, tx->Step());
      if (!row) break;
      TemporalExpression t;
      t.span.begin = static_cast<uint32_t>(tx->ColumnInt64(0));
      t.span.end = static_cast<uint32_t>(tx->ColumnInt64(1));
      t.type = std::string(tx->ColumnText(2));
      t.value = std::string(tx->ColumnText(3));
      t.resolved = tx->ColumnInt64(4) != 0;
      t.form = std::string(tx->ColumnText(5));
      t.tense = std::string(tx->ColumnText(6));
      t.rule = std::string(tx->ColumnText(7));
      m.timexes.push_back(std::move(t));
    }
  }
  return out;
}

Status DateStore::SetDate(const std::string& article_id, const ArticleDate& date,
                          const std::vector<TemporalExpression>& timexes) {
  std::string evidence;
  EncodeJsonSpans(date.evidence, evidence);
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kSetDateSql));
    ResetOnExit reset(*st);
    const PublicationDate& d = date.date;
    st->BindText(1, article_id);
    st->BindText(2, d.known() ? std::string_view(d.iso) : std::string_view());
    if (d.known()) {
      st->BindInt64(3, d.utc_seconds);
    } else {
      st->BindNull(3);
    }
    st->BindInt64(4, d.known() ? static_cast<int64_t>(d.precision) : 0);
    st->BindText(5, d.known() ? std::string_view(date.provenance) : std::string_view());
    st->BindText(6, date.basis);
    st->BindText(7, evidence);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  DEPECHE_ASSIGN_OR_RETURN(Statement * up, Cached(kSetValueSql));
  for (size_t i = 0; i < timexes.size(); ++i) {
    ResetOnExit reset(*up);
    up->BindText(1, article_id);
    up->BindInt64(2, static_cast<int64_t>(i));
    up->BindText(3, timexes[i].value);
    up->BindInt64(4, timexes[i].resolved ? 1 : 0);
    DEPECHE_RETURN_IF_ERROR(up->Run());
  }
  return Status::Ok();
}

Result<std::vector<StoryEventDate>> DateStore::EventDates(const std::string& story_id, int limit,
                                                          int mentions_per_day) {
  if (limit <= 0) return InvalidArgumentError("limit must be positive");
  struct Day {
    StoryEventDate date;
    std::string last_article;
  };
  std::map<std::string, Day> days;
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * st,
      Cached(db_->backend() == Backend::kPostgres ? kEventMentionsPgSql : kEventMentionsSql));
  ResetOnExit reset(*st);
  st->BindText(1, story_id);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    const std::optional<std::string> day = DayPrefix(st->ColumnText(3));
    if (!day) continue;
    Day& d = days[*day];
    d.date.day = *day;
    const std::string_view article = st->ColumnText(0);
    if (d.last_article != article) {
      ++d.date.article_count;
      d.last_article = std::string(article);
    }
    ++d.date.mention_count;
    if (static_cast<int>(d.date.mentions.size()) < mentions_per_day) {
      EventDateMention m;
      m.article_id = std::string(article);
      m.begin = static_cast<uint32_t>(st->ColumnInt64(1));
      m.end = static_cast<uint32_t>(st->ColumnInt64(2));
      m.text = std::string(st->ColumnBlob(4));
      d.date.mentions.push_back(std::move(m));
    }
  }
  std::vector<StoryEventDate> out;
  out.reserve(days.size());
  for (auto& [key, d] : days) out.push_back(std::move(d.date));
  std::stable_sort(out.begin(), out.end(), [](const StoryEventDate& a, const StoryEventDate& b) {
    if (a.article_count != b.article_count) return a.article_count > b.article_count;
    return a.mention_count > b.mention_count;  // then the earliest day (map order, stable)
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  return out;
}

}  // namespace depeche::store
