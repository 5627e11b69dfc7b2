// EntityStore reads: listing, lookup by id, prefix or name, the entities of an article and of
// a story. Writes: entity_store.cc.
#include <algorithm>
#include <unordered_map>

#include "core/time.h"
#include "store/entity_store.h"
#include "store/exact_rerank.h"

namespace depeche::store {
namespace {

int64_t Row(uint64_t id) { return static_cast<int64_t>(id); }
uint64_t Id(int64_t row) { return static_cast<uint64_t>(row); }

std::string TypeName(int64_t type) {
  if (type < 0 || type >= extract::kEntityTypes) return "misc";
  return std::string(extract::EntityTypeName(static_cast<extract::EntityType>(type)));
}

bool IsHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

constexpr size_t kMinPrefix = 6;

// A statement in the two dialects where they differ: PostgreSQL has no `CROSS JOIN ... ON`
// (SQLite's join-order hint; there a plain JOIN), reads a JSON array with
// json_array_elements_text (SQLite: json_each) and has no COLLATE NOCASE (lower() on both
// sides, which its lower(name) and lower(alias) indexes serve).
struct Twin {
  std::string_view sqlite;
  std::string_view pg;
};

std::string_view For(const Database* db, const Twin& twin) {
  return db->backend() == Backend::kPostgres ? twin.pg : twin.sqlite;
}

// The entity columns 0..6 every summary query starts with, then the two counts (7, 8).
#define DEPECHE_ENTITY_COLUMNS \
  "e.id, e.type, e.name, e.gazetteer_ref, e.country_code, e.latitude, e.longitude"

EntitySummary ReadSummary(Statement& st) {
  EntitySummary s;
  s.id = EntityIdHex(Id(st.ColumnInt64(0)));
  s.type = TypeName(st.ColumnInt64(1));
  s.name = st.ColumnText(2);
  s.gazetteer_ref = st.ColumnText(3);
  s.country_code = st.ColumnText(4);
  if (!st.ColumnIsNull(5)) s.latitude = st.ColumnDouble(5);
  if (!st.ColumnIsNull(6)) s.longitude = st.ColumnDouble(6);
  s.article_count = st.ColumnInt64(7);
  s.mention_count = st.ColumnInt64(8);
  return s;
}

// The unfiltered listing reads entities_rank (or entities_type_rank) in order: the LIMIT stops
// the scan after `limit` rows.
constexpr std::string_view kListAllSql = "SELECT " DEPECHE_ENTITY_COLUMNS
                                         ", e.article_count, e.mention_count FROM entities AS e "
                                         "WHERE e.merged_into IS NULL AND e.article_count > 0 "
                                         "ORDER BY e.article_count DESC, e.name LIMIT ?1";
constexpr std::string_view kListTypeSql =
    "SELECT " DEPECHE_ENTITY_COLUMNS
    ", e.article_count, e.mention_count FROM entities AS e "
    "WHERE e.merged_into IS NULL AND e.type = ?2 AND e.article_count > 0 "
    "ORDER BY e.article_count DESC, e.name LIMIT ?1";
constexpr std::string_view kCountAllSql =
    "SELECT count(*) FROM entities WHERE merged_into IS NULL AND article_count > 0";
constexpr std::string_view kCountTypeSql =
    "SELECT count(*) FROM entities WHERE merged_into IS NULL AND type = ?1 AND article_count > 0";

// Filtered listings count over the kept articles: ?1 limit, ?2 story id, ?3 type (NULL: any),
// ?4 since (UTC seconds). `kept` is the story's articles (article_story_story) or the articles
// published since (articles_published), then each kept article's entities are a range of
// article_entities' primary key. CROSS JOIN keeps that order: left to itself, SQLite scanned
// article_entities_entity for the GROUP BY and looked every row's article up (640 ms instead
// of 35 ms for the last day of 20,000 articles, bench/entity_listing.cc).
// count(*) OVER () is the total before the LIMIT.
// The parameters a statement does not use are named in a `CAST(?N AS type) IS NULL` term that
// holds (they are unbound there): PostgreSQL must know each parameter's type.
#define DEPECHE_SQLITE_IDS "SELECT value FROM json_each(?5)"
#define DEPECHE_PG_IDS \
  "SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(?5 AS JSON))"
#define DEPECHE_FILTERED_LIST(KEPT, JOIN, IDS)                                                  \
  "WITH kept(article_id) AS (" KEPT                                                             \
  "), agg(id, articles, mentions) AS (SELECT ae.entity_id, count(*), sum(ae.mention_count) "    \
  "FROM kept " JOIN                                                                             \
  " article_entities AS ae ON ae.article_id = kept.article_id "                                 \
  "GROUP BY ae.entity_id) "                                                                     \
  "SELECT " DEPECHE_ENTITY_COLUMNS                                                              \
  ", agg.articles, agg.mentions, count(*) OVER () "                                             \
  "FROM agg JOIN entities AS e ON e.id = agg.id WHERE (CAST(?3 AS BIGINT) IS NULL OR e.type = " \
  "?3) AND (CAST(?5 AS TEXT) IS NULL OR e.id IN (" IDS                                          \
  ")) "                                                                                         \
  "ORDER BY agg.articles DESC, e.name LIMIT ?1"
#define DEPECHE_TWIN(KEPT)                                         \
  Twin {                                                           \
    DEPECHE_FILTERED_LIST(KEPT, "CROSS JOIN", DEPECHE_SQLITE_IDS), \
        DEPECHE_FILTERED_LIST(KEPT, "JOIN", DEPECHE_PG_IDS)        \
  }
constexpr Twin kListStorySql = DEPECHE_TWIN(
    "SELECT article_id FROM article_story WHERE story_id = ?2 AND CAST(?4 AS BIGINT) IS NULL");
constexpr Twin kListSinceSql =
    DEPECHE_TWIN("SELECT id FROM articles WHERE published_ts >= ?4 AND CAST(?2 AS TEXT) IS NULL");
constexpr Twin kListStorySinceSql = DEPECHE_TWIN(
    "SELECT s.article_id FROM article_story AS s JOIN articles AS a ON a.id = s.article_id "
    "WHERE s.story_id = ?2 AND a.published_ts >= ?4");
#undef DEPECHE_TWIN
#undef DEPECHE_FILTERED_LIST
// The entities of a name filter (?5: a JSON array of their ids), as the unfiltered listing
// orders them, with the total as column 9 like the filtered listings.
#define DEPECHE_LIST_NAMED(IDS)                                                               \
  "SELECT " DEPECHE_ENTITY_COLUMNS                                                            \
  ", e.article_count, e.mention_count, count(*) OVER () FROM entities AS e "                  \
  "WHERE e.id IN (" IDS                                                                       \
  ") AND e.merged_into IS NULL AND "                                                          \
  "e.article_count > 0 AND (CAST(?3 AS BIGINT) IS NULL OR e.type = ?3) AND CAST(?2 AS TEXT) " \
  "IS NULL AND CAST(?4 AS BIGINT) IS NULL ORDER BY e.article_count DESC, e.name LIMIT ?1"
constexpr Twin kListNamedSql = {DEPECHE_LIST_NAMED(DEPECHE_SQLITE_IDS),
                                DEPECHE_LIST_NAMED(DEPECHE_PG_IDS)};
#undef DEPECHE_LIST_NAMED
#undef DEPECHE_SQLITE_IDS
#undef DEPECHE_PG_IDS

// Every word of `wanted` starts a word of `folded_words` (both folded).
bool WordPrefixes(const std::vector<std::string>& wanted,
                  const std::vector<std::string>& folded_words) {
  for (const std::string& w : wanted) {
    bool found = false;
    for (const std::string& word : folded_words) {
      if (word.compare(0, w.size(), w) == 0) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

Result<std::vector<EntityAlias>> EntityStore::Aliases(uint64_t id, int limit) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                           Cached("SELECT alias, articles FROM entity_aliases WHERE entity_id = ?1 "
                                  "ORDER BY articles DESC, alias LIMIT ?2"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(id));
  st->BindInt64(2, limit);
  std::vector<EntityAlias> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back({std::string(st->ColumnText(0)), st->ColumnInt64(1)});
  }
  return out;
}

Result<std::vector<EntitySummary>> EntityStore::List(const EntityQuery& query) {
  if (query.limit <= 0) return InvalidArgumentError("entity limit must be positive");
  std::optional<int64_t> type;
  if (query.type) {
    std::optional<extract::EntityType> parsed = extract::ParseEntityType(*query.type);
    if (!parsed) {
      return InvalidArgumentError("unknown entity type \"" + *query.type +
                                  "\" (person, org, place or misc)");
    }
    type = static_cast<int64_t>(*parsed);
  }
  std::optional<int64_t> since;
  if (query.since) {
    Result<PublicationDate> date = core::ParseIsoDate(*query.since);
    if (!date.ok()) return date.status().WithContext("--since " + *query.since);
    since = date->utc_seconds;
  }
  std::optional<std::string> named;  // the JSON array of the ids a name filter keeps
  if (query.name) {
    DEPECHE_ASSIGN_OR_RETURN(named, Named(*query.name));
    if (!named) {
      if (query.info != nullptr) query.info->total = 0;
      return std::vector<EntitySummary>{};
    }
  }
  const bool filtered = query.story.has_value() || since.has_value() || named.has_value();
  std::string_view sql = !filtered                ? (type ? kListTypeSql : kListAllSql)
                         : !query.story && !since ? For(db_, kListNamedSql)
                         : !since                 ? For(db_, kListStorySql)
                         : query.story            ? For(db_, kListStorySinceSql)
                                                  : For(db_, kListSinceSql);
  std::vector<EntitySummary> out;
  std::vector<uint64_t> ids;
  int64_t total = 0;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
    ResetOnExit reset(*st);
    st->BindInt64(1, query.limit);
    if (filtered) {
      if (query.story) st->BindText(2, *query.story);
      if (type) st->BindInt64(3, *type);
      if (since) st->BindInt64(4, *since);
      if (named) st->BindText(5, *named);
    } else if (type) {
      st->BindInt64(2, *type);
    }
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      ids.push_back(Id(st->ColumnInt64(0)));
      out.push_back(ReadSummary(*st));
      if (filtered) total = st->ColumnInt64(9);
    }
  }
  if (!filtered && query.info != nullptr) {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(type ? kCountTypeSql : kCountAllSql));
    ResetOnExit reset(*st);
    if (type) st->BindInt64(1, *type);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) total = st->ColumnInt64(0);
  }
  if (query.info != nullptr) query.info->total = total;
  if (query.max_aliases > 0) {
    for (size_t i = 0; i < out.size(); ++i) {
      DEPECHE_ASSIGN_OR_RETURN(out[i].aliases, Aliases(ids[i], query.max_aliases));
    }
  }
  return out;
}

