// Test helper: records chosen entities for stored articles through the store's API, as the engine
// does at ingest (the tests that use it ingest with --no-entities; SeedsEntitiesTest covers
// extraction). Each entity is given by the surfaces of its mentions, found in the article's title
// (first) or text.
#ifndef DEPECHE_TESTS_INTEGRATION_ENTITY_SEED_H_
#define DEPECHE_TESTS_INTEGRATION_ENTITY_SEED_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "depeche/engine.h"
#include "extract/entity.h"
#include "store/database.h"
#include "store/entity_store.h"

namespace depeche::testing_util {

struct SeedEntity {
  uint64_t id = 0;
  extract::EntityType type = extract::EntityType::kMisc;
  std::string name;
  std::vector<std::string> surfaces;  // each found once, in the title first, else the text
  float salience = 0.5f;
  std::vector<uint64_t> merges_from;  // entities merged into this one with this article
};

// Records `entities` for the stored article `article_key` (anything GetArticle takes) of the
// database at `db_path`: the first time an id appears it is created. Fails the test on error.
inline void SeedEntities(const std::string& db_path, const std::string& article_key,
                         const std::vector<SeedEntity>& entities) {
  Article article;
  {
    EngineConfig config;
    config.db_path = db_path;
    config.read_only = true;
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    auto a = (*engine)->GetArticle(article_key);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    article = std::move(a).value();
  }
  auto db = store::Database::Open(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto store = store::EntityStore::Create(db->get());
  ASSERT_TRUE(store.ok());
  auto known = (*store)->Load();
  ASSERT_TRUE(known.ok()) << known.status().ToString();
  extract::ArticleEntities out;
  extract::EntityChanges changes;
  for (const SeedEntity& seed : entities) {
    bool exists = false;
    for (const store::SavedEntity& e : known->entities) exists = exists || e.entity.id == seed.id;
    if (!exists) {
      extract::CanonicalEntity canonical;
      canonical.id = seed.id;
      canonical.type = seed.type;
      canonical.name = seed.name;
      changes.upserts.push_back(canonical);
    }
    for (uint64_t from : seed.merges_from) changes.merges.emplace_back(from, seed.id);
    extract::ArticleEntity e;
    e.type = seed.type;
    e.name = seed.name;
    e.salience = seed.salience;
    for (const std::string& surface : seed.surfaces) {
      extract::Mention m;
      size_t at = article.title.find(surface);
      m.in_title = at != std::string::npos;
      if (!m.in_title) at = article.text.find(surface);
      ASSERT_NE(at, std::string::npos) << surface << " is not in " << article.id;
      m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
      m.type = seed.type;
      m.surface = surface;
      e.mentions.push_back(static_cast<uint32_t>(out.mentions.size()));
      out.mentions.push_back(std::move(m));
      e.aliases.push_back(surface);
    }
    out.entities.push_back(std::move(e));
    changes.links.push_back(seed.id);
  }
  ASSERT_TRUE((*db)->Begin().ok());
  Status recorded = (*store)->Record(article.id, out, changes);
  ASSERT_TRUE(recorded.ok()) << recorded.ToString();
  ASSERT_TRUE((*db)->Commit().ok());
}

}  // namespace depeche::testing_util

#endif  // DEPECHE_TESTS_INTEGRATION_ENTITY_SEED_H_
