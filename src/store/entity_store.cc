// EntityStore writes (Record, merges) and the resolver's state (Load). Reads: entity_queries.cc.
#include "store/entity_store.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/hash.h"

namespace depeche::store {
namespace {

// Ids are uint64; SQLite integers are int64. The conversion is modular (C++20), so every id
// round-trips and the order of ids sharing their top bit is kept (see the prefix lookup).
int64_t Row(uint64_t id) { return static_cast<int64_t>(id); }
uint64_t Id(int64_t row) { return static_cast<uint64_t>(row); }

std::string Hex(uint64_t id) { return EntityIdHex(id); }

}  // namespace

std::string EntityIdHex(uint64_t id) { return core::Hex64(id); }

std::optional<uint64_t> ParseEntityId(std::string_view hex) {
  if (hex.size() != 16) return std::nullopt;
  uint64_t value = 0;
  for (char c : hex) {
    int digit;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = value << 4 | static_cast<uint64_t>(digit);
  }
  return value;
}

Result<std::unique_ptr<EntityStore>> EntityStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("EntityStore needs a database");
  return std::unique_ptr<EntityStore>(new EntityStore(db));
}

Result<Statement*> EntityStore::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(db_, sql));
    it = cache_.emplace(std::string(sql), std::move(st)).first;
  }
  return &it->second;
}

Result<uint64_t> EntityStore::Live(uint64_t id) {
  // Merges keep chains one hop long (everything merged into an entity follows it when it is
  // merged in turn), so one lookup finds the survivor.
  DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                           Cached("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?1"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(id));
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return NotFoundError("no entity " + Hex(id));
  return Id(st->ColumnInt64(0));
}

Result<std::unordered_map<uint64_t, uint64_t>> EntityStore::LiveOf(
    const std::vector<uint64_t>& ids) {
  // kChunk ids a query (a short list repeats its last id): one statement, few round trips.
  constexpr size_t kChunk = 16;
  static const std::string sql = [] {
    std::string text = "SELECT id, coalesce(merged_into, id) FROM entities WHERE id IN (";
    for (size_t k = 1; k <= kChunk; ++k) {
      if (k > 1) text += ", ";
      text += "?" + std::to_string(k);
    }
    return text + ")";
  }();
  std::unordered_map<uint64_t, uint64_t> out;
  if (ids.empty()) return out;
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
  for (size_t begin = 0; begin < ids.size(); begin += kChunk) {
    ResetOnExit reset(*st);
    for (size_t k = 0; k < kChunk; ++k) {
      st->BindInt64(static_cast<int>(k + 1), Row(ids[std::min(begin + k, ids.size() - 1)]));
    }
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      out[Id(st->ColumnInt64(0))] = Id(st->ColumnInt64(1));
    }
  }
  return out;
}

Status EntityStore::Upsert(const extract::CanonicalEntity& e) {
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * st,
      Cached("INSERT INTO entities(id, type, name, gazetteer_ref, country_code, latitude, "
             "longitude, created_seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
             "(SELECT coalesce(max(created_seq), 0) + 1 FROM entities)) "
             "ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, "
             "gazetteer_ref = excluded.gazetteer_ref, country_code = excluded.country_code, "
             "latitude = excluded.latitude, longitude = excluded.longitude"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(e.id));
  st->BindInt64(2, static_cast<int64_t>(e.type));
  st->BindText(3, e.name);
  st->BindText(4, e.gazetteer_ref);
  st->BindText(5, e.country_code);
  if (e.latitude) {
    st->BindDouble(6, *e.latitude);
  } else {
    st->BindNull(6);
  }
  if (e.longitude) {
    st->BindDouble(7, *e.longitude);
  } else {
    st->BindNull(7);
  }
  return st->Run().WithContext("storing entity " + Hex(e.id));
}

