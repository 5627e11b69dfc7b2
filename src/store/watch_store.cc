#include "store/watch_store.h"

#include <algorithm>

#include "core/hash.h"
#include "core/strings.h"
#include "store/row_codec.h"

namespace depeche::store {
namespace {

constexpr size_t kMinPrefix = 4;
constexpr size_t kIdLength = 16;

#define DEPECHE_WATCH_COLUMNS "id, name, query, entity, lang, created_at"

Watch ReadWatch(Statement& st) {
  Watch w;
  w.id = st.ColumnText(0);
  w.name = st.ColumnText(1);
  w.query = st.ColumnText(2);
  w.entity = st.ColumnText(3);
  w.lang = st.ColumnText(4);
  w.created_at = st.ColumnInt64(5);
  return w;
}

}  // namespace

Result<std::unique_ptr<WatchStore>> WatchStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("WatchStore needs a database");
  return std::unique_ptr<WatchStore>(new WatchStore(db));
}

Result<Statement*> WatchStore::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(db_, sql));
    it = cache_.emplace(std::string(sql), std::move(st)).first;
  }
  return &it->second;
}

Result<Watch> WatchStore::Add(const WatchSpec& spec, int64_t created_at) {
  if (spec.query.empty()) return InvalidArgumentError("a watch needs a query");
  Watch w;
  w.name = spec.name.value_or("");
  w.query = spec.query;
  w.entity = spec.entity.value_or("");
  w.lang = spec.lang.value_or("");
  w.created_at = created_at;
  int64_t next_row = 1;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("SELECT coalesce(max(rowid), 0) + 1 FROM watches"));
    ResetOnExit reset(*st);
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (row) next_row = st->ColumnInt64(0);
  }
  core::Hasher hasher;
  for (const std::string* field : {&w.name, &w.query, &w.entity, &w.lang}) {
    hasher.Update(*field);
    hasher.Update(std::string_view("\x1f", 1));
  }
  hasher.Update(std::to_string(created_at) + "\x1f" + std::to_string(next_row));
  w.id = core::Hex64(hasher.Digest());
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached("INSERT INTO watches(" DEPECHE_WATCH_COLUMNS
                                                  ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  ResetOnExit reset(*st);
  st->BindText(1, w.id);
  st->BindText(2, w.name);
  st->BindText(3, w.query);
  st->BindText(4, w.entity);
  st->BindText(5, w.lang);
  st->BindInt64(6, w.created_at);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  return w;
}

Result<std::vector<Watch>> WatchStore::List() {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached("SELECT " DEPECHE_WATCH_COLUMNS
                                                  " FROM watches ORDER BY created_at DESC, id"));
  ResetOnExit reset(*st);
  std::vector<Watch> out;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    out.push_back(ReadWatch(*st));
  }
  return out;
}

Result<Watch> WatchStore::Get(const std::string& key) {
  if (key.empty()) return InvalidArgumentError("empty watch id");
  const std::string lower = core::AsciiLower(key);
  if (lower.size() > kIdLength || !IsLowerHex(lower))
    return NotFoundError("no watch \"" + key + "\"");
  if (lower.size() < kMinPrefix) {
    return InvalidArgumentError("watch id prefix \"" + key + "\" is too short (at least " +
                                std::to_string(kMinPrefix) + " characters)");
  }
  // Every id starting with `lower` sorts in [lower, lower + "g").
  DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                           Cached("SELECT " DEPECHE_WATCH_COLUMNS
                                  " FROM watches WHERE id >= ?1 AND id < ?2 ORDER BY id"));
  const std::string upper = lower + "g";  // bound without a copy: must outlive Step()
  ResetOnExit reset(*st);
  st->BindText(1, lower);
  st->BindText(2, upper);
  std::vector<Watch> found;
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    found.push_back(ReadWatch(*st));
  }
  if (found.empty()) return NotFoundError("no watch \"" + key + "\"");
  if (found.size() > 1) {
    return InvalidArgumentError("watch id prefix \"" + key + "\" is ambiguous: " +
                                std::to_string(found.size()) + " watches match");
  }
  return std::move(found.front());
}

Result<Watch> WatchStore::Remove(const std::string& key) {
  DEPECHE_ASSIGN_OR_RETURN(Watch w, Get(key));
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached("DELETE FROM watches WHERE id = ?1"));
  ResetOnExit reset(*st);
  st->BindText(1, w.id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  return w;
}

}  // namespace depeche::store