Result<std::optional<std::string>> EntityStore::Named(const std::string& name) {
  const std::vector<std::string> wanted = FoldedQueryWords(name);
  if (wanted.empty()) {
    return InvalidArgumentError("entity name filter \"" + name + "\" has no letter or digit");
  }
  // A scan of every name and alias: folding (text::Fold) is not something an index of SQLite
  // can hold, and the tables are small beside the articles.
  std::vector<int64_t> ids;
  for (std::string_view sql :
       {std::string_view("SELECT id, name FROM entities WHERE merged_into IS NULL AND "
                         "article_count > 0"),
        std::string_view("SELECT entity_id, alias FROM entity_aliases")}) {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
    ResetOnExit reset(*st);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      if (WordPrefixes(wanted, FoldedQueryWords(st->ColumnText(1)))) {
        ids.push_back(st->ColumnInt64(0));
      }
    }
  }
  if (ids.empty()) return std::optional<std::string>();
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string array = "[";
  for (int64_t id : ids) {
    if (array.size() > 1) array += ',';
    array += std::to_string(id);
  }
  array += ']';
  return std::optional<std::string>(std::move(array));
}

Result<EntitySummary> EntityStore::Summary(uint64_t id) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                           Cached("SELECT " DEPECHE_ENTITY_COLUMNS
                                  ", e.article_count, e.mention_count FROM entities AS e "
                                  "WHERE e.id = ?1"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(id));
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFoundError("no entity " + EntityIdHex(id));
  return ReadSummary(*st);
}