Status EntityStore::Merge(uint64_t from, uint64_t into_key, const std::string& article_id) {
  const std::string what = "merging entity " + Hex(from) + " into " + Hex(into_key);
  if (from == into_key) return InvalidArgumentError(what + ": an entity into itself");
  // The merge moves counters and aliases: the pending sums go to their rows first.
  if (!pending_counts_.empty() || !pending_aliases_.empty()) {
    DEPECHE_RETURN_IF_ERROR(FlushCounts());
  }
  Result<uint64_t> into = Live(into_key);
  if (!into.ok()) {
    if (into.status().code() == StatusCode::kNotFound) {
      return InvalidArgumentError(what + ": no entity " + Hex(into_key));
    }
    return into.status();
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("SELECT merged_into FROM entities WHERE id = ?1"));
    ResetOnExit reset(*st);
    st->BindInt64(1, Row(from));
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return InvalidArgumentError(what + ": no entity " + Hex(from));
    if (!st->ColumnIsNull(0)) {
      return InvalidArgumentError(what + ": it was already merged into " +
                                  Hex(Id(st->ColumnInt64(0))));
    }
  }
  if (*into == from) return InvalidArgumentError(what + ": it was merged into the entity itself");

  // Each step is one statement over the rows of `from`, found through article_entities_entity
  // (its articles) and the primary keys: the cost grows with `from`'s articles, not the store.
  constexpr std::string_view kSteps[] = {
      // Mentions first, while article_entities still lists `from`'s articles: copied onto
      // the survivor (a span it already has takes the moved surface), then removed. The
      // upserts name the target table's columns (PostgreSQL finds a bare name ambiguous with
      // excluded's) and a CASE is the larger of two values (max(a, b) is SQLite only).
      "INSERT INTO entity_mentions(article_id, entity_id, in_title, begin, \"end\", surface) "
      "SELECT article_id, ?2, in_title, begin, \"end\", surface FROM entity_mentions "
      "WHERE entity_id = ?1 AND article_id IN (SELECT article_id FROM article_entities WHERE "
      "entity_id = ?1) ON CONFLICT(article_id, entity_id, in_title, begin, \"end\") DO UPDATE "
      "SET surface = excluded.surface",
      "DELETE FROM entity_mentions WHERE entity_id = ?1 AND "
      "article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ?1)",
      "INSERT INTO article_entities(article_id, entity_id, salience, mention_count) "
      "SELECT article_id, ?2, salience, mention_count FROM article_entities WHERE entity_id = ?1 "
      "ON CONFLICT(article_id, entity_id) DO UPDATE SET salience = CASE WHEN excluded.salience > "
      "article_entities.salience THEN excluded.salience ELSE article_entities.salience END, "
      "mention_count = article_entities.mention_count + excluded.mention_count",
      "DELETE FROM article_entities WHERE entity_id = ?1",
      "INSERT INTO entity_aliases(entity_id, alias, articles) "
      "SELECT ?2, alias, articles FROM entity_aliases WHERE entity_id = ?1 "
      "ON CONFLICT(entity_id, alias) DO UPDATE SET articles = entity_aliases.articles + "
      "excluded.articles",
      "DELETE FROM entity_aliases WHERE entity_id = ?1",
      // An article naming both counts once. (`id <> ?1` always holds: PostgreSQL must learn
      // the type of every parameter up to the last.)
      "UPDATE entities SET article_count = (SELECT count(*) FROM article_entities "
      "WHERE entity_id = ?2), mention_count = (SELECT coalesce(sum(mention_count), 0) "
      "FROM article_entities WHERE entity_id = ?2) WHERE id = ?2 AND id <> ?1",
      "UPDATE entities SET merged_into = ?2, article_count = 0, mention_count = 0 "
      "WHERE merged_into = ?1",
      "UPDATE entities SET merged_into = ?2, article_count = 0, mention_count = 0 WHERE id = ?1",
      "INSERT INTO entity_merges(from_id, into_id, at_article_id, merged_at) "
      "VALUES (?1, ?2, ?3, unixepoch())",
  };
  for (std::string_view sql : kSteps) {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
    ResetOnExit reset(*st);
    // Each statement binds the parameters it names (binding another is an error).
    if (sql.find("?1") != std::string_view::npos) st->BindInt64(1, Row(from));
    if (sql.find("?2") != std::string_view::npos) st->BindInt64(2, Row(*into));
    if (sql.find("?3") != std::string_view::npos) st->BindText(3, article_id);
    DEPECHE_RETURN_IF_ERROR(st->Run().WithContext(what));
  }
  return Status::Ok();
}

