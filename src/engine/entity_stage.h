// EntityStage: the cross-document entity resolver and its persistence. Each newly stored
// article's entities (extracted on the analysis workers) are linked to canonical entities in
// ingest order, and written with the article in the same transaction; the resolver is rebuilt
// from the store when the engine opens and after a rollback.
#ifndef DEPECHE_ENGINE_ENTITY_STAGE_H_
#define DEPECHE_ENGINE_ENTITY_STAGE_H_

#include <memory>
#include <optional>
#include <string>

#include "depeche/article.h"
#include "depeche/status.h"
#include "extract/entity.h"
#include "extract/entity_resolver.h"
#include "extract/gazetteer.h"
#include "store/database.h"
#include "store/entity_store.h"

namespace depeche::engine {

// Not thread-safe (one writer); borrows the Database, which must outlive it.
class EntityStage {
 public:
  // Restores the resolver from the store. `gazetteer` may be null. Errors: from
  // EntityStore::Create/Load or EntityResolver::Restore.
  static Result<std::unique_ptr<EntityStage>> Open(
      store::Database* db, std::shared_ptr<const extract::Gazetteer> gazetteer);

  // Links `entities` of `article` (just inserted, inside the open transaction, and placed in
  // `story_id` by the story stage) and records them. Errors: from EntityStore::Record (the
  // caller rolls back and calls Reload).
  Status Add(const Article& article, const extract::ArticleEntities& entities,
             const std::string& story_id);
  // Rebuilds the resolver from what the store holds (after a rollback, or when another writer
  // committed); pending counters are dropped (they belonged to the rolled-back batch).
  Status Reload();
  // Batch writers: the entity counters summed over a batch (EntityStore::SetDeferCounts),
  // written by FlushCounts before the commit.
  void SetDeferCounts(bool on) {
    if (store_) store_->SetDeferCounts(on);
  }
  Status FlushCounts() { return store_ ? store_->FlushCounts() : Status::Ok(); }
  void DropPendingCounts() {
    if (store_) store_->DropPendingCounts();
  }

 private:
  EntityStage(store::Database* db, std::shared_ptr<const extract::Gazetteer> gazetteer)
      : db_(db), gazetteer_(std::move(gazetteer)) {}

  store::Database* db_;
  std::shared_ptr<const extract::Gazetteer> gazetteer_;
  std::unique_ptr<store::EntityStore> store_;
  std::optional<extract::EntityResolver> resolver_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_ENTITY_STAGE_H_