Result<std::string> EntityStore::Resolve(const std::string& key) {
  if (key.empty()) return InvalidArgumentError("empty entity id or name");
  // Candidates (live ids, best first) of one rule; an ambiguous answer names them.
  auto collect = [&](std::string_view sql, auto bind) -> Result<std::vector<uint64_t>> {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
    ResetOnExit reset(*st);
    bind(*st);
    std::vector<uint64_t> ids;
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      uint64_t id = Id(st->ColumnInt64(0));
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return ids;
  };
  auto answer = [&](const std::vector<uint64_t>& ids,
                    const std::string& what) -> Result<std::string> {
    if (ids.size() == 1) return EntityIdHex(ids[0]);
    std::string message = what + " is ambiguous:";
    for (size_t i = 0; i < ids.size() && i < 5; ++i) {
      Result<EntitySummary> s = Summary(ids[i]);
      if (!s.ok()) return s.status();
      message += (i == 0 ? " " : ", ") + s->id + " (" + s->type + " " + s->name + ", " +
                 std::to_string(s->article_count) + " articles)";
    }
    if (ids.size() > 5) message += ", ...";
    return InvalidArgumentError(message + "; give the id");
  };
  if (std::optional<uint64_t> id = ParseEntityId(key)) {
    Result<uint64_t> live = Live(*id);
    if (live.ok()) return EntityIdHex(*live);
    if (live.status().code() != StatusCode::kNotFound) return live.status();
  } else if (key.size() >= kMinPrefix && key.size() < 16 && IsHex(key)) {
    // The ids with this prefix are one range of uint64, and of int64 too: the first digit
    // fixes the sign bit.
    const int shift = 4 * static_cast<int>(16 - key.size());
    const uint64_t prefix = std::stoull(key, nullptr, 16);
    const uint64_t lo = prefix << shift;
    const uint64_t hi = lo | ((uint64_t{1} << shift) - 1);
    DEPECHE_ASSIGN_OR_RETURN(
        std::vector<uint64_t> ids,
        collect("SELECT coalesce(merged_into, id) FROM entities WHERE id BETWEEN ?1 AND ?2",
                [&](Statement& st) {
                  st.BindInt64(1, Row(lo));
                  st.BindInt64(2, Row(hi));
                }));
    if (!ids.empty()) return answer(ids, "entity id prefix " + key);
  }
  auto bind_key = [&](Statement& st) { st.BindText(1, key); };
  constexpr Twin kByName = {
      "SELECT id FROM entities WHERE name = ?1 COLLATE NOCASE AND merged_into IS NULL "
      "ORDER BY article_count DESC, id LIMIT 6",
      "SELECT id FROM entities WHERE lower(name) = lower(?1) AND merged_into IS NULL "
      "ORDER BY article_count DESC, id LIMIT 6"};
  DEPECHE_ASSIGN_OR_RETURN(std::vector<uint64_t> named, collect(For(db_, kByName), bind_key));
  if (!named.empty()) return answer(named, "entity name \"" + key + "\"");
  constexpr Twin kByAlias = {
      "SELECT a.entity_id FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id "
      "WHERE a.alias = ?1 COLLATE NOCASE ORDER BY e.article_count DESC, e.id LIMIT 6",
      "SELECT a.entity_id FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id "
      "WHERE lower(a.alias) = lower(?1) ORDER BY e.article_count DESC, e.id LIMIT 6"};
  DEPECHE_ASSIGN_OR_RETURN(std::vector<uint64_t> aliased, collect(For(db_, kByAlias), bind_key));
  if (!aliased.empty()) return answer(aliased, "entity name \"" + key + "\"");
  return NotFoundError("no entity \"" + key + "\" (an id, a unique id prefix or a name)");
}

