#include "engine/entity_stage.h"

#include <utility>
#include <vector>

namespace depeche::engine {
namespace {

// `entities` without the entities the resolver left unlinked (link 0: a role description the
// story does not resolve) and their mentions; `links` filtered alike.
void DropUnlinked(extract::ArticleEntities& entities, std::vector<uint64_t>& links) {
  std::vector<int64_t> new_index(entities.mentions.size(), -1);
  extract::ArticleEntities kept;
  std::vector<uint64_t> kept_links;
  for (size_t i = 0; i < entities.entities.size(); ++i) {
    if (i >= links.size() || links[i] == 0) continue;
    for (uint32_t m : entities.entities[i].mentions) {
      if (m < new_index.size()) new_index[m] = 0;
    }
  }
  for (size_t m = 0; m < entities.mentions.size(); ++m) {
    if (new_index[m] < 0) continue;
    new_index[m] = static_cast<int64_t>(kept.mentions.size());
    kept.mentions.push_back(std::move(entities.mentions[m]));
  }
  for (size_t i = 0; i < entities.entities.size(); ++i) {
    if (i >= links.size() || links[i] == 0) continue;
    extract::ArticleEntity e = std::move(entities.entities[i]);
    for (uint32_t& m : e.mentions) m = static_cast<uint32_t>(new_index[m]);
    kept.entities.push_back(std::move(e));
    kept_links.push_back(links[i]);
  }
  entities = std::move(kept);
  links = std::move(kept_links);
}

}  // namespace

Result<std::unique_ptr<EntityStage>> EntityStage::Open(
    store::Database* db, std::shared_ptr<const extract::Gazetteer> gazetteer) {
  std::unique_ptr<EntityStage> stage(new EntityStage(db, std::move(gazetteer)));
  DEPECHE_ASSIGN_OR_RETURN(stage->store_, store::EntityStore::Create(db));
  DEPECHE_RETURN_IF_ERROR(stage->Reload());
  return stage;
}

Status EntityStage::Reload() {
  resolver_.reset();
  store_->DropPendingCounts();
  DEPECHE_ASSIGN_OR_RETURN(store::SavedEntityState saved, store_->Load());
  std::vector<extract::CanonicalEntity> entities;
  std::vector<extract::AliasCount> aliases;
  entities.reserve(saved.entities.size());
  for (store::SavedEntity& e : saved.entities) {
    for (const auto& [alias, articles] : e.aliases) {
      aliases.push_back({e.entity.id, alias, static_cast<uint32_t>(articles)});
    }
    entities.push_back(std::move(e.entity));
  }
  DEPECHE_ASSIGN_OR_RETURN(auto members, store_->StoryMembers());
  extract::EntityResolver resolver(gazetteer_);
  DEPECHE_RETURN_IF_ERROR(resolver.Restore(entities, aliases, members, saved.merged));
  resolver_.emplace(std::move(resolver));
  return Status::Ok();
}

Status EntityStage::Add(const Article& article, const extract::ArticleEntities& entities,
                        const std::string& story_id) {
  if (!resolver_) return FailedPreconditionError("entity resolver not loaded");
  if (entities.entities.empty()) return Status::Ok();
  extract::EntityChanges changes = resolver_->Resolve(entities, story_id);
  for (uint64_t link : changes.links) {
    if (link != 0) continue;
    extract::ArticleEntities linked = entities;
    DropUnlinked(linked, changes.links);
    if (linked.entities.empty() && changes.upserts.empty() && changes.merges.empty()) {
      return Status::Ok();
    }
    return store_->Record(article.id, linked, changes);
  }
  return store_->Record(article.id, entities, changes);
}

}  // namespace depeche::engine
