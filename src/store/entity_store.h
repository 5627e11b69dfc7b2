// EntityStore: the entity tables (migrations.cc, the entity migration): canonical entities and
// their aliases, the entities of each article with their mentions, merges; and the queries
// over them. The store never calls a resolver: it applies the plain data extraction and the
// cross-document resolver produce (extract/entity.h) and gives back what the resolver needs to
// restore its state.
#ifndef DEPECHE_STORE_ENTITY_STORE_H_
#define DEPECHE_STORE_ENTITY_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "depeche/entity.h"
#include "depeche/status.h"
#include "extract/entity.h"
#include "store/database.h"
#include "store/statement.h"

namespace depeche::store {

// A live canonical entity as the resolver last left it, with what it has seen.
struct SavedEntity {
  extract::CanonicalEntity entity;
  int64_t article_count = 0;
  int64_t mention_count = 0;
  // (alias, articles where it named the entity), most articles first, then by alias.
  std::vector<std::pair<std::string, int64_t>> aliases;
};

// Everything a cross-document resolver needs to continue where the last commit left it.
struct SavedEntityState {
  std::vector<SavedEntity> entities;  // live entities, in creation order
  // (merged id, the live entity it now is), in merge order: a resolver that still meets an
  // old id (a cached link, an alias key) can follow it.
  std::vector<std::pair<uint64_t, uint64_t>> merged;
};

// The 16-hex-digit id of an entity, and back (nullopt unless exactly 16 hex digits).
std::string EntityIdHex(uint64_t id);
std::optional<uint64_t> ParseEntityId(std::string_view hex);

// Not thread-safe; borrows the Database (which must outlive it). Statements are prepared on
// first use.
class EntityStore {
 public:
  // Errors: InvalidArgument (null db).
  static Result<std::unique_ptr<EntityStore>> Create(Database* db);

  // --- Writes: call inside the caller's transaction (Database::Begin/Commit), after the
  // article's row is stored, in the same transaction as the article. No savepoint is taken (a
  // savepoint makes FTS5 flush its pending terms, see migrations.cc), so on an error the
  // caller must roll the transaction back, and rebuild its resolver from Load().

  // Applies what extraction and the resolver produced for the stored article `article_id`:
  //  1. changes.upserts: new entities are created (their creation order recorded); existing
  //     ones take the new name, type, gazetteer_ref, country code and coordinates;
  //  2. changes.merges, in order: (from, into) moves `from`'s aliases, article rows and
  //     mentions to `into` (followed to its survivor if it was merged itself), records the
  //     merge and points `from` (and what was merged into it) at `into`; `into` keeps its id;
  //  3. entities.entities[i] is linked to changes.links[i] (followed through merges): its
  //     mentions (entities.mentions[j] for j in mentions) and aliases (name included, each
  //     counted once per article) are stored; two article entities linked to the same
  //     canonical entity become one row (salience: the larger; mentions: the union).
  // Counts (entity articles and mentions, alias articles) are kept incrementally.
  // Errors: InvalidArgument (links and entities differ in size, a mention index out of range,
  // an entity id 0, a link or merge naming an entity that is neither stored nor upserted, a
  // merge of an entity into itself or of an already merged entity), NotFound (no stored
  // article `article_id`), AlreadyExists (entities are already recorded for the article),
  // SQLite errors.
  Status Record(const std::string& article_id, const extract::ArticleEntities& entities,
                const extract::EntityChanges& changes);

  // With SetDeferCounts(true), the counters Record keeps (entity articles and mentions, alias
  // articles) are summed in memory and written by FlushCounts, one statement per entity and
  // alias of the batch instead of one per article: a writer whose batch names "Reagan" 300
  // times updates his row once (on PostgreSQL every update leaves a row version that the next
  // one walks past until the commit). The caller flushes before committing and drops them
  // after a rollback; Merge flushes first. Off (the default): Record writes them itself.
  void SetDeferCounts(bool on) { defer_counts_ = on; }
  Status FlushCounts();
  void DropPendingCounts() {
    pending_counts_.clear();
    pending_aliases_.clear();
  }

