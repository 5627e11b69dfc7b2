// WatchStore: the watches table (migration 11), stored watch queries. The store keeps them as
// given; checking a query and finding its matches is the Engine's (Engine::AddWatch,
// Engine::WatchMatches over ArticleStore::Search with SearchQuery::ingested_since).
#ifndef DEPECHE_STORE_WATCH_STORE_H_
#define DEPECHE_STORE_WATCH_STORE_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "depeche/watch.h"
#include "store/database.h"
#include "store/statement.h"

namespace depeche::store {

// Not thread-safe; borrows the Database (which must outlive it). Statements are prepared on
// first use.
class WatchStore {
 public:
  // Errors: InvalidArgument (null db).
  static Result<std::unique_ptr<WatchStore>> Create(Database* db);

  // Stores a watch created at `created_at` (UTC seconds) and returns it with its id: 16 hex
  // digits hashing its fields, its creation time and its row number, so that two identical
  // watches added in the same second still get two ids. Empty optional fields are stored as
  // "". Errors: InvalidArgument (empty query), SQLite errors (SQLITE_READONLY on a read-only
  // database).
  Result<Watch> Add(const WatchSpec& spec, int64_t created_at);
  // Every watch, newest first (then by id).
  Result<std::vector<Watch>> List();
  // The watch `key` names: its id or a unique prefix of >= 4 hex digits (case-insensitive).
  // NotFound; InvalidArgument (empty, shorter than 4, ambiguous: the message gives the count).
  Result<Watch> Get(const std::string& key);
  // Removes the watch `key` names (Get's rules) and returns it. Errors: Get's, SQLite errors.
  Result<Watch> Remove(const std::string& key);

 private:
  explicit WatchStore(Database* db) : db_(db) {}
  Result<Statement*> Cached(std::string_view sql);
  Database* db_;
  std::map<std::string, Statement, std::less<>> cache_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_WATCH_STORE_H_
