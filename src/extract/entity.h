// Named entities: the types every stage of the "who" part shares. Mention detection (the NER
// tagger and the gazetteers) produces Mentions; in-article resolution groups them into
// ArticleEntities; the cross-document resolver (stateful, one writer) links each article
// entity to a CanonicalEntity and hands the store plain EntityChanges.
//
// Offsets are byte spans into Article::text (or Article::title when `in_title`), like every
// other span of an Article; JSON output converts them to characters.
#ifndef DEPECHE_EXTRACT_ENTITY_H_
#define DEPECHE_EXTRACT_ENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/article.h"

namespace depeche::extract {

// Coarse types, the CoNLL way (MISC kept for scoring; the engine stores person/org/place).
enum class EntityType : uint8_t { kPerson = 0, kOrganization = 1, kPlace = 2, kMisc = 3 };
inline constexpr int kEntityTypes = 4;

// "person", "org", "place", "misc": the names used in --json, the store and the docs.
std::string_view EntityTypeName(EntityType type);
// Parses those names (and the CoNLL tags PER, ORG, LOC, MISC); nullopt otherwise.
std::optional<EntityType> ParseEntityType(std::string_view name);

// One name as written in one article.
struct Mention {
  Span span;              // bytes [begin, end) into Article::text, or Article::title
  bool in_title = false;  // the span is into the title
  EntityType type = EntityType::kMisc;
  std::string surface;  // the text of the span, as written
  float score = 1.0f;   // detector confidence in [0, 1]
  friend bool operator==(const Mention&, const Mention&) = default;
};

// The mentions of one article that name the same thing ("Antony Blinken", "M. Blinken",
// "Blinken"), with the article-level evidence the cross-document resolver needs.
struct ArticleEntity {
  EntityType type = EntityType::kMisc;
  std::string name;                  // the fullest form in the article ("Antony Blinken")
  std::vector<std::string> aliases;  // distinct surface forms seen, titles stripped
  std::vector<uint32_t> mentions;    // indices into ArticleEntities::mentions
  // How central the entity is to the article: headline and lead mentions weigh most. In
  // [0, 1]; the entities of an article are sorted by it, most salient first.
  float salience = 0.0f;
  // Gazetteer identity when one matched: "iso3166:UA", "geonames:2660646", "" otherwise.
  std::string gazetteer_ref;
  std::string country_code;  // ISO 3166-1 alpha-2 of a place (a city's country), or ""
  std::optional<double> latitude, longitude;
};

// What extraction produces per article (pure, runs on the analysis workers).
struct ArticleEntities {
  std::vector<Mention> mentions;  // in text order, title mentions first
  std::vector<ArticleEntity> entities;
};

// A canonical entity across articles and languages. Its id is fixed when it is created
// (a hash of its first canonical key) and never changes; its display name may.
struct CanonicalEntity {
  uint64_t id = 0;
  EntityType type = EntityType::kMisc;
  std::string name;  // canonical display name ("Sergueï Lavrov")
  std::string gazetteer_ref;
  std::string country_code;
  std::optional<double> latitude, longitude;
};

// What the cross-document resolver decided for one article: plain data for the store.
struct EntityChanges {
  std::vector<CanonicalEntity> upserts;  // created or renamed entities
  // (from, into): `from` is merged into the older `into`; the store moves its aliases and
  // mentions and records the merge.
  std::vector<std::pair<uint64_t, uint64_t>> merges;
  // entity id for each ArticleEntities::entities[i] of the article, in the same order.
  std::vector<uint64_t> links;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_ENTITY_H_