Status EntityStore::Record(const std::string& article_id, const extract::ArticleEntities& in,
                           const extract::EntityChanges& changes) {
  const std::string context = "entities of article " + article_id;
  if (changes.links.size() != in.entities.size()) {
    return InvalidArgumentError(context + ": " + std::to_string(changes.links.size()) +
                                " links for " + std::to_string(in.entities.size()) + " entities");
  }
  for (const extract::ArticleEntity& e : in.entities) {
    for (uint32_t m : e.mentions) {
      if (m >= in.mentions.size()) {
        return InvalidArgumentError(context + ": mention " + std::to_string(m) + " of \"" + e.name +
                                    "\" is out of range");
      }
      if (in.mentions[m].span.begin > in.mentions[m].span.end) {
        return InvalidArgumentError(context + ": mention \"" + in.mentions[m].surface +
                                    "\" ends before it begins");
      }
    }
  }
  for (const extract::CanonicalEntity& e : changes.upserts) {
    if (e.id == 0) return InvalidArgumentError(context + ": entity id 0 (\"" + e.name + "\")");
  }
  {
    // One query for both checks (on PostgreSQL each read is a round trip).
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st, Cached("SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1), "
                               "EXISTS(SELECT 1 FROM article_entities WHERE article_id = ?1)"));
    ResetOnExit reset(*st);
    st->BindText(1, article_id);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row || st->ColumnInt64(0) == 0) {
      return NotFoundError(context + ": no such article is stored");
    }
    if (st->ColumnInt64(1) != 0) return AlreadyExistsError(context + " are already recorded");
  }
  for (const extract::CanonicalEntity& e : changes.upserts) {
    DEPECHE_RETURN_IF_ERROR(Upsert(e));
  }
  for (const auto& [from, into] : changes.merges) {
    DEPECHE_RETURN_IF_ERROR(Merge(from, into, article_id));
  }

  // The article's entities by the live entity they link to, in first-link order.
  struct Group {
    uint64_t id = 0;
    double salience = 0.0;
    std::vector<uint32_t> mentions;
    std::vector<std::string_view> aliases;
  };
  std::vector<Group> groups;
  std::unordered_map<uint64_t, size_t> group_of;
  DEPECHE_ASSIGN_OR_RETURN(auto live_of, LiveOf(changes.links));
  for (size_t i = 0; i < in.entities.size(); ++i) {
    const extract::ArticleEntity& e = in.entities[i];
    auto live = live_of.find(changes.links[i]);
    if (live == live_of.end()) {
      return InvalidArgumentError(context + ": \"" + e.name + "\" links to unknown entity " +
                                  Hex(changes.links[i]));
    }
    auto [it, added] = group_of.emplace(live->second, groups.size());
    if (added) groups.push_back(Group{live->second, 0.0, {}, {}});
    Group& g = groups[it->second];
    g.salience = std::max(g.salience, static_cast<double>(e.salience));
    g.mentions.insert(g.mentions.end(), e.mentions.begin(), e.mentions.end());
    if (!e.name.empty()) g.aliases.push_back(e.name);
    for (const std::string& alias : e.aliases) {
      if (!alias.empty()) g.aliases.push_back(alias);
    }
  }

  DEPECHE_ASSIGN_OR_RETURN(
      Statement * mention_st,
      Cached("INSERT OR IGNORE INTO entity_mentions(article_id, entity_id, "
             "in_title, begin, \"end\", surface) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  DEPECHE_ASSIGN_OR_RETURN(Statement * row_st,
                           Cached("INSERT INTO article_entities(article_id, entity_id, salience, "
                                  "mention_count) VALUES (?1, ?2, ?3, ?4)"));
  for (Group& g : groups) {
    // The same span listed twice (or by two article entities) is one mention.
    std::set<std::tuple<bool, uint32_t, uint32_t>> spans;
    for (uint32_t m : g.mentions) {
      const extract::Mention& mention = in.mentions[m];
      if (!spans.emplace(mention.in_title, mention.span.begin, mention.span.end).second) continue;
      ResetOnExit reset(*mention_st);
      mention_st->BindText(1, article_id);
      mention_st->BindInt64(2, Row(g.id));
      mention_st->BindInt64(3, mention.in_title ? 1 : 0);
      mention_st->BindInt64(4, mention.span.begin);
      mention_st->BindInt64(5, mention.span.end);
      mention_st->BindText(6, mention.surface);
      DEPECHE_RETURN_IF_ERROR(mention_st->Run().WithContext(context));
    }
    const auto mention_count = static_cast<int64_t>(spans.size());
    {
      ResetOnExit reset(*row_st);
      row_st->BindText(1, article_id);
      row_st->BindInt64(2, Row(g.id));
      row_st->BindDouble(3, g.salience);
      row_st->BindInt64(4, mention_count);
      DEPECHE_RETURN_IF_ERROR(row_st->Run().WithContext(context));
    }
    std::sort(g.aliases.begin(), g.aliases.end());
    g.aliases.erase(std::unique(g.aliases.begin(), g.aliases.end()), g.aliases.end());
    for (std::string_view alias : g.aliases) {
      DEPECHE_RETURN_IF_ERROR(AddAlias(g.id, alias).WithContext(context));
    }
    DEPECHE_RETURN_IF_ERROR(AddCounts(g.id, 1, mention_count).WithContext(context));
  }
  return Status::Ok();
}

Status EntityStore::AddCounts(uint64_t id, int64_t articles, int64_t mentions) {
  if (!defer_counts_) return AddCountsRow(id, articles, mentions);
  auto& [a, m] = pending_counts_[id];
  a += articles;
  m += mentions;
  return Status::Ok();
}