Result<EntityDetail> EntityStore::Get(const std::string& key, int article_limit, int story_limit) {
  if (article_limit <= 0 || story_limit <= 0) {
    return InvalidArgumentError("entity article and story limits must be positive");
  }
  DEPECHE_ASSIGN_OR_RETURN(std::string hex, Resolve(key));
  const uint64_t id = *ParseEntityId(hex);
  EntityDetail detail;
  DEPECHE_ASSIGN_OR_RETURN(detail.summary, Summary(id));
  DEPECHE_ASSIGN_OR_RETURN(detail.summary.aliases, Aliases(id, 1'000'000));
  {
    // Newest first, two ways: a rarely named entity's k articles come from
    // article_entities_entity and are sorted (O(k log k)); for an entity named in many, that
    // sort took 2.4 s (132,000 articles of 200,000, bench/entity_listing.cc), so its articles
    // are found by walking articles_published newest first and probing article_entities'
    // primary key, which stops after about limit * (stored articles / k) probes.
    constexpr int64_t kWalkFrom = 2000;
#define DEPECHE_ENTITY_ARTICLE_COLUMNS                        \
  "SELECT a.id, a.title, a.source, a.lang, a.published_iso, " \
  "coalesce(nullif(st.merged_into, ''), s.story_id, ''), ae.salience, ae.mention_count FROM "
#define DEPECHE_ENTITY_ARTICLE_STORY                                                 \
  " LEFT JOIN article_story AS s ON s.article_id = a.id LEFT JOIN stories AS st ON " \
  "st.id = s.story_id "
    // Undated articles last (NULLS LAST is SQLite's order, said for PostgreSQL).
#define DEPECHE_SORTED(JOIN)                                                             \
  DEPECHE_ENTITY_ARTICLE_COLUMNS "article_entities AS ae " JOIN                          \
                                 " articles AS a ON a.id = "                             \
                                 "ae.article_id" DEPECHE_ENTITY_ARTICLE_STORY            \
                                 "WHERE ae.entity_id = ?1 ORDER BY a.published_ts DESC " \
                                 "NULLS LAST, a.rowid LIMIT ?2"
#define DEPECHE_WALK(JOIN)                                                  \
  DEPECHE_ENTITY_ARTICLE_COLUMNS                                            \
  "articles AS a " JOIN                                                     \
  " article_entities AS ae ON "                                             \
  "ae.article_id = a.id AND ae.entity_id = ?1" DEPECHE_ENTITY_ARTICLE_STORY \
  "ORDER BY a.published_ts DESC "                                           \
  "NULLS LAST, a.rowid LIMIT ?2"
    constexpr Twin kSorted = {DEPECHE_SORTED("CROSS JOIN"), DEPECHE_SORTED("JOIN")};
    constexpr Twin kWalk = {DEPECHE_WALK("CROSS JOIN"), DEPECHE_WALK("JOIN")};
#undef DEPECHE_SORTED
#undef DEPECHE_WALK
#undef DEPECHE_ENTITY_ARTICLE_COLUMNS
#undef DEPECHE_ENTITY_ARTICLE_STORY
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached(For(db_, detail.summary.article_count >= kWalkFrom ? kWalk : kSorted)));
    ResetOnExit reset(*st);
    st->BindInt64(1, Row(id));
    st->BindInt64(2, article_limit);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      EntityArticle a;
      a.id = st->ColumnText(0);
      a.title = st->ColumnText(1);
      a.source = st->ColumnText(2);
      a.lang = st->ColumnText(3);
      a.published = st->ColumnText(4);
      a.story_id = st->ColumnText(5);
      a.salience = st->ColumnDouble(6);
      a.mention_count = st->ColumnInt64(7);
      detail.articles.push_back(std::move(a));
    }
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("WITH named(story_id, articles) AS (SELECT s.story_id, count(*) FROM "
               "article_entities AS ae JOIN article_story AS s ON s.article_id = ae.article_id "
               "WHERE ae.entity_id = ?1 GROUP BY s.story_id) "
               "SELECT n.story_id, coalesce(ss.title, ''), coalesce(ss.article_count, 0), "
               "n.articles, coalesce(ss.last_iso, ''), count(*) OVER () FROM named AS n "
               "LEFT JOIN story_summary AS ss ON ss.story_id = n.story_id "
               "ORDER BY n.articles DESC, ss.last_ts DESC NULLS LAST, n.story_id LIMIT ?2"));
    ResetOnExit reset(*st);
    st->BindInt64(1, Row(id));
    st->BindInt64(2, story_limit);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      EntityStory s;
      s.id = st->ColumnText(0);
      s.title = st->ColumnText(1);
      s.article_count = st->ColumnInt64(2);
      s.entity_article_count = st->ColumnInt64(3);
      s.last_seen = st->ColumnText(4);
      detail.story_count = st->ColumnInt64(5);
      detail.stories.push_back(std::move(s));
    }
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT m.from_id FROM entities AS e JOIN entity_merges AS m ON m.from_id = e.id "
               "WHERE e.merged_into = ?1 ORDER BY m.rowid"));
    ResetOnExit reset(*st);
    st->BindInt64(1, Row(id));
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      detail.merged_from.push_back(EntityIdHex(Id(st->ColumnInt64(0))));
    }
  }
  return detail;
}