  // The state the resolver restores on open (empty for a fresh database). Cost: one pass over
  // the entities and one over the aliases. Errors: SQLite errors.
  Result<SavedEntityState> Load();

  // (story id, entity id) for every entity recorded in an article of that story (the story
  // the article was placed in), distinct: the story memberships a resolver restores. Cost: one
  // pass over article_entities joined to article_story.
  Result<std::vector<std::pair<std::string, uint64_t>>> StoryMembers();

  // --- Reads.

  // Live entities, most articles first, then by name (EntityQuery; with `name`, a scan of the
  // names and aliases, folded as text::Fold does). `query.story` must be a
  // full story id here (the Engine resolves prefixes and merges). Cost: without story and since,
  // one ordered index scan stopped by the limit plus a count of the live entities (of the type);
  // with them, one pass over the entities of the articles they keep. Errors: InvalidArgument
  // (limit <= 0, an unknown type, since not an ISO date).
  Result<std::vector<EntitySummary>> List(const EntityQuery& query);
  // The entity `key` names: its 16-hex-digit id, a unique id prefix of >= 6 hex digits, or a
  // name (its canonical name, else one of its aliases; ASCII case ignored). A merged entity's
  // id answers with the entity it was merged into. Lists at most `article_limit` articles and
  // `story_limit` stories. NotFound; InvalidArgument (empty, an ambiguous prefix or name: the
  // message lists the candidates; limits <= 0).
  Result<EntityDetail> Get(const std::string& key, int article_limit = 50, int story_limit = 50);
  // The full id `key` names (the rules of Get).
  Result<std::string> Resolve(const std::string& key);
  // The entities of the article `article_id` (a full id) with their mentions, most salient
  // first; empty when none are recorded.
  Result<std::vector<ArticleEntityRef>> OfArticle(const std::string& article_id);
  // The entities of the story `story_id` (a full id), by their salience summed over the
  // story's articles, then articles; at most `limit`. Errors: InvalidArgument (limit <= 0).
  Result<std::vector<StoryEntity>> OfStory(const std::string& story_id, int limit = 20);

 private:
  explicit EntityStore(Database* db) : db_(db) {}
  // A statement prepared once per EntityStore (the caller resets it).
  Result<Statement*> Cached(std::string_view sql);
  // The live entity `id` now is (itself, or the survivor of its merges); NotFound.
  Result<uint64_t> Live(uint64_t id);
  // Live() of each of `ids` that is stored, in a few queries; unknown ids are left out.
  Result<std::unordered_map<uint64_t, uint64_t>> LiveOf(const std::vector<uint64_t>& ids);
  Status Upsert(const extract::CanonicalEntity& entity);
  Status Merge(uint64_t from, uint64_t into, const std::string& article_id);
  Result<std::vector<EntityAlias>> Aliases(uint64_t id, int limit);
  Result<EntitySummary> Summary(uint64_t id);
  // The JSON array of the live entity ids whose name or an alias matches `name`
  // (EntityQuery::name), nullopt when none does. InvalidArgument: no word in `name`.
  Result<std::optional<std::string>> Named(const std::string& name);
  // Adds to an entity's counters and to an alias's article count: now, or in the pending sums.
  Status AddCounts(uint64_t id, int64_t articles, int64_t mentions);
  Status AddAlias(uint64_t id, std::string_view alias);
  Status AddAliasRow(uint64_t id, std::string_view alias, int64_t articles);
  Status AddCountsRow(uint64_t id, int64_t articles, int64_t mentions);
  Database* db_;
  std::map<std::string, Statement, std::less<>> cache_;
  bool defer_counts_ = false;
  std::map<uint64_t, std::pair<int64_t, int64_t>> pending_counts_;  // id -> (articles, mentions)
  std::map<std::pair<uint64_t, std::string>, int64_t> pending_aliases_;  // -> articles
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_ENTITY_STORE_H_