Status EntityStore::AddCountsRow(uint64_t id, int64_t articles, int64_t mentions) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                           Cached("UPDATE entities SET article_count = article_count + ?2, "
                                  "mention_count = mention_count + ?3 WHERE id = ?1"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(id));
  st->BindInt64(2, articles);
  st->BindInt64(3, mentions);
  return st->Run();
}

Status EntityStore::AddAlias(uint64_t id, std::string_view alias) {
  if (defer_counts_) {
    ++pending_aliases_[{id, std::string(alias)}];
    return Status::Ok();
  }
  return AddAliasRow(id, alias, 1);
}

Status EntityStore::AddAliasRow(uint64_t id, std::string_view alias, int64_t articles) {
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * st,
      Cached("INSERT INTO entity_aliases(entity_id, alias, articles) VALUES (?1, ?2, ?3) "
             "ON CONFLICT(entity_id, alias) DO UPDATE SET articles = entity_aliases.articles + "
             "excluded.articles"));
  ResetOnExit reset(*st);
  st->BindInt64(1, Row(id));
  st->BindText(2, alias);
  st->BindInt64(3, articles);
  return st->Run();
}

Status EntityStore::FlushCounts() {
  // Taken first: a failure leaves nothing pending (the caller's transaction fails with it).
  auto counts = std::move(pending_counts_);
  auto aliases = std::move(pending_aliases_);
  DropPendingCounts();
  for (const auto& [key, articles] : aliases) {
    DEPECHE_RETURN_IF_ERROR(
        AddAliasRow(key.first, key.second, articles).WithContext("writing the entity counters"));
  }
  for (const auto& [id, sums] : counts) {
    DEPECHE_RETURN_IF_ERROR(
        AddCountsRow(id, sums.first, sums.second).WithContext("writing the entity counters"));
  }
  return Status::Ok();
}

Result<std::vector<std::pair<std::string, uint64_t>>> EntityStore::StoryMembers() {
  std::vector<std::pair<std::string, uint64_t>> out;
  DEPECHE_ASSIGN_OR_RETURN(
      Statement * st, Cached("SELECT DISTINCT s.story_id, e.entity_id FROM article_entities e "
                             "JOIN article_story s ON s.article_id = e.article_id ORDER BY 1, 2"));
  ResetOnExit reset(*st);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.emplace_back(st->ColumnText(0), Id(st->ColumnInt64(1)));
  }
  return out;
}

Result<SavedEntityState> EntityStore::Load() {
  SavedEntityState state;
  std::unordered_map<uint64_t, size_t> index;
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT id, type, name, gazetteer_ref, country_code, latitude, longitude, "
               "article_count, mention_count FROM entities WHERE merged_into IS NULL "
               "ORDER BY created_seq"));
    ResetOnExit reset(*st);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      SavedEntity saved;
      extract::CanonicalEntity& e = saved.entity;
      e.id = Id(st->ColumnInt64(0));
      const int64_t type = st->ColumnInt64(1);
      if (type < 0 || type >= extract::kEntityTypes) {
        return DataLossError("entity " + Hex(e.id) + " has an unknown type " +
                             std::to_string(type));
      }
      e.type = static_cast<extract::EntityType>(type);
      e.name = st->ColumnText(2);
      e.gazetteer_ref = st->ColumnText(3);
      e.country_code = st->ColumnText(4);
      if (!st->ColumnIsNull(5)) e.latitude = st->ColumnDouble(5);
      if (!st->ColumnIsNull(6)) e.longitude = st->ColumnDouble(6);
      saved.article_count = st->ColumnInt64(7);
      saved.mention_count = st->ColumnInt64(8);
      index.emplace(e.id, state.entities.size());
      state.entities.push_back(std::move(saved));
    }
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("SELECT entity_id, alias, articles FROM entity_aliases"));
    ResetOnExit reset(*st);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      auto it = index.find(Id(st->ColumnInt64(0)));
      if (it == index.end()) continue;  // cannot happen: merges move aliases to the survivor
      state.entities[it->second].aliases.emplace_back(std::string(st->ColumnText(1)),
                                                      st->ColumnInt64(2));
    }
  }
  for (SavedEntity& e : state.entities) {
    std::sort(e.aliases.begin(), e.aliases.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("SELECT m.from_id, e.merged_into FROM entity_merges AS m JOIN entities AS e "
               "ON e.id = m.from_id WHERE e.merged_into IS NOT NULL ORDER BY m.rowid"));
    ResetOnExit reset(*st);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      state.merged.emplace_back(Id(st->ColumnInt64(0)), Id(st->ColumnInt64(1)));
    }
  }
  return state;
}

}  // namespace depeche::store