Result<std::vector<ArticleEntityRef>> EntityStore::OfArticle(const std::string& article_id) {
  std::vector<ArticleEntityRef> out;
  std::unordered_map<uint64_t, size_t> index;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT ae.entity_id, e.type, e.name, ae.salience FROM article_entities AS ae "
               "JOIN entities AS e ON e.id = ae.entity_id WHERE ae.article_id = ?1 "
               "ORDER BY ae.salience DESC, e.name, ae.entity_id"));
    ResetOnExit reset(*st);
    st->BindText(1, article_id);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      const uint64_t id = Id(st->ColumnInt64(0));
      index.emplace(id, out.size());
      ArticleEntityRef e;
      e.id = EntityIdHex(id);
      e.type = TypeName(st->ColumnInt64(1));
      e.name = st->ColumnText(2);
      e.salience = st->ColumnDouble(3);
      out.push_back(std::move(e));
    }
  }
  if (out.empty()) return out;
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * st,
      Cached("SELECT entity_id, in_title, begin, \"end\", surface FROM entity_mentions "
             "WHERE article_id = ?1 ORDER BY in_title DESC, begin, \"end\""));
  ResetOnExit reset(*st);
  st->BindText(1, article_id);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    auto it = index.find(Id(st->ColumnInt64(0)));
    if (it == index.end()) continue;
    EntityMention m;
    m.in_title = st->ColumnInt64(1) != 0;
    m.begin = static_cast<uint32_t>(st->ColumnInt64(2));
    m.end = static_cast<uint32_t>(st->ColumnInt64(3));
    m.surface = st->ColumnText(4);
    out[it->second].mentions.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<StoryEntity>> EntityStore::OfStory(const std::string& story_id, int limit) {
  if (limit <= 0) return InvalidArgumentError("entity limit must be positive");
    // The story's articles (article_story_story), each one's entities a range of
    // article_entities: O(entities of the story's articles).
    // e.type and e.name are grouped by too: PostgreSQL wants every selected column grouped.
#define DEPECHE_OF_STORY(JOIN)                                                         \
  "SELECT ae.entity_id, e.type, e.name, sum(ae.salience) AS salience, count(*) AS n, " \
  "sum(ae.mention_count) FROM article_story AS s " JOIN                                \
  " article_entities AS ae "                                                           \
  "ON ae.article_id = s.article_id JOIN entities AS e ON e.id = ae.entity_id "         \
  "WHERE s.story_id = ?1 GROUP BY ae.entity_id, e.type, e.name "                       \
  "ORDER BY salience DESC, n DESC, e.name LIMIT ?2"
  constexpr Twin kOfStory = {DEPECHE_OF_STORY("CROSS JOIN"), DEPECHE_OF_STORY("JOIN")};
#undef DEPECHE_OF_STORY
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(For(db_, kOfStory)));
  ResetOnExit reset(*st);
  st->BindText(1, story_id);
  st->BindInt64(2, limit);
  std::vector<StoryEntity> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    StoryEntity e;
    e.id = EntityIdHex(Id(st->ColumnInt64(0)));
    e.type = TypeName(st->ColumnInt64(1));
    e.name = st->ColumnText(2);
    e.salience = st->ColumnDouble(3);
    e.article_count = st->ColumnInt64(4);
    e.mention_count = st->ColumnInt64(5);
    out.push_back(std::move(e));
  }
  return out;
}

#undef DEPECHE_ENTITY_COLUMNS

}  // namespace depeche::store
